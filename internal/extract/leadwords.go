package extract

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/text"
)

// leadWords is what a pattern's matches can begin with, read off its
// syntax: the run of ASCII letters each starts with, in lower case. A
// caller that tries an anchored pattern at many words rules most of them
// out by their first word, where the engine would walk the whole pattern.
type leadWords struct {
	// whole are the words a match begins with, followed by a byte that
	// is no ASCII letter (or by the end of the text).
	whole map[string]bool
	// prefixes are the starts of words a match may begin with, when
	// the pattern does not say where the word ends, by their first
	// letter.
	prefixes [26][]string
	// first holds the bytes, in either case, that the words and
	// prefixes begin with, and those past ASCII, which may answers yes
	// to; shapes rules out most words before whole is asked.
	first  [256]bool
	shapes text.Shapes
	// pairs holds the first two letters of the words and prefixes, by
	// first letter, a bit each second letter; short, the first letters
	// of words and prefixes of one letter, which pairs cannot rule out.
	pairs [26]uint32
	short [26]bool
}

// maxLeads bounds the words newLeadWords enumerates.
const maxLeads = 4096

// newLeadWords reads the lead words of expr; ok is false when it cannot
// tell them, and every word may begin a match.
func newLeadWords(expr string) (lw *leadWords, ok bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, false
	}
	ls, ok := leads(re.Simplify())
	if !ok {
		return nil, false
	}
	lw = &leadWords{whole: map[string]bool{}}
	var prefixes []string
	last := "\x00" // no prefix begins with it
	for c := utf8.RuneSelf; c < len(lw.first); c++ {
		lw.first[c] = true
	}
	for _, l := range ls {
		switch {
		case l.word == "" && l.end == endWord:
			// A match may begin with a byte that is no ASCII letter.
			for c := range utf8.RuneSelf {
				lw.first[c] = lw.first[c] || !isASCIILetterByte(byte(c))
			}
			lw.whole[""] = true
			continue
		case l.word == "":
			return nil, false // any word may begin a match
		case l.end == endWord:
			lw.whole[l.word] = true
			lw.shapes.Add(l.word)
		default:
			prefixes = append(prefixes, l.word)
		}
		lw.first[l.word[0]] = true
		lw.first[l.word[0]-'a'+'A'] = true
		if len(l.word) == 1 {
			lw.short[l.word[0]-'a'] = true
		} else {
			lw.pairs[l.word[0]-'a'] |= 1 << (l.word[1] - 'a')
		}
	}
	// A prefix that another begins makes no difference: "condemn\w*"
	// leads with "condemn" and with "condemna", "condemnb" ...
	slices.Sort(prefixes)
	for i, p := range prefixes {
		if i > 0 && strings.HasPrefix(p, last) {
			continue
		}
		last = p
		lw.prefixes[p[0]-'a'] = append(lw.prefixes[p[0]-'a'], p)
	}
	for w := range lw.whole {
		if w == "" {
			continue
		}
		for _, p := range lw.prefixes[w[0]-'a'] {
			if strings.HasPrefix(w, p) {
				delete(lw.whole, w)
			}
		}
	}
	return lw, true
}

// mustLeadWords is newLeadWords for a pattern of the package, whose
// lead words must be known.
func mustLeadWords(expr string) *leadWords {
	lw, ok := newLeadWords(expr)
	if !ok {
		panic("leadWords: cannot read the lead words of " + expr)
	}
	return lw
}

// may reports whether a match may begin at the start of s, by the run of
// ASCII letters s begins with. It answers true where it cannot tell:
// when a byte past ASCII begins or ends the run, since (?i) folds the
// Kelvin sign and the long s to letters.
func (lw *leadWords) may(s string) bool {
	if s == "" {
		return lw.whole[""]
	}
	if !lw.first[s[0]] {
		return false
	}
	if len(s) > 1 && isASCIILetterByte(s[0]) && isASCIILetterByte(s[1]) {
		// Two letters rule out most words before they are lowered.
		if l := s[0] | 0x20 - 'a'; !lw.short[l] && lw.pairs[l]&(1<<(s[1]|0x20-'a')) == 0 {
			return false
		}
	}
	var lower [24]byte
	n := 0
	for n < len(s) && isASCIILetterByte(s[n]) {
		if n == len(lower) {
			return true
		}
		lower[n] = s[n] | 0x20
		n++
	}
	if n < len(s) && s[n] >= utf8.RuneSelf {
		return true
	}
	w := lower[:n]
	if n == 0 || lw.shapes.MayBytes(w) && lw.whole[string(w)] {
		return true // n == 0: first let a byte that is no letter through
	}
	for _, p := range lw.prefixes[w[0]-'a'] {
		if len(w) >= len(p) && string(w[:len(p)]) == p {
			return true
		}
	}
	return false
}

// asciiFold returns the ASCII rune that r folds to under (?i), such as
// "k" for the Kelvin sign, or r.
func asciiFold(r rune) rune {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < utf8.RuneSelf {
			return f
		}
	}
	return r
}

// isASCIILetterByte reports whether c is an ASCII letter.
func isASCIILetterByte(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// A lead is a way a piece of a pattern can begin: the ASCII letters it
// reads first, lowered, and what comes after them.
type lead struct {
	word string
	end  leadEnd
}

type leadEnd uint8

const (
	// moreWord: the piece read only word, and what follows it may
	// go on with the word.
	moreWord leadEnd = iota
	// endWord: a byte that is no ASCII letter follows word.
	endWord
	// openWord: the piece may go on with the word in ways not known.
	openWord
)

// leads returns the leads of re; ok is false when re can begin in ways
// not read here. A way through a rune past ASCII has no lead: the text
// there holds a byte past ASCII, and leadWords.may answers yes.
func leads(re *syntax.Regexp) (ls []lead, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpBeginLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []lead{{}}, true
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				r = asciiFold(r)
			}
			switch {
			case r >= utf8.RuneSelf:
				// Where the text has such a rune, may answers yes.
				return nil, true
			case !isASCIILetterByte(byte(r)):
				return []lead{{word: b.String(), end: endWord}}, true
			}
			b.WriteByte(byte(r) | 0x20)
		}
		return []lead{{word: b.String()}}, true
	case syntax.OpCharClass:
		return classLeads(re.Rune), true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []lead{{end: openWord}}, true
	case syntax.OpCapture:
		return leads(re.Sub[0])
	case syntax.OpQuest, syntax.OpStar:
		ls, ok := leads(re.Sub[0])
		return append(ls, lead{}), ok
	case syntax.OpPlus:
		// A second time round may go on with the word: a lead that
		// does is open.
		return repeatLeads(re.Sub[0], 1)
	case syntax.OpRepeat:
		return repeatLeads(re.Sub[0], re.Min)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			sl, ok := leads(sub)
			if !ok {
				return nil, false
			}
			ls = append(ls, sl...)
		}
		return dedupeLeads(ls), len(ls) <= maxLeads
	case syntax.OpConcat:
		ls = []lead{{}}
		for _, sub := range re.Sub {
			if !anyMore(ls) {
				break
			}
			sl, ok := leads(sub)
			if !ok {
				return nil, false
			}
			var next []lead
			for _, l := range ls {
				if l.end != moreWord {
					next = append(next, l)
					continue
				}
				if sub.Op == syntax.OpWordBoundary && l.word != "" {
					// After a letter, \b ends the word.
					next = append(next, lead{word: l.word, end: endWord})
					continue
				}
				for _, s := range sl {
					next = append(next, lead{word: l.word + s.word, end: s.end})
				}
			}
			if ls = dedupeLeads(next); len(ls) > maxLeads {
				return nil, false
			}
		}
		return ls, true
	}
	return nil, false
}

// repeatLeads are the leads of sub repeated at least min times.
func repeatLeads(sub *syntax.Regexp, min int) ([]lead, bool) {
	ls, ok := leads(sub)
	if !ok {
		return nil, false
	}
	out := make([]lead, 0, len(ls)+1)
	for _, l := range ls {
		if l.end == moreWord {
			l.end = openWord
		}
		out = append(out, l)
	}
	if min == 0 {
		out = append(out, lead{})
	}
	return out, true
}

// classLeads are the leads of a class of runes given as ranges.
func classLeads(ranges []rune) []lead {
	var ls []lead
	var seen [26]bool
	other := false
	for i := 0; i < len(ranges); i += 2 {
		// Runes past ASCII are left out: where the text has one, may
		// answers yes.
		lo, hi := ranges[i], min(ranges[i+1], utf8.RuneSelf-1)
		for r := lo; r <= hi; r++ {
			c := byte(r)
			if !isASCIILetterByte(c) {
				other = true
				continue
			}
			if k := c | 0x20 - 'a'; !seen[k] {
				seen[k] = true
				ls = append(ls, lead{word: string(c | 0x20)})
			}
		}
	}
	if len(ls) == len(seen) {
		// Any letter: the word goes on in ways not worth spelling out.
		ls = []lead{{end: openWord}}
	}
	if other {
		ls = append(ls, lead{end: endWord})
	}
	return ls
}

func anyMore(ls []lead) bool {
	for _, l := range ls {
		if l.end == moreWord {
			return true
		}
	}
	return false
}

// dedupeLeads drops repeated leads, keeping the first of each.
func dedupeLeads(ls []lead) []lead {
	seen := map[lead]bool{}
	out := ls[:0]
	for _, l := range ls {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// anyWord reports whether a match of the pattern may begin in s, for a
// pattern whose every match begins with an ASCII letter after a word
// boundary (\b): it asks may at each word start of s.
func (lw *leadWords) anyWord(s string) bool {
	for p := 0; p < len(s); {
		c := s[p]
		if !wordBytes[c] {
			if c >= utf8.RuneSelf && (strings.HasPrefix(s[p:], kelvin) || strings.HasPrefix(s[p:], longS)) {
				// The Kelvin sign or the long s, which (?i) folds to
				// letters although \b takes them for no word: the
				// engine's to read. Their whole runes are compared:
				// the Kelvin sign's first byte begins every curly
				// quote and dash too.
				return true
			}
			p++
			continue
		}
		if lw.first[c] && lw.may(s[p:]) {
			return true
		}
		for p++; p < len(s) && wordBytes[s[p]]; p++ {
		}
	}
	return false
}

// The Kelvin sign and the long s.
const (
	kelvin = "\u212a"
	longS  = "\u017f"
)

// wordBytes holds the bytes of \w: ASCII letters, digits and "_".
var wordBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = pattern.IsWordByte(byte(c))
	}
	return t
}()
