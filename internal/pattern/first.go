package pattern

import (
	"fmt"
	"regexp/syntax"
	"unicode/utf8"
)

// FirstBytes returns the bytes a match of r can begin with: those of the
// runes its program can read first. A byte of a rune past ASCII stands
// for every such rune. A caller that tries r at many places of a text
// can so rule most of them out by a look-up of one byte.
func (r *Regexp) FirstBytes() *[256]bool {
	// The expression compiled once already: it parses again.
	re, err := syntax.Parse(r.String(), syntax.Perl)
	if err != nil {
		panic(fmt.Sprintf("FirstBytes(%q): %v", r.String(), err))
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(fmt.Sprintf("FirstBytes(%q): %v", r.String(), err))
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
