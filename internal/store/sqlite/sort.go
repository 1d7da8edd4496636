package sqlite

import (
	"context"
	"fmt"

	"github.com/sitrep/sitrep/internal/store"
)

// sortKeys are the SQL expressions Sorted orders by, never NULL, so that
// a keyset cursor compares with them. Columns the facets lack are read
// from the event's body: a sort by them reads every event the filter
// passes, which a table an analyst sorts can afford.
var sortKeys = map[store.SortKey]struct {
	expr string
	text bool
	// body says the expression reads the event's body, e.
	body bool
}{
	store.SortDate:       {`f.date_start`, true, false},
	store.SortType:       {`lower(coalesce(json_extract(e.body, '$.sub_event_type'), json_extract(e.body, '$.plover'), ''))`, true, true},
	store.SortActor1:     {`lower(coalesce(json_extract(e.body, '$.actor1'), ''))`, true, true},
	store.SortActor2:     {`lower(coalesce(json_extract(e.body, '$.actor2'), ''))`, true, true},
	store.SortLocation:   {`lower(coalesce(json_extract(e.body, '$.location'), ''))`, true, true},
	store.SortCountry:    {`lower(coalesce(json_extract(e.body, '$.country'), ''))`, true, true},
	store.SortFatalities: {`coalesce(f.fatalities, -1)`, false, false},
	store.SortSources:    {`(SELECT count(*) FROM event_sources s WHERE s.event_seq = f.seq)`, false, false},
}

// Sorted implements store.Store.
func (s *DB) Sorted(ctx context.Context, f store.Filter, by store.Sort) (store.Page, error) {
	key, ok := sortKeys[by.By]
	if !ok {
		return store.Page{}, fmt.Errorf("sort by %q: not a column", by.By)
	}
	sn, err := s.snapshot(ctx)
	if err != nil {
		return store.Page{}, fmt.Errorf("sort events: %w", err)
	}
	defer sn.tx.Rollback()
	cond, args, err := sn.where(ctx, f)
	if err != nil {
		return store.Page{}, fmt.Errorf("sort events: %w", err)
	}
	var p store.Page
	if p.Total, err = s.count(ctx, sn, cond, args); err != nil {
		return store.Page{}, err
	}
	order, after := `ASC`, `>`
	if by.Desc {
		order, after = `DESC`, `<`
	}
	keyed, keyArgs := cond, append([]any(nil), args...)
	if f.After != "" {
		c, err := store.ParseSortCursor(f.After, key.text)
		if err != nil {
			return store.Page{}, err
		}
		keyed += ` AND (` + key.expr + `, f.seq) ` + after + ` (?, ?)`
		keyArgs = append(keyArgs, c.Key, c.Seq)
	}
	from := `event_facets f`
	if key.body {
		from += ` CROSS JOIN events e ON e.seq = f.seq`
	}
	q := `SELECT ` + key.expr + `, f.seq FROM ` + from + ` WHERE ` + keyed + ` ORDER BY 1 ` + order + `, f.seq ` + order
	if f.Limit > 0 {
		q += ` LIMIT ?`
		keyArgs = append(keyArgs, f.Limit+1)
	}
	rows, err := sn.tx.QueryContext(ctx, q, keyArgs...)
	if err != nil {
		return store.Page{}, fmt.Errorf("sort events: %w", err)
	}
	var keys []store.SortCursor
	for rows.Next() {
		var c store.SortCursor
		if err := rows.Scan(&c.Key, &c.Seq); err != nil {
			rows.Close()
			return store.Page{}, fmt.Errorf("sort events: %w", err)
		}
		keys = append(keys, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return store.Page{}, fmt.Errorf("sort events: %w", err)
	}
	if f.Limit > 0 && len(keys) > f.Limit {
		keys = keys[:f.Limit]
		p.Next = keys[len(keys)-1].String()
	}
	if p.Events, err = sn.sortedBodies(ctx, keys); err != nil {
		return store.Page{}, err
	}
	return p, nil
}

// count is how many events pass cond, cached as Page caches it.
func (s *DB) count(ctx context.Context, sn *snapshot, cond string, args []any) (int, error) {
	key := fmt.Sprintf("count\x00%s\x00%q", cond, args)
	n, err := s.counts.do(ctx, sn.writes, key, func() (any, error) {
		var n int
		err := sn.tx.QueryRowContext(ctx, `SELECT count(*) FROM event_facets f WHERE `+cond, args...).Scan(&n)
		return n, err
	})
	if err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n.(int), nil
}

// sortedBodies reads the events of a sorted page with their sources, in the
// page's order.
func (sn *snapshot) sortedBodies(ctx context.Context, keys []store.SortCursor) ([]store.Event, error) {
	out := make([]store.Event, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	seqs := make([]int64, len(keys))
	at := make(map[int64]int, len(keys))
	for i, k := range keys {
		seqs[i] = k.Seq
		at[k.Seq] = i
	}
	if err := sn.readBodies(ctx, "seq", seqs, at, out, make([]bool, len(keys))); err != nil {
		return nil, fmt.Errorf("read sorted events: %w", err)
	}
	return out, nil
}
