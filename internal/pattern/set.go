package pattern

import (
	"regexp"
	"regexp/syntax"
	"sort"

	"github.com/sitrep/sitrep/internal/text"
)

// Set is a group of patterns tried on the same text. One pass finds the
// needles of all of them, where a Regexp alone searches the text once
// per needle; each pattern then runs only near its needles.
type Set struct {
	res   []*Regexp
	index *needleIndex
	// owners holds, for each needle, the patterns that have it.
	owners [][]int
	// kinds holds, for each pattern, the kinds of run that bound its
	// matches (see length.kinds).
	kinds []uint8
	// leads holds, for each pattern, how far before a needle its
	// matches can begin (see leadOf); nil where that is not known.
	leads []*length
	// spaced holds, for each pattern whose bounds read only the
	// longest run of white space, its longest match and its lead (plus
	// one, 0 where not known) for each run up to tabledSpace bytes:
	// worked out from the pattern's lengths for every text, they cost
	// more than the search of a text that holds few needles.
	spaced [][tabledSpace][2]int
	// lowered holds, for each pattern, the pattern held to the start
	// of the text, to be tried on the text with its capitals lowered
	// (see lowerCase); nil where that cannot be.
	lowered []*regexp.Regexp
}

// NewSet prepares res to be searched together.
func NewSet(res ...*Regexp) *Set {
	s := &Set{res: res}
	index := map[string]int{}
	var words []string
	for i, r := range res {
		for _, n := range r.needles {
			k, ok := index[n]
			if !ok {
				k = len(words)
				index[n] = k
				words = append(words, n)
				s.owners = append(s.owners, nil)
			}
			s.owners[k] = append(s.owners[k], i)
		}
	}
	s.index = newNeedleIndex(words)
	s.kinds = make([]uint8, len(res))
	s.leads = make([]*length, len(res))
	s.lowered = make([]*regexp.Regexp, len(res))
	s.spaced = make([][tabledSpace][2]int, len(res))
	for i, r := range res {
		if r.length != nil {
			s.kinds[i] = r.length.kinds()
		}
		if r.needles == nil {
			continue
		}
		if re, err := syntax.Parse(r.String(), syntax.Perl); err == nil {
			re = re.Simplify()
			if l, ok := leadOf(re, r.needles); ok {
				s.leads[i] = &l
				s.kinds[i] |= l.kinds()
			}
			if low, ok := lowerCase(re); ok {
				held := &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{{Op: syntax.OpBeginText}, low}}
				if a, err := regexp.Compile(printer{}.print(held)); err == nil && a.NumSubexp() == r.NumSubexp() {
					s.lowered[i] = a
				}
			}
		}
	}
	s.tabulate()
	return s
}

// Scan is a text with the needles of a Set's patterns found in it. It is
// not safe for concurrent use.
type Scan struct {
	set  *Set
	text string
	// plain is set when the text holds a rune that (?i) folds to an ASCII
	// letter: needles found in ASCII-folded text could miss matches, so
	// every pattern runs over every span, as package regexp would.
	plain bool
	hits  [][]hit // per pattern, in order of start
	// runs of the text bound repetition; measured when first asked for,
	// as most texts never need them, and only the kinds asked for.
	runs     runs
	measured uint8 // the kinds of run that runs knows
	// lower holds a window with its ASCII capitals lowered.
	lower []byte
	// lens caches, per pattern, its longest match in the text plus one,
	// and backs how far before a needle a match can begin, plus one; 0
	// when not yet worked out.
	lens, backs []int
}

type hit struct{ start, end int }

// Scan finds the Set's needles in text.
func (s *Set) Scan(text string) *Scan {
	n := len(s.res)
	ints := make([]int, 3*n) // lens, backs, and the hits of each pattern
	sc := &Scan{set: s, text: text, hits: make([][]hit, n), lens: ints[:n:n], backs: ints[n : 2*n : 2*n]}
	if FoldsToASCII(text) {
		sc.plain = true
		return sc
	}
	// The needles found, then each pattern's hits placed in one array
	// rather than grown a pattern at a time.
	type found struct {
		hit
		needle int32
	}
	fs := make([]found, 0, 64)
	s.index.each(text, func(start, end int, k int32) {
		fs = append(fs, found{hit{start: start, end: end}, k})
	})
	counts, total := ints[2*n:], 0
	for _, f := range fs {
		for _, i := range s.owners[f.needle] {
			counts[i]++
			total++
		}
	}
	all := make([]hit, total)
	for i, c := range counts {
		if c > 0 {
			sc.hits[i], all = all[:0:c], all[c:]
		}
	}
	for _, f := range fs {
		for _, i := range s.owners[f.needle] {
			sc.hits[i] = append(sc.hits[i], f.hit)
		}
	}
	return sc
}

// inside returns the index of the first hit of pattern i that lies within
// text[start:end], or -1.
func (sc *Scan) inside(i, start, end int) int {
	hs := sc.hits[i]
	for k := sort.Search(len(hs), func(k int) bool { return hs[k].start >= start }); k < len(hs) && hs[k].start < end; k++ {
		if hs[k].end <= end {
			return k
		}
	}
	return -1
}

// Possible reports whether pattern i may match within text[start:end]:
// false only when none of its needles lies there.
func (sc *Scan) Possible(i, start, end int) bool {
	return sc.plain || sc.set.res[i].needles == nil || sc.inside(i, start, end) >= 0
}

// FindAll returns what pattern i's FindAllStringIndex, or with sub its
// FindAllStringSubmatchIndex, returns for text[start:end], with offsets
// into the whole text.
//
// A pattern whose matches are bounded in length and begin at word starts
// is tried only at the word starts near its needles: a match holds a
// needle, so it begins no further before one than the pattern's longest
// match.
func (sc *Scan) FindAll(i, start, end int, sub bool) [][]int {
	r := sc.set.res[i]
	if !sc.plain && r.needles != nil {
		k := sc.inside(i, start, end)
		if k < 0 {
			return nil
		}
		if n := sc.maxLen(i); r.tries().windowed && n >= 0 && n <= maxWindow {
			return sc.windows(i, n, sub, k, start, end)
		}
	}
	var out [][]int
	if sub {
		out = r.Regexp.FindAllStringSubmatchIndex(sc.text[start:end], -1)
	} else {
		out = r.Regexp.FindAllStringIndex(sc.text[start:end], -1)
	}
	for _, loc := range out {
		shift(loc, start)
	}
	return out
}

// maxWindow bounds the longest match of a pattern that FindAll tries
// near its needles: each try costs time in proportion to it.
const maxWindow = 256

// windows is FindAll for pattern i, whose matches are at most n bytes
// and begin at word starts, from its k-th hit on.
func (sc *Scan) windows(i, n int, sub bool, k, start, end int) [][]int {
	r := sc.set.res[i]
	text, hs := sc.text, sc.hits[i]
	t := r.tries()
	back := sc.back(i, n)
	var out [][]int
	pos := start  // where the next match may begin
	next := start // the first place not yet tried
	for ; k < len(hs) && hs[k].start < end; k++ {
		h := hs[k]
		if h.start < pos || h.end > end {
			continue
		}
		// A match that holds h begins at a word start no more than
		// back bytes before it; one that begins earlier holds an
		// earlier hit and would have been found there.
		for p := max(next, h.start-back); p <= h.start; p++ {
			next = p + 1
			if !t.first[text[p]] || p > start && isWordByte(text[p-1]) {
				continue
			}
			// Held to p, the pattern sees there what it sees in the
			// whole text: the byte before is not a word byte. Every way
			// a match can go ends before p+n+1, which \b may look at.
			w := text[p:min(end, p+n+1)]
			if !t.starts.may(w, 0) {
				continue
			}
			var loc []int
			if a := sc.set.lowered[i]; a != nil && (t.held == nil || len(w) > maxPartText) {
				lw := sc.lowerWindow(w)
				if sub {
					loc = a.FindSubmatchIndex(lw)
				} else {
					loc = a.FindIndex(lw)
				}
			} else {
				loc = r.findHeld(w, sub)
			}
			if loc == nil {
				continue
			}
			shift(loc, p)
			out = append(out, loc)
			pos, next = loc[1], loc[1]
			break
		}
	}
	return out
}

// maxLen returns the most bytes a match of pattern i can span in the
// text, or -1: a pattern that repeats spaces or letters without bound
// matches no more of them than the text's longest run.
func (sc *Scan) maxLen(i int) int {
	if sc.lens[i] == 0 {
		sc.lens[i] = sc.bound(i, 0) + 1
	}
	return sc.lens[i] - 1
}

// tabledSpace bounds the runs of white space for which Set.spaced holds
// a pattern's bounds.
const tabledSpace = 16

// tabulate fills s.spaced.
func (s *Set) tabulate() {
	for i := range s.res {
		if s.kinds[i]&^(1<<runSpace) != 0 {
			continue
		}
		for n := range tabledSpace {
			r := runs{known: true, space: n, word: -1, nonSpace: -1}
			s.spaced[i][n] = [2]int{s.bound(i, 0, r) + 1, s.bound(i, 1, r) + 1}
		}
	}
}

// bound returns the longest match of pattern i in the text runs r
// measures, for which runs r must know its kinds of run, or with lead 1
// how far before a needle a match can begin; -1 when not known.
func (s *Set) bound(i, lead int, r runs) int {
	if lead == 1 {
		if l := s.leads[i]; l != nil {
			return l.eval(r)
		}
		return -1
	}
	if re := s.res[i]; re.maxLen >= 0 || re.length == nil {
		return re.maxLen
	}
	return s.res[i].length.eval(r)
}

// bound is Set.bound in the text sc scans.
func (sc *Scan) bound(i, lead int) int {
	r := sc.runsOf(sc.set.kinds[i])
	if t := &sc.set.spaced[i]; r.space < tabledSpace && t[r.space][lead] > 0 {
		return t[r.space][lead] - 1
	}
	return sc.set.bound(i, lead, r)
}

// lowerWindow returns w, a window of at most maxWindow+1 bytes, with
// its ASCII capitals lowered, in a buffer it reuses.
func (sc *Scan) lowerWindow(w string) []byte {
	if sc.lower == nil {
		sc.lower = make([]byte, maxWindow+1)
	}
	lw := sc.lower[:len(w)]
	text.LowerInto(lw, w)
	return lw
}

// back returns how far before a needle a match of pattern i can begin,
// whose matches span at most n bytes in the text.
func (sc *Scan) back(i, n int) int {
	if sc.backs[i] == 0 {
		b := n
		if e := sc.bound(i, 1); e >= 0 {
			b = min(b, e)
		}
		sc.backs[i] = b + 1
	}
	return sc.backs[i] - 1
}

// allRuns are the kinds of run measure measures.
const allRuns = 1<<runSpace | 1<<runWord | 1<<runNonSpace

// runsOf returns the runs of the text, knowing at least the kinds of run
// in kinds: white space alone, the only kind most patterns repeat, is
// measured faster than all of them.
func (sc *Scan) runsOf(kinds uint8) runs {
	if kinds&^sc.measured == 0 {
		return sc.runs
	}
	if kinds == 1<<runSpace {
		sc.runs, sc.measured = measureSpace(sc.text), kinds
	} else {
		sc.runs, sc.measured = measure(sc.text), allRuns
	}
	return sc.runs
}

// shift adds off to every offset of loc that is not -1.
func shift(loc []int, off int) {
	for j, v := range loc {
		if v >= 0 {
			loc[j] = v + off
		}
	}
}
