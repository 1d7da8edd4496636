package server

import (
	"bufio"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/export"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/taxonomy"
)

// filter reads a request's filters and resolves them as a person types
// them: types in any case, countries by name, actors by alias.
func (s *Server) filter(r *http.Request) (store.Filter, error) {
	f, err := filterFrom(r)
	if err != nil {
		return f, err
	}
	f.SubEventType = r.URL.Query().Get("subtype")
	return s.resolve.Resolve(f)
}

// Bins of the time axis, and the longest range each serves: a range
// gets the finest bin that keeps the axis readable.
const (
	maxDayBins  = 120
	maxWeekBins = 110
)

// timeBin is one bin of the time axis.
type timeBin struct {
	Start      string         `json:"start"`
	End        string         `json:"end"`
	Events     int            `json:"events"`
	Fatalities int            `json:"fatalities"`
	Types      map[string]int `json:"types"`
}

// apiTimeline counts the events that pass the filters by day, week or
// month and type, every bin of the range present, empty ones as zero.
func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, err := s.filter(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	byType, err := s.store.Aggregate(ctx, f, store.ByType)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	// One count by day per type: the types are few, and each count is
	// an index scan of the events of that type.
	days := map[string]map[string]store.Bucket{}
	var first, last string
	types := []string{}
	for _, t := range byType {
		ft := f
		ft.EventType = t.Key
		buckets, err := s.store.Aggregate(ctx, ft, store.ByDay)
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		types = append(types, t.Key)
		for _, b := range buckets {
			if _, err := time.Parse(time.DateOnly, b.Key); err != nil {
				continue
			}
			if days[b.Key] == nil {
				days[b.Key] = map[string]store.Bucket{}
			}
			days[b.Key][t.Key] = b
			if first == "" || b.Key < first {
				first = b.Key
			}
			if b.Key > last {
				last = b.Key
			}
		}
	}
	if f.From != "" {
		first = f.From
	}
	if f.To != "" {
		last = f.To
	}
	out := map[string]any{"types": orderTypes(types), "bins": []timeBin{}, "bin": "day"}
	if first == "" || last == "" || first > last {
		writeJSON(w, http.StatusOK, out)
		return
	}
	from, _ := time.Parse(time.DateOnly, first)
	to, _ := time.Parse(time.DateOnly, last)
	from, to = widen(from, to, f.From == "", f.To == "")
	unit, bins := binning(from, to)
	for i := range bins {
		b := &bins[i]
		start, _ := time.Parse(time.DateOnly, b.Start)
		end, _ := time.Parse(time.DateOnly, b.End)
		for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
			for t, c := range days[d.Format(time.DateOnly)] {
				b.Types[t] += c.Events
				b.Events += c.Events
				b.Fatalities += c.Fatalities
			}
		}
	}
	out["bin"], out["bins"], out["from"], out["to"] = unit, bins, from.Format(time.DateOnly), to.Format(time.DateOnly)
	writeJSON(w, http.StatusOK, out)
}

// minAxisDays is the shortest range the time axis shows, so that a few
// events on one day sit among empty days rather than fill the axis.
const minAxisDays = 15

// widen stretches a range shorter than minAxisDays on the sides the
// filters left open.
func widen(from, to time.Time, openFrom, openTo bool) (time.Time, time.Time) {
	short := minAxisDays - (int(to.Sub(from).Hours()/24) + 1)
	switch {
	case short <= 0:
	case openFrom && openTo:
		from, to = from.AddDate(0, 0, -short/2), to.AddDate(0, 0, short-short/2)
	case openFrom:
		from = from.AddDate(0, 0, -short)
	case openTo:
		to = to.AddDate(0, 0, short)
	}
	return from, to
}

// binning cuts the days from..to into days, ISO weeks or months, the
// finest that keeps the bins few; the first and last bins are cut to
// the range.
func binning(from, to time.Time) (string, []timeBin) {
	days := int(to.Sub(from).Hours()/24) + 1
	unit := "month"
	switch {
	case days <= maxDayBins:
		unit = "day"
	case days/7 <= maxWeekBins:
		unit = "week"
	}
	var bins []timeBin
	for start := from; !start.After(to); {
		var next time.Time
		switch unit {
		case "day":
			next = start.AddDate(0, 0, 1)
		case "week":
			// Weeks begin on Monday.
			next = start.AddDate(0, 0, 7-(int(start.Weekday())+6)%7)
		default:
			next = time.Date(start.Year(), start.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		}
		end := next.AddDate(0, 0, -1)
		if end.After(to) {
			end = to
		}
		bins = append(bins, timeBin{Start: start.Format(time.DateOnly), End: end.Format(time.DateOnly), Types: map[string]int{}})
		start = next
	}
	return unit, bins
}

// orderTypes puts ACLED's types first, in their codebook order, then
// PLOVER's, so that colours and stacks keep their places.
func orderTypes(types []string) []string {
	acled := taxonomy.EventTypes()
	out := []string{}
	for _, t := range acled {
		if slices.Contains(types, t) {
			out = append(out, t)
		}
	}
	for _, t := range types {
		if !slices.Contains(acled, t) {
			out = append(out, t)
		}
	}
	return out
}

// inTypeOrder puts counts by type in orderTypes's order: ACLED's types,
// then PLOVER's.
func inTypeOrder(bs []store.Bucket) []store.Bucket {
	keys := make([]string, len(bs))
	for i, b := range bs {
		keys[i] = b.Key
	}
	order := orderTypes(keys)
	out := slices.Clone(bs)
	slices.SortStableFunc(out, func(a, b store.Bucket) int { return slices.Index(order, a.Key) - slices.Index(order, b.Key) })
	return out
}

// maxZoom bounds the map's zoom: at maxZoom a cell is a few kilometres,
// finer than any event's place.
const maxZoom = 12

// cellDegrees is the size of a map cell at a zoom level: the whole world
// (zoom 0) in cells of 8 degrees, halved at each level.
func cellDegrees(zoom int) float64 { return 8 / float64(int(1)<<zoom) }

// apiMap counts the located events that pass the filters in grid cells
// sized for the zoom, within the bbox of the view, with the totals the
// map's caption gives.
func (s *Server) apiMap(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, err := s.filter(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	zoom := 0
	if z := r.URL.Query().Get("zoom"); z != "" {
		if zoom, err = strconv.Atoi(z); err != nil || zoom < 0 || zoom > maxZoom {
			s.fail(w, r, http.StatusBadRequest, fmt.Errorf("zoom is a whole number from 0 to %d, not %q", maxZoom, z))
			return
		}
	}
	cells, err := s.store.Cells(ctx, f, cellDegrees(zoom))
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	shown := 0
	for _, c := range cells {
		shown += c.Events
	}
	// What the filters pass in all, wherever the view is.
	all := f
	all.BBox = nil
	byType, err := s.store.Aggregate(ctx, all, store.ByType)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	located, err := s.store.Cells(ctx, all, 360)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	total, withPlace := 0, 0
	for _, b := range byType {
		total += b.Events
	}
	for _, c := range located {
		withPlace += c.Events
	}
	writeJSON(w, http.StatusOK, map[string]any{"zoom": zoom, "cell_degrees": cellDegrees(zoom), "cells": cells,
		"shown": shown, "matched": total, "unlocated": total - withPlace})
}

// exportTypes are the media types and file endings of the export formats.
var exportTypes = map[string][2]string{
	"acled-csv":    {"text/csv; charset=utf-8", "csv"},
	"geojson":      {"application/geo+json", "geojson"},
	"plover-jsonl": {"application/x-ndjson", "jsonl"},
}

// apiExport streams the events that pass the filters in an export
// format, as a download.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "acled-csv"
	}
	mt, ok := exportTypes[format]
	if !ok || !export.Known(format) {
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("format is acled-csv, geojson or plover-jsonl, not %q", format))
		return
	}
	f, err := s.filter(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	g, err := s.resolve.Gazetteer()
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	// An export of the whole record may take longer than the server's
	// write timeout, which is meant for pages.
	http.NewResponseController(w).SetWriteDeadline(time.Time{})
	w.Header().Set("Content-Type", mt[0])
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="sitrep-events.%s"`, mt[1]))
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := export.Stream(r.Context(), bw, format, s.store, f, g); err != nil {
		// The status is sent; a broken download is all that can be said.
		s.log.Error("export", "err", err)
		return
	}
	bw.Flush()
}

// suggestion is one choice a filter box offers.
type suggestion struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// maxSuggestions is how many choices a box lists.
const maxSuggestions = 12

// apiSuggest offers the choices of a filter box: the countries the
// record holds, by name or code, the actors whose name or an alias
// begins a word with what was typed, or the first-level divisions the
// record holds.
func (s *Server) apiSuggest(w http.ResponseWriter, r *http.Request) {
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	out := []suggestion{}
	switch field := r.URL.Query().Get("field"); field {
	case "country":
		buckets, err := s.store.Aggregate(r.Context(), store.Filter{}, store.ByCountry)
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		for _, b := range buckets {
			if b.Key == "" {
				continue
			}
			name := s.resolve.CountryName(b.Key)
			if q == "" || strings.HasPrefix(strings.ToLower(name), q) || strings.ToLower(b.Key) == q {
				out = append(out, suggestion{Value: name, Label: fmt.Sprintf("%s (%s) · %s", name, b.Key, eventsWord(b.Events))})
			}
		}
		slices.SortFunc(out, func(a, b suggestion) int { return strings.Compare(a.Value, b.Value) })
	case "actor":
		for _, a := range s.resolve.Actors(q, maxSuggestions) {
			label := a.Name
			if a.Alias != "" {
				label = a.Alias + " → " + a.Name
			}
			out = append(out, suggestion{Value: a.Name, Label: label})
		}
	case "admin1":
		s.suggestAdmin1(w, r, q)
		return
	default:
		s.fail(w, r, http.StatusBadRequest, errors.New("field is country, actor or admin1"))
		return
	}
	writeJSON(w, http.StatusOK, out[:min(len(out), 250)])
}

func eventsWord(n int) string {
	if n == 1 {
		return "1 event"
	}
	return strconv.Itoa(n) + " events"
}

// choices are the type and sub-type options of the filter bar.
type choices struct {
	Types  []typeChoice
	Plover []string
}

type typeChoice struct {
	Name string
	Subs []string
}

func typeChoices() choices {
	var c choices
	for _, t := range taxonomy.EventTypes() {
		c.Types = append(c.Types, typeChoice{Name: t, Subs: taxonomy.SubEventTypes(t)})
	}
	c.Plover = taxonomy.PloverTypes()
	return c
}

// filterParams are the query parameters that filter events.
var filterParams = []string{"from", "to", "type", "subtype", "country", "actor", "admin1", "q", "bbox"}

// dashboardData adds to the dashboard's data what its filter bar, counts
// and download links need.
func (s *Server) dashboardData(r *http.Request, f store.Filter, data map[string]any) map[string]any {
	q := r.URL.Query()
	kept := url.Values{}
	for _, k := range filterParams {
		if v := q.Get(k); v != "" {
			kept.Set(k, v)
		}
	}
	export := ""
	if len(kept) > 0 {
		export = kept.Encode() + "&"
	}
	kept.Del("bbox")
	data["Q"] = q
	data["Columns"] = columns(q)
	data["Filter"] = f
	data["Choices"] = typeChoices()
	data["Filtered"] = export != ""
	data["Export"] = template.URL(export)
	data["WithoutBBox"] = "/?" + kept.Encode()
	return data
}

// dates is a date range as people write it: one day when it is one.
func dates(start, end event.Date) string {
	if start == "" {
		return "date unknown"
	}
	if start == end || end == "" {
		return string(start)
	}
	return string(start) + " – " + string(end)
}

// interName names ACLED's inter codes.
func interName(code int) string {
	names := []string{1: "state forces", 2: "rebel group", 3: "political militia", 4: "identity militia",
		5: "rioters", 6: "protesters", 7: "civilians", 8: "external/other forces"}
	if code > 0 && code < len(names) {
		return names[code]
	}
	return "inter code " + strconv.Itoa(code)
}

// geoPrecision says what ACLED's geo precision codes mean.
func geoPrecision(p int) string {
	switch p {
	case 1:
		return "the place itself"
	case 2:
		return "near the place, or part of a region"
	case 3:
		return "only the province or region"
	}
	return "place unknown"
}

// timePrecision says what ACLED's time precision codes mean.
func timePrecision(p int) string {
	switch p {
	case 1:
		return "the day is known"
	case 2:
		return "within the week"
	case 3:
		return "within the month"
	}
	return "the article gives no date"
}
