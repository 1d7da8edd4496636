package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"testing"
)

// TestRowsSpliced checks that splicing an event's stored JSON writes what
// decoding and encoding it would, for events with one source and with
// several, with claims and without.
func TestRowsSpliced(t *testing.T) {
	ctx := context.Background()
	db := openWith(t, spread(5))
	if _, err := db.IngestAll(ctx, oddReports()); err != nil {
		t.Fatal(err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT e.seq, e.body, e.updated_at, s.source, s.claims
		FROM events e JOIN event_sources s ON s.event_seq = e.seq ORDER BY e.seq, s.n`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var all []*rawRows
	last := int64(-1)
	for rows.Next() {
		var seq int64
		var body, updated, source string
		var claims sql.NullString
		if err := rows.Scan(&seq, &body, &updated, &source, &claims); err != nil {
			t.Fatal(err)
		}
		if seq != last {
			all = append(all, &rawRows{body: []byte(body), updated: []byte(updated)})
			last = seq
		}
		r := all[len(all)-1]
		r.sources = append(r.sources, []byte(source))
		if claims.Valid {
			r.claims = append(r.claims, []byte(claims.String))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	several, claimed := false, false
	for _, r := range all {
		several = several || len(r.sources) > 1
		claimed = claimed || len(r.claims) > 0
		got, ok := rowJSON(nil, r)
		want, err := decodedJSON(nil, r)
		if err != nil {
			t.Fatal(err)
		}
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("spliced (%v)\n%s\nnot\n%s", ok, got, want)
		}
	}
	if !several || !claimed {
		t.Errorf("no event with several sources (%v) or with claims (%v)", several, claimed)
	}
	// A body of another form is not spliced.
	if _, ok := rowJSON(nil, &rawRows{body: []byte(`{"id":"x","claims":[],"sources":null}`)}); ok {
		t.Error("a body holding claims was spliced")
	}
}
