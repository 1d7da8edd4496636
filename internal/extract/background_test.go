package extract

import (
	"regexp"
	"testing"

	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/text"
)

func TestBackgroundToll(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"killed in the war", "Government air strikes hit Saada on Monday, killing six civilians, a monitor said. Warplanes also struck a market in the town on Wednesday. " +
			"More than 250,000 people have been killed in the war, which began with protests against the government."},
		{"since the war began", "Government air strikes hit Saada on Monday, killing six civilians, a monitor said. Warplanes also struck a market in the town on Wednesday. " +
			"At least 250,000 people have been killed and millions displaced since the war started with the crushing of protests."},
		{"hundreds of thousands", "Government air strikes hit Saada on Monday, killing six civilians, a monitor said. Warplanes also struck a market in the town on Wednesday. " +
			"Hundreds of thousands of people have been killed in fighting that began with protests against the government."},
		{"how the war began", "Government air strikes hit Saada on Monday, killing six civilians, a monitor said. Warplanes also struck a market in the town on Wednesday. " +
			"The country's conflict erupted in March 2015 with protests against the government."},
		{"the war has killed", "Government air strikes hit Saada on Monday, killing six civilians, a monitor said. Warplanes also struck a market in the town on Wednesday. " +
			"The war, which grew out of street protests, has killed more than 250,000 people."},
		{"throughout the war", "Government air strikes hit Saada on Monday, killing six civilians, a monitor said. Warplanes also struck a market in the town on Wednesday. " +
			"The capital has been rocked by occasional bomb blasts throughout the country's conflict."},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extract(t, x, tt.text, "2020-03-12")
			if len(evs) != 2 {
				t.Fatalf("got %d events, want the two strikes", len(evs))
			}
			for _, e := range evs {
				if e.SubEventType == nil || *e.SubEventType != "Air/drone strike" {
					t.Errorf("event %v: want the strikes alone", e.SubEventType)
				}
				if e.Fatalities != nil && *e.Fatalities > 6 {
					t.Errorf("fatalities %d: the war's toll taken for a strike's", *e.Fatalities)
				}
			}
		})
	}
}

func TestDayMakesNews(t *testing.T) {
	text := "Air strikes killed 20 people in Saada on Tuesday, the heaviest toll since the war began, medics said."
	if evs := extract(t, extractor(t), text, "2020-03-12"); len(evs) == 0 {
		t.Error("a strike with its own day was taken for background")
	}
}

// TestNonConflictDeaths checks that deaths no armed group caused are no
// events.
func TestNonConflictDeaths(t *testing.T) {
	x := extractor(t)
	for _, text := range []string{
		"Heavy flooding in the north of the country killed at least 40 people on Sunday, officials said.",
		"A wild elephant killed two farmers near Kandy on Tuesday.",
		"Eight people died when a bus crashed into a ravine near Cusco on Friday.",
		"A coal mine blast killed 12 miners in Zonguldak on Monday.",
		"The roof of a market collapsed on traders in Lagos on Saturday, leaving six dead.",
	} {
		if evs := extract(t, x, text, "2024-05-10"); len(evs) != 0 {
			t.Errorf("%q gave %d events, first %v", text, len(evs), deref(evs[0].SubEventType))
		}
	}
}

// TestReactions checks that a reaction to an event told elsewhere is no
// event at the capital where it was said.
func TestReactions(t *testing.T) {
	x := extractor(t)
	for _, text := range []string{
		"The offensive drew strong condemnation from France, which said hospitals had been hit.",
		"Britain and Germany said UN inspectors in Yemen should be given access to the site of the alleged gas attack.",
		"A UN committee approved a resolution condemning the attacks on Aleppo.",
	} {
		if evs := extract(t, x, text, "2016-11-12"); len(evs) != 0 {
			t.Errorf("%q gave %d events, first %v in %s", text, len(evs), deref(evs[0].SubEventType), evs[0].Country)
		}
	}
	text := "The foreign ministry condemned the air strikes on Raqqa on Tuesday that killed 18 civilians."
	if evs := extract(t, x, text, "2016-11-12"); len(evs) == 0 {
		t.Errorf("%q: a condemned strike with its own day and toll is still news", text)
	}
}

// TestBackgroundWords holds backgroundWords to the patterns it stands
// before: every name of a war the patterns read has a word in it.
func TestBackgroundWords(t *testing.T) {
	for _, name := range lexicon.Words(lexicon.WarWords) {
		if !text.Split(name).AnyIn(0, len(name), backgroundWords) {
			t.Errorf("%q of the war words has no word in backgroundWords", name)
		}
	}
	for _, s := range []string{"Hundreds of thousands have been killed.", "tens of thousands have died"} {
		if !warToll(s, text.LowerASCII(s)) {
			t.Fatalf("warToll misses %q", s)
		}
		if d := text.Split(s); !d.AnyIn(0, len(s), backgroundWords) {
			t.Errorf("%q: no word of backgroundWords", s)
		}
	}
}

// warTollOracle is the one pattern warToll's three stand for.
var warTollOracle = regexp.MustCompile(warTollRE.String() + "|" + diedInWarRE.String() + "|" + thousandsDiedRE.String())

var warCases = []string{
	"", "the war", "The war has killed more than 300,000 people.", "the conflict, which has lasted five years, has so far claimed 20,000 lives",
	"The insurgency has left thousands dead", "The Insurgency  HAS\tKILLED", "the war has killedx", "a war that has killed hundreds of thousands",
	"the war in the east of the country, now in its eleventh year and the worst of the decade, has killed", "the uprising has",
	"more than 300,000 people have been killed since the conflict began in 2011", "Hundreds of thousands have been killed.",
	"tens of thousands have died", "tens of thousands of people had died", "tens of thousands of people had diedx",
	"civilians have died in the Syrian conflict", "soldiers have been killed in Yemen's civil war", "have died in the war-torn",
	"have died in the war", "have been killed in the country’s war.", "the conflict began when forces cracked down",
	"Syria's war, which began in 2011 with protests", "since the war began", "since the war  started", "the crisis that erupted",
	"its insurgency broke  out", "the unrest, which broke out", "the war ha\u017f killed", "the \u212aillings",
	"the war began", "Since the war began", "since the conflict erupted and the war broke out", "the civil war started",
	"the revolution, that began", "Iraq's long insurgency began", "its revolt erupted", "the 2011 uprising started in Deraa",
	"The Crisis Broke Out", "since its war began, the war began",
}

func TestWarToll(t *testing.T) {
	cases := corpusWindows(t, 160, 41, warCases)
	sameOnAll(t, "warToll", cases, func(s string) bool { return warToll(s, text.LowerASCII(s)) }, warTollOracle.MatchString, func(b bool) bool { return b })
}

// warBeganOracle is warBegan read by the engine alone.
func warBeganOracle(sent string) bool {
	for _, loc := range warBeganRE.Regexp.FindAllStringIndex(sent, -1) {
		if !sinceBeforeRE.Regexp.MatchString(sent[:loc[0]]) {
			return true
		}
	}
	return false
}

func TestWarBegan(t *testing.T) {
	cases := corpusWindows(t, 160, 41, warCases)
	sameOnAll(t, "warBegan", cases, warBegan, warBeganOracle, func(b bool) bool { return b })
}
