package pattern

import (
	"regexp/syntax"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/text"
)

// phraseList is a pattern that is a list of phrases held between word
// boundaries, \b(?:civilians|security\s+forces|...)\b, matched without
// the engine: the word at each word start is looked up among the
// phrases' first words, and the few phrases that begin with it are
// compared byte by byte. The engine runs such a list as a program of
// thousands of instructions, and the word lists sitrep tries on every
// clause are many: the program's misses in the caches cost more than
// the matching.
type phraseList struct {
	// phrases are the list's phrases in the order the engine tries them,
	// lowered where fold is set; spaceMark stands for \s+.
	phrases []string
	// byFirst holds the indices of the phrases by their first word, the
	// run of word bytes they begin with, lowered where fold is set.
	byFirst map[string][]int32
	// first rules out most words of a text by their first byte and
	// length before byFirst is asked.
	first text.Shapes
	// longestFirst is the length of the longest first word.
	longestFirst int
	fold         bool
}

// spaceMark stands for \s+ in a phrase.
const spaceMark = 0

// maxPhrases bounds the phrases a pattern is spelt out into.
const maxPhrases = 2048

// newPhraseList returns re as a phraseList, or nil when it is not a list
// of phrases between word boundaries.
func newPhraseList(re *syntax.Regexp) *phraseList {
	n := len(re.Sub)
	if re.Op != syntax.OpConcat || n < 3 ||
		re.Sub[0].Op != syntax.OpWordBoundary || re.Sub[n-1].Op != syntax.OpWordBoundary {
		return nil
	}
	fold, exact := false, false
	phrases, ok := spell(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1 : n-1]}, &fold, &exact)
	if !ok || len(phrases) == 0 || fold && exact {
		return nil
	}
	pl := &phraseList{byFirst: map[string][]int32{}, fold: fold}
	for i, p := range phrases {
		// A phrase must begin with a word byte, so that the \b before
		// it holds just where a run of word bytes begins; a space run
		// must be followed by what is not white space, so that taking
		// all the white space is the one way to match it.
		if p == "" || !isWordByte(p[0]) {
			return nil
		}
		for j := 0; j < len(p); j++ {
			if p[j] == spaceMark && (j+1 == len(p) || p[j+1] == spaceMark || IsSpace(p[j+1])) {
				return nil
			}
		}
		first := p[:SkipWord(p, 0)]
		pl.byFirst[first] = append(pl.byFirst[first], int32(i))
		pl.first.Add(first)
		pl.longestFirst = max(pl.longestFirst, len(first))
	}
	if pl.longestFirst > maxFirst {
		return nil
	}
	pl.phrases = phrases
	return pl
}

// maxFirst bounds the first words of a list's phrases: at, which lowers
// the text's word into a buffer of this size, has no room for longer.
const maxFirst = 64

// spell returns the strings re matches, in the order the engine tries
// them, with spaceMark for \s+; ok is false when re is not a list of
// literal phrases. fold and exact record whether a letter is matched in
// either case or in its own.
func spell(re *syntax.Regexp, fold, exact *bool) (out []string, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		b := make([]byte, 0, len(re.Rune))
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf || r == spaceMark {
				return nil, false
			}
			c := byte(r)
			if isASCIILetter(r) {
				if re.Flags&syntax.FoldCase != 0 {
					*fold = true
					c = text.LowerASCIIByte(c)
				} else {
					*exact = true
				}
			}
			b = append(b, c)
		}
		return []string{string(b)}, true
	case syntax.OpCharClass:
		// The parser makes a class of alternatives of one rune ("s|z",
		// and under (?i) "S|s|ſ"): a class of ASCII bytes, each letter
		// in both cases or in one, is spelt out a byte at a time.
		return spellClass(re.Rune, fold, exact)
	case syntax.OpPlus:
		if sub := re.Sub[0]; sub.Op == syntax.OpCharClass && isSpaceClass(sub.Rune) {
			return []string{string(rune(spaceMark))}, true
		}
		return nil, false
	case syntax.OpQuest:
		sub, ok := spell(re.Sub[0], fold, exact)
		if !ok {
			return nil, false
		}
		if re.Flags&syntax.NonGreedy != 0 {
			return append([]string{""}, sub...), true
		}
		return append(sub, ""), true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			ps, ok := spell(sub, fold, exact)
			if !ok || len(out)+len(ps) > maxPhrases {
				return nil, false
			}
			out = append(out, ps...)
		}
		return out, true
	case syntax.OpConcat:
		out = []string{""}
		for _, sub := range re.Sub {
			ps, ok := spell(sub, fold, exact)
			if !ok || len(out)*len(ps) > maxPhrases {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(ps))
			for _, a := range out {
				for _, b := range ps {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// spellClass spells out a class of at most eight bytes. Under (?i) a
// letter's class holds both its cases, and for "k" and "s" the Kelvin
// sign and the long s, which usable leaves to the engine: it stands for
// the small letter.
func spellClass(ranges []rune, fold, exact *bool) ([]string, bool) {
	var in [utf8.RuneSelf]bool
	wide := map[rune]bool{}
	for i := 0; i < len(ranges); i += 2 {
		if ranges[i+1]-ranges[i] > 64 {
			return nil, false
		}
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if r < utf8.RuneSelf {
				in[r] = true
			} else {
				wide[r] = true
			}
		}
	}
	// The Kelvin sign and the long s only as (?i) adds them: usable
	// then leaves text that holds them to the engine.
	if wide['\u212a'] && !(in['k'] && in['K']) || wide['\u017f'] && !(in['s'] && in['S']) {
		return nil, false
	}
	delete(wide, '\u212a')
	delete(wide, '\u017f')
	if len(wide) > 0 {
		return nil, false
	}
	var out []string
	for c := range byte(utf8.RuneSelf) {
		if !in[c] || c == spaceMark {
			if c == spaceMark && in[c] {
				return nil, false
			}
			continue
		}
		low, up := c, c
		if 'A' <= c && c <= 'Z' {
			low = c + 'a' - 'A'
		} else if 'a' <= c && c <= 'z' {
			up = c - 'a' + 'A'
		}
		switch {
		case low == up:
			out = append(out, string(c))
		case in[low] && in[up]:
			*fold = true
			if c == low {
				out = append(out, string(c))
			}
		default:
			*exact = true
			out = append(out, string(c))
		}
		if len(out) > 8 {
			return nil, false
		}
	}
	return out, len(out) > 0
}

// isSpaceClass reports whether ranges is the class \s: tab, newline,
// form feed, carriage return and space.
func isSpaceClass(ranges []rune) bool {
	want := []rune{'\t', '\n', '\f', '\r', ' ', ' '}
	if len(ranges) != len(want) {
		return false
	}
	for i, r := range ranges {
		if r != want[i] {
			return false
		}
	}
	return true
}

// usable reports whether the list can stand for the engine on s: under
// (?i) the Kelvin sign and the long s match "k" and "s", which the byte
// comparisons do not.
func (pl *phraseList) usable(s string) bool { return !pl.fold || !FoldsToASCII(s) }

// at returns the end of the match that begins at p, a word start of
// s, or -1.
func (pl *phraseList) at(s string, p int) int {
	q := SkipWord(s, p)
	c := s[p]
	if pl.fold {
		c = text.LowerASCIIByte(c)
	}
	if q-p > pl.longestFirst || !pl.first.MayShape(c, q-p) {
		return -1
	}
	var buf [maxFirst]byte
	key := buf[:q-p]
	for i := range key {
		if c := s[p+i]; pl.fold {
			key[i] = text.LowerASCIIByte(c)
		} else {
			key[i] = c
		}
	}
	for _, i := range pl.byFirst[string(key)] {
		if e := pl.matchAt(pl.phrases[i], s, p+len(key), len(key)); e >= 0 {
			return e
		}
	}
	return -1
}

// matchAt returns the end of phrase matched at s[i:] from its byte k on,
// the \b after it included, or -1.
func (pl *phraseList) matchAt(phrase, s string, i, k int) int {
	for ; k < len(phrase); k++ {
		c := phrase[k]
		if c == spaceMark {
			if i >= len(s) || !IsSpace(s[i]) {
				return -1
			}
			for i < len(s) && IsSpace(s[i]) {
				i++
			}
			continue
		}
		if i >= len(s) {
			return -1
		}
		t := s[i]
		if pl.fold {
			t = text.LowerASCIIByte(t)
		}
		if t != c {
			return -1
		}
		i++
	}
	if (i > 0 && isWordByte(s[i-1])) == (i < len(s) && isWordByte(s[i])) {
		return -1 // no word boundary
	}
	return i
}

// next returns the first match in s from byte from on, or -1, -1.
func (pl *phraseList) next(s string, from int) (int, int) {
	for p := from; p < len(s); p++ {
		if !isWordByte(s[p]) || p > 0 && isWordByte(s[p-1]) {
			continue
		}
		if e := pl.at(s, p); e >= 0 {
			return p, e
		}
		p = SkipWord(s, p) // the next word start is past this word
	}
	return -1, -1
}

// all returns up to n matches in s (all where n < 0), as FindAll does.
func (pl *phraseList) all(s string, n int) [][]int {
	var out [][]int
	for from := 0; n < 0 || len(out) < n; {
		b, e := pl.next(s, from)
		if b < 0 {
			break
		}
		out = append(out, []int{b, e})
		from = e
	}
	return out
}
