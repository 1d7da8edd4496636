package extract

import (
	"strings"
	"testing"
)

// TestMonitorSource checks that a monitor is the source of the toll it
// reports and its seat is not where the event happened.
func TestMonitorSource(t *testing.T) {
	tests := []struct {
		name, text, source string
	}{
		{"apposition without commas", "Air strikes killed 12 civilians in Saraqib in Idlib province on Monday the Syrian Observatory for Human Rights a Britain-based monitor said.", "Syrian Observatory for Human Rights"},
		{"seat before the name", "The London-based Syrian Observatory for Human Rights said air strikes killed 20 civilians in Saraqib in Idlib province on Monday.", "Syrian Observatory for Human Rights"},
		{"pronoun after the monitor", "Air strikes hit Saraqib in Idlib province on Monday, the Observatory reported. Nine civilians were killed, it said.", "Observatory"},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := firstEvent(t, x, tt.text, "2016-05-10")
			if e.ISO != "SY" {
				t.Errorf("placed in %q (%s), want Syria", e.Location, e.ISO)
			}
			var sources []string
			for _, c := range e.Claims {
				if c.Source == tt.source {
					return
				}
				sources = append(sources, c.Source)
			}
			t.Errorf("claims' sources %q, want %q", strings.Join(sources, "|"), tt.source)
		})
	}
}

// TestSeatIsNoPlace checks that "Britain-based" places nothing in Britain.
func TestSeatIsNoPlace(t *testing.T) {
	text := "The Britain-based Syrian Observatory for Human Rights said Islamic State fighters killed 20 civilians on Monday."
	for _, e := range extract(t, extractor(t), text, "2016-05-10") {
		if e.ISO == "GB" {
			t.Errorf("%s placed in %s by the monitor's seat", deref(e.SubEventType), e.Country)
		}
	}
}

// TestNewsAgencyIsNoArmy checks that "AFP", the news agency, is not the
// Armed Forces of the Philippines in an article about another country.
func TestNewsAgencyIsNoArmy(t *testing.T) {
	text := "(AFP) Rocket fire killed four civilians in Aleppo on Monday, a monitor said."
	for _, e := range extract(t, extractor(t), text, "2016-05-10") {
		for _, name := range []string{e.Actor1, e.Actor2} {
			if strings.Contains(name, "Philippines") {
				t.Errorf("%s: actor %q from the agency's name", deref(e.SubEventType), name)
			}
		}
	}
}
