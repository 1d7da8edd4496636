package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

// The fixtures of the SQLite store's own tests: the suite's reports, and
// a new database holding some.

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }

// report is storetest.Report: one article's account of a clash near
// Baidoa.
func report(docID, outlet string, fatalities int, actor2 string) *event.Result {
	return storetest.Report(docID, outlet, fatalities, actor2)
}

// spread is storetest.Spread: n clashes in different places and on
// different days, each reported once, so that none merge.
func spread(n int) []*event.Result { return storetest.Spread(n) }

// openWith opens a new database holding rs, each a new event; it is
// closed when t ends.
func openWith(t *testing.T, rs []*event.Result) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	storetest.Fill(t, db, rs)
	return db
}
