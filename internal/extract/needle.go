package extract

import (
	"strings"

	"github.com/sitrep/sitrep/internal/pattern"
)

// mayMatch is re.MatchString(s), which holdsNeedle answers first when
// s holds none of re's needles.
func mayMatch(re *pattern.Regexp, s string) bool {
	return holdsNeedle(s, re.Needles()) && re.MatchString(s)
}

// holdsNeedle reports whether s may hold a match of a pattern whose
// needles are needles (pattern.Regexp.Needles), lower-case: false only
// when none occurs in s, in any case. On a sentence, where the pattern
// would look at every word, a search of a few needles costs less.
func holdsNeedle(s string, needles []string) bool {
	if needles == nil || pattern.FoldsToASCII(s) {
		return true
	}
	for _, n := range needles {
		if containsFold(s, n) {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds n, a lower-case string, ASCII
// capitals in s taken as small letters. It looks for n's first byte, in
// either case, with strings.IndexByte, which reads many bytes at a time.
func containsFold(s, n string) bool {
	if n == "" {
		return true
	}
	lo, up := n[0], n[0]
	if 'a' <= lo && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	for i := 0; i+len(n) <= len(s); {
		rest := s[i : len(s)-len(n)+1] // where n may begin
		j := strings.IndexByte(rest, lo)
		if up != lo {
			if k := strings.IndexByte(rest, up); k >= 0 && (j < 0 || k < j) {
				j = k
			}
		}
		if j < 0 {
			return false
		}
		if pattern.HasPrefixFold(s[i+j:], n) {
			return true
		}
		i += j + 1
	}
	return false
}
