package synth

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestWorld(t *testing.T) {
	w := World()
	if len(w) != Countries {
		t.Fatalf("%d countries, want %d", len(w), Countries)
	}
	seen := map[string]bool{}
	for _, c := range w {
		if len(c.ISO) != 2 || seen[c.ISO] {
			t.Errorf("country code %q is not a new two-letter code", c.ISO)
		}
		seen[c.ISO] = true
		if c.Name == "" || c.Name == c.ISO || len(c.Provinces) != 4 || len(c.Rebels) == 0 {
			t.Errorf("country %s: %+v", c.ISO, c)
		}
		for _, p := range c.Provinces {
			if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
				t.Errorf("%s at %v,%v: off the globe", p.Name, p.Lat, p.Lon)
			}
		}
	}
}

func TestArticlesAreReproducibleAndWithinTheRecord(t *testing.T) {
	w := World()
	r1, r2 := rand.New(rand.NewPCG(1, 1)), rand.New(rand.NewPCG(1, 1))
	last := Start.AddDate(0, 0, Days-1).Format("2006-01-02")
	for n := range 500 {
		a, b := Article(r1, w, n), Article(r2, w, n)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("article %d differs between two runs of one seed", n)
		}
		e := a.Events[0]
		if string(e.DateStart) < Start.AddDate(0, 0, -2).Format("2006-01-02") || string(e.DateEnd) > last || e.DateStart > e.DateEnd {
			t.Errorf("article %d: dates %s to %s outside the record", n, e.DateStart, e.DateEnd)
		}
		for _, ev := range e.Evidence {
			if !ev.Span.Valid(len(a.Document.Text)) || a.Document.Text[ev.Start:ev.End] != ev.Text {
				t.Errorf("article %d: evidence %q does not point at its words", n, ev.Text)
			}
		}
	}
}
