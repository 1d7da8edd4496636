package extract

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/pattern"
)

// firstBytes returns the bytes a match of expr, a regular expression,
// can begin with: those of the runes its program can read first. A byte
// of a rune past ASCII stands for every such rune. A pattern tried at
// many places can so be ruled out at most by a look-up of one byte.
func firstBytes(expr string) *[256]bool {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(fmt.Sprintf("firstBytes(%q): %v", expr, err))
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(fmt.Sprintf("firstBytes(%q): %v", expr, err))
	}
	var first [256]bool
	seen := make([]bool, len(prog.Inst))
	var visit func(pc uint32)
	visit = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			visit(in.Out)
			visit(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			// An assertion may fail: reading past it errs on the safe side.
			visit(in.Out)
		case syntax.InstMatch:
			// The empty text matches: any byte may begin a match.
			for b := range first {
				first[b] = true
			}
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			for r := rune(0); r < utf8.RuneSelf; r++ {
				if in.MatchRune(r) {
					first[r] = true
				}
			}
			for b := utf8.RuneSelf; b < len(first); b++ {
				first[b] = true
			}
		}
	}
	visit(uint32(prog.Start))
	return &first
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
