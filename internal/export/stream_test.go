package export

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

// pager serves events a page at a time, its cursor the index to resume at.
type pager struct {
	evs   []store.Event
	pages int
}

func (p *pager) Page(_ context.Context, f store.Filter) (store.Page, error) {
	p.pages++
	at := 0
	if f.After != "" {
		var err error
		if at, err = strconv.Atoi(f.After); err != nil {
			return store.Page{}, store.ErrBadCursor
		}
	}
	end := min(at+f.Limit, len(p.evs))
	pg := store.Page{Events: p.evs[at:end], Total: len(p.evs)}
	if end < len(p.evs) {
		pg.Next = strconv.Itoa(end)
	}
	return pg, nil
}

func TestStreamEqualsWhole(t *testing.T) {
	var evs []store.Event
	for i := range 2*streamPage + 7 {
		for _, e := range sample() {
			e.ID = fmt.Sprintf("%016d", i) + e.ID
			evs = append(evs, e)
		}
	}
	c := countries{"SO": {ISO3: "SOM", Numeric: 706, Region: "Eastern Africa"}}
	whole := map[string]func(*bytes.Buffer) error{
		"acled-csv":    func(b *bytes.Buffer) error { return ACLEDCSV(b, store.Values(evs), c) },
		"geojson":      func(b *bytes.Buffer) error { return GeoJSON(b, store.Values(evs)) },
		"plover-jsonl": func(b *bytes.Buffer) error { return PLOVERJSONL(b, store.Values(evs)) },
	}
	wantN := map[string]int{"acled-csv": len(evs) / 2, "geojson": len(evs) / 2, "plover-jsonl": len(evs)}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var want, got bytes.Buffer
			if err := whole[format](&want); err != nil {
				t.Fatal(err)
			}
			p := &pager{evs: evs}
			stats, err := Stream(context.Background(), &got, format, p, store.Filter{}, c)
			n := stats.Written
			if err != nil {
				t.Fatal(err)
			}
			if n != wantN[format] || p.pages < 3 {
				t.Errorf("wrote %d events in %d pages, want %d in 3 or more", n, p.pages, wantN[format])
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("streamed %d bytes differ from the whole export's %d", got.Len(), want.Len())
			}
		})
	}
	if _, err := Stream(context.Background(), &bytes.Buffer{}, "xml", &pager{}, store.Filter{}, c); err == nil {
		t.Error("unknown format: no error")
	}
}

func TestStreamEmpty(t *testing.T) {
	var got bytes.Buffer
	if _, err := Stream(context.Background(), &got, "geojson", &pager{}, store.Filter{}, countries{}); err != nil {
		t.Fatal(err)
	}
	if got.String() != "{\"type\":\"FeatureCollection\",\"features\":[]}\n" {
		t.Errorf("empty GeoJSON %q", got.String())
	}
}
