package pattern

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// This file works out, from a pattern's syntax, the facts that let a Set
// search it in windows of the text instead of the whole: how long a match
// can be, and where one can begin.

// runs holds the longest runs, in bytes, of some kinds of byte in a text:
// a repeated class of one kind matches no more than that there. The zero
// value knows no text, and leaves repetition unbounded.
type runs struct {
	space, word, nonSpace int
	known                 bool
}

// measure returns the runs of text.
func measure(text string) runs {
	r := runs{known: true}
	var space, word, nonSpace int
	for i := 0; i < len(text); i++ {
		c := text[i]
		if IsSpace(c) {
			space, nonSpace = space+1, 0
		} else {
			space, nonSpace = 0, nonSpace+1
		}
		if isWordByte(c) {
			word++
		} else {
			word = 0
		}
		r.space, r.word, r.nonSpace = max(r.space, space), max(r.word, word), max(r.nonSpace, nonSpace)
	}
	return r
}

// bound returns the most bytes a repetition of class re can match in
// the text r measures, or -1.
func (r runs) bound(re *syntax.Regexp) int {
	if !r.known || re.Op != syntax.OpCharClass {
		return -1
	}
	space, word, nonSpace := true, true, true
	for i := 0; i < len(re.Rune); i += 2 {
		lo, hi := re.Rune[i], re.Rune[i+1]
		for _, c := range []rune{'\t', '\n', '\f', '\r', ' '} {
			if lo <= c && c <= hi {
				nonSpace = false
			}
		}
		for c := lo; c <= hi && space; c++ {
			if c >= 0x80 || !IsSpace(byte(c)) {
				space = false
			}
		}
		for c := lo; c <= hi && word; c++ {
			if !isWordByte(c) && c != '\u212a' && c != '\u017f' {
				word = false
			}
		}
	}
	switch {
	case space:
		return r.space
	case word:
		return r.word
	case nonSpace:
		return r.nonSpace
	}
	return -1
}

// maxLen returns the most bytes a match of re can span, or -1 when
// repetition leaves it unbounded.
func maxLen(re *syntax.Regexp) int { return runs{}.maxLen(re) }

// maxLen returns the most bytes a match of re can span in the text r
// measures, or -1 when repetition leaves it unbounded.
func (r runs) maxLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		n := 0
		for _, c := range re.Rune {
			n += runeBytes(c, re.Flags&syntax.FoldCase != 0)
		}
		return n
	case syntax.OpCharClass:
		n := 0
		for i := 1; i < len(re.Rune); i += 2 {
			n = max(n, runeLen(re.Rune[i]))
		}
		return n
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return r.maxLen(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return r.bound(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return r.bound(re.Sub[0])
		}
		n := r.maxLen(re.Sub[0])
		if re.Max < 0 || n < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpConcat:
		total := 0
		for _, sub := range re.Sub {
			n := r.maxLen(sub)
			if n < 0 {
				return -1
			}
			total += n
		}
		return total
	case syntax.OpAlternate:
		most := 0
		for _, sub := range re.Sub {
			n := r.maxLen(sub)
			if n < 0 {
				return -1
			}
			most = max(most, n)
		}
		return most
	}
	return -1
}

// runeBytes is the longest encoding of c or, folded, of any rune it
// matches ("k" matches the three-byte Kelvin sign).
func runeBytes(c rune, fold bool) int {
	n := runeLen(c)
	if fold {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			n = max(n, runeLen(f))
		}
	}
	return n
}

// runeLen is the bytes of c; invalid text is read a byte at a time, and
// the replacement character it stands for is three bytes.
func runeLen(c rune) int {
	if n := utf8.RuneLen(c); n > 0 {
		return n
	}
	return utf8.UTFMax
}

// leadsWithBoundary reports whether every way through re begins with \b.
func leadsWithBoundary(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpCapture:
		return leadsWithBoundary(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && leadsWithBoundary(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !leadsWithBoundary(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// has reports whether re holds any of ops.
func has(re *syntax.Regexp, ops ...syntax.Op) bool {
	for _, op := range ops {
		if re.Op == op {
			return true
		}
	}
	for _, sub := range re.Sub {
		if has(sub, ops...) {
			return true
		}
	}
	return false
}

// wordFirst reports whether the first character of every match of re is
// an ASCII word character, and whether re can match the empty string; it
// adds the bytes a match can begin with to set. The Kelvin sign and the
// long s, which "k" and "s" match under (?i), are let through: a Set does
// not window a text that holds them.
func wordFirst(re *syntax.Regexp, set *[256]bool) (ok, nullable bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, true
		}
		c := re.Rune[0]
		if !isWordByte(c) {
			return false, false
		}
		set[c] = true
		if re.Flags&syntax.FoldCase != 0 {
			set[unicode.ToLower(c)], set[unicode.ToUpper(c)] = true, true
		}
		return true, false
	case syntax.OpCharClass:
		for i := 0; i < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				switch {
				case isWordByte(c):
					set[c] = true
				case c != '\u212a' && c != '\u017f':
					return false, false
				}
			}
		}
		return len(re.Rune) > 0, false
	case syntax.OpCapture, syntax.OpPlus:
		return wordFirst(re.Sub[0], set)
	case syntax.OpQuest, syntax.OpStar:
		ok, _ := wordFirst(re.Sub[0], set)
		return ok, true
	case syntax.OpRepeat:
		ok, nullable := wordFirst(re.Sub[0], set)
		return ok, nullable || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			ok, nullable := wordFirst(sub, set)
			if !ok {
				return false, false
			}
			if !nullable {
				return true, false
			}
		}
		return true, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			ok, n := wordFirst(sub, set)
			if !ok {
				return false, false
			}
			nullable = nullable || n
		}
		return true, nullable
	}
	return false, false
}

// isWordByte reports whether c is a word character as \b means it.
func isWordByte[T rune | byte](c T) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}
