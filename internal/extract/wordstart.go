package extract

import (
	"math/bits"

	"github.com/sitrep/sitrep/internal/bytewise"
	"github.com/sitrep/sitrep/internal/pattern"
)

// phraseAtPlaces reports whether one of phrases, filed by byFirstByte,
// begins, folded as HasPrefixFold folds, at a place of s that no word
// byte comes before: the places phraseAtWordStart looks at.
func phraseAtPlaces(s string, phrases *[256][]string) bool {
	// The places no word byte comes before, told eight bytes at a time:
	// it runs on each sentence that tells of an event, twice, and a walk
	// from word to word read each byte on its own.
	afterNonWord := true // before the place p
	p := 0
	for ; p+8 <= len(s); p += 8 {
		x := bytewise.Load64(s[p : p+8])
		word := bytewise.InRange(x|0x20*bytewise.Ones, 'a', 'z') | bytewise.InRange(x, '0', '9') | bytewise.InRange(x, '_', '_')
		nonWord := ^word & (0x80 * bytewise.Ones)
		visit := nonWord << 8 // each byte after a byte of no word
		if afterNonWord {
			visit |= 0x80
		}
		afterNonWord = nonWord>>63 != 0
		for ; visit != 0; visit &= visit - 1 {
			if phraseAt(s, p+bits.TrailingZeros64(visit)/8, phrases) {
				return true
			}
		}
	}
	for ; p < len(s); p++ {
		if afterNonWord && phraseAt(s, p, phrases) {
			return true
		}
		afterNonWord = !pattern.IsWordByte(s[p])
	}
	return false
}

// phraseAt reports whether one of phrases begins at s[p:], folded.
func phraseAt(s string, p int, phrases *[256][]string) bool {
	for _, w := range phrases[s[p]] {
		if pattern.HasPrefixFold(s[p:], w) {
			return true
		}
	}
	return false
}
