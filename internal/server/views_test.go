package server

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// spread serves six events: clashes in Sudan three weeks apart, two of
// them near each other in Khartoum state, in one cell at zoom 0 and in two at zoom 6; a
// drone strike in Somalia; a protest in Kenya; and a PLOVER-only
// accusation without a place.
func spread(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	type ev struct {
		typ, sub, plover, actor1, iso, country, place, day string
		lat, lon                                           float64
		killed                                             int
	}
	evs := []ev{
		{"Battles", "Armed clash", "ASSAULT", "Rapid Support Forces", "SD", "Sudan", "El Fasher", "2025-03-03", 13.63, 25.35, 10},
		{"Battles", "Armed clash", "ASSAULT", "Rapid Support Forces", "SD", "Sudan", "Khartoum", "2025-03-24", 15.5, 32.56, 4},
		{"Battles", "Armed clash", "ASSAULT", "Military Forces of Sudan (2019-)", "SD", "Sudan", "Omdurman", "2025-03-23", 15.64, 32.48, 0},
		{"Explosions/Remote violence", "Air/drone strike", "ASSAULT", "Al Shabaab", "SO", "Somalia", "Baidoa", "2025-03-10", 3.11, 43.65, 7},
		{"Protests", "Peaceful protest", "PROTEST", "Protesters (Kenya)", "KE", "Kenya", "Nairobi", "2025-03-12", -1.29, 36.82, 0},
		{"", "", "ACCUSE", "Government of Sudan (2019-)", "SD", "Sudan", "", "2025-03-20", 0, 0, 0},
	}
	// The first-level divisions the gazetteer puts the places in.
	admin1 := map[string]string{"El Fasher": "Northern Darfur", "Khartoum": "Khartoum", "Omdurman": "Khartoum", "Baidoa": "Bay", "Nairobi": "Nairobi County"}
	for i, e := range evs {
		m := event.Event{ID: "m", Plover: e.plover, Actor1: e.actor1, ISO: e.iso, Country: e.country, Location: e.place, Admin1: admin1[e.place],
			EventDate: event.Date(e.day), DateStart: event.Date(e.day), DateEnd: event.Date(e.day), TimePrecision: 1, Notes: fmt.Sprintf("event %d", i)}
		if e.typ != "" {
			m.EventType, m.SubEventType = event.Str(e.typ), event.Str(e.sub)
			m.Fatalities = intp(e.killed)
		}
		if e.place != "" {
			m.Latitude, m.Longitude, m.GeoPrecision = f64(e.lat), f64(e.lon), 1
		}
		res := &event.Result{Document: event.Document{ID: fmt.Sprintf("doc%d", i), Published: event.Date(e.day), Text: "text"}, Events: []event.Event{m}}
		if _, err := db.Ingest(ctx, res); err != nil {
			t.Fatal(err)
		}
	}
	h, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, body := get(t, url, "")
	if resp.StatusCode == 200 {
		if err := json.Unmarshal([]byte(body), v); err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
	}
	return resp.StatusCode
}

func TestFiltersFind(t *testing.T) {
	srv := spread(t)
	tests := []struct {
		query string
		total int
	}{
		{"type=battles", 3},
		{"type=BATTLES&country=sudan", 3},
		{"type=armed+clash", 3},
		{"subtype=air/drone+strike", 1},
		{"type=Battles&subtype=armed+clash&actor=RSF", 2},
		{"country=Sudan", 4},
		{"country=sd", 4},
		{"type=accuse", 1},
		{"actor=rapid", 2},
		{"admin1=", 6},
	}
	for _, tt := range tests {
		var p struct{ Total int }
		if code := getJSON(t, srv.URL+"/api/events?"+tt.query, &p); code != 200 || p.Total != tt.total {
			t.Errorf("/api/events?%s: %d, total %d; want %d", tt.query, code, p.Total, tt.total)
		}
	}
	for _, q := range []string{"type=skirmish", "country=Narnia", "from=2025-13-01", "subtype=armed+clash&type=riots"} {
		if resp, body := get(t, srv.URL+"/api/events?"+q, ""); resp.StatusCode != 400 || !strings.Contains(body, `"error"`) {
			t.Errorf("/api/events?%s: %d %s; want 400", q, resp.StatusCode, body)
		}
	}
}

func TestTimeline(t *testing.T) {
	srv := spread(t)
	var tl struct {
		Bin   string
		Types []string
		Bins  []timeBin
	}
	if code := getJSON(t, srv.URL+"/api/timeline", &tl); code != 200 {
		t.Fatalf("status %d", code)
	}
	// 2025-03-03 to 2025-03-24: 22 days, every one a bin, empty ones zero.
	if tl.Bin != "day" || len(tl.Bins) != 22 || tl.Bins[0].Start != "2025-03-03" || tl.Bins[21].End != "2025-03-24" {
		t.Fatalf("bins %s × %d: %+v", tl.Bin, len(tl.Bins), tl.Bins)
	}
	if tl.Bins[1].Events != 0 || tl.Bins[20].Types["Battles"] != 1 || tl.Bins[21].Types["Battles"] != 1 || tl.Bins[19].Types["ACCUSE"] != 0 ||
		tl.Bins[17].Types["ACCUSE"] != 1 || tl.Bins[0].Fatalities != 10 {
		t.Errorf("bins: %+v", tl.Bins)
	}
	want := []string{"Battles", "Explosions/Remote violence", "Protests", "ACCUSE"}
	if strings.Join(tl.Types, "|") != strings.Join(want, "|") {
		t.Errorf("types %v, want %v", tl.Types, want)
	}
	// A single day is shown among a fortnight of others.
	if code := getJSON(t, srv.URL+"/api/timeline?country=KE", &tl); code != 200 || len(tl.Bins) != minAxisDays || tl.Bins[7].Events != 1 || tl.Bins[7].Start != "2025-03-12" {
		t.Errorf("one day: %+v", tl.Bins)
	}
	if code := getJSON(t, srv.URL+"/api/timeline?from=2023-01-01&to=2025-12-31", &tl); code != 200 || tl.Bin != "month" || len(tl.Bins) != 36 {
		t.Errorf("two years: %s × %d", tl.Bin, len(tl.Bins))
	}
	sum := 0
	for _, b := range tl.Bins {
		sum += b.Events
	}
	if sum != 6 {
		t.Errorf("months hold %d events, want 6", sum)
	}
}

func TestBinning(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		from, to, unit string
		n              int
		first, last    string
	}{
		{"2025-01-01", "2025-01-01", "day", 1, "2025-01-01/2025-01-01", "2025-01-01/2025-01-01"},
		{"2025-01-01", "2025-04-30", "day", 120, "2025-01-01/2025-01-01", "2025-04-30/2025-04-30"},
		// 2025-01-01 is a Wednesday: the first week is cut to the range.
		{"2025-01-01", "2025-12-31", "week", 53, "2025-01-01/2025-01-05", "2025-12-29/2025-12-31"},
		{"2023-01-15", "2025-12-31", "month", 36, "2023-01-15/2023-01-31", "2025-12-01/2025-12-31"},
	}
	for _, tt := range tests {
		unit, bins := binning(day(tt.from), day(tt.to))
		if unit != tt.unit || len(bins) != tt.n || bins[0].Start+"/"+bins[0].End != tt.first || bins[len(bins)-1].Start+"/"+bins[len(bins)-1].End != tt.last {
			t.Errorf("%s..%s: %s × %d, %+v … %+v", tt.from, tt.to, unit, len(bins), bins[0], bins[len(bins)-1])
		}
		for i := 1; i < len(bins); i++ {
			prev, _ := time.Parse(time.DateOnly, bins[i-1].End)
			if prev.AddDate(0, 0, 1).Format(time.DateOnly) != bins[i].Start {
				t.Errorf("%s..%s: gap between %v and %v", tt.from, tt.to, bins[i-1], bins[i])
			}
		}
	}
}

func TestMapCells(t *testing.T) {
	srv := spread(t)
	type mapResp struct {
		Cells     []struct{ Events int }
		Shown     int
		Matched   int
		Unlocated int
	}
	var world, zoomed, view mapResp
	getJSON(t, srv.URL+"/api/map?zoom=0", &world)
	getJSON(t, srv.URL+"/api/map?zoom=6", &zoomed)
	if world.Shown != 5 || world.Matched != 6 || world.Unlocated != 1 {
		t.Errorf("world: %+v", world)
	}
	// Khartoum and Omdurman share a cell at zoom 0 and part at zoom 6.
	if len(world.Cells) >= len(zoomed.Cells) || zoomed.Shown != 5 {
		t.Errorf("zoom 0: %d cells, zoom 6: %d cells", len(world.Cells), len(zoomed.Cells))
	}
	getJSON(t, srv.URL+"/api/map?zoom=4&bbox=20,0,40,20&country=sudan", &view)
	if view.Shown != 3 || view.Matched != 4 || view.Unlocated != 1 {
		t.Errorf("Sudan in a view: %+v", view)
	}
	for _, q := range []string{"zoom=-1", "zoom=99", "zoom=x"} {
		if resp, _ := get(t, srv.URL+"/api/map?"+q, ""); resp.StatusCode != 400 {
			t.Errorf("/api/map?%s: %d", q, resp.StatusCode)
		}
	}
}

func TestExportOfTheView(t *testing.T) {
	srv := spread(t)
	var p struct {
		Events []struct{ ID string }
		Total  int
	}
	getJSON(t, srv.URL+"/api/events?country=Sudan&type=battles", &p)
	resp, body := get(t, srv.URL+"/api/export?format=acled-csv&country=Sudan&type=battles", "")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %v", resp.StatusCode, resp.Header)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(rows)-1 != p.Total || p.Total != 3 {
		t.Errorf("CSV has %d rows (%v), API total %d", len(rows)-1, err, p.Total)
	}
	resp, body = get(t, srv.URL+"/api/export?format=geojson&country=SD", "")
	var fc struct{ Features []json.RawMessage }
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &fc) != nil || len(fc.Features) != 3 {
		t.Errorf("GeoJSON: %d, %d features (the undated-place accusation has none)", resp.StatusCode, len(fc.Features))
	}
	resp, body = get(t, srv.URL+"/api/export?format=plover-jsonl&country=SD", "")
	if resp.StatusCode != 200 || strings.Count(body, "\n") != 4 {
		t.Errorf("PLOVER JSONL: %d, %d lines", resp.StatusCode, strings.Count(body, "\n"))
	}
	for _, q := range []string{"format=xml", "format=geojson&type=nope"} {
		if resp, _ := get(t, srv.URL+"/api/export?"+q, ""); resp.StatusCode != 400 {
			t.Errorf("/api/export?%s: %d", q, resp.StatusCode)
		}
	}
}

func TestSuggest(t *testing.T) {
	srv := spread(t)
	var got []suggestion
	getJSON(t, srv.URL+"/api/suggest?field=country&q=su", &got)
	if len(got) != 1 || got[0].Value != "Sudan" || !strings.Contains(got[0].Label, "(SD)") {
		t.Errorf("countries for su: %+v", got)
	}
	getJSON(t, srv.URL+"/api/suggest?field=country", &got)
	if len(got) != 3 {
		t.Errorf("all countries: %+v", got)
	}
	getJSON(t, srv.URL+"/api/suggest?field=actor&q=rsf", &got)
	if len(got) == 0 || got[0].Value != "Rapid Support Forces" || !strings.HasPrefix(got[0].Label, "RSF") {
		t.Errorf("actors for rsf: %+v", got)
	}
	if resp, _ := get(t, srv.URL+"/api/suggest?field=moon", ""); resp.StatusCode != 400 {
		t.Errorf("bad field: %d", resp.StatusCode)
	}
}

func TestDashboardView(t *testing.T) {
	srv := spread(t)
	_, page := get(t, srv.URL+"/?country=Sudan&type=battles", "text/html")
	for _, want := range []string{
		`<strong>3</strong> events match`,
		`href="/api/export?country=Sudan&amp;type=battles&amp;format=geojson"`,
		`<option selected>Battles</option>`,
		`value="Sudan"`,
		`<optgroup label="Battles" data-type="Battles"><option>Armed clash</option>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("dashboard lacks %s", want)
		}
	}
	_, page = get(t, srv.URL+"/", "text/html")
	if !strings.Contains(page, `<abbr title="an event type of PLOVER that ACLED does not code">PLOVER</abbr> ACCUSE: 1 event`) ||
		strings.Index(page, "Protests: 1 event") > strings.Index(page, "ACCUSE: 1 event") {
		t.Errorf("PLOVER-only chip not marked, or not after ACLED's")
	}
}

func TestEventPageExplains(t *testing.T) {
	srv := spread(t)
	var p struct{ Events []struct{ ID string } }
	getJSON(t, srv.URL+"/api/events?country=KE", &p)
	if len(p.Events) != 1 {
		t.Fatalf("%d Kenyan events", len(p.Events))
	}
	_, page := get(t, srv.URL+"/events/"+p.Events[0].ID, "text/html")
	for _, want := range []string{"· 2025-03-12</h1>", "the place itself", "the day is known", `id="marks-legend"`, "<h3>Untitled article</h3>", `<a href="/countries/KE">Kenya</a>`,
		`<a href="/?country=KE&amp;admin1=Nairobi%20County" title="the events in Nairobi County">Nairobi County</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("event page lacks %q", want)
		}
	}
	if strings.Contains(page, "2025-03-12 – 2025-03-12") {
		t.Error("a one-day event shows a range")
	}
	if dates("2025-01-01", "2025-01-03") != "2025-01-01 – 2025-01-03" || interName(2) != "rebel group" {
		t.Error("dates or interName")
	}
}

func TestProfiles(t *testing.T) {
	srv := spread(t)
	resp, page := get(t, srv.URL+"/actors/RSF", "text/html")
	for _, want := range []string{"<h1>Rapid Support Forces</h1>", "rebel group", "<strong>2</strong> events", `data-filters="actor=Rapid&#43;Support&#43;Forces"`,
		`href="/api/export?actor=Rapid&#43;Support&#43;Forces&amp;format=geojson"`, "Top counterparts", `id="timeline"`} {
		if resp.StatusCode != 200 || !strings.Contains(page, want) {
			t.Errorf("actor page (%d) lacks %s", resp.StatusCode, want)
		}
	}
	resp, page = get(t, srv.URL+"/countries/Sudan", "text/html")
	for _, want := range []string{"<h1>Sudan</h1>", "<strong>4</strong> events", "Most active actors",
		`<td><a href="/actors/Rapid%20Support%20Forces">Rapid Support Forces</a></td><td class="num">2</td><td class="num">14</td>`} {
		if resp.StatusCode != 200 || !strings.Contains(page, want) {
			t.Errorf("country page (%d) lacks %s", resp.StatusCode, want)
		}
	}
	_, page = get(t, srv.URL+"/countries/SD?from=2025-03-20", "text/html")
	if !strings.Contains(page, "<strong>3</strong> events from 2025-03-20") {
		t.Errorf("dated country page:\n%s", page)
	}
	if resp, _ := get(t, srv.URL+"/countries/Narnia", "text/html"); resp.StatusCode != 404 {
		t.Errorf("unknown country: %d", resp.StatusCode)
	}
}

func TestDashboardSaysWhatIsWrong(t *testing.T) {
	srv := spread(t)
	resp, page := get(t, srv.URL+"/?country=Narnia&type=battles", "text/html")
	if resp.StatusCode != 400 || !strings.Contains(page, `id="filter-error"`) || !strings.Contains(page, "Narnia") ||
		!strings.Contains(page, `value="Narnia"`) || !strings.Contains(page, `<option selected>Battles</option>`) {
		t.Errorf("bad filter: %d\n%s", resp.StatusCode, page)
	}
}
