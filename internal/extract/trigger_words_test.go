package extract

import (
	"regexp"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/text"
)

// The conditions wordsAhead stands for, as first written.
var (
	overtakeAfterSpec = regexp.MustCompile(`(?i)^\s+(?:(?:\S+\s+){0,5}?)(?:towns?|villages?|cit(?:y|ies)|districts?|neighbou?rhoods?|areas?|territory|posts?|bases?|border crossings?|outposts?|positions?|checkpoints?|garrisons?|headquarters|airports?|of|the capital)\b`)
	accuseNotSpec     = regexp.MustCompile(`^\s+(?:\S+\s+){0,5}?on\b`)
)

// wordsAheadCases are texts after a trigger, the corpus's and these.
var wordsAheadCases = []string{
	"", " ", " the town", "the town", " a b c d e town", " a b c d e f town", " a b c d e\ttown.", " the towns-", " townsfolk",
	" the Border Crossing", " the border  crossing", " most of", " of_", " of9", " offensive", " the CAPITAL", " ON", " on",
	" no on", "  on", " a\non", " x y z \u212aown on", " che\u212apoints", " the ſ of", " the city’s", " Cities\n", " é of",
	" the neighbourhood", " neighborhoods", " outposts ", " posts", "\tHeadquarters", " a b c d e f g of",
}

// ahead holds the lexicon's wordsAhead: the one conditions of each kind.
var ahead = func() (out struct{ after, not matcher }) {
	for _, en := range NewLexicon().entries {
		if w, ok := en.after.(*wordsAhead); ok {
			out.after = w
		}
		if w, ok := en.not.(*wordsAhead); ok {
			out.not = w
		}
	}
	return out
}()

func checkWordsAhead(t *testing.T, s string) (hit bool) {
	t.Helper()
	for _, tt := range []struct {
		name string
		got  matcher
		spec *regexp.Regexp
	}{
		{"overtake after", ahead.after, overtakeAfterSpec},
		{"accuse not", ahead.not, accuseNotSpec},
	} {
		got, want := tt.got.MatchString(s), tt.spec.MatchString(s)
		if got != want {
			t.Errorf("%s on %q: %v, want %v", tt.name, s, got, want)
		}
		if w := tt.got.(*wordsAhead); w.re.Regexp.MatchString(s) != want {
			t.Errorf("%s's pattern on %q: %v, want %v", tt.name, s, !want, want)
		}
		hit = hit || want
	}
	return hit
}

func TestWordsAhead(t *testing.T) {
	hits := 0
	for _, s := range corpusWindows(t, 90, 37, wordsAheadCases) {
		if checkWordsAhead(t, s) {
			hits++
		}
	}
	if hits < 20 {
		t.Errorf("only %d texts match: the test proves little", hits)
	}
}

func FuzzWordsAhead(f *testing.F) {
	for _, s := range wordsAheadCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkWordsAhead(t, s) })
}

// TestDetectSlicesApart: the sentences' triggers share an array, yet an
// append to one sentence's leaves the next one's alone, and a sentence
// with none has nil, as before they shared it.
func TestDetectSlicesApart(t *testing.T) {
	txt := "Troops clashed with rebels. The weather was fine. Gunmen attacked a convoy and shelled the town."
	d := text.Split(txt)
	spans := []event.Span{{Start: 0, End: 27}, {Start: 28, End: 49}, {Start: 50, End: len(txt)}}
	got := NewLexicon().Detect(d, spans)
	if len(got[0]) == 0 || got[1] != nil || len(got[2]) < 2 {
		t.Fatalf("Detect = %d, %v, %d triggers; want some, nil, two or more", len(got[0]), got[1], len(got[2]))
	}
	next := got[2][0]
	_ = append(got[0], Trigger{Text: "added"})
	if got[2][0] != next {
		t.Errorf("an append to the first sentence's triggers changed the third's: %+v", got[2][0])
	}
}
