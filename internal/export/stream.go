package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/sitrep/sitrep/internal/store"
)

// Formats are the names of the export formats, as the CLI and the API
// take them.
var Formats = []string{"acled-csv", "geojson", "plover-jsonl"}

// Known reports whether format names an export format.
func Known(format string) bool { return slices.Contains(Formats, format) }

// Pager reads events a page at a time; store.Store is one.
type Pager interface {
	Page(ctx context.Context, f store.Filter) (store.Page, error)
}

// streamPage is how many events Stream holds at once.
const streamPage = 500

// Stats says what Stream wrote.
type Stats struct {
	// Written is how many events it wrote (ACLED CSV leaves out
	// PLOVER-only and undated events, GeoJSON events without a place).
	Written int
	// Undated is how many ACLED-coded events the ACLED CSV left out for
	// want of a date.
	Undated int
}

// Stream writes the events that pass f in format, reading them a page at
// a time, so that an export of the whole record holds one page in memory
// and the first rows leave before the last are read. It writes what
// ACLEDCSV, GeoJSON and PLOVERJSONL write for the same events, joining
// what they write for each page.
func Stream(ctx context.Context, w io.Writer, format string, p Pager, f store.Filter, countries Countries) (Stats, error) {
	var st Stats
	n, err := stream(ctx, w, format, p, f, countries, &st)
	st.Written = n
	return st, err
}

func stream(ctx context.Context, w io.Writer, format string, p Pager, f store.Filter, countries Countries, st *Stats) (int, error) {
	if !Known(format) {
		return 0, fmt.Errorf("unknown export format %q", format)
	}
	var buf bytes.Buffer
	n, pages := 0, 0
	f.After, f.Limit = "", streamPage
	for {
		pg, err := p.Page(ctx, f)
		if err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		buf.Reset()
		switch format {
		case "acled-csv":
			if err := ACLEDCSV(&buf, store.Values(pg.Events), countries); err != nil {
				return n, err
			}
			out := buf.Bytes()
			if pages > 0 {
				// The header is written once; it has no quoted newline.
				out = out[bytes.IndexByte(out, '\n')+1:]
			}
			for _, e := range pg.Events {
				switch {
				case Undated(e):
					st.Undated++
				case e.EventType != nil:
					n++
				}
			}
			if _, err := w.Write(out); err != nil {
				return n, err
			}
		case "geojson":
			if err := GeoJSON(&buf, store.Values(pg.Events)); err != nil {
				return n, err
			}
			features := bytes.TrimSuffix(bytes.TrimPrefix(buf.Bytes(), []byte(geoHead)), []byte(geoTail))
			if pages == 0 {
				if _, err := io.WriteString(w, geoHead); err != nil {
					return n, err
				}
			} else if len(features) > 0 && n > 0 {
				features = append([]byte{','}, features...)
			}
			for _, e := range pg.Events {
				if e.Latitude != nil && e.Longitude != nil {
					n++
				}
			}
			if _, err := w.Write(features); err != nil {
				return n, err
			}
		case "plover-jsonl":
			if err := PLOVERJSONL(w, store.Values(pg.Events)); err != nil {
				return n, err
			}
			n += len(pg.Events)
		}
		pages++
		if pg.Next == "" {
			break
		}
		f.After = pg.Next
	}
	if format == "geojson" {
		if _, err := io.WriteString(w, geoTail); err != nil {
			return n, err
		}
	}
	return n, nil
}

// What GeoJSON writes around its features.
const (
	geoHead = `{"type":"FeatureCollection","features":[`
	geoTail = "]}\n"
)
