package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
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

// Stream writes the events that pass f in format, reading them a page at
// a time, so that an export of the whole record holds one page in memory
// and the first rows leave before the last are read. It writes what
// ACLEDCSV, GeoJSON and PLOVERJSONL write for the same events, and
// returns how many events it wrote (ACLED CSV leaves out PLOVER-only
// events, GeoJSON events without a place).
func Stream(ctx context.Context, w io.Writer, format string, p Pager, f store.Filter, countries Countries) (int, error) {
	var (
		cw    *csv.Writer
		n     int
		first = true
	)
	switch format {
	case "acled-csv":
		cw = csv.NewWriter(w)
		if err := cw.Write(ACLEDColumns); err != nil {
			return 0, err
		}
	case "geojson":
		if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`); err != nil {
			return 0, err
		}
	case "plover-jsonl":
	default:
		return 0, fmt.Errorf("unknown export format %q", format)
	}
	f.After, f.Limit = "", streamPage
	for {
		pg, err := p.Page(ctx, f)
		if err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		switch format {
		case "acled-csv":
			k, err := acledRows(cw, pg.Events, countries)
			n += k
			if err != nil {
				return n, err
			}
			cw.Flush()
			if err := cw.Error(); err != nil {
				return n, err
			}
		case "geojson":
			for _, ft := range features(pg.Events) {
				var buf bytes.Buffer
				if !first {
					buf.WriteByte(',')
				}
				first = false
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(ft); err != nil {
					return n, err
				}
				if _, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))); err != nil {
					return n, err
				}
				n++
			}
		case "plover-jsonl":
			if err := PLOVERJSONL(w, pg.Events); err != nil {
				return n, err
			}
			n += len(pg.Events)
		}
		if pg.Next == "" {
			break
		}
		f.After = pg.Next
	}
	if format == "geojson" {
		if _, err := io.WriteString(w, "]}\n"); err != nil {
			return n, err
		}
	}
	return n, nil
}
