package postgres

import (
	"context"
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
	var after *store.SortCursor
	if f.After != "" {
		c, err := parseSortCursor(f.After, key.text)
		if err != nil {
			return store.Page{}, err
		}
		after = &c
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
	events, next, err := sn.keyed(ctx, q, key.expr, by.Desc, after, f.Limit)
	if err != nil {
		return store.Page{}, fmt.Errorf("sort events: %w", err)
	}
	p.Events = events
	if p.Events == nil {
		p.Events = []store.Event{}
	}
	if next != nil {
		p.Next = next.String()
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
