package postgres

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

var pg pgtest.Shared

func TestMain(m *testing.M) { os.Exit(pg.Main(m)) }

// testDB is a DB that tells the suite the size of an event's row.
type testDB struct{ *DB }

func (db testDB) EventRowSize(ctx context.Context, id string) (int, error) {
	var n int
	err := db.pool.QueryRow(ctx, `SELECT octet_length(body) FROM events WHERE id = $1`, id).Scan(&n)
	return n, err
}

func open(t *testing.T, url string) *DB {
	t.Helper()
	db, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return testDB{open(t, pg.Schema(t))}
	})
}

// TestMigrateTwice opens one database from several processes' worth of
// connections at once, and again: each migration is applied once, and
// what was stored stays.
func TestMigrateTwice(t *testing.T) {
	ctx := context.Background()
	url := pg.Schema(t)
	var wg sync.WaitGroup
	dbs := make([]*DB, 4)
	errs := make([]error, len(dbs))
	for i := range dbs {
		wg.Go(func() { dbs[i], errs[i] = Open(ctx, url) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		defer dbs[i].Close()
	}
	if _, err := dbs[0].Ingest(ctx, storetest.Report("doc-a", "Horn Observer", 25, "Al Shabaab")); err != nil {
		t.Fatal(err)
	}
	again := open(t, url)
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var n, version int
	if err := again.pool.QueryRow(ctx, `SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &version); err != nil {
		t.Fatal(err)
	}
	if n != len(ms) || version != len(ms) {
		t.Errorf("schema_migrations has %d rows up to version %d; want %d and %d", n, version, len(ms), len(ms))
	}
	if evs, err := again.Events(ctx, store.Filter{}); err != nil || len(evs) != 1 {
		t.Errorf("after opening again: %d events, %v; want 1", len(evs), err)
	}
	// A database a newer sitrep migrated is left alone.
	if _, err := again.pool.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')`, len(ms)+1); err != nil {
		t.Fatal(err)
	}
	if db, err := Open(ctx, url); err == nil {
		db.Close()
		t.Error("opened a database of a newer schema")
	}
}

// TestWritersOnSeveralConnections has writers that share nothing but
// the database, as processes on several machines would, merge reports of
// the same clashes at once, each batch holding reports of several clashes
// in another order: each clash ends as one event with every report.
func TestWritersOnSeveralConnections(t *testing.T) {
	const writers, clashes = 5, 8
	ctx := context.Background()
	url := pg.Schema(t)
	dbs := make([]*DB, writers)
	for i := range dbs {
		dbs[i] = open(t, url)
	}
	clash := func(c, w int) *event.Result {
		r := storetest.Report(fmt.Sprintf("doc-%d-%d", c, w), fmt.Sprintf("Outlet %d", w), 5+w, "Al Shabaab")
		e := &r.Events[0]
		// Clashes in two countries and of two types, so that batches
		// lock several blocking keys.
		if c%2 == 1 {
			e.ISO, e.Country = "KE", "Kenya"
		}
		if c%4 >= 2 {
			e.EventType, e.SubEventType = event.Str("Riots"), event.Str("Violent demonstration")
		}
		e.DateStart = event.Date(fmt.Sprintf("2025-06-%02d", 1+c))
		e.DateEnd, e.EventDate = e.DateStart, e.DateStart
		return r
	}
	start := make(chan struct{})
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			var batch []*event.Result
			for i := range clashes {
				// Writer w starts with clash w, and goes round.
				batch = append(batch, clash((i+w)%clashes, w))
			}
			<-start
			// Half the writers store their batch at once, half one
			// report at a time.
			if w%2 == 0 {
				_, errs[w] = dbs[w].IngestAll(ctx, batch)
				return
			}
			for _, r := range batch {
				if _, err := dbs[w].Ingest(ctx, r); err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	close(start)
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Fatalf("writer %d: %v", w, err)
		}
	}
	evs, err := dbs[0].Events(ctx, store.Filter{Oldest: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != clashes {
		t.Fatalf("%d events, want %d", len(evs), clashes)
	}
	for _, e := range evs {
		if len(e.Sources) != writers || *e.Fatalities != 5 {
			t.Errorf("event of %s in %s: %d sources, toll %d; want %d, 5", e.DateStart, e.ISO, len(e.Sources), *e.Fatalities, writers)
		}
	}
}

func TestIsURL(t *testing.T) {
	for dsn, want := range map[string]bool{
		"postgres://u@h/db":           true,
		"postgresql://u:p@h:5432/db":  true,
		"POSTGRES://h/db":             true,
		"sitrep.db":                   false,
		"/var/lib/sitrep/postgres.db": false,
		"file:postgres://x":           false,
		"mysql://h/db":                false,
		"":                            false,
	} {
		if got := IsURL(dsn); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", dsn, got, want)
		}
	}
}

// TestOpenFails opens what is not a database: the errors say so, and
// never show the password.
func TestOpenFails(t *testing.T) {
	ctx := context.Background()
	for _, url := range []string{
		"postgres://analyst:s3cret@127.0.0.1:1/sitrep?connect_timeout=5",
		"postgres://analyst:s3cret@127.0.0.1:notaport/sitrep",
		"postgres://analyst:s3cret@127.0.0.1/sitrep?sslmode=sometimes",
	} {
		db, err := Open(ctx, url)
		if err == nil {
			db.Close()
			t.Errorf("%s: opened", url)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "open postgres") {
			t.Errorf("%s: %v", url, err)
		}
	}
}

func TestRedact(t *testing.T) {
	got := Redact("postgres://analyst:s3cret@db.example.org:5433/sitrep?sslmode=require")
	if want := "postgres://analyst@db.example.org:5433/sitrep"; got != want {
		t.Errorf("redacted to %q, want %q", got, want)
	}
}

// BenchmarkMerge merges one report into an event that has 1 or 1,000
// sources already: the two should cost about the same.
func BenchmarkMerge(b *testing.B) {
	for _, sources := range []int{1, 1000} {
		b.Run(fmt.Sprint("sources=", sources), func(b *testing.B) {
			ctx := context.Background()
			db, err := Open(ctx, pg.Schema(b))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			var batch []*event.Result
			for i := range sources {
				batch = append(batch, storetest.Report(fmt.Sprintf("doc-%d", i), "Outlet", 5, "Al Shabaab"))
			}
			if _, err := db.IngestAll(ctx, batch); err != nil {
				b.Fatal(err)
			}
			n := sources
			for b.Loop() {
				if _, err := db.Ingest(ctx, storetest.Report(fmt.Sprintf("doc-%d", n), "Outlet", 5, "Al Shabaab")); err != nil {
					b.Fatal(err)
				}
				n++
			}
		})
	}
}
