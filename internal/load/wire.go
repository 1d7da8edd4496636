package load

import (
	"strings"
	"unicode/utf8"
)

// wireEnd returns where the wire date line that opens paragraph p ends,
// or -1 when p opens with none: a place in capitals, what follows it up
// to a dash (a country, a date, an agency's tag), the dash and the
// spaces after it: "MAIDUGURI, March 26 (LCH) — ", "KABUL — ",
// "JERUSALEM (Reuters) - ". It is the end of the leftmost-first match of
//
//	^[A-Z][A-Z .'’-]{2,40}(?:,[^—–\n]{0,60}?)?(?:\s*\([A-Za-z .]{1,20}\))?\s*(?:—|–|--| - )\s*
//
// written out, each part trying its choices in the order the pattern
// does: the engine's backtracking over it cost some 20,000 instructions
// for each date line of an article.
func wireEnd(p string) int {
	if p == "" || p[0] < 'A' || 'Z' < p[0] {
		return -1
	}
	// ends[k] is the end of the place when it takes k characters after
	// its first.
	var ends [41]int
	n := 0
	for i := 1; n < 40 && i < len(p); n++ {
		r, size := utf8.DecodeRuneInString(p[i:])
		if !('A' <= r && r <= 'Z' || r == ' ' || r == '.' || r == '\'' || r == '’' || r == '-') {
			break
		}
		i += size
		ends[n+1] = i
	}
	for k := n; k >= 2; k-- {
		if e := wireAfterPlace(p, ends[k]); e >= 0 {
			return e
		}
	}
	return -1
}

// wireAfterPlace goes on from the place's end at i: what follows a
// comma, as little of it as lets the rest match, or nothing.
func wireAfterPlace(p string, i int) int {
	if i < len(p) && p[i] == ',' {
		j := i + 1
		for m := 0; ; m++ {
			if e := wireAfterComma(p, j); e >= 0 {
				return e
			}
			if m == 60 || j == len(p) {
				break
			}
			r, size := utf8.DecodeRuneInString(p[j:])
			if r == '—' || r == '–' || r == '\n' {
				break
			}
			j += size
		}
	}
	return wireAfterComma(p, i)
}

// wireAfterComma goes on at i with an agency's tag in brackets, or
// without. White space and the tag's letters are no bracket, so only the
// longest run of each can be followed by one: the tag matches in one way
// or none.
func wireAfterComma(p string, i int) int {
	if j := skipWhite(p, i); j < len(p) && p[j] == '(' {
		k := j + 1
		for k < len(p) && k-j <= 20 && isTagByte(p[k]) {
			k++
		}
		if k > j+1 && k < len(p) && p[k] == ')' {
			if e := wireDash(p, k+1); e >= 0 {
				return e
			}
		}
	}
	return wireDash(p, i)
}

// wireDash reads the white space before the dash, the dash and the
// white space after it from i on. A dash may open with a space (" - "),
// so the space before it is tried from the longest run down.
func wireDash(p string, i int) int {
	for k := skipWhite(p, i); k >= i; k-- {
		if n := dashAt(p[k:]); n > 0 {
			return skipWhite(p, k+n)
		}
	}
	return -1
}

// dashAt returns the length of the dash that opens s ("—", "–", "--" or
// " - "), or 0.
func dashAt(s string) int {
	switch {
	case len(s) < 2:
		return 0
	case s[0] == '-' && s[1] == '-':
		return 2
	case len(s) < 3:
		return 0
	case s[0] == ' ' && s[1] == '-' && s[2] == ' ', strings.HasPrefix(s, "—"), strings.HasPrefix(s, "–"):
		return 3
	}
	return 0
}

// skipWhite skips the bytes of \s, [\t\n\f\r ], from i on.
func skipWhite(p string, i int) int {
	for i < len(p) && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\f' || p[i] == '\r') {
		i++
	}
	return i
}

// isTagByte reports whether c may be in an agency's tag, [A-Za-z .].
func isTagByte(c byte) bool { return isLetter(c) || c == ' ' || c == '.' }
