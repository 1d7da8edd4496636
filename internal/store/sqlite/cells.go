package sqlite

import (
	"context"
	"fmt"
	"slices"

	"github.com/sitrep/sitrep/internal/store"
)

// Cells implements store.Store: one grouped scan of event_facets, so
// that a map of the whole record costs what a count does.
func (s *DB) Cells(ctx context.Context, f store.Filter, size float64) ([]store.Cell, error) {
	if !(size > 0) || size > 360 {
		return nil, fmt.Errorf("grid cells of %v degrees", size)
	}
	sn, err := s.snapshot(ctx)
	if err != nil {
		return nil, fmt.Errorf("grid events: %w", err)
	}
	defer sn.tx.Rollback()
	if sn.mem != nil {
		if sel, ok := sn.compile(f); ok {
			// Cached: a map asks again for every pan and zoom. The
			// cells' maps of types are shared, read only.
			cs, err := s.counts.do(ctx, sn.writes, fmt.Sprintf("facets\x00cells %v\x00%s", size, filterKey(f)), func() (any, error) {
				return sel.cells(size), nil
			})
			if err != nil {
				return nil, fmt.Errorf("grid events: %w", err)
			}
			return slices.Clone(cs.([]store.Cell)), nil
		}
	}
	cond, args, err := sn.where(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("grid events: %w", err)
	}
	// Shifted to be positive, the coordinates truncate to their cell.
	q := `SELECT CAST((f.lat + 90) / ? AS INTEGER), CAST((f.lon + 180) / ? AS INTEGER), f.kind,
		count(*), coalesce(sum(f.fatalities), 0), sum(f.lat), sum(f.lon)
		FROM event_facets f WHERE f.lat IS NOT NULL AND f.lon IS NOT NULL AND ` + cond + ` GROUP BY 1, 2, 3`
	rows, err := sn.tx.QueryContext(ctx, q, append([]any{size, size}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("grid events: %w", err)
	}
	defer rows.Close()
	var g store.Grid
	for rows.Next() {
		var y, x int64
		var kind string
		var n, fat int
		var slat, slon float64
		if err := rows.Scan(&y, &x, &kind, &n, &fat, &slat, &slon); err != nil {
			return nil, fmt.Errorf("grid events: %w", err)
		}
		g.Add(y, x, kind, n, fat, slat, slon)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("grid events: %w", err)
	}
	return g.Cells(), nil
}
