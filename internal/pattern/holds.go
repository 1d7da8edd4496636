package pattern

import "strings"

// HoldsNeedle reports whether s may hold a match of r: false only when
// none of its needles occurs in s, in any case. It searches s for each
// needle's rarest byte, in both cases, without lowering s: over a
// sentence, or an article that few patterns can match, a search of a
// few needles costs less than the lowering copy the other methods'
// prefilter makes.
func (r *Regexp) HoldsNeedle(s string) bool {
	if r.needles == nil || FoldsToASCII(s) {
		return true
	}
	for i, n := range r.needles {
		if containsFold(s, n, r.rare[i]) {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds n, a lower-case string, ASCII
// capitals in s taken as small letters. It looks for n's byte at k, in
// either case, with strings.IndexByte, which reads many bytes at a time,
// and compares n where one lies: k is best n's rarest byte (rarest), at
// which a search stops at few places that are not n.
func containsFold(s, n string, k int) bool {
	if n == "" {
		return true
	}
	c := n[k]
	return holdsAt(s, n, k, c) || 'a' <= c && c <= 'z' && holdsAt(s, n, k, c-'a'+'A')
}

// holdsAt is containsFold where n's byte at k is b in s.
func holdsAt(s, n string, k int, b byte) bool {
	end := len(s) - (len(n) - 1 - k) // past the last place n's byte k can lie
	for i := k; i < end; i++ {
		j := strings.IndexByte(s[i:end], b)
		if j < 0 {
			return false
		}
		if i += j; HasPrefixFold(s[i-k:], n) {
			return true
		}
	}
	return false
}
