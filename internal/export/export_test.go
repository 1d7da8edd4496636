package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/store"
)

type countries map[string]gazetteer.Place

func (c countries) Country(code string) (gazetteer.Place, bool) { p, ok := c[code]; return p, ok }

func sample() []store.Event {
	lat, lon, fat := 3.11, 43.65, 25
	return []store.Event{
		{Event: event.Event{ID: "abcdef0123456789", EventType: event.Str("Battles"), SubEventType: event.Str("Armed clash"), Plover: "ASSAULT",
			Actor1: "Military Forces of Somalia (2022-)", Inter1: 1, Actor2: "Al Shabaab", Inter2: 2, Interaction: 12,
			ISO: "SO", Country: "Somalia", Admin1: "Bay", Location: "Baidoa", Latitude: &lat, Longitude: &lon, GeoPrecision: 1,
			EventDate: "2025-04-07", DateStart: "2025-04-07", DateEnd: "2025-04-07", TimePrecision: 1, Fatalities: &fat, Notes: "clash"},
			Sources: []store.Source{{Outlet: "Horn Observer"}, {Outlet: "Mogadishu Wire"}}, Updated: "2025-04-08T10:00:00Z"},
		{Event: event.Event{ID: "0011223344556677", Plover: "ACCUSE", Actor1: "Government of Somalia (2022-)", ISO: "SO",
			EventDate: "2025-04-07", DateStart: "2025-04-05", DateEnd: "2025-04-08"}},
	}
}

func TestACLEDCSV(t *testing.T) {
	var buf bytes.Buffer
	c := countries{"SO": {ISO3: "SOM", Numeric: 706, Region: "Eastern Africa"}}
	evs := sample()
	undated := evs[0]
	undated.ID, undated.EventDate, undated.DateStart, undated.DateEnd = "ffff000011112222", "", "", ""
	evs = append(evs, undated)
	if err := ACLEDCSV(&buf, store.Values(evs), c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want header and one ACLED event (PLOVER-only and undated events have no ACLED row)", len(rows))
	}
	if len(rows[0]) != 31 || strings.Join(rows[0], ",") != strings.Join(ACLEDColumns, ",") {
		t.Errorf("header %v", rows[0])
	}
	got := map[string]string{}
	for i, col := range rows[0] {
		got[col] = rows[1][i]
	}
	want := map[string]string{"event_id_cnty": "SOMABCDEF01", "event_date": "2025-04-07", "year": "2025", "disorder_type": "Political violence",
		"iso": "706", "region": "Eastern Africa", "fatalities": "25", "source": "Horn Observer; Mogadishu Wire", "interaction": "12",
		"latitude": "3.1100", "timestamp": "1744106400"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

func TestPLOVERAndGeoJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := PLOVERJSONL(&buf, store.Values(sample())); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d PLOVER records, want 2", len(lines))
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &rec); err != nil || rec["date"] != "2025-04-05" || rec["event"].([]any)[0] != "ACCUSE" {
		t.Errorf("record %v, %v", rec, err)
	}
	buf.Reset()
	if err := GeoJSON(&buf, store.Values(sample())); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Geometry struct{ Coordinates []float64 }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil || len(fc.Features) != 1 || fc.Features[0].Geometry.Coordinates[0] != 43.65 {
		t.Errorf("geojson %s, %v", buf.String(), err)
	}
}

// TestWritersStream writes many events, none and a failing sequence:
// output stays valid and the sequence's error comes back.
func TestWritersStream(t *testing.T) {
	var many []store.Event
	for range 50 {
		many = append(many, sample()...)
	}
	for _, evs := range [][]store.Event{nil, many} {
		var buf bytes.Buffer
		if err := GeoJSON(&buf, store.Values(evs)); err != nil {
			t.Fatal(err)
		}
		var fc struct {
			Type     string
			Features []any
		}
		if err := json.Unmarshal(buf.Bytes(), &fc); err != nil || fc.Type != "FeatureCollection" || fc.Features == nil || len(fc.Features) != len(evs)/2 {
			t.Errorf("%d events: %d features, %v; want %d in %s", len(evs), len(fc.Features), err, len(evs)/2, buf.String())
		}
	}
	broken := errors.New("store gone")
	failing := func(yield func(store.Event, error) bool) {
		if yield(sample()[0], nil) {
			yield(store.Event{}, broken)
		}
	}
	for name, write := range map[string]func(io.Writer) error{
		"acled":   func(w io.Writer) error { return ACLEDCSV(w, failing, countries{}) },
		"plover":  func(w io.Writer) error { return PLOVERJSONL(w, failing) },
		"geojson": func(w io.Writer) error { return GeoJSON(w, failing) },
	} {
		if err := write(io.Discard); !errors.Is(err, broken) {
			t.Errorf("%s: %v, want the sequence's error", name, err)
		}
	}
}
