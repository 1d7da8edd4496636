// Package pattern holds regular expressions that skip text they cannot
// match. Go's regexp engine costs time in proportion to the text times the
// program, even where no match is possible; most of sitrep's patterns
// name words ("airstrike", "yesterday") of which one must appear in any
// match. A Regexp knows those words and answers "no match" at the cost of
// a substring search when none of them is in the text. Results are always
// exactly those of package regexp.
package pattern

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
)

// Regexp is a compiled regexp.Regexp with a literal prefilter. Methods it
// does not override are the embedded Regexp's, unfiltered.
type Regexp struct {
	*regexp.Regexp
	// needles are lower-case strings one of which occurs, ASCII-folded,
	// in the text of every match; nil when no such set is known.
	needles []string
	// maxLen bounds the bytes of any match; -1 when unbounded.
	maxLen int
	// tree is the parsed pattern, kept when maxLen is -1 to bound its
	// matches in a given text.
	tree *syntax.Regexp
	// first, when set, holds the bytes a match can begin with: every
	// match begins with an ASCII word character at a word boundary, and
	// no assertion looks for the start of the text or a line. Such a
	// pattern matches at a word start of a text as it matches at the
	// start of the text from there on, where anchored, the pattern held
	// to the start of the text, can try it.
	first    *[256]bool
	anchored *regexp.Regexp
	// windowed is true when, besides, no assertion looks for the end of
	// the text or a line: a window of the text ending past the longest
	// match reads as the whole.
	windowed bool
}

// MustCompile compiles expr as regexp.MustCompile does.
func MustCompile(expr string) *Regexp {
	r := &Regexp{Regexp: regexp.MustCompile(expr), maxLen: -1}
	if re, err := syntax.Parse(expr, syntax.Perl); err == nil && !anchored(re) {
		re = re.Simplify()
		if ns, ok := needles(re); ok && len(ns) > 0 {
			r.needles = ns
		}
		r.maxLen = maxLen(re)
		if r.maxLen < 0 {
			r.tree = re
		}
		first := new([256]bool)
		if ok, nullable := wordFirst(re, first); ok && !nullable && leadsWithBoundary(re) && !has(re, syntax.OpBeginText, syntax.OpBeginLine) {
			// Built from the tree, not the text: "\Q" in expr would
			// swallow a closing parenthesis.
			held := &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{{Op: syntax.OpBeginText}, re}}
			if a, err := regexp.Compile(held.String()); err == nil && a.NumSubexp() == r.NumSubexp() {
				r.first, r.anchored = first, a
				r.windowed = !has(re, syntax.OpEndText, syntax.OpEndLine)
			}
		}
	}
	return r
}

// anchored reports whether re matches only at the start of the text:
// there the engine stops early, and a prefilter reading the whole text
// would cost more than it saves.
func anchored(re *syntax.Regexp) bool {
	for re.Op == syntax.OpConcat || re.Op == syntax.OpCapture {
		if len(re.Sub) == 0 {
			return false
		}
		re = re.Sub[0]
	}
	return re.Op == syntax.OpBeginText || re.Op == syntax.OpBeginLine
}

// Needles returns the strings the prefilter looks for, or nil.
func (r *Regexp) Needles() []string { return r.needles }

// possible reports whether s may hold a match: false only when no
// needle occurs in it.
func (r *Regexp) possible(s string) bool {
	if r.needles == nil {
		return true
	}
	return r.PossibleLower(Lower(s))
}

// PossibleLower is possible for text already passed through Lower, so a
// caller trying many patterns on one text folds it once.
func (r *Regexp) PossibleLower(lower string) bool {
	if r.needles == nil {
		return true
	}
	// The Kelvin sign and the long s fold to ASCII letters under (?i);
	// Lower leaves them alone, so with them present the prefilter could
	// be wrong.
	if foldsToASCII(lower) {
		return true
	}
	for _, n := range r.needles {
		if strings.Contains(lower, n) {
			return true
		}
	}
	return false
}

// Lower maps ASCII capitals to small letters and leaves every other byte
// alone, so offsets into the result are offsets into s. It returns s
// itself when s has no capitals.
func Lower(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// shortText bounds the texts on which MatchString tries a pattern at
// each word start rather than scanning: each try costs the engine time in
// proportion to the rest of the text.
const shortText = 256

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool {
	if !r.possible(s) {
		return false
	}
	if !r.atWords(s) {
		return r.Regexp.MatchString(s)
	}
	// A match begins at a word start with one of the first bytes: try
	// only those, rather than every byte.
	for p := 0; p < len(s); p++ {
		if r.first[s[p]] && (p == 0 || !isWordByte(s[p-1])) && r.anchored.MatchString(s[p:]) {
			return true
		}
	}
	return false
}

// foldsToASCII reports whether s holds the Kelvin sign or the long s,
// which (?i) matches to "k" and "s" although they are not word
// characters.
func foldsToASCII(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string {
	if !r.possible(s) {
		return ""
	}
	return r.Regexp.FindString(s)
}

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int {
	if !r.possible(s) {
		return nil
	}
	return r.Regexp.FindStringIndex(s)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.possible(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if !r.possible(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatchIndex(s)
}

// FindAllString is regexp.Regexp.FindAllString.
func (r *Regexp) FindAllString(s string, n int) []string {
	if !r.possible(s) {
		return nil
	}
	return r.Regexp.FindAllString(s, n)
}

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !r.possible(s) {
		return nil
	}
	if r.atWords(s) {
		return r.allAtWords(s, n, r.anchored.FindStringIndex)
	}
	return r.Regexp.FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.possible(s) {
		return nil
	}
	return r.Regexp.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.possible(s) {
		return nil
	}
	if r.atWords(s) {
		return r.allAtWords(s, n, r.anchored.FindStringSubmatchIndex)
	}
	return r.Regexp.FindAllStringSubmatchIndex(s, n)
}

// atWords reports whether r is best tried on s at its word starts only.
func (r *Regexp) atWords(s string) bool {
	return r.first != nil && len(s) <= shortText && !foldsToASCII(s)
}

// allAtWords is FindAll for a pattern whose matches begin at word starts,
// trying find, the pattern held to the start of the text, at each of
// them from the end of the last match on.
func (r *Regexp) allAtWords(s string, n int, find func(string) []int) [][]int {
	var out [][]int
	for p := 0; p < len(s) && (n < 0 || len(out) < n); p++ {
		if !r.first[s[p]] || p > 0 && isWordByte(s[p-1]) {
			continue
		}
		loc := find(s[p:])
		if loc == nil {
			continue
		}
		for j, v := range loc {
			if v >= 0 {
				loc[j] = v + p
			}
		}
		out = append(out, loc)
		p = loc[1] - 1 // matches are never empty
	}
	return out
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	if !r.possible(src) {
		return src
	}
	return r.Regexp.ReplaceAllString(src, repl)
}

// maxNeedles bounds the set a prefilter tries; past it, concatenating
// alternatives is not worth its cost.
const maxNeedles = 64

// needles returns lower-case strings one of which occurs in every match
// of re, and false when re can match without any literal (an empty
// match, a class, an optional part).
func needles(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		for _, c := range re.Rune {
			// Lower folds ASCII only: a folded literal with other letters
			// may match text whose bytes differ from the literal's. A
			// sign with no other case ("©") matches only itself.
			if c >= 0x80 && re.Flags&syntax.FoldCase != 0 && unicode.SimpleFold(c) != c {
				return nil, false
			}
		}
		return []string{Lower(s)}, true
	case syntax.OpCapture:
		return needles(re.Sub[0])
	case syntax.OpPlus:
		return needles(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needles(re.Sub[0])
		}
		return nil, false
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			ns, ok := needles(sub)
			if !ok {
				return nil, false
			}
			out = append(out, ns...)
		}
		return dedupe(out), len(out) <= maxNeedles
	case syntax.OpConcat:
		return concatNeedles(re.Sub)
	}
	return nil, false
}

// concatNeedles picks, of a concatenation, the best set: runs of
// adjacent parts that are all literal sets are joined (every way), so
// "f(?:ighting|ought)" gives "fighting" and "fought" rather than "f".
func concatNeedles(subs []*syntax.Regexp) ([]string, bool) {
	var best []string
	found := false
	var run []string // the joined needles of the current run of parts
	inRun := false
	consider := func(ns []string) {
		if !found || shortest(ns) > shortest(best) || shortest(ns) == shortest(best) && len(ns) < len(best) {
			best, found = ns, true
		}
	}
	for _, sub := range subs {
		if sub.Op == syntax.OpEmptyMatch || sub.Op == syntax.OpWordBoundary || sub.Op == syntax.OpNoWordBoundary ||
			sub.Op == syntax.OpBeginText || sub.Op == syntax.OpBeginLine {
			continue // zero-width: runs join across them, their text is adjacent
		}
		ns, ok := needles(sub)
		if !ok {
			inRun = false
			continue
		}
		consider(ns)
		// Only exact parts (a literal or an alternation of them) may be
		// joined: a needle of "x+" is not the whole of what x+ matched.
		if !exact(sub) {
			inRun = false
			continue
		}
		if !inRun {
			run, inRun = ns, true
			continue
		}
		if len(run)*len(ns) > maxNeedles {
			run = ns
			continue
		}
		var joined []string
		for _, a := range run {
			for _, b := range ns {
				joined = append(joined, a+b)
			}
		}
		run = dedupe(joined)
		consider(run)
	}
	return best, found
}

// exact reports whether the needles of re are the whole text of any of
// its matches: literals and alternations or groups of them.
func exact(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !exact(s) {
				return false
			}
		}
		return true
	}
	// A concatenation's needles may be those of one part only.
	return false
}

func shortest(ns []string) int {
	n := -1
	for _, s := range ns {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

func dedupe(ns []string) []string {
	slices.Sort(ns)
	return slices.Compact(ns)
}

// IsSpace reports whether c is white space as the regexp package's \s
// means it: space, tab, newline, carriage return, form feed. Text cut at
// such bytes keeps its \s and \S runs whole.
func IsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
