// Package pattern holds regular expressions that skip text they cannot
// match. Go's regexp engine costs time in proportion to the text times the
// program, even where no match is possible; most of sitrep's patterns
// name words ("airstrike", "yesterday") of which one must appear in any
// match. A Regexp knows those words and answers "no match" at the cost of
// a substring search when none of them is in the text. A pattern whose
// matches begin at word starts is tried only at the word starts whose
// first bytes can begin one (starts.go), through a window no longer than
// its longest match, and a pattern too big for the engine's backtracker
// is split into pieces that are not (split.go). Results are always
// exactly those of package regexp.
package pattern

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/text"
)

// Regexp is a compiled regexp.Regexp with a literal prefilter. Methods it
// does not override are the embedded Regexp's, unfiltered.
type Regexp struct {
	*regexp.Regexp
	// needles are lower-case strings one of which occurs, ASCII-folded,
	// in the text of every match; nil when no such set is known.
	needles []string
	// needleBytes are needles as bytes, to search a copy of the text
	// lowered on the stack, and rare where in each its rarest byte is.
	needleBytes [][]byte
	rare        []int
	// maxLen bounds the bytes of any match; -1 when unbounded.
	maxLen int
	// length, kept when maxLen is -1, bounds its matches in a given
	// text.
	length *length
	// atStart is set for a pattern that matches only at the start of the
	// text: anchored is the pattern itself, and starts and held apply
	// to the text as a whole.
	atStart bool
	// plan is how the pattern is tried, worked out when it is first
	// tried on a text that may hold a match (see tries).
	plan *plan
	// phrases, when set, matches the pattern without the engine: it is
	// a list of phrases between word boundaries.
	phrases *phraseList
	// atEnd is set for a pattern whose every match ends at the end of
	// the text ("...\s+$") and that looks for no start of a text or a
	// line: only the text's last bytes, as many as its longest match,
	// need reading (see tail).
	atEnd bool
}

// plan works out a pattern's tries once. Splitting and recompiling a
// pattern costs far more than compiling it, and a process that codes one
// article tries few of its patterns past their needles: done at
// MustCompile, it made up a quarter of the start-up of the command line.
type plan struct {
	once sync.Once
	done atomic.Bool
	// uses counts the texts the pattern is tried on before its tries
	// are worked out.
	uses atomic.Int32
	re   *syntax.Regexp // simplified; dropped once the tries are made
	t    tries
}

// tries is how a Regexp is tried at word starts, or at the start of the
// text.
type tries struct {
	// first, when set, holds the bytes a match can begin with: every
	// match begins with an ASCII word character at a word boundary, and
	// no assertion looks for the start of the text or a line. Such a
	// pattern matches at a word start of a text as it matches at the
	// start of the text from there on, where anchored, the pattern held
	// to the start of the text, can try it.
	first    *[256]bool
	anchored *regexp.Regexp
	// starts narrows first to the strings a match can begin with; nil
	// when it cannot.
	starts *starts
	// held is anchored split into pieces the engine runs faster; nil
	// when not split.
	held *parts
	// windowed is true when, besides, no assertion looks for the end of
	// the text or a line: a window of the text ending past the longest
	// match reads as the whole.
	windowed bool
}

// tries returns r's tries, working them out on the first call.
func (r *Regexp) tries() *tries {
	p := r.plan
	p.once.Do(func() {
		p.t = newTries(r, p.re)
		p.re = nil
		p.done.Store(true)
	})
	return &p.t
}

// coldUses is how many texts a pattern is tried on by the engine alone
// before its tries are worked out. They pay for themselves over many
// texts; a process that codes one article spent more time working out
// the tries of the patterns it used than trying them.
const coldUses = 64

// cold reports whether r is still tried by the engine alone: its tries
// are not worked out and it has been tried on fewer than coldUses texts.
func (r *Regexp) cold() bool {
	// Read before counting: once warm, many goroutines ask at once, and
	// a count each would pass one cache line between the cores.
	if r.planned() || r.plan.uses.Load() >= coldUses {
		return false
	}
	return r.plan.uses.Add(1) <= coldUses
}

// planned reports whether r's tries are worked out.
func (r *Regexp) planned() bool { return r.plan.done.Load() }

// MustCompile compiles expr as regexp.MustCompile does.
func MustCompile(expr string) *Regexp {
	r := &Regexp{Regexp: regexp.MustCompile(expr), maxLen: -1, plan: &plan{}}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return r
	}
	switch leading(re) {
	case syntax.OpBeginText:
		// Tried once, at the start: a look at the first bytes, or for
		// rare needles, can still spare the engine, and pieces speed
		// it up.
		r.atStart = true
	case syntax.OpBeginLine:
		// Tried at each line start, where the engine stops early: a
		// prefilter reading the whole text would cost more than it saves.
		return r
	}
	re = re.Simplify()
	r.plan.re = re
	if r.NumSubexp() == 0 {
		r.phrases = newPhraseList(re)
	}
	if ns, ok := needles(re); ok && len(ns) > 0 && (!r.atStart || rare(ns)) {
		r.needles = ns
		for _, n := range ns {
			r.needleBytes = append(r.needleBytes, []byte(n))
			r.rare = append(r.rare, rarest(n))
		}
	}
	l := lengthOf(re)
	r.maxLen = l.eval(runs{})
	if r.maxLen < 0 {
		r.length = &l
	}
	r.atEnd = trailing(re) == syntax.OpEndText && !has(re, syntax.OpBeginText, syntax.OpBeginLine)
	return r
}

// rare reports whether a search for needles ns is likely to cost less
// than the engine's try at the start of a text, which often fails within
// a few bytes: only when they are few and long enough to be rare.
func rare(ns []string) bool { return len(ns) <= 8 && shortest(ns) >= 4 }

// newTries works out the tries of r, whose simplified syntax is re; nil
// leaves r to the engine alone.
func newTries(r *Regexp, re *syntax.Regexp) tries {
	var t tries
	if re == nil {
		return t
	}
	if r.atStart {
		t.anchored, t.starts, t.held = r.Regexp, newStarts(re), split(re, printer{})
		return t
	}
	first := new([256]bool)
	if ok, nullable := wordFirst(re, first); ok && !nullable && leadsWithBoundary(re) && !has(re, syntax.OpBeginText, syntax.OpBeginLine) {
		// Built from the tree, not the text: "\Q" in expr would
		// swallow a closing parenthesis.
		held := &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{{Op: syntax.OpBeginText}, re}}
		pr := printer{}
		if a, err := regexp.Compile(pr.print(held)); err == nil && a.NumSubexp() == r.NumSubexp() {
			t.first, t.anchored, t.starts = first, a, newStarts(re)
			t.windowed = !has(re, syntax.OpEndText, syntax.OpEndLine)
			if p := split(held, pr); p != nil && p.ordered {
				t.held = p
			}
		}
	}
	return t
}

// leading returns the operator every match of re begins with, looking
// through concatenations and groups.
func leading(re *syntax.Regexp) syntax.Op {
	for re.Op == syntax.OpConcat || re.Op == syntax.OpCapture {
		if len(re.Sub) == 0 {
			return re.Op
		}
		re = re.Sub[0]
	}
	return re.Op
}

// trailing returns the operator every match of re ends with, looking
// through concatenations and groups.
func trailing(re *syntax.Regexp) syntax.Op {
	for re.Op == syntax.OpConcat || re.Op == syntax.OpCapture {
		if len(re.Sub) == 0 {
			return re.Op
		}
		re = re.Sub[len(re.Sub)-1]
	}
	return re.Op
}

// tail returns the end of s that a pattern whose matches end at the end
// of s can read, and where it begins in s: the engine, which has no way
// to search backwards, would otherwise try every byte of a long text.
// The byte before the longest match stays in, for \b to look at, and
// the cut falls where a rune begins, so that the engine decodes the
// bytes kept as it decodes them in s.
func (r *Regexp) tail(s string) (string, int) {
	if !r.atEnd || len(s) <= shortTail {
		return s, 0
	}
	n := r.maxLen
	if n < 0 && r.length != nil {
		n = r.length.eval(measure(s))
	}
	if n < 0 || n+1 >= len(s) {
		return s, 0
	}
	c := len(s) - n - 1
	for c > 0 && !utf8.RuneStart(s[c]) {
		c--
	}
	return s[c:], c
}

// shortTail bounds the texts that tail leaves whole: measuring one would
// cost about what cutting it saves.
const shortTail = 64

// Needles returns the strings the prefilter looks for, or nil.
func (r *Regexp) Needles() []string { return r.needles }

// possible reports whether s may hold a match: false only when no
// needle occurs in it.
func (r *Regexp) possible(s string) bool {
	if r.needles == nil {
		return true
	}
	// Most texts tried are a sentence or shorter: lower them on the
	// stack rather than make a lowered copy of each.
	var buf [stackLower]byte
	lower := buf[:0]
	if len(s) <= stackLower {
		lower = buf[:len(s)]
	} else {
		lower = make([]byte, len(s))
	}
	if !text.LowerInto(lower, s) && FoldsToASCII(s) {
		return true
	}
	for i, n := range r.needleBytes {
		if containsAt(lower, n, r.rare[i]) {
			return true
		}
	}
	return false
}

// PossibleLower is possible for text already passed through
// text.LowerASCII, so a caller trying many patterns on one text folds it
// once.
func (r *Regexp) PossibleLower(lower string) bool {
	if r.needles == nil {
		return true
	}
	// The Kelvin sign and the long s fold to ASCII letters under (?i);
	// Lower leaves them alone, so with them present the prefilter could
	// be wrong.
	if FoldsToASCII(lower) {
		return true
	}
	for _, n := range r.needles {
		if strings.Contains(lower, n) {
			return true
		}
	}
	return false
}

// shortText bounds the texts on which MatchString tries a pattern at
// each word start rather than scanning: each try costs the engine time in
// proportion to the rest of the text.
const shortText = 256

// stackLower bounds the texts possible lowers on the stack.
const stackLower = 2048

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool {
	if r.phrases != nil && r.phrases.usable(s) {
		b, _ := r.phrases.next(s, 0)
		return b >= 0
	}
	if r.cold() {
		if !r.possible(s) {
			return false
		}
		return r.Regexp.MatchString(s)
	}
	s, _ = r.tail(s)
	window, ok, none := r.route(s)
	if none {
		return false
	}
	if r.atStart {
		return r.matchHeld(s)
	}
	if !ok {
		return r.Regexp.MatchString(s)
	}
	// A match begins at a word start with one of the first bytes: try
	// only those, rather than every byte.
	t := r.tries()
	for p := 0; p < len(s); p++ {
		if p > 0 && isWordByte(s[p-1]) {
			p = SkipWord(s, p) // inside a word: the next start is past its end
			continue
		}
		if t.first[s[p]] && t.starts.may(s, p) && r.matchHeld(s[p:reach(s, p, window)]) {
			return true
		}
	}
	return false
}

// shifted is loc, a match in a text that begins off bytes into another,
// as offsets into the other.
func shifted(loc []int, off int) []int {
	shift(loc, off)
	return loc
}

// maxPartText bounds the texts the pieces of a split pattern are tried
// on: past it the engine cannot backtrack even on the pieces.
const maxPartText = 600

// matchHeld reports whether the pattern matches at the start of s.
func (r *Regexp) matchHeld(s string) bool {
	t := r.tries()
	if t.held != nil && len(s) <= maxPartText {
		return t.held.match(s)
	}
	return t.anchored.MatchString(s)
}

// findHeld returns the pattern's match at the start of s:
// FindStringIndex, or with sub FindStringSubmatchIndex, of the pattern
// held there.
func (r *Regexp) findHeld(s string, sub bool) []int {
	t := r.tries()
	if t.held != nil && t.held.ordered && len(s) <= maxPartText {
		return t.held.find(s, sub)
	}
	if sub {
		return t.anchored.FindStringSubmatchIndex(s)
	}
	return t.anchored.FindStringIndex(s)
}

// FoldsToASCII reports whether s holds the Kelvin sign or the long s,
// which (?i) matches to "k" and "s" although they are not word
// characters: code that compares text with ASCII words case-folded, as
// HasPrefixFold does, must leave such text to the engine.
func FoldsToASCII(s string) bool {
	return holdsByLast(s, kelvin) || holdsByLast(s, longS)
}

// The runes FoldsToASCII looks for.
const (
	kelvin = "\u212a"
	longS  = "\u017f"
)

// holdsByLast reports whether s holds r, searching for r's last byte:
// FoldsToASCII is asked of most texts a pattern is tried on, and the
// Kelvin sign's first byte is that of every curly quote and dash, where
// a search by the first byte would stop and compare.
func holdsByLast(s, r string) bool {
	last := r[len(r)-1]
	for from := len(r) - 1; from < len(s); {
		i := strings.IndexByte(s[from:], last)
		if i < 0 {
			return false
		}
		if e := from + i + 1; s[e-len(r):e] == r {
			return true
		}
		from += i + 1
	}
	return false
}

// WordEndsAt reports whether a word whose last byte is a word byte ends
// at e in s, as \b after it holds: e is the end of s or no word byte
// follows.
func WordEndsAt(s string, e int) bool { return e == len(s) || !isWordByte(s[e]) }

// SkipWord returns the end of the word characters (\w) at i in s.
func SkipWord(s string, i int) int {
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return i
}

// SkipSpace returns the end of the white space (\s) at i in s.
func SkipSpace(s string, i int) int {
	for i < len(s) && IsSpace(s[i]) {
		i++
	}
	return i
}

// HasPrefixFold reports whether s begins with lit, an ASCII phrase, case
// folded as (?i) folds it in text that FoldsToASCII does not hold.
func HasPrefixFold(s, lit string) bool {
	if len(s) < len(lit) {
		return false
	}
	// strings.EqualFold, spared its rune decoding while both are ASCII:
	// it runs thousands of times an article.
	for i := 0; i < len(lit); i++ {
		a, b := s[i], lit[i]
		if a|b >= utf8.RuneSelf {
			return strings.EqualFold(s[i:len(lit)], lit[i:])
		}
		if a != b && text.LowerASCIIByte(a) != text.LowerASCIIByte(b) {
			return false
		}
	}
	return true
}

// FindString is regexp.Regexp.FindString. It and the other methods that
// return text go through those that return offsets, which know the
// faster ways to search.
func (r *Regexp) FindString(s string) string {
	if loc := r.FindStringIndex(s); loc != nil {
		return s[loc[0]:loc[1]]
	}
	return ""
}

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int {
	if r.phrases != nil && r.phrases.usable(s) {
		if b, e := r.phrases.next(s, 0); b >= 0 {
			return []int{b, e}
		}
		return nil
	}
	if r.cold() {
		if !r.possible(s) {
			return nil
		}
		return r.Regexp.FindStringIndex(s)
	}
	if t, c := r.tail(s); c > 0 {
		return shifted(r.FindStringIndex(t), c)
	}
	window, ok, none := r.route(s)
	if none {
		return nil
	}
	if r.atStart {
		return r.findHeld(s, false)
	}
	if ok {
		return r.firstAtWords(s, window, false)
	}
	return r.Regexp.FindStringIndex(s)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if loc := r.FindStringSubmatchIndex(s); loc != nil {
		return substrings(s, loc)
	}
	return nil
}

// substrings returns the text of each pair of offsets of loc, "" where
// a group took no part in the match.
func substrings(s string, loc []int) []string {
	out := make([]string, len(loc)/2)
	for i := range out {
		if loc[2*i] >= 0 {
			out[i] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	return out
}

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if r.phrases != nil && r.phrases.usable(s) {
		return r.FindStringIndex(s) // no groups: the match alone
	}
	if r.cold() {
		if !r.possible(s) {
			return nil
		}
		return r.Regexp.FindStringSubmatchIndex(s)
	}
	if t, c := r.tail(s); c > 0 {
		return shifted(r.FindStringSubmatchIndex(t), c)
	}
	window, ok, none := r.route(s)
	if none {
		return nil
	}
	if r.atStart {
		return r.findHeld(s, true)
	}
	if ok {
		return r.firstAtWords(s, window, true)
	}
	return r.Regexp.FindStringSubmatchIndex(s)
}

// FindAllString is regexp.Regexp.FindAllString.
func (r *Regexp) FindAllString(s string, n int) []string {
	var out []string
	for _, loc := range r.FindAllStringIndex(s, n) {
		out = append(out, s[loc[0]:loc[1]])
	}
	return out
}

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if r.phrases != nil && r.phrases.usable(s) {
		return r.phrases.all(s, n)
	}
	if r.cold() {
		if !r.possible(s) {
			return nil
		}
		return r.Regexp.FindAllStringIndex(s, n)
	}
	if t, c := r.tail(s); c > 0 {
		out := r.FindAllStringIndex(t, n)
		for _, loc := range out {
			shift(loc, c)
		}
		return out
	}
	window, ok, none := r.route(s)
	if none {
		return nil
	}
	if ok {
		return r.allAtWords(s, n, window, false)
	}
	return r.Regexp.FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	var out [][]string
	for _, loc := range r.FindAllStringSubmatchIndex(s, n) {
		out = append(out, substrings(s, loc))
	}
	return out
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if r.phrases != nil && r.phrases.usable(s) {
		return r.phrases.all(s, n)
	}
	if r.cold() {
		if !r.possible(s) {
			return nil
		}
		return r.Regexp.FindAllStringSubmatchIndex(s, n)
	}
	if t, c := r.tail(s); c > 0 {
		out := r.FindAllStringSubmatchIndex(t, n)
		for _, loc := range out {
			shift(loc, c)
		}
		return out
	}
	window, ok, none := r.route(s)
	if none {
		return nil
	}
	if ok {
		return r.allAtWords(s, n, window, true)
	}
	return r.Regexp.FindAllStringSubmatchIndex(s, n)
}

// atWords reports whether r is best tried on s at its word starts only,
// and how many bytes from there a try must see: -1, the rest of s, for a
// short text; for a longer one, a window past the longest match r can
// make in s, so that each try costs time in proportion to the window
// rather than to the rest of the text.
func (r *Regexp) atWords(s string) (window int, ok bool) {
	t := r.tries()
	if t.first == nil || FoldsToASCII(s) {
		return 0, false
	}
	if len(s) <= shortText {
		return -1, true
	}
	if !t.windowed {
		return 0, false
	}
	n := r.maxLen
	if n < 0 && r.length != nil {
		n = r.length.eval(measure(s))
	}
	return n, n >= 0 && n <= maxWindow
}

// route decides how r searches s: at word starts, through a window
// (see atWords), or with the engine over the whole; none is true when
// the prefilter finds no needle, or s does not begin as a pattern tried
// only at its start must. A short text whose word starts the
// starts filter checks skips the prefilter, which would cost more: a
// search for each needle against a look-up at each word.
func (r *Regexp) route(s string) (window int, words, none bool) {
	if r.atStart {
		// Many of these patterns skip a few words after one the caller
		// found ("... were among the dead"): the engine reads them at
		// every text, where a search finds no needle in most. A match
		// lies within the pattern's longest.
		head := s
		if r.maxLen >= 0 && r.maxLen < len(s) {
			head = s[:r.maxLen]
		}
		return 0, false, !r.tries().starts.may(s, 0) || !r.possible(head)
	}
	if !r.planned() && !r.possible(s) {
		// The prefilter alone says no: spare working out the tries of
		// a pattern this text cannot match.
		return 0, false, true
	}
	window, words = r.atWords(s)
	if words && window < 0 && r.tries().starts != nil {
		return window, true, false
	}
	return window, words, !r.possible(s)
}

// reach returns where a try at s[p:] stops reading s.
func reach(s string, p, window int) int {
	if window < 0 {
		return len(s)
	}
	// Held to p, the pattern sees there what it sees in the whole text:
	// the byte before is not a word byte. Every way a match can go ends
	// before p+window+1, which \b may look at.
	return min(len(s), p+window+1)
}

// firstAtWords is Find for a pattern whose matches begin at word starts,
// trying the pattern held to the start of the text at each; sub asks
// for the groups too.
func (r *Regexp) firstAtWords(s string, window int, sub bool) []int {
	// The one match is kept on the stack: Find runs thousands of times
	// an article, and a slice to hold it would be garbage at once.
	var one [1][]int
	if out := r.appendAtWords(one[:0], s, 1, window, sub); len(out) > 0 {
		return out[0]
	}
	return nil
}

// allAtWords is FindAll for a pattern whose matches begin at word starts,
// trying the pattern held to the start of the text at each of them from
// the end of the last match on; sub asks for the groups too.
func (r *Regexp) allAtWords(s string, n, window int, sub bool) [][]int {
	return r.appendAtWords(nil, s, n, window, sub)
}

// appendAtWords is allAtWords appending to out.
func (r *Regexp) appendAtWords(out [][]int, s string, n, window int, sub bool) [][]int {
	t := r.tries()
	for p := 0; p < len(s) && (n < 0 || len(out) < n); p++ {
		if p > 0 && isWordByte(s[p-1]) {
			p = SkipWord(s, p) // inside a word: the next start is past its end
			continue
		}
		if !t.first[s[p]] || !t.starts.may(s, p) {
			continue
		}
		loc := r.findHeld(s[p:reach(s, p, window)], sub)
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
		return []string{text.LowerASCII(s)}, true
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
		return alternation(re.Sub, needles)
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
		if !found || betterNeedles(ns, best) {
			best, found = ns, true
		}
	}
	for _, sub := range subs {
		if sub.Op == syntax.OpEmptyMatch || sub.Op == syntax.OpWordBoundary || sub.Op == syntax.OpNoWordBoundary ||
			sub.Op == syntax.OpBeginText || sub.Op == syntax.OpBeginLine {
			continue // zero-width: runs join across them, their text is adjacent
		}
		// A run of exact parts ends at a part that is not one; if every
		// match of that part begins with one of some strings ("jan" of
		// "jan\.?"), the run's needles with those after them still lie
		// in every match.
		endRun := func() {
			if ps, ok := prefixNeedles(sub); inRun && ok && len(run)*len(ps) <= maxNeedles {
				var joined []string
				for _, a := range run {
					for _, b := range ps {
						joined = append(joined, a+b)
					}
				}
				consider(dedupe(joined))
			}
			inRun = false
		}
		ns, ok := needles(sub)
		if !ok {
			endRun()
			continue
		}
		consider(ns)
		// Only exact parts (a literal or an alternation of them) may be
		// joined: a needle of "x+" is not the whole of what x+ matched.
		if !exact(sub) {
			endRun()
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

// betterNeedles reports whether needle set a is likely to occur less
// often in text than b: a set with one of English's commonest words
// ("the" of "the same day") finds a window in every other line, so it
// loses to any without; then longer needles win, then fewer of them.
func betterNeedles(a, b []string) bool {
	if ca, cb := slices.ContainsFunc(a, isCommonWord), slices.ContainsFunc(b, isCommonWord); ca != cb {
		return cb
	}
	if sa, sb := shortest(a), shortest(b); sa != sb {
		return sa > sb
	}
	return len(a) < len(b)
}

// isCommonWord reports whether a needle is one of the words that make up
// a large share of any English news text.
func isCommonWord(n string) bool {
	switch n {
	case "the", "that", "this", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by",
		"from", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "it", "its", "he",
		"she", "they", "their", "his", "her", "which", "who", "said", "not", "but":
		return true
	}
	return false
}

// prefixNeedles returns strings, lowered as needles are, one of which
// every match of re begins with; ok is false when it knows none.
func prefixNeedles(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return needles(re)
	case syntax.OpCapture, syntax.OpPlus:
		return prefixNeedles(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return prefixNeedles(re.Sub[0])
		}
	case syntax.OpConcat:
		if len(re.Sub) > 0 {
			return prefixNeedles(re.Sub[0])
		}
	case syntax.OpAlternate:
		return alternation(re.Sub, prefixNeedles)
	}
	return nil, false
}

// alternation returns, for an alternation, the strings of gives each of
// its alternatives, together; ok is false when of knows none for one of
// them, or they are more than maxNeedles.
func alternation(alternatives []*syntax.Regexp, of func(*syntax.Regexp) ([]string, bool)) ([]string, bool) {
	var out []string
	for _, sub := range alternatives {
		ns, ok := of(sub)
		if !ok {
			return nil, false
		}
		out = append(out, ns...)
	}
	return dedupe(out), len(out) <= maxNeedles
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

// IsWordByte reports whether c is a word character as the regexp
// package's \b and \w mean it: an ASCII letter, digit or underscore.
func IsWordByte(c byte) bool { return isWordByte(c) }

// IsSpace reports whether c is white space as the regexp package's \s
// means it: space, tab, newline, carriage return, form feed. Text cut at
// such bytes keeps its \s and \S runs whole.
func IsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
