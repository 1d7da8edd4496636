package extract

import (
	"testing"

	"github.com/sitrep/sitrep/internal/pattern"
)

// phraseAtWordStartSpec is phraseAtWordStart as first written: the text
// that FoldsToASCII holds, else a look at each place no word byte comes
// before.
func phraseAtWordStartSpec(s string, phrases *[256][]string) bool {
	if pattern.FoldsToASCII(s) {
		return true
	}
	for p := range len(s) {
		if p > 0 && pattern.IsWordByte(s[p-1]) {
			continue
		}
		for _, w := range phrases[s[p]] {
			if pattern.HasPrefixFold(s[p:], w) {
				return true
			}
		}
	}
	return false
}

var wordStartCases = []string{
	"", "no one", "xno one", "No One was hurt", "\u212a", "x\u017f", "\u00e2\u0084", "\xe2\x84", "\xc5", "caused damage", "the damaged car",
	"(Casualties", "no-one", "9no one", "_casualties", "Ɱno one", "’no one", "NOBODY", "\u017fno one",
	"Damage", "heavy DAMAGE done", "’damage", "—damage", "x damage", "a\tdamage", "the damage-control",
	"no casualties", "Nobody", "no one’s", "a no-one", "é no fatalities", "no injuries were", "no deaths", "no\u212aone",
}

func TestPhraseAtWordStartSpec(t *testing.T) {
	cases := corpusWindows(t, 160, 41, wordStartCases)
	for _, phrases := range []*[256][]string{noVictimsWords, damageWord} {
		sameOnAll(t, "phraseAtWordStart", cases,
			func(s string) bool { return phraseAtWordStart(s, wordStarts(nil, s), phrases) },
			func(s string) bool { return phraseAtWordStartSpec(s, phrases) },
			func(b bool) bool { return b })
	}
}

func FuzzPhraseAtWordStart(f *testing.F) {
	for _, s := range wordStartCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, phrases := range []*[256][]string{noVictimsWords, damageWord} {
			if got, want := phraseAtWordStart(s, wordStarts(nil, s), phrases), phraseAtWordStartSpec(s, phrases); got != want {
				t.Errorf("phraseAtWordStart(%q) = %v, want %v", s, got, want)
			}
		}
	})
}
