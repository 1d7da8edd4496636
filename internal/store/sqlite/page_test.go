package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// spread is n clashes in different places and on different days, each
// reported once, so that none merge.
func spread(n int) []*event.Result {
	var out []*event.Result
	for i := range n {
		r := report(fmt.Sprintf("doc-%03d", i), "Horn Observer", i%5, "Al Shabaab")
		e := &r.Events[0]
		e.DateStart = event.Date(fmt.Sprintf("2025-04-%02d", 1+i%28))
		e.DateEnd, e.EventDate = e.DateStart, e.DateStart
		e.Latitude, e.Longitude = f64(float64(i)), f64(40)
		e.Location = fmt.Sprintf("Place %d", i)
		e.Admin1 = []string{"Bay", "Banadir"}[i%2]
		e.Notes = fmt.Sprintf("Clash number %d.", i)
		if i%3 == 0 {
			e.EventType, e.SubEventType = event.Str("Riots"), event.Str("Violent demonstration")
			e.Fatalities = nil
		}
		out = append(out, r)
	}
	return out
}

func openWith(t *testing.T, rs []*event.Result) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	out, err := db.IngestAll(ctx, rs)
	if err != nil || out.New != len(rs) {
		t.Fatalf("ingest %d reports: %+v, %v", len(rs), out, err)
	}
	return db
}

func TestPagesWalkTheListing(t *testing.T) {
	ctx := context.Background()
	db := openWith(t, spread(50))
	for _, f := range []store.Filter{{}, {EventType: "Battles"}, {Admin1: "bay"}, {From: "2025-04-10", To: "2025-04-20"}} {
		all, err := db.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var walked []store.Event
		f.Limit = 7
		for pages := 0; ; pages++ {
			if pages > 50 {
				t.Fatalf("filter %+v: pages never end", f)
			}
			p, err := db.Page(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != len(all) {
				t.Errorf("filter %+v: total %d, listing has %d", f, p.Total, len(all))
			}
			if len(p.Events) > f.Limit {
				t.Errorf("filter %+v: page of %d, limit %d", f, len(p.Events), f.Limit)
			}
			walked = append(walked, p.Events...)
			if p.Next == "" {
				break
			}
			f.After = p.Next
		}
		if len(walked) != len(all) {
			t.Fatalf("filter %+v: pages hold %d events, listing %d", f, len(walked), len(all))
		}
		for i := range all {
			if walked[i].ID != all[i].ID {
				t.Fatalf("filter %+v: event %d is %s on the pages, %s in the listing", f, i, walked[i].ID, all[i].ID)
			}
		}
	}
	for _, bad := range []string{"x", "!!", "MjAyNS0wNC0wMQ", "bm90LWEtZGF0ZS8x"} {
		if _, err := db.Page(ctx, store.Filter{After: bad, Limit: 5}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("cursor %q: %v, want ErrBadCursor", bad, err)
		}
	}
}

func TestFiltersInSQL(t *testing.T) {
	ctx := context.Background()
	db := openWith(t, spread(30))
	for _, tt := range []struct {
		f    store.Filter
		want int
	}{
		{store.Filter{Admin1: "BANADIR"}, 15},
		{store.Filter{BBox: &[4]float64{39, 10, 41, 19.5}}, 10},
		{store.Filter{BBox: &[4]float64{0, 0, 1, 1}}, 0},
		{store.Filter{Text: "NUMBER 2"}, 11}, // 2, 20-29
		{store.Filter{Text: "number 2\x1fclash"}, 0},
		{store.Filter{Actor: "somalia (2022"}, 30},
		{store.Filter{Actor: "shabaab\x1fmilitary"}, 0},
		{store.Filter{EventType: "riots", Country: "so"}, 0},
		{store.Filter{EventType: "Riots", Country: "so"}, 10},
		{store.Filter{Limit: 4}, 4},
	} {
		evs, err := db.Events(ctx, tt.f)
		if err != nil || len(evs) != tt.want {
			t.Errorf("filter %+v: %d events, %v; want %d", tt.f, len(evs), err, tt.want)
		}
	}
}

func TestAggregate(t *testing.T) {
	ctx := context.Background()
	db := openWith(t, spread(30))
	got, err := db.Aggregate(ctx, store.Filter{}, store.ByType)
	if err != nil {
		t.Fatal(err)
	}
	// Battles are the 20 reports with i%3 != 0; their fatalities are i%5.
	var killed int
	for i := range 30 {
		if i%3 != 0 {
			killed += i % 5
		}
	}
	want := []store.Bucket{{Key: "Battles", Events: 20, Fatalities: killed}, {Key: "Riots", Events: 10}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("by type: %v, want %v", got, want)
	}
	days, err := db.Aggregate(ctx, store.Filter{To: "2025-04-02"}, store.ByDay)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(days) != fmt.Sprint([]store.Bucket{{Key: "2025-04-01", Events: 2, Fatalities: 3}, {Key: "2025-04-02", Events: 2, Fatalities: 5}}) {
		t.Errorf("by day: %v", days)
	}
	if _, err := db.Aggregate(ctx, store.Filter{}, "outlet"); err == nil {
		t.Error("aggregate by an unknown dimension: no error")
	}
}

// downgrade takes the database at path back to schema version v by
// running the SQL that undoes the migrations after it.
func downgrade(t *testing.T, path string, v int) {
	t.Helper()
	undo := [][]string{
		2: {`DROP TABLE event_facets`, `DROP TABLE event_text`, `DROP INDEX events_seq`},
		3: {`DROP TABLE actor_names`, `DROP TABLE event_actors`, `DROP TABLE event_places`, `DROP TABLE record_state`,
			`DROP INDEX event_facets_iso`, `DROP INDEX event_facets_iso_kind`, `DROP INDEX event_facets_kind`, `DROP INDEX event_facets_end`,
			`CREATE INDEX event_facets_iso ON event_facets(iso, fatalities)`,
			`CREATE INDEX event_facets_kind ON event_facets(kind, fatalities)`,
			`CREATE INDEX event_facets_lat ON event_facets(lat, lon)`},
		4: {`UPDATE events SET body = json_set(body,
				'$.sources', json((SELECT json_group_array(json(source) ORDER BY n) FROM event_sources WHERE event_seq = events.seq)),
				'$.claims', json((SELECT json_group_array(json(c.value) ORDER BY s.n, c.key) FROM event_sources s, json_each(s.claims) c WHERE s.event_seq = events.seq)))`,
			`DROP TABLE event_sources`},
		5: {`DROP INDEX event_facets_iso`, `DROP INDEX event_facets_iso_kind`, `DROP INDEX event_facets_kind`, `DROP INDEX event_facets_admin1`,
			`CREATE INDEX event_facets_iso ON event_facets(iso)`, `CREATE INDEX event_facets_iso_kind ON event_facets(iso, kind)`,
			`CREATE INDEX event_facets_kind ON event_facets(kind)`, `CREATE INDEX event_facets_admin1 ON event_facets(admin1)`},
	}
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for u := len(undo) - 1; u > v; u-- {
		for _, q := range undo[u] {
			if _, err := raw.Exec(q); err != nil {
				t.Fatal(q, err)
			}
		}
	}
	if _, err := raw.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, v)); err != nil {
		t.Fatal(err)
	}
}

// TestMigrationIndexesOldEvents opens databases written before events had
// facets, and before they had actor and place lookups, and finds their
// events through them.
func TestMigrationIndexesOldEvents(t *testing.T) {
	for _, version := range []int{1, 2, 3, 4} {
		t.Run(fmt.Sprint("version ", version), func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "old.db")
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			// The second clash, reported again with its claims.
			again := spread(2)[1]
			again.Document.ID = "doc-again"
			again.Events[0].Claims = []event.Claim{{Kind: "killed", Count: 3, Source: "elders"}}
			if _, err := db.IngestAll(ctx, append(spread(12), again)); err != nil {
				t.Fatal(err)
			}
			filters := []store.Filter{{}, {Admin1: "bay"}, {Actor: "shabaab", From: "2025-04-03"}, {BBox: &[4]float64{39, 2.5, 41, 7.5}}}
			var want [][]store.Event
			for _, f := range filters {
				evs, err := db.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, evs)
			}
			db.Close()
			downgrade(t, path, version)
			db, err = Open(ctx, path)
			if err != nil {
				t.Fatalf("migrate: %v", err)
			}
			defer db.Close()
			for i, f := range filters {
				got, err := db.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if len(want[i]) == 0 || len(got) != len(want[i]) {
					t.Fatalf("filter %+v: after migration %d events, before %d", f, len(got), len(want[i]))
				}
				for j := range got {
					g, w := got[j], want[i][j]
					if g.ID != w.ID || len(g.Sources) != len(w.Sources) || fmt.Sprint(g.Claims) != fmt.Sprint(w.Claims) {
						t.Errorf("filter %+v: event %d is %s with %d sources and claims %v after migration, %s with %d and %v before",
							f, j, g.ID, len(g.Sources), g.Claims, w.ID, len(w.Sources), w.Claims)
					}
				}
			}
		})
	}
}

func TestNewestFirst(t *testing.T) {
	ctx := context.Background()
	db := openWith(t, spread(40))
	newest, err := db.Events(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	oldest, err := db.Events(ctx, store.Filter{Oldest: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(newest) != 40 || len(oldest) != 40 {
		t.Fatalf("%d and %d events, want 40", len(newest), len(oldest))
	}
	for i := range newest {
		if i > 0 && newest[i].DateStart > newest[i-1].DateStart {
			t.Errorf("newest first: %s listed after %s", newest[i].DateStart, newest[i-1].DateStart)
		}
		if newest[i].ID != oldest[len(oldest)-1-i].ID {
			t.Fatalf("oldest first is not newest first reversed at %d", i)
		}
	}
}

// TestCountsFollowWrites asks for totals and aggregates, which the store
// caches, before and after a write.
func TestCountsFollowWrites(t *testing.T) {
	ctx := context.Background()
	empty := openWith(t, nil)
	if p, err := empty.Page(ctx, store.Filter{}); err != nil || p.Total != 0 {
		t.Fatalf("empty store: total %d, %v", p.Total, err)
	}
	db := openWith(t, spread(10))
	f := store.Filter{Country: "SO", Limit: 1}
	for want := 10; want <= 11; want++ {
		p, err := db.Page(ctx, f)
		if err != nil || p.Total != want {
			t.Fatalf("total %d, %v; want %d", p.Total, err, want)
		}
		byType, err := db.Aggregate(ctx, f, store.ByType)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, b := range byType {
			n += b.Events
		}
		if n != want {
			t.Fatalf("aggregate counts %d events, want %d", n, want)
		}
		if _, err := db.Ingest(ctx, spread(11)[10]); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLongSpans finds and merges into an event that spans a quarter,
// though date searches are bounded by the longest span stored.
func TestLongSpans(t *testing.T) {
	ctx := context.Background()
	rs := spread(5)
	long := report("doc-long", "Quarterly Review", 7, "Al Shabaab")
	long.Events[0].DateStart, long.Events[0].DateEnd, long.Events[0].EventDate = "2025-01-01", "2025-03-31", "2025-02-15"
	db := openWith(t, append(rs, long))
	evs, err := db.Events(ctx, store.Filter{From: "2025-03-30", To: "2025-03-31"})
	if err != nil || len(evs) != 1 || evs[0].Sources[0].DocumentID != "doc-long" {
		t.Fatalf("events of the quarter's last days: %d, %v; want the quarter's", len(evs), err)
	}
	// A report of the same clash in March merges into it.
	march := report("doc-march", "Horn Observer", 7, "Al Shabaab")
	march.Events[0].DateStart, march.Events[0].DateEnd, march.Events[0].EventDate = "2025-03-20", "2025-03-20", "2025-03-20"
	out, err := db.Ingest(ctx, march)
	if err != nil || out.Merged != 1 {
		t.Fatalf("a report within the quarter: %+v, %v; want it merged", out, err)
	}
}

// TestAllReadsInPages yields every event of a listing longer than a page
// of All's, in the listing's order, and stops when asked to.
func TestAllReadsInPages(t *testing.T) {
	ctx := context.Background()
	rs := spread(allPage + 37)
	for i, r := range rs {
		// Spread over more days than spread's 28, so that few merge.
		r.Events[0].DateStart = event.Date(fmt.Sprintf("20%02d-04-%02d", 10+i/28, 1+i%28))
		r.Events[0].DateEnd = r.Events[0].DateStart
	}
	db := openWith(t, rs)
	for _, f := range []store.Filter{{}, {Oldest: true, Admin1: "bay"}, {Limit: allPage + 1}} {
		want, err := db.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var got []store.Event
		for e, err := range db.All(ctx, f) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, e)
		}
		if len(got) != len(want) || len(got) < allPage/2 {
			t.Fatalf("filter %+v: All yields %d events, Events %d", f, len(got), len(want))
		}
		for i := range got {
			if got[i].ID != want[i].ID || len(got[i].Sources) != len(want[i].Sources) {
				t.Fatalf("filter %+v: event %d is %s from All, %s from Events", f, i, got[i].ID, want[i].ID)
			}
		}
	}
	n := 0
	for range db.All(ctx, store.Filter{}) {
		if n++; n == 3 {
			break
		}
	}
	var errs []error
	for _, err := range db.All(ctx, store.Filter{After: "x"}) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], store.ErrBadCursor) {
		t.Errorf("bad cursor: %v, want ErrBadCursor alone", errs)
	}
}

// TestCacheComputesOnce asks 20 times at once for one value: it is
// computed once, and again after a write.
func TestCacheComputesOnce(t *testing.T) {
	var c cache
	var computed atomic.Int32
	release := make(chan struct{})
	compute := func() (any, error) {
		computed.Add(1)
		<-release
		return 42, nil
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := c.do(context.Background(), 1, "k", compute); err != nil || v != 42 {
				t.Errorf("got %v, %v", v, err)
			}
		}()
	}
	for computed.Load() == 0 {
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	if n := computed.Load(); n != 1 {
		t.Errorf("computed %d times, want once", n)
	}
	if _, err := c.do(context.Background(), 2, "k", compute); err != nil || computed.Load() != 2 {
		t.Errorf("after a write: computed %d times in all, %v; want twice", computed.Load(), err)
	}
	// A failure is not kept.
	fail := func() (any, error) { return nil, errors.New("busy") }
	if _, err := c.do(context.Background(), 2, "f", fail); err == nil {
		t.Fatal("no error")
	}
	if v, err := c.do(context.Background(), 2, "f", func() (any, error) { return 7, nil }); err != nil || v != 7 {
		t.Errorf("after a failure: %v, %v", v, err)
	}
}
