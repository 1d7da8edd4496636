package pattern

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
)

// Go's engine runs a program of more than 500 instructions on its
// slowest machine, the NFA simulation; its backtracker, quicker, still
// tries a list of words one word after another. Most of sitrep's big
// patterns are one long list of words: split into pieces, each a part of
// the list with the rest of the pattern around it, every piece is small
// enough for the backtracker, and the first bytes of the text rule out
// most pieces before the engine runs.

// maxPartInsts bounds the program of each piece.
const maxPartInsts = 160

// maxParts bounds the pieces a pattern is split into.
const maxParts = 32

// parts holds the pieces of a pattern and what they may stand in for.
type parts struct {
	// res are the pieces, compiled, in the order of the list, and
	// starts what the text at a match of each can begin with.
	res    []*regexp.Regexp
	starts []*starts
	// ordered is true when the pieces keep the pattern's preference: a
	// match the first piece finds at a place is the one the whole finds
	// there, so Find may try them in turn. Otherwise they only tell
	// whether the whole matches.
	ordered bool
}

// split returns the pieces of re, or nil when it is small already or
// holds no list to split.
func split(re *syntax.Regexp, p printer) *parts { return splitDepth(re, 0, p) }

// maxSplitDepth bounds how often a piece still too big is split again.
const maxSplitDepth = 2

func splitDepth(re *syntax.Regexp, depth int, pr printer) *parts {
	if insts(re) <= maxPartInsts {
		return nil
	}
	path, ordered := listPath(re)
	if path == nil {
		return nil
	}
	list := path[len(path)-1]
	// Fill each piece with words of the list, in order, while its
	// program stays small.
	around := insts(replace(path, &syntax.Regexp{Op: syntax.OpEmptyMatch}))
	var chunks [][]*syntax.Regexp
	size := 0
	for _, alt := range list.Sub {
		n := insts(alt)
		if len(chunks) == 0 || size+n > maxPartInsts-around {
			chunks = append(chunks, nil)
			size = 0
		}
		chunks[len(chunks)-1] = append(chunks[len(chunks)-1], alt)
		size += n
	}
	var pieces []*syntax.Regexp
	for _, chunk := range chunks {
		piece := chunk[0]
		if len(chunk) > 1 {
			piece = &syntax.Regexp{Op: syntax.OpAlternate, Flags: list.Flags, Sub: chunk}
		}
		pieces = append(pieces, replace(path, piece))
	}
	// An optional group on the way is taken in the pieces above; the
	// engine prefers that, so the piece that skips it comes last. That
	// piece keeps the group, behind a bar nothing passes, so that the
	// groups after it keep their numbers.
	for i, n := range path {
		if n.Op == syntax.OpQuest {
			barred := &syntax.Regexp{Op: syntax.OpConcat, Sub: append([]*syntax.Regexp{{Op: syntax.OpNoMatch}}, emptyGroups(n.Sub[0])...)}
			pieces = append(pieces, replace(path[:i+1], &syntax.Regexp{Op: syntax.OpQuest, Flags: n.Flags, Sub: []*syntax.Regexp{barred}}))
		}
	}
	p := &parts{ordered: ordered}
	for _, w := range pieces {
		if depth < maxSplitDepth && insts(w) > maxPartInsts {
			if sub := splitDepth(w, depth+1, pr); sub != nil && (sub.ordered || !ordered) {
				p.res = append(p.res, sub.res...)
				p.starts = append(p.starts, sub.starts...)
				continue
			}
		}
		c, err := regexp.Compile(pr.print(w))
		if err != nil || c.NumSubexp() != re.MaxCap() {
			return nil
		}
		p.res = append(p.res, c)
		p.starts = append(p.starts, newStarts(w.Simplify()))
	}
	if len(p.res) < 2 || len(p.res) > maxParts {
		return nil
	}
	return p
}

// listPath returns the path from re down to an alternation to split,
// reached through concatenations, captures and at most one greedy
// optional group, and whether everything before the alternation on the
// way matches in one way only, so that splitting the list keeps the
// pattern's preference between matches. In a concatenation it takes the
// first big part it can enter, else the biggest.
func listPath(re *syntax.Regexp) (path []*syntax.Regexp, ordered bool) {
	ordered = true
	quest := false
	for n := re; ; {
		path = append(path, n)
		switch n.Op {
		case syntax.OpAlternate:
			return path, ordered
		case syntax.OpCapture:
			n = n.Sub[0]
		case syntax.OpQuest:
			if quest || n.Flags&syntax.NonGreedy != 0 {
				return nil, false
			}
			quest = true
			n = n.Sub[0]
		case syntax.OpConcat:
			next := -1
			for i, sub := range n.Sub {
				if insts(sub) > maxPartInsts/2 && enterable(sub) {
					next = i
					break
				}
			}
			if next < 0 {
				for i, sub := range n.Sub {
					if next < 0 || insts(sub) > insts(n.Sub[next]) {
						next = i
					}
				}
			}
			if next < 0 {
				return nil, false
			}
			for _, sub := range n.Sub[:next] {
				ordered = ordered && oneWay(sub)
			}
			n = n.Sub[next]
		default:
			return nil, false
		}
	}
}

// emptyGroups returns re's capturing groups, in order, each emptied.
func emptyGroups(re *syntax.Regexp) []*syntax.Regexp {
	var out []*syntax.Regexp
	if re.Op == syntax.OpCapture {
		out = append(out, &syntax.Regexp{Op: syntax.OpCapture, Cap: re.Cap, Name: re.Name, Sub: []*syntax.Regexp{{Op: syntax.OpEmptyMatch}}})
	}
	for _, sub := range re.Sub {
		out = append(out, emptyGroups(sub)...)
	}
	return out
}

// enterable reports whether listPath can go down into re.
func enterable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAlternate, syntax.OpCapture, syntax.OpConcat:
		return true
	case syntax.OpQuest:
		return re.Flags&syntax.NonGreedy == 0
	}
	return false
}

// oneWay reports whether re matches any text in one way at most.
func oneWay(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpCapture, syntax.OpConcat:
		for _, sub := range re.Sub {
			if !oneWay(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// replace returns a copy of path[0] with path's last node replaced by
// piece, the nodes on the way copied and all else shared. An optional
// group on the way is made required.
func replace(path []*syntax.Regexp, piece *syntax.Regexp) *syntax.Regexp {
	if len(path) == 1 {
		return piece
	}
	if path[0].Op == syntax.OpQuest {
		return replace(path[1:], piece)
	}
	parent := *path[0]
	parent.Sub = slices.Clone(parent.Sub)
	for i, sub := range parent.Sub {
		if sub == path[1] {
			parent.Sub[i] = replace(path[1:], piece)
			break
		}
	}
	return &parent
}

// insts returns the size of re's program.
func insts(re *syntax.Regexp) int {
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return 0
	}
	return len(prog.Inst)
}

// match reports whether any piece matches at the start of s, which every
// match of the whole begins at.
func (p *parts) match(s string) bool {
	for i, re := range p.res {
		if p.starts[i].may(s, 0) && re.MatchString(s) {
			return true
		}
	}
	return false
}

// find returns what the whole's FindStringIndex, or with sub its
// FindStringSubmatchIndex, returns for a text every match of the whole
// begins at the start of: the first piece's match that there is. Only for
// ordered pieces.
func (p *parts) find(s string, sub bool) []int {
	for i, re := range p.res {
		if !p.starts[i].may(s, 0) {
			continue
		}
		var loc []int
		if sub {
			loc = re.FindStringSubmatchIndex(s)
		} else {
			loc = re.FindStringIndex(s)
		}
		if loc != nil {
			return loc
		}
	}
	return nil
}

// printClass writes a character class from its ranges, which the parser
// has already folded and complemented as its flags ask: what String
// would work out again.
func printClass(ranges []rune) string {
	if len(ranges) == 0 {
		return `[^\x00-\x{10FFFF}]` // matches nothing
	}
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i+1 < len(ranges); i += 2 {
		fmt.Fprintf(&b, `\x{%x}`, ranges[i])
		if ranges[i+1] != ranges[i] {
			fmt.Fprintf(&b, `-\x{%x}`, ranges[i+1])
		}
	}
	b.WriteByte(']')
	return b.String()
}

// printer writes syntax trees as expressions for regexp.Compile,
// keeping what it wrote of each node. The pieces of a pattern share all
// of it but their part of the list, and syntax.Regexp.String works out
// anew, for each character class it prints, whether case folding changes
// it, which for a class such as [^,.] runs through 120,000 runes:
// printing each piece whole took most of the time of working out a
// pattern's tries, which the first article a process reads waits for.
type printer map[*syntax.Regexp]string

// print returns an expression that compiles to a program matching as
// re's does, with the same groups.
func (p printer) print(re *syntax.Regexp) string {
	if s, ok := p[re]; ok {
		return s
	}
	var s string
	switch {
	case re.Op == syntax.OpConcat:
		// Each part in a group of its own: the flags String writes for
		// one then hold for it alone.
		var b strings.Builder
		for _, sub := range re.Sub {
			b.WriteString("(?:")
			b.WriteString(p.print(sub))
			b.WriteString(")")
		}
		s = b.String()
	case re.Op == syntax.OpAlternate && len(re.Sub) > 0:
		var b strings.Builder
		for i, sub := range re.Sub {
			if i > 0 {
				b.WriteString("|")
			}
			b.WriteString("(?:")
			b.WriteString(p.print(sub))
			b.WriteString(")")
		}
		s = b.String()
	case re.Op == syntax.OpCapture && re.Name != "":
		s = "(?P<" + re.Name + ">" + p.print(re.Sub[0]) + ")"
	case re.Op == syntax.OpCapture:
		s = "(" + p.print(re.Sub[0]) + ")"
	case re.Op == syntax.OpCharClass:
		s = printClass(re.Rune)
	case re.Op == syntax.OpStar, re.Op == syntax.OpPlus, re.Op == syntax.OpQuest, re.Op == syntax.OpRepeat:
		// A repeated class would reach String through the default case
		// and pay for the class's folding there.
		s = "(?:" + p.print(re.Sub[0]) + ")" + repeatOp(re)
	case re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase != 0:
		s = "(?i:" + regexp.QuoteMeta(string(re.Rune)) + ")"
	case re.Op == syntax.OpLiteral:
		s = regexp.QuoteMeta(string(re.Rune))
	default:
		s = re.String()
	}
	p[re] = s
	return s
}

// repeatOp writes the operator of a repetition, with the question mark
// that makes it lazy.
func repeatOp(re *syntax.Regexp) string {
	var op string
	switch {
	case re.Op == syntax.OpStar:
		op = "*"
	case re.Op == syntax.OpPlus:
		op = "+"
	case re.Op == syntax.OpQuest:
		op = "?"
	case re.Max == -1:
		op = "{" + strconv.Itoa(re.Min) + ",}"
	case re.Min == re.Max:
		op = "{" + strconv.Itoa(re.Min) + "}"
	default:
		op = "{" + strconv.Itoa(re.Min) + "," + strconv.Itoa(re.Max) + "}"
	}
	if re.Flags&syntax.NonGreedy != 0 {
		op += "?"
	}
	return op
}
