package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
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

// TestMigrationIndexesOldEvents opens a database written before events
// had facets and finds its events through them.
func TestMigrationIndexesOldEvents(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.IngestAll(ctx, spread(12)); err != nil {
		t.Fatal(err)
	}
	want, err := db.Events(ctx, store.Filter{Admin1: "bay"})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Back to version 1: drop what migration 2 made.
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE event_facets`, `DROP TABLE event_text`, `DROP INDEX events_seq`, `PRAGMA user_version = 1`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	raw.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer db.Close()
	got, err := db.Events(ctx, store.Filter{Admin1: "bay"})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 6 || len(got) != len(want) {
		t.Fatalf("after migration %d events in Bay, before %d (want 6)", len(got), len(want))
	}
	for i := range got {
		if got[i].ID != want[i].ID {
			t.Errorf("event %d: %s after migration, %s before", i, got[i].ID, want[i].ID)
		}
	}
}
