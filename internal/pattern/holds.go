package pattern

import "strings"

// HoldsNeedle reports whether s may hold a match of r: false only when
// none of its needles occurs in s, in any case. It searches s for each
// needle's first byte, without lowering s: on a sentence, where r would
// be tried at every word, a search of a few needles costs less, and
// less than the lowering copy the other methods' prefilter makes.
func (r *Regexp) HoldsNeedle(s string) bool {
	if r.needles == nil || FoldsToASCII(s) {
		return true
	}
	for _, n := range r.needles {
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
		if HasPrefixFold(s[i+j:], n) {
			return true
		}
		i += j + 1
	}
	return false
}
