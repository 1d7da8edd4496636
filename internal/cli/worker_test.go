package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep/sitrep/internal/queue"
	"github.com/sitrep/sitrep/internal/queue/queuetest"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep/sitrep/internal/synth"
)

// childArgs, set in a process the tests start, makes the test binary run
// sitrep with these arguments (JSON) instead of the tests: a worker the
// test can kill for real.
const childArgs = "SITREP_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgs); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			fmt.Fprintln(os.Stderr, "bad", childArgs, err)
			os.Exit(2)
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Run(ctx, a, os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// worker is a sitrep worker in a process of its own.
type worker struct {
	cmd         *exec.Cmd
	out, stderr bytes.Buffer
}

func startWorker(t *testing.T, args ...string) *worker {
	t.Helper()
	a, err := json.Marshal(append([]string{"worker"}, args...))
	if err != nil {
		t.Fatal(err)
	}
	w := &worker{cmd: exec.Command(os.Args[0], "-test.run=^$")}
	w.cmd.Env = append(os.Environ(), childArgs+"="+string(a))
	w.cmd.Stdout, w.cmd.Stderr = &w.out, &w.stderr
	// Killed with the test, whatever ends it.
	w.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := w.cmd.Start(); err != nil {
		t.Fatalf("start worker: %v", err)
	}
	t.Cleanup(func() {
		if w.cmd.ProcessState == nil {
			w.cmd.Process.Kill()
			w.cmd.Wait()
		}
	})
	return w
}

// TestWorkers queues documents on an embedded NATS server for three
// worker processes that store them into PostgreSQL, kills one of them
// half way, and finds every document stored once and the events that a
// single-process ingest of the same documents makes in the default
// store, an SQLite file.
func TestWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 5,000 documents twice")
	}
	ctx := context.Background()
	pg, err := pgtest.Start(ctx)
	if err != nil {
		t.Skipf("no PostgreSQL to test against: %v", err)
	}
	t.Cleanup(func() {
		if err := pg.Close(); err != nil {
			t.Error(err)
		}
	})
	const docs = 5000
	// Small synthetic reports, one a file; all published on one day, so
	// that they tell of the days of one week and many merge.
	dir := t.TempDir()
	r, world := rand.New(rand.NewPCG(20, 5)), synth.World()
	for i := range docs {
		text := synth.Article(r, world, i).Document.Text
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const published = "2024-03-09"

	single, shared := filepath.Join(t.TempDir(), "single.db"), pg.Schema(t)
	began := time.Now()
	code, out, stderr := run(t, "", "ingest", "--db", single, "--published", published, "--workers", "2", dir)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d documents read", docs)) {
		t.Fatalf("single ingest: exit %d, %q %.500s", code, out, stderr)
	}
	t.Logf("single process, %v: %s", time.Since(began).Round(time.Second), strings.TrimSpace(out))
	began = time.Now()

	nats := queuetest.Server(t)
	code, out, stderr = run(t, "", "ingest", "--queue", nats, "--published", published, dir)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d documents queued, 0 queued before", docs)) {
		t.Fatalf("ingest --queue: exit %d, %q %.500s", code, out, stderr)
	}
	// The same again is dropped by the queue.
	if code, out, _ = run(t, "", "ingest", "--queue", nats, "--published", published, dir); code != 0 || !strings.Contains(out, fmt.Sprintf("0 documents queued, %d queued before", docs)) {
		t.Fatalf("ingest --queue again: exit %d, %q", code, out)
	}

	// The schema is made before the test counts in it.
	st, err := openStore(ctx, shared)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	var workers []*worker
	for range 3 {
		workers = append(workers, startWorker(t, "--queue", nats, "--db", shared, "--workers", "2", "--ack-wait", "2s"))
	}
	conn, err := pgx.Connect(ctx, shared)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	stored := func() int {
		t.Helper()
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&n); err != nil {
			t.Fatalf("count documents: %v", err)
		}
		return n
	}
	q, err := queue.Open(ctx, nats)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	deadline := time.Now().Add(5 * time.Minute)
	wait := func(what string, done func() bool) {
		t.Helper()
		for !done() {
			if time.Now().After(deadline) {
				for i, w := range workers {
					t.Logf("worker %d: %s %.2000s", i, w.out.String(), w.stderr.String())
				}
				t.Fatalf("waited 5 minutes for %s; %d documents stored", what, stored())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	wait("half the documents", func() bool { return stored() >= docs/2 })
	if err := workers[0].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	workers[0].cmd.Wait()
	killedAt := stored()
	t.Logf("killed a worker with %d documents stored, %v after queueing began", killedAt, time.Since(began).Round(time.Second))
	wait("every document", func() bool {
		n, err := q.Pending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n == 0 && stored() == docs
	})
	t.Logf("all stored %v after queueing began", time.Since(began).Round(time.Second))
	var read, dups int
	for i, w := range workers[1:] {
		w.cmd.Process.Signal(syscall.SIGTERM)
		if err := w.cmd.Wait(); err != nil {
			t.Errorf("worker %d: %v: %s", i+1, err, w.stderr.String())
		}
		var r, d int
		if _, err := fmt.Sscanf(w.out.String(), "%d documents read, %d already stored", &r, &d); err != nil {
			t.Fatalf("worker %d summary %q: %v", i+1, w.out.String(), err)
		}
		t.Logf("worker %d: %s", i+1, strings.TrimSpace(w.out.String()))
		read, dups = read+r, dups+d
	}
	// The survivors stored what the killed one had not, and it had
	// stored some: it was at work when it died.
	if read < docs-killedAt || read >= docs {
		t.Errorf("the surviving workers stored %d documents; want from %d to %d", read, docs-killedAt, docs-1)
	}
	t.Logf("the killed worker stored %d documents", docs-read)

	want, wantMentions := canonicalEvents(t, single)
	got, gotMentions := canonicalEvents(t, shared)
	if gotMentions != wantMentions {
		t.Errorf("%d mentions merged into events by the workers, %d by one process", gotMentions, wantMentions)
	}
	if len(got) != len(want) {
		t.Errorf("%d events from the workers, %d from one process", len(got), len(want))
	}
	missing, extra := diff(want, got), diff(got, want)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("events differ: %d only from one process, %d only from the workers; first of each: %.300q %.300q",
			len(missing), len(extra), first(missing), first(extra))
	}
	t.Logf("%d documents, %d events, %d mentions", docs, len(got), gotMentions)
}

// canonicalEvents reads a database's events as strings that do not
// depend on the order documents were stored in: an event's sources, by
// document and mention, sorted, with its type, country, days and toll.
// It also counts the sources, and fails when a mention is any event's
// source twice.
func canonicalEvents(t *testing.T, db string) ([]string, int) {
	t.Helper()
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var evs []string
	seen := map[string]bool{}
	for e, err := range st.All(context.Background(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		var srcs []string
		for _, s := range e.Sources {
			k := s.DocumentID + "/" + s.MentionID
			if seen[k] {
				t.Errorf("mention %s is a source twice", k)
			}
			seen[k] = true
			srcs = append(srcs, k)
		}
		slices.Sort(srcs)
		typ := e.Plover
		if e.EventType != nil {
			typ = *e.EventType
		}
		toll := "?"
		if e.Fatalities != nil {
			toll = fmt.Sprint(*e.Fatalities)
		}
		evs = append(evs, fmt.Sprintf("%s %s %s..%s toll %s: %s", typ, e.ISO, e.DateStart, e.DateEnd, toll, strings.Join(srcs, " ")))
	}
	slices.Sort(evs)
	return evs, len(seen)
}

// diff is what of a is not in b, both sorted.
func diff(a, b []string) []string {
	var out []string
	for _, s := range a {
		if _, ok := slices.BinarySearch(b, s); !ok {
			out = append(out, s)
		}
	}
	return out
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
