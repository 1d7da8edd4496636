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
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// loadEvents is how many merged events the load test serves.
const loadEvents = 100_000

// bigStore is a store of at least loadEvents synthetic events.
func bigStore(t testing.TB) *sqlite.DB {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	r := rand.New(rand.NewPCG(7, 7))
	w := world()
	start := time.Now()
	events, docs := 0, 0
	for events < loadEvents {
		batch := make([]*event.Result, 0, 1000)
		for range cap(batch) {
			batch = append(batch, synthEvent(r, w, docs))
			docs++
		}
		out, err := db.IngestAll(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		events += out.New
	}
	t.Logf("stored %d events from %d articles in %v", events, docs, time.Since(start).Round(time.Millisecond))
	return db
}

// A request is one kind of call clients make, with its query.
type request struct {
	kind, path string
}

// requests is the mix of calls a client makes: mostly filtered listings,
// as a dashboard's users make them, with the calls around them.
func requests(r *rand.Rand, countries []country) request {
	c := countries[r.IntN(len(countries))]
	q := url.Values{}
	switch n := r.IntN(20); {
	case n < 12:
		// Listings with one to three filters.
		q.Set("limit", fmt.Sprint([]int{20, 100, 500}[r.IntN(3)]))
		from := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(1000))
		switch r.IntN(6) {
		case 0:
			q.Set("country", c.iso)
		case 1:
			q.Set("country", c.iso)
			q.Set("type", acledTypes[r.IntN(len(acledTypes))].typ)
		case 2:
			q.Set("from", from.Format(time.DateOnly))
			q.Set("to", from.AddDate(0, 0, 30).Format(time.DateOnly))
		case 3:
			q.Set("actor", c.rebels[0])
			q.Set("from", from.Format(time.DateOnly))
		case 4:
			p := c.provinces[r.IntN(len(c.provinces))]
			q.Set("bbox", fmt.Sprintf("%g,%g,%g,%g", p.lon-1, p.lat-1, p.lon+1, p.lat+1))
		case 5:
			q.Set("q", fmt.Sprintf("town %d,", r.IntN(200)))
			q.Set("country", c.iso)
		}
		return request{"events", "/api/events?" + q.Encode()}
	case n < 15:
		q.Set("by", []string{"day", "country", "type"}[r.IntN(3)])
		if r.IntN(2) == 0 {
			q.Set("country", c.iso)
		}
		return request{"aggregates", "/api/aggregates?" + q.Encode()}
	case n < 17:
		q.Set("country", c.iso)
		return request{"dashboard", "/?" + q.Encode()}
	default:
		return request{"unfiltered", "/api/events?limit=100"}
	}
}

// TestAPIUnderLoad serves 100,000 events on loopback to concurrent
// clients for a fixed time and reports latencies per kind of call. Every
// call must succeed, every listed event must pass the listing's filters,
// and following a cursor must give the next page.
func TestAPIUnderLoad(t *testing.T) {
	duration := 10 * time.Second
	if testing.Short() {
		duration = 2 * time.Second
	}
	drive(t, bigStore(t), duration)
}

// drive serves st on loopback to concurrent clients for the duration.
func drive(t *testing.T, st store.Store, duration time.Duration) {
	srv, err := New(st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	const clients = 16
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var (
		mu        sync.Mutex
		latencies = map[string][]time.Duration{}
		failures  []string
		wg        sync.WaitGroup
	)
	deadline := time.Now().Add(duration)
	countries := world()
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(i), 99))
			for time.Now().Before(deadline) {
				req := requests(r, countries)
				start := time.Now()
				err := call(client, ts.URL+req.path, req.kind)
				took := time.Since(start)
				mu.Lock()
				latencies[req.kind] = append(latencies[req.kind], took)
				if err != nil && len(failures) < 10 {
					failures = append(failures, fmt.Sprintf("%s: %v", req.path, err))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for _, f := range failures {
		t.Error(f)
	}
	total := 0
	for _, kind := range []string{"events", "unfiltered", "aggregates", "dashboard"} {
		ls := latencies[kind]
		if len(ls) == 0 {
			t.Errorf("no %s calls were made", kind)
			continue
		}
		total += len(ls)
		slices.Sort(ls)
		at := func(p float64) time.Duration { return ls[int(p*float64(len(ls)-1))].Round(10 * time.Microsecond) }
		t.Logf("%-10s %6d calls  p50 %-9v p90 %-9v p99 %-9v max %v", kind, len(ls), at(0.5), at(0.9), at(0.99), ls[len(ls)-1].Round(10*time.Microsecond))
		// A bound far above what the store needs, so that a slow
		// machine passes and a listing that reads every event fails.
		if kind == "events" && at(0.99) > 2*time.Second {
			t.Errorf("p99 of filtered listings %v, want under 2s", at(0.99))
		}
	}
	t.Logf("%d clients, %d calls in %v: %.0f calls/s", clients, total, duration, float64(total)/duration.Seconds())
}

// call makes one request and checks its answer.
func call(client *http.Client, rawURL, kind string) error {
	resp, err := client.Get(rawURL)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %.200s", resp.StatusCode, body)
	}
	if kind != "events" {
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
	for _, e := range p.Events {
		if !passes(e, f) {
			return fmt.Errorf("event %s (%s %s %s %s) does not pass the filters", e.ID, e.ISO, e.DateStart, typeOf(e.Event), e.Actor1)
		}
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
	if len(next.Events) != 1 || next.Events[0].DateStart < last.DateStart || next.Events[0].ID == last.ID {
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
	if f.Actor != "" && e.Actor1 != f.Actor && e.Actor2 != f.Actor {
		return false
	}
	if b := f.BBox; b != nil && (e.Latitude == nil || *e.Longitude < b[0] || *e.Latitude < b[1] || *e.Longitude > b[2] || *e.Latitude > b[3]) {
		return false
	}
	return true
}
