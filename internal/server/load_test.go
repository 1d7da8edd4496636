package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/cputime"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/query"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
	"github.com/sitrep/sitrep/internal/synth"
)

// synthStore is a store of at least n synthetic events at path.
func synthStore(tb testing.TB, path string, n int) *sqlite.DB {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	docs, err := synth.Fill(ctx, db, n, 7, nil)
	if err != nil {
		db.Close()
		tb.Fatal(err)
	}
	tb.Logf("stored %d synthetic articles in %v", docs, time.Since(start).Round(time.Millisecond))
	return db
}

// A request is one kind of call clients make, with its path and query.
type request struct {
	kind, path string
}

// The kinds of call, as the load figures name them.
var kinds = []string{"events", "unfiltered", "aggregates", "event", "dashboard"}

// requests is the mix of calls a client makes: mostly filtered listings,
// as a dashboard's users make them, with the calls around them. ids are
// events whose pages clients open.
func requests(r *rand.Rand, countries []synth.Country, ids []string) request {
	c := countries[r.IntN(len(countries))]
	q := url.Values{}
	from := synth.Start.AddDate(0, 0, r.IntN(synth.Days))
	switch n := r.IntN(20); {
	case n < 11:
		// Listings with one to three filters.
		q.Set("limit", []string{"20", "50", "100"}[r.IntN(3)])
		switch r.IntN(8) {
		case 0:
			q.Set("country", c.ISO)
		case 1:
			q.Set("country", c.ISO)
			q.Set("type", synth.Types[r.IntN(len(synth.Types))].Type)
		case 2:
			q.Set("from", from.Format(time.DateOnly))
			q.Set("to", from.AddDate(0, 0, 30).Format(time.DateOnly))
		case 3:
			q.Set("actor", c.Rebels[0])
			q.Set("from", from.Format(time.DateOnly))
		case 4:
			p := c.Provinces[r.IntN(len(c.Provinces))]
			q.Set("bbox", fmt.Sprintf("%g,%g,%g,%g", p.Lon-1, p.Lat-1, p.Lon+1, p.Lat+1))
		case 5:
			q.Set("q", fmt.Sprintf("town %d,", r.IntN(200)))
			q.Set("country", c.ISO)
		case 6:
			q.Set("admin1", c.Provinces[r.IntN(len(c.Provinces))].Name)
			q.Set("type", synth.Types[r.IntN(len(synth.Types))].Type)
		case 7:
			q.Set("type", synth.Types[r.IntN(len(synth.Types))].Type)
			q.Set("from", from.Format(time.DateOnly))
			q.Set("to", from.AddDate(0, 0, 90).Format(time.DateOnly))
		}
		return request{"events", "/api/events?" + q.Encode()}
	case n < 14:
		q.Set("by", []string{"day", "country", "type"}[r.IntN(3)])
		switch r.IntN(3) {
		case 0:
			q.Set("country", c.ISO)
		case 1:
			q.Set("from", from.Format(time.DateOnly))
			q.Set("to", from.AddDate(0, 0, 30).Format(time.DateOnly))
		}
		return request{"aggregates", "/api/aggregates?" + q.Encode()}
	case n < 17:
		id := ids[r.IntN(len(ids))]
		if r.IntN(2) == 0 {
			return request{"event", "/events/" + id}
		}
		return request{"event", "/api/events/" + id}
	case n < 18:
		q.Set("country", c.ISO)
		return request{"dashboard", "/?" + q.Encode()}
	default:
		return request{"unfiltered", "/api/events?limit=100"}
	}
}

// someIDs returns the ids of up to n events spread over the countries.
func someIDs(tb testing.TB, st store.Store, n int) []string {
	var ids []string
	for _, c := range synth.World() {
		p, err := st.Page(context.Background(), store.Filter{Country: c.ISO, Limit: max(1, n/synth.Countries)})
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range p.Events {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) == 0 {
		tb.Fatal("the store holds no events")
	}
	return ids
}

// load is what clients saw: the latencies of each kind of call and the
// first failures.
type load struct {
	took, cpu time.Duration
	latencies map[string][]time.Duration
	failures  []string
}

// drive serves st on loopback to clients that make warm calls, not
// measured, then calls calls in all; each client checks the answer of
// one call in checkEvery as it comes back, and the status of every call.
func drive(tb testing.TB, st store.Store, clients, warm, calls, checkEvery int) load {
	srv, err := New(st, slog.New(slog.DiscardHandler))
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	ids := someIDs(tb, st, 2000)
	countries := synth.World()
	run := func(calls int, seed uint64) load {
		var (
			mu   sync.Mutex
			out  = load{latencies: map[string][]time.Duration{}}
			left atomic.Int64
			wg   sync.WaitGroup
		)
		left.Store(int64(calls))
		start := time.Now()
		cpu, _ := cputime.Used()
		for i := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(uint64(i), seed))
				for n := 0; left.Add(-1) >= 0; n++ {
					req := requests(r, countries, ids)
					t0 := time.Now()
					err := call(client, ts.URL+req.path, req.kind, n%checkEvery == 0)
					took := time.Since(t0)
					mu.Lock()
					out.latencies[req.kind] = append(out.latencies[req.kind], took)
					if err != nil && len(out.failures) < 10 {
						out.failures = append(out.failures, fmt.Sprintf("%s: %v", req.path, err))
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		cpu1, _ := cputime.Used()
		out.took, out.cpu = time.Since(start), cpu1-cpu
		return out
	}
	if warm > 0 {
		// Other calls than those measured, so that none finds its
		// answer cached by the warming.
		if w := run(warm, 7); len(w.failures) > 0 {
			tb.Errorf("warming up: %s", w.failures[0])
		}
	}
	return run(calls, 99)
}

// TestConcurrentCalls serves synthetic events on loopback to 16 clients at
// once. Every call must succeed, every listed event must pass the
// listing's filters, and following a cursor must give the next page, older than the last.
func TestConcurrentCalls(t *testing.T) {
	st := synthStore(t, filepath.Join(t.TempDir(), "load.db"), 3000)
	defer st.Close()
	got := drive(t, st, 16, 0, 500, 1)
	for _, f := range got.failures {
		t.Error(f)
	}
	for _, kind := range kinds {
		if len(got.latencies[kind]) == 0 {
			t.Errorf("no %s calls were made", kind)
		}
	}
}

// benchCheckEvery is how many calls a benchmark's client makes for each
// whose answer it checks: decoding a page of events and asking for the
// next takes the client longer than the server takes to serve the page,
// and the two share the machine. TestConcurrentCalls checks them all.
const benchCheckEvery = 10

var (
	benchOnce  sync.Once
	benchStore *sqlite.DB
)

// BenchmarkAPI serves a synthetic event record on loopback to 16 clients
// and reports calls a second and the latencies of each kind of call. The
// record is a temporary store of 20,000 events unless $SITREP_BENCH_DB
// names a database: one cmd/sitrep-synth filled, or a new one, which this
// fills with $SITREP_BENCH_EVENTS events (default 1,000,000) and keeps.
func BenchmarkAPI(b *testing.B) {
	benchOnce.Do(func() {
		path, n := os.Getenv("SITREP_BENCH_DB"), 1_000_000
		if path == "" {
			dir, err := os.MkdirTemp("", "sitrep-bench-")
			if err != nil {
				b.Fatal(err)
			}
			benchCleanup = func() { os.RemoveAll(dir) }
			path, n = filepath.Join(dir, "bench.db"), 20_000
		}
		if v := os.Getenv("SITREP_BENCH_EVENTS"); v != "" {
			var err error
			if n, err = strconv.Atoi(v); err != nil {
				b.Fatalf("SITREP_BENCH_EVENTS: %v", err)
			}
		}
		db, err := sqlite.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		var have int
		if p, err := db.Page(context.Background(), store.Filter{Limit: 1}); err == nil {
			have = p.Total
		}
		db.Close()
		if have == 0 {
			benchStore = synthStore(b, path, n)
		} else if benchStore, err = sqlite.Open(context.Background(), path); err != nil {
			b.Fatal(err)
		}
		// As sitrep serve does.
		start := time.Now()
		if err := benchStore.KeepFacets(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
		b.Logf("facets of %d events loaded in %v", max(have, n), time.Since(start).Round(time.Millisecond))
		// What loading left behind is collected before, not while,
		// clients call: the figures are those of a server that has run a
		// while.
		runtime.GC()
	})
	if benchStore == nil {
		b.Fatal("no store to serve")
	}
	const clients = 16
	b.ResetTimer()
	// The first calls load what the server reads filters with (the
	// gazetteer, the actors' names): not the cost of a call.
	got := drive(b, benchStore, clients, 200, b.N, benchCheckEvery)
	b.StopTimer()
	for _, f := range got.failures {
		b.Error(f)
	}
	var all []time.Duration
	var lines []string
	for _, kind := range kinds {
		ls := got.latencies[kind]
		if len(ls) == 0 {
			continue
		}
		all = append(all, ls...)
		lines = append(lines, fmt.Sprintf("%-10s %6d calls  p50 %-9v p99 %-9v max %v", kind, len(ls), quantile(ls, 0.5), quantile(ls, 0.99), quantile(ls, 1)))
	}
	b.ReportMetric(float64(b.N)/got.took.Seconds(), "calls/s")
	b.ReportMetric(float64(quantile(all, 0.5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(quantile(all, 0.99).Microseconds())/1000, "p99-ms")
	// On a shared machine calls a second say as much of the others' load
	// as of the server: CPU time per call, clients' included, does not.
	b.ReportMetric(float64(got.cpu.Microseconds())/1000/float64(b.N), "cpu-ms/call")
	b.ReportMetric(0, "ns/op")
	if b.N > 1 {
		b.Logf("%d clients, %d calls in %v\n%s", clients, b.N, got.took.Round(time.Millisecond), strings.Join(lines, "\n"))
	}
}

// benchCleanup removes a temporary benchmark store.
var benchCleanup = func() {}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
	}
	benchCleanup()
	os.Exit(code)
}

// quantile returns the q-quantile of ls, which it sorts.
func quantile(ls []time.Duration, q float64) time.Duration {
	slices.Sort(ls)
	return ls[int(q*float64(len(ls)-1))].Round(10 * time.Microsecond)
}

// resolver reads the filters of a call as the server does.
var resolver = query.New()

// call makes one request and, if check, checks its answer.
func call(client *http.Client, rawURL, kind string, check bool) error {
	resp, err := client.Get(rawURL)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if !check && resp.StatusCode == http.StatusOK {
		// Read, as a client would, but not kept.
		_, err := io.Copy(io.Discard, resp.Body)
		return err
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %.200s", resp.StatusCode, body)
	}
	if kind != "events" && kind != "unfiltered" {
		return nil
	}
	var p page
	if err := json.Unmarshal(body, &p); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	u, _ := url.Parse(rawURL)
	f, err := filterFrom(&http.Request{URL: u})
	if err != nil {
		return err
	}
	// The server reads filters as people type them: an actor's alias, or
	// its name with the period of its ACLED name, is the actor.
	if f, err = resolver.Resolve(f); err != nil {
		return err
	}
	for i, e := range p.Events {
		if !passes(e, f) {
			return fmt.Errorf("event %s (%s %s %s %s) does not pass the filters", e.ID, e.ISO, e.DateStart, typeOf(e.Event), e.Actor1)
		}
		if i > 0 && e.DateStart > p.Events[i-1].DateStart {
			return fmt.Errorf("event %s of %s listed after one of %s: not newest first", e.ID, e.DateStart, p.Events[i-1].DateStart)
		}
	}
	// A first page has a next one exactly when the total says more match.
	if p.Total < len(p.Events) || (p.Next != "") != (p.Total > len(p.Events)) {
		return fmt.Errorf("%d events listed, total %d, next %q", len(p.Events), p.Total, p.Next)
	}
	if p.Next == "" {
		return nil
	}
	// The next page goes on where this one stopped.
	q := u.Query()
	q.Set("cursor", p.Next)
	q.Set("limit", "1")
	resp2, err := client.Get(u.Scheme + "://" + u.Host + u.Path + "?" + q.Encode())
	if err != nil {
		return err
	}
	defer resp2.Body.Close()
	var next page
	if err := json.NewDecoder(resp2.Body).Decode(&next); err != nil || resp2.StatusCode != http.StatusOK {
		return fmt.Errorf("next page: status %d, %v", resp2.StatusCode, err)
	}
	last := p.Events[len(p.Events)-1]
	if len(next.Events) != 1 || next.Events[0].DateStart > last.DateStart || next.Events[0].ID == last.ID || next.Total != p.Total {
		return fmt.Errorf("next page does not follow event %s", last.ID)
	}
	return nil
}

// passes checks an event against a filter the slow way.
func passes(e store.Event, f store.Filter) bool {
	if f.Country != "" && e.ISO != f.Country || f.From != "" && string(e.DateEnd) < f.From || f.To != "" && string(e.DateStart) > f.To {
		return false
	}
	if f.EventType != "" && typeOf(e.Event) != f.EventType {
		return false
	}
	if f.Admin1 != "" && !strings.EqualFold(e.Admin1, f.Admin1) {
		return false
	}
	if f.Actor != "" && !slices.ContainsFunc([]string{e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2}, func(a string) bool {
		return strings.Contains(strings.ToLower(a), strings.ToLower(f.Actor))
	}) {
		return false
	}
	if f.Text != "" && !strings.Contains(strings.ToLower(e.Notes), strings.ToLower(f.Text)) && !slices.ContainsFunc(e.Evidence, func(ev event.Evidence) bool {
		return strings.Contains(strings.ToLower(ev.Text), strings.ToLower(f.Text))
	}) {
		return false
	}
	if b := f.BBox; b != nil && (e.Latitude == nil || *e.Longitude < b[0] || *e.Latitude < b[1] || *e.Longitude > b[2] || *e.Latitude > b[3]) {
		return false
	}
	return true
}
