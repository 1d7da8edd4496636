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
