// Package export writes merged events in the formats analysts load:
// ACLED's CSV (its 31 columns, in its order), PLOVER JSON lines and
// GeoJSON.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/taxonomy"
)

// ACLEDColumns are ACLED's export columns, in ACLED's order.
var ACLEDColumns = []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
	"sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
	"civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
	"longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"}

// Undated reports whether an ACLED-coded event has no known date and so no
// row in ACLED's CSV.
func Undated(e store.Event) bool { return e.EventType != nil && e.EventDate == "" }

// Countries gives what ACLED's columns need of a country.
type Countries interface {
	Country(code string) (gazetteer.Place, bool)
}

// The writers take events as a sequence, a store's All or
// store.Values of a slice, and write each as it comes: memory does not
// grow with the number of events. The sequence's first error ends the
// file and is returned.

// ACLEDCSV writes ACLED-coded events as ACLED's CSV; PLOVER-only events
// have no ACLED row and are left out, and so are undated events: ACLED
// codes an event only when it can give its day (Undated tells them).
func ACLEDCSV(w io.Writer, evs iter.Seq2[store.Event, error], countries Countries) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ACLEDColumns); err != nil {
		return err
	}
	for e, err := range evs {
		if err != nil {
			return err
		}
		if e.EventType == nil || Undated(e) {
			continue
		}
		c, _ := countries.Country(e.ISO)
		prefix := c.ISO3
		if prefix == "" {
			prefix = e.ISO
		}
		fat := 0
		if e.Fatalities != nil {
			fat = *e.Fatalities
		}
		var outlets []string
		seen := map[string]bool{}
		for _, s := range e.Sources {
			if s.Outlet != "" && !seen[s.Outlet] {
				seen[s.Outlet] = true
				outlets = append(outlets, s.Outlet)
			}
		}
		row := []string{
			prefix + strings.ToUpper(e.ID[:min(8, len(e.ID))]), string(e.EventDate), yearOf(string(e.EventDate)), strconv.Itoa(e.TimePrecision),
			disorderType(*e.EventType, *e.SubEventType), *e.EventType, *e.SubEventType,
			e.Actor1, e.AssocActor1, inter(e.Inter1), e.Actor2, e.AssocActor2, inter(e.Inter2), strconv.Itoa(e.Interaction),
			civilianTargeting(e.Inter1, e.Inter2, *e.EventType), numeric(c.Numeric), c.Region, e.Country, e.Admin1, e.Admin2, "",
			e.Location, coord(e.Latitude), coord(e.Longitude), strconv.Itoa(e.GeoPrecision), strings.Join(outlets, "; "), "",
			e.Notes, strconv.Itoa(fat), "", unixTime(e.Updated),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// unixTime turns an RFC 3339 time into ACLED's Unix timestamp.
func unixTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return ""
	}
	return strconv.FormatInt(t.Unix(), 10)
}

func yearOf(day string) string {
	if len(day) >= 4 {
		return day[:4]
	}
	return ""
}

func inter(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func numeric(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func coord(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', 4, 64)
}

// disorderType is ACLED's disorder_type for an event type.
func disorderType(typ, sub string) string {
	switch typ {
	case taxonomy.Protests, taxonomy.Riots:
		if sub == taxonomy.ExcessiveForce || sub == taxonomy.MobViolence {
			return "Political violence; Demonstrations"
		}
		return "Demonstrations"
	case taxonomy.StrategicDevelopments:
		return "Strategic developments"
	}
	return "Political violence"
}

func civilianTargeting(i1, i2 int, typ string) string {
	if (i1 == 7 || i2 == 7) && typ != taxonomy.Protests && typ != taxonomy.StrategicDevelopments {
		return "Civilian targeting"
	}
	return ""
}

// PLOVERJSONL writes one PLOVER record per event and line.
func PLOVERJSONL(w io.Writer, evs iter.Seq2[store.Event, error]) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for e, err := range evs {
		if err != nil {
			return err
		}
		rec := map[string]any{
			"id":      e.ID,
			"date":    e.DateStart,
			"enddate": e.DateEnd,
			"event":   []string{e.Plover},
			"actor":   nonEmpty(e.Actor1, e.AssocActor1),
		}
		if e.PloverMode != "" {
			rec["mode"] = []string{e.PloverMode}
		}
		if r := nonEmpty(e.Actor2, e.AssocActor2); len(r) > 0 {
			rec["recipient"] = r
		}
		loc := map[string]any{"extracted_place": e.Location, "country_code": e.ISO, "province": e.Admin1}
		if e.Latitude != nil {
			loc["lat"], loc["lon"] = *e.Latitude, *e.Longitude
		}
		rec["event_loc"] = loc
		if e.Fatalities != nil {
			rec["event_scale"] = map[string]any{"dead": *e.Fatalities}
		}
		var cites []map[string]any
		for _, s := range e.Sources {
			cites = append(cites, map[string]any{"publication": s.Outlet, "url": s.URL, "citation": s.Title, "coder": "sitrep"})
		}
		rec["cite_info"] = cites
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("write PLOVER record: %w", err)
		}
	}
	return nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// GeoJSON writes a FeatureCollection with one point per located event,
// a feature at a time.
func GeoJSON(w io.Writer, evs iter.Seq2[store.Event, error]) error {
	type feature struct {
		Type       string         `json:"type"`
		Geometry   map[string]any `json:"geometry"`
		Properties map[string]any `json:"properties"`
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	first := true
	for e, err := range evs {
		if err != nil {
			return err
		}
		if e.Latitude == nil || e.Longitude == nil {
			continue
		}
		typ := e.Plover
		if e.EventType != nil {
			typ = *e.EventType
		}
		props := map[string]any{
			"id": e.ID, "event_type": typ, "event_date": e.EventDate, "date_start": e.DateStart, "date_end": e.DateEnd,
			"actor1": e.Actor1, "actor2": e.Actor2, "location": e.Location, "country": e.Country,
			"geo_precision": e.GeoPrecision, "fatalities": e.Fatalities, "sources": len(e.Sources), "notes": e.Notes,
		}
		if e.SubEventType != nil {
			props["sub_event_type"] = *e.SubEventType
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		// Encode ends each value with a newline, which JSON allows
		// between the array's values.
		if err := enc.Encode(feature{Type: "Feature",
			Geometry:   map[string]any{"type": "Point", "coordinates": []float64{*e.Longitude, *e.Latitude}},
			Properties: props}); err != nil {
			return fmt.Errorf("write GeoJSON feature: %w", err)
		}
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}
