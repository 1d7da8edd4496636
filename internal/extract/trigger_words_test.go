package extract

import (
	"regexp"
	"testing"
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
