package extract

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

// TestClaimSources checks who a toll is attributed to when wire copy has
// lost its commas and names the source by its kind or after adverbials.
func TestClaimSources(t *testing.T) {
	tests := []struct {
		name, text, source string // source "" wants no source at all
	}{
		{"monitor named by its kind", "Barrel bombs killed at least nine civilians in Anadan near Aleppo on Monday a monitoring group said. The Syrian Observatory for Human Rights has tracked the war since 2011.",
			"Syrian Observatory for Human Rights"},
		{"a monitor said at the end", "Air strikes killed at least six civilians in Douma near Damascus on Thursday a monitor said. The Syrian Observatory for Human Rights has tracked the war since 2011.",
			"Syrian Observatory for Human Rights"},
		{"adverbials before the subject", "Air strikes hit Douma near Damascus on Sunday. Elsewhere on Sunday the observatory said 14 rebels were killed in clashes with troops in Jobar near Damascus.",
			"observatory"},
		{"subject with its place", "The Civil Defence in the province said seven people were killed in shelling on Douma near Damascus on Sunday.",
			"Civil Defence in the province"},
		{"source in the sentence after", "Air strikes on a market in Idlib killed at least 21 civilians on Sunday. The strikes hit the crowded main market, the Syrian Observatory for Human Rights said.",
			"Syrian Observatory for Human Rights"},
		{"the lives of", "A source at Damascus Police Command told SANA that rocket shells hit houses in Harasta on Sunday claiming the lives of two persons.",
			"SANA"},
		{"determiner opens the speaker without commas", "The missile strike on the airbase near Homs killed four children an informed source in Homs told reporters Friday.",
			"an informed source in Homs"},
		{"preposition keeps its object", "The local White Helmets in the central Hama province said an air raid on their centre in Kafr Zita killed eight volunteers.",
			"White Helmets"},
		{"monitor named before its kind", "Civil defence workers pulled bodies from the rubble in Aleppo. The Syrian Observatory for Human Rights a British-based monitoring group also reported strikes on the road in Aleppo but gave a toll of eight civilians killed.",
			"Syrian Observatory for Human Rights"},
		{"passive is no source", "Air strikes hit Douma near Damascus on Sunday killing 15 people and two children are reported to have died of their wounds.",
			""},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sources []string
			for _, e := range extract(t, x, tt.text, "2016-05-10") {
				for _, c := range e.Claims {
					if tt.source != "" && c.Source == tt.source {
						return
					}
					sources = append(sources, c.Source)
				}
			}
			if tt.source != "" {
				t.Errorf("claims' sources %q, want %q", strings.Join(sources, "|"), tt.source)
				return
			}
			for _, s := range sources {
				if s != "" {
					t.Errorf("claims' sources %q, want none", strings.Join(sources, "|"))
				}
			}
		})
	}
}

// TestOneGroupTwoFigures checks that two sources' figures for the same
// people, one naming their nationality, give the lower, not the sum.
func TestOneGroupTwoFigures(t *testing.T) {
	text := "Coalition air strikes killed 20 Syrian civilians in Raqqa on Tuesday, activists said. State media SANA said 24 civilians were killed in the strikes on Raqqa."
	e := firstEvent(t, extractor(t), text, "2016-05-10")
	if e.Fatalities == nil || *e.Fatalities != 20 {
		var claims []string
		for _, c := range e.Claims {
			claims = append(claims, c.Of)
		}
		t.Errorf("fatalities %v, want 20; claims of %q", e.Fatalities != nil && *e.Fatalities == 20, claims)
	}
}

// TestCountBeforeCount checks that a number of page chrome right before a
// toll ("Get short URL 2440 Over 100 civilians ...") is no toll.
func TestCountBeforeCount(t *testing.T) {
	text := "Share this 3120 More than 40 civilians were killed in air strikes on Manbij near Aleppo on Tuesday, a local source said."
	for _, e := range extract(t, extractor(t), text, "2016-07-19") {
		for _, c := range e.Claims {
			if c.Count == 3120 {
				t.Errorf("claim of %d %s from the page's chrome", c.Count, c.Of)
			}
		}
	}
}

// TestNoDeathsTold checks ACLED's 0 for violence that harmed only
// property or left only the wounded, and that such a 0 does not lower a
// toll told in another sentence.
func TestNoDeathsTold(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"material damage", "Militants fired ten rocket shells on the Sabil neighborhood of Daraa on Sunday causing material damage to houses, state media said.", 0},
		{"suffocation", "More than 20 people suffered suffocation on Sunday after militants fired shells containing toxic gas on the Hamadaniya neighborhood of Aleppo, state media said.", 0},
		{"damage beside a toll", "Militants fired rocket shells on the Sabil neighborhood of Daraa on Sunday killing three people. The shells also caused heavy material damage to houses in Daraa.", 3},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := firstEvent(t, x, tt.text, "2016-08-10")
			if e.Fatalities == nil || *e.Fatalities != tt.want {
				got := "null"
				if e.Fatalities != nil {
					got = strconv.Itoa(*e.Fatalities)
				}
				t.Errorf("fatalities %s, want %d", got, tt.want)
			}
		})
	}
}

// TestOutletSaysWhatNoOneIsQuotedSaying checks that a toll nobody in the
// text is quoted giving is the publishing agency's.
func TestOutletSaysWhatNoOneIsQuotedSaying(t *testing.T) {
	text := "HOMS (Sputnik) - Air strikes killed 12 people in Homs on Thursday. A monitor put the toll at 15."
	tag := event.Span{Start: 6, End: 13}
	doc := &event.Document{ID: "test", Text: text, Published: "2017-04-07", Format: "text", Outlet: "Sputnik", OutletTag: &tag}
	evs, err := extractor(t).Extract(context.Background(), doc, Options{})
	if err != nil || len(evs) == 0 {
		t.Fatalf("events %v, error %v", evs, err)
	}
	got := map[int]string{}
	for _, c := range evs[0].Claims {
		got[c.Count] = c.Source
	}
	if got[12] != "Sputnik" || got[15] == "Sputnik" {
		t.Errorf("sources by count %v, want 12 by Sputnik and 15 not", got)
	}
}
