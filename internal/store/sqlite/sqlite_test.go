package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

// testDB is a DB that tells the suite the size of an event's row.
type testDB struct{ *DB }

func (db testDB) EventRowSize(ctx context.Context, id string) (int, error) {
	var n int
	err := db.db.QueryRowContext(ctx, `SELECT length(body) FROM events WHERE id = ?`, id).Scan(&n)
	return n, err
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return testDB{db}
	})
}

// TestHelperIngestForever is not a test on its own: TestKilledDuringIngest
// runs it in a child process, which ingests until it is killed.
func TestHelperIngestForever(t *testing.T) {
	path := os.Getenv("SITREP_HELPER_DB")
	if path == "" {
		t.Skip("runs only as the child of TestKilledDuringIngest")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		r := report(fmt.Sprintf("doc-%d", i), fmt.Sprintf("Outlet %d", i%7), i%50, "Al Shabaab")
		r.Events[0].DateStart = event.Date(fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28))
		r.Events[0].DateEnd = r.Events[0].DateStart
		if _, err := db.Ingest(ctx, r); err != nil {
			t.Fatal(err)
		}
		// The parent kills this process once it has heard of enough.
		fmt.Println("stored", i)
	}
}

// TestKilledDuringIngest kills a process in the middle of ingesting
// (SIGKILL, no chance to clean up) and checks that the database opens,
// passes SQLite's integrity check, and takes more documents.
func TestKilledDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "killed.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIngestForever$")
	cmd.Env = append(os.Environ(), "SITREP_HELPER_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Killed once it has stored 50 documents, however long that takes,
	// while it goes on storing more.
	lines := bufio.NewScanner(out)
	for stored := 0; stored < 50; stored++ {
		if !lines.Scan() {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the child stopped after storing %d documents", stored)
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	if ok, err := db.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Fatalf("integrity check after kill: %q, %v", ok, err)
	}
	before, err := db.Events(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(before) < 50 {
		t.Fatalf("%d events after the kill; the child had stored 50 documents, each a new event", len(before))
	}
	if _, err := db.Ingest(ctx, report("after-kill", "Late Wire", 1, "Al Shabaab")); err != nil {
		t.Fatalf("ingest after kill: %v", err)
	}
	t.Logf("%d events survived the kill", len(before))
}

// BenchmarkMerge merges one report into an event that has 1 or 1,000
// sources already: the two should cost about the same.
func BenchmarkMerge(b *testing.B) {
	for _, sources := range []int{1, 1000} {
		b.Run(fmt.Sprint("sources=", sources), func(b *testing.B) {
			ctx := context.Background()
			db, err := Open(ctx, filepath.Join(b.TempDir(), "b.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			var batch []*event.Result
			for i := range sources {
				batch = append(batch, report(fmt.Sprintf("doc-%d", i), "Outlet", 5, "Al Shabaab"))
			}
			if _, err := db.IngestAll(ctx, batch); err != nil {
				b.Fatal(err)
			}
			n := sources
			for b.Loop() {
				if _, err := db.Ingest(ctx, report(fmt.Sprintf("doc-%d", n), "Outlet", 5, "Al Shabaab")); err != nil {
					b.Fatal(err)
				}
				n++
			}
		})
	}
}
