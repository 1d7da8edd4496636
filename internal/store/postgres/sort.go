package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/store"
)

// bodyText is the SQL of the first of the named fields of an event's
// body that is present, folded to lower case; "" when none is. Folding under the "C" collation folds
// ASCII letters only, as SQLite's lower does, and compares byte by byte,
// so that both stores list events alike whatever the database's locale.
func bodyText(names ...string) string {
	var fields []string
	for _, n := range names {
		fields = append(fields, `e.body::json ->> '`+n+`'`)
	}
	return `lower(coalesce(` + strings.Join(fields, `, `) + `, '') COLLATE "C")`
}

// sortKeys are the SQL expressions Sorted orders by, never NULL, so that
// a keyset cursor compares with them; text says the key is text rather
// than a number. Columns the row lacks are read from the event's body.
var sortKeys = map[store.SortKey]struct {
	expr string
	text bool
}{
	store.SortDate:       {`e.date_start`, true},
	store.SortType:       {bodyText("sub_event_type", "plover"), true},
	store.SortActor1:     {bodyText("actor1"), true},
	store.SortActor2:     {bodyText("actor2"), true},
	store.SortLocation:   {bodyText("location"), true},
	store.SortCountry:    {bodyText("country"), true},
	store.SortFatalities: {`coalesce(e.fatalities, -1)::bigint`, false},
	store.SortSources:    {`(SELECT count(*) FROM event_sources s WHERE s.event_seq = e.seq)`, false},
}

// Sorted implements store.Store: the page's keys, then its events with
// their sources, in one query.
func (s *DB) Sorted(ctx context.Context, f store.Filter, by store.Sort) (store.Page, error) {
	key, ok := sortKeys[by.By]
	if !ok {
		return store.Page{}, fmt.Errorf("sort by %q: not a column", by.By)
	}
	var after store.SortCursor
	if f.After != "" {
		var err error
		if after, err = parseSortCursor(f.After, key.text); err != nil {
			return store.Page{}, err
		}
	}
	// One snapshot, so that the page and the total see the same events.
	sn, err := s.snapshot(ctx)
	if err != nil {
		return store.Page{}, fmt.Errorf("sort events: %w", err)
	}
	defer sn.close(ctx)
	q := filter(f, sn.maxSpan)
	var p store.Page
	if err := sn.tx.QueryRow(ctx, `SELECT count(*) FROM events e WHERE `+q.where(), q.args...).Scan(&p.Total); err != nil {
		return store.Page{}, fmt.Errorf("count events: %w", err)
	}
	order, cmp := `ASC`, `>`
	if by.Desc {
		order, cmp = `DESC`, `<`
	}
	if f.After != "" {
		q.add(`(` + key.expr + `, e.seq) ` + cmp + ` (` + q.arg(after.Key) + `, ` + q.arg(after.Seq) + `)`)
	}
	keys := `SELECT ` + key.expr + ` AS k, e.seq FROM events e WHERE ` + q.where() + ` ORDER BY 1 ` + order + `, e.seq ` + order
	if f.Limit > 0 {
		// One more row than asked for tells whether a next page exists.
		keys += ` LIMIT ` + q.arg(f.Limit+1)
	}
	// A row per source; the event's own columns come with its first.
	rows, err := sn.tx.Query(ctx, `SELECT k.k, k.seq, CASE WHEN s.n = 0 THEN b.body ELSE '' END, b.updated_at, s.source, s.claims
		FROM (`+keys+`) k JOIN events b ON b.seq = k.seq JOIN event_sources s ON s.event_seq = k.seq
		ORDER BY k.k `+order+`, k.seq `+order+`, s.n`, q.args...)
	if err != nil {
		return store.Page{}, fmt.Errorf("sort events: %w", err)
	}
	defer rows.Close()
	p.Events = []store.Event{}
	var at store.SortCursor
	for rows.Next() {
		var row store.SortCursor
		var body, updated, source string
		var claims *string
		if err := rows.Scan(&row.Key, &row.Seq, &body, &updated, &source, &claims); err != nil {
			return store.Page{}, fmt.Errorf("sort events: %w", err)
		}
		if len(p.Events) == 0 || row.Seq != at.Seq {
			if f.Limit > 0 && len(p.Events) == f.Limit {
				p.Next = at.String()
				return p, nil
			}
			at = row
			var e store.Event
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				return store.Page{}, fmt.Errorf("stored event %d: %w", at.Seq, err)
			}
			e.Updated = updated
			p.Events = append(p.Events, e)
		}
		if err := addSource(&p.Events[len(p.Events)-1], source, claims); err != nil {
			return store.Page{}, fmt.Errorf("stored event %d: %w", at.Seq, err)
		}
	}
	if err := rows.Err(); err != nil {
		return store.Page{}, fmt.Errorf("sort events: %w", err)
	}
	return p, nil
}

// parseSortCursor is store.ParseSortCursor refusing a text key that holds
// a NUL: Postgres text holds none, so no key the store made does, and the
// database would fail the query rather than find nothing.
func parseSortCursor(s string, text bool) (store.SortCursor, error) {
	c, err := store.ParseSortCursor(s, text)
	if k, ok := c.Key.(string); err == nil && ok && strings.ContainsRune(k, 0) {
		return store.SortCursor{}, store.ErrBadCursor
	}
	return c, err
}
