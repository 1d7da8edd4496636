package merge

import (
	"fmt"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }

// clash is a town-precise clash near Baidoa on 7 April 2025.
func clash() event.Event {
	return event.Event{EventType: event.Str("Battles"), SubEventType: event.Str("Armed clash"), Plover: "ASSAULT",
		Actor1: "Military Forces of Somalia (2022-)", Actor2: "Al Shabaab", ISO: "SO", Location: "Baidoa",
		Latitude: f64(3.11), Longitude: f64(43.65), GeoPrecision: 1,
		DateStart: "2025-04-07", DateEnd: "2025-04-07", EventDate: "2025-04-07"}
}

func TestSameEvent(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(m *event.Event)
		want bool
	}{
		{"the same report", func(m *event.Event) {}, true},
		{"another type", func(m *event.Event) { m.EventType = event.Str("Riots") }, false},
		{"PLOVER only, the same PLOVER type", func(m *event.Event) { m.EventType = nil }, false},
		{"another country", func(m *event.Event) { m.ISO = "KE" }, false},
		{"the day after", func(m *event.Event) { m.DateStart, m.DateEnd = "2025-04-08", "2025-04-08" }, false},
		{"a range that holds the day", func(m *event.Event) { m.DateStart, m.DateEnd = "2025-04-05", "2025-04-09" }, true},
		{"20 km off, both towns", func(m *event.Event) { m.Latitude = f64(3.29) }, true},
		{"40 km off, both towns", func(m *event.Event) { m.Latitude = f64(3.47) }, false},
		{"40 km off, one a district", func(m *event.Event) { m.Latitude, m.GeoPrecision = f64(3.47), 2 }, true},
		{"Kismayo, a province's width", func(m *event.Event) { m.Latitude, m.Longitude, m.GeoPrecision = f64(-0.36), f64(42.55), 3 }, false},
		{"no coordinates", func(m *event.Event) { m.Latitude, m.Longitude = nil, nil }, true},
		{"another armed group", func(m *event.Event) { m.Actor2 = "Islamic State Somalia Province" }, false},
		{"civilians named besides", func(m *event.Event) { m.Actor2 = "Civilians (Somalia)" }, true},
		{"unidentified attackers", func(m *event.Event) { m.Actor1 = "Unidentified Armed Group (Somalia)" }, true},
		{"actors in other case", func(m *event.Event) { m.Actor2 = "AL SHABAAB" }, true},
	} {
		m := clash()
		tt.edit(&m)
		if got := SameEvent(clash(), m); got != tt.want {
			t.Errorf("%s: SameEvent %v, want %v", tt.name, got, tt.want)
		}
	}
	// An event that names one side cannot contradict anyone.
	e := clash()
	e.Actor2 = ""
	m := clash()
	m.Actor2 = "Islamic State Somalia Province"
	if !SameEvent(e, m) {
		t.Error("an event naming one actor refused a second")
	}
}

func TestRadiusKm(t *testing.T) {
	for _, tt := range []struct {
		p1, p2 int
		want   float64
	}{{1, 1, 30}, {1, 2, 60}, {2, 1, 60}, {3, 1, 250}, {0, 0, 250}} {
		if got := RadiusKm(tt.p1, tt.p2); got != tt.want {
			t.Errorf("RadiusKm(%d, %d) = %v, want %v", tt.p1, tt.p2, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	e := clash()
	if Key(e) != "Battles" {
		t.Errorf("key %q", Key(e))
	}
	e.EventType, e.Plover = nil, "ACCUSE"
	if Key(e) != "PLOVER:ACCUSE" {
		t.Errorf("key %q", Key(e))
	}
}

// TestInto folds reports one at a time, as a store does: with the
// sources it had left out, only those appended.
func TestInto(t *testing.T) {
	first := clash()
	first.GeoPrecision, first.Location = 2, "Bay"
	first.DateStart, first.DateEnd = "2025-04-05", "2025-04-09"
	first.Fatalities = intp(25)
	first.Claims = []event.Claim{{Kind: "killed", Count: 25}}
	e := event.Merged{Event: first, Sources: []event.Source{{DocumentID: "a", Fatalities: first.Fatalities}}}
	for i, tt := range []struct {
		toll                  *int
		contested             bool
		start, end, precision string
		wantToll              int
		wantContested         bool
		wantStart, wantEnd    string
		wantDay, wantLocation string
	}{
		// A town-precise report of the middle days: place and days narrow.
		{toll: intp(25), start: "2025-04-06", end: "2025-04-08", precision: "town",
			wantToll: 25, wantStart: "2025-04-06", wantEnd: "2025-04-08", wantDay: "2025-04-07", wantLocation: "Baidoa"},
		// No toll: nothing changes but the sources.
		{start: "2025-04-01", end: "2025-04-30",
			wantToll: 25, wantStart: "2025-04-06", wantEnd: "2025-04-08", wantDay: "2025-04-07", wantLocation: "Baidoa"},
		// A higher toll: the least stands, contested.
		{toll: intp(40), start: "2025-04-07", end: "2025-04-07",
			wantToll: 25, wantContested: true, wantStart: "2025-04-07", wantEnd: "2025-04-07", wantDay: "2025-04-07", wantLocation: "Baidoa"},
		// A lower one: it becomes the toll, still contested.
		{toll: intp(9), start: "2025-04-07", end: "2025-04-07",
			wantToll: 9, wantContested: true, wantStart: "2025-04-07", wantEnd: "2025-04-07", wantDay: "2025-04-07", wantLocation: "Baidoa"},
	} {
		m := clash()
		m.DateStart, m.DateEnd, m.Fatalities, m.Contested = event.Date(tt.start), event.Date(tt.end), tt.toll, tt.contested
		m.GeoPrecision = 2
		if tt.precision == "town" {
			m.GeoPrecision = 1
		}
		m.Claims = []event.Claim{{Kind: "killed", Source: fmt.Sprint("report ", i)}}
		gained := event.Merged{Event: e.Event}
		Into(&gained, m, event.Source{DocumentID: fmt.Sprint("doc ", i), Fatalities: tt.toll})
		if len(gained.Sources) != 1 || len(gained.Claims) != len(e.Claims)+1 {
			t.Fatalf("report %d: %d sources and %d claims gained, want 1 and 1", i, len(gained.Sources), len(gained.Claims)-len(e.Claims))
		}
		e.Event, e.Sources = gained.Event, append(e.Sources, gained.Sources...)
		if e.Fatalities == nil || *e.Fatalities != tt.wantToll || e.Contested != tt.wantContested ||
			string(e.DateStart) != tt.wantStart || string(e.DateEnd) != tt.wantEnd || string(e.EventDate) != tt.wantDay || e.Location != tt.wantLocation {
			t.Errorf("report %d: toll %v contested %v, %s to %s (%s) at %s; want %d %v, %s to %s (%s) at %s", i,
				e.Fatalities, e.Contested, e.DateStart, e.DateEnd, e.EventDate, e.Location,
				tt.wantToll, tt.wantContested, tt.wantStart, tt.wantEnd, tt.wantDay, tt.wantLocation)
		}
	}
	if len(e.Claims) != 5 || len(e.Sources) != 5 {
		t.Errorf("%d claims and %d sources, want 5 and 5", len(e.Claims), len(e.Sources))
	}
	// A mention that says its sources contest the toll makes it contested.
	quiet := event.Merged{Event: clash()}
	m := clash()
	m.Contested = true
	Into(&quiet, m, event.Source{})
	if !quiet.Contested {
		t.Error("a contested mention left the event uncontested")
	}
}

func TestMidDay(t *testing.T) {
	for _, tt := range []struct{ start, end, want event.Date }{
		{"2025-04-07", "2025-04-07", "2025-04-07"},
		{"2025-04-07", "2025-04-08", "2025-04-08"},
		{"2025-04-01", "2025-04-30", "2025-04-16"},
		{"", "2025-04-30", ""},
		{"2025-04-07", "later", "2025-04-07"},
	} {
		if got := midDay(tt.start, tt.end); got != tt.want {
			t.Errorf("midDay(%q, %q) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

// TestUndatedStandsAlone: two undated reports cannot be told to be of one
// day, so they are not merged across articles.
func TestUndatedStandsAlone(t *testing.T) {
	typ := "Battles"
	lat, lon := 33.3, 43.8
	e := event.Event{EventType: &typ, ISO: "IQ", Latitude: &lat, Longitude: &lon, GeoPrecision: 1}
	if SameEvent(e, e) {
		t.Error("two undated reports merged")
	}
	e.DateStart, e.DateEnd, e.EventDate = "2004-11-08", "2004-11-08", "2004-11-08"
	if !SameEvent(e, e) {
		t.Error("two dated reports of one event not merged")
	}
}
