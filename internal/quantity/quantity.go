// Package quantity finds counts of people in English news text ("23",
// "more than 200", "at least one", "dozens", "hundreds") and reads them as
// ACLED does: vague numbers become fixed values and qualified ones their
// stated bound.
package quantity

import (
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/pattern"
)

// Quantity is one count found in text.
type Quantity struct {
	event.Span
	Text string
	// Value is the count as ACLED reads it: "more than 200" is 200,
	// "dozens" is 12.
	Value int
	// Qualifier is "exact", "at least", "more than", "up to", "about",
	// "nearly", or the vague word itself ("dozens", "hundreds", "tens",
	// "scores").
	Qualifier string
}

// vague numbers and their ACLED values.
var vague = map[string]int{
	"tens": 10, "dozens": 12, "a dozen": 12, "scores": 20, "hundreds": 100,
	"thousands": 1000, "tens of thousands": 10000, "hundreds of thousands": 100000,
}

var words = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"a hundred": 100, "one hundred": 100, "a thousand": 1000, "one thousand": 1000,
	"a couple of": 2, "a pair of": 2, "both": 2, "single": 1, "lone": 1,
}

// qualifiers maps a leading phrase to its normal form.
var qualifiers = map[string]string{
	"at least": "at least", "no fewer than": "at least", "not less than": "at least",
	"a minimum of": "at least", "more than": "more than", "over": "more than",
	"in excess of": "more than", "upwards of": "more than", "up to": "up to",
	"as many as": "up to", "nearly": "nearly", "almost": "nearly",
	"close to": "nearly", "about": "about", "around": "about",
	"approximately": "about", "roughly": "about", "some": "about",
	"an estimated": "about", "estimated": "about", "at most": "up to",
}

// The pattern's alternatives, in its order: the engine takes the first
// that fits, so "one hundred" reads as "one".
var (
	qualifierPhrases = []string{"at least", "no fewer than", "not less than", "a minimum of", "more than", "over",
		"in excess of", "upwards of", "up to", "as many as", "nearly", "almost", "close to", "about", "around",
		"approximately", "roughly", "some", "an estimated", "estimated", "at most"}
	tensWords     = []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	unitWords     = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	numberPhrases = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "a hundred",
		"one hundred", "a thousand", "one thousand", "a couple of", "a pair of"}
	vaguePhrases = []string{"tens of thousands", "hundreds of thousands", "tens", "dozens", "a dozen", "scores",
		"hundreds", "thousands"}
)

// countPattern is the pattern a count matches; Finder.matches reads it
// faster.
var countPattern = `(?i)\b(?:(` + strings.Join(qualifierPhrases, "|") + `)\s+)?(` +
	`(?:\d{1,3}(?:,\d{3})+|\d+)|` +
	`(?:(?:` + strings.Join(tensWords, "|") + `)(?:[- ](?:` + strings.Join(unitWords, "|") + `))?|` + strings.Join(numberPhrases, "|") + `)|` +
	`(?:` + strings.Join(vaguePhrases, "|") + `))\b`

// unitNames are the units of time or distance that follow a number
// that counts no people ("two weeks", "140 km"), as unitRE writes them:
// "s?" ends a word whose plural is one too. unitLeads may come between.
var (
	unitNames = []string{"seconds?", "minutes?", "hours?", "days?", "nights?", "weeks?", "months?", "years?",
		"decades?", "centuries", "km", "kilometres?", "kilometers?", "miles?", "metres?", "meters?", "percent",
		"per cent", "%", "times"}
	unitLeads = []string{"more", "other"}
)

// unitRE matches a unit after a number; unitFollows reads it faster.
var unitRE = pattern.MustCompile(`(?i)^[\s-]+(?:` + strings.Join(unitLeads, `\s+|`) + `\s+)?(?:` +
	strings.Join(unitNames, "|") + `)\b`)

// units holds unitNames written out, singular and plural, by their
// first byte, a capital as its small letter.
var units = func() (t [256][]string) {
	for _, n := range unitNames {
		forms := []string{n}
		if w, ok := strings.CutSuffix(n, "s?"); ok {
			forms = []string{w, w + "s"}
		}
		for _, w := range forms {
			t[w[0]] = append(t[w[0]], w)
			if isLetter(w[0]) {
				t[w[0]&^0x20] = t[w[0]]
			}
		}
	}
	return t
}()

// unitFollows reports what unitRE.MatchString(s) does for s that holds
// neither the Kelvin sign nor the long s, which (?i) folds to "k" and
// "s": it runs after every number, where the engine tried its program
// at each.
func unitFollows(s string) bool {
	// Every unit and lead begins with neither white space nor a
	// hyphen, so [\s-]+ takes them all.
	i := 0
	for i < len(s) && (pattern.IsSpace(s[i]) || s[i] == '-') {
		i++
	}
	if i == 0 {
		return false
	}
	if unitAt(s, i) {
		return true
	}
	for _, w := range unitLeads {
		if e := i + len(w); pattern.HasPrefixFold(s[i:], w) {
			if j := pattern.SkipSpace(s, e); j > e && unitAt(s, j) {
				return true
			}
		}
	}
	return false
}

// unitAt reports whether one of units begins at i in s and ends at a
// word boundary, as \b after it holds in s.
func unitAt(s string, i int) bool {
	if i == len(s) {
		return false
	}
	for _, u := range units[s[i]] {
		if !pattern.HasPrefixFold(s[i:], u) {
			continue
		}
		e := i + len(u)
		if pattern.IsWordByte(u[len(u)-1]) != (e < len(s) && pattern.IsWordByte(s[e])) {
			return true
		}
	}
	return false
}

// unitReach bounds the text after a number in which unitRE looks: a
// unit follows a count closely ("two   weeks" still fits).
const unitReach = 64

// Finder finds quantities. It is safe for concurrent use.
type Finder struct {
	re *pattern.Regexp
}

// NewFinder compiles the patterns.
func NewFinder() *Finder {
	return &Finder{re: pattern.MustCompile(countPattern)}
}

// Find returns the quantities in text, in order.
func (f *Finder) Find(text string) []Quantity {
	var out []Quantity
	folds := pattern.FoldsToASCII(text)
	for _, m := range f.matches(text, folds) {
		numText := strings.ToLower(text[m[4]:m[5]])
		q := Quantity{Span: event.Span{Start: m[0], End: m[1]}, Text: text[m[0]:m[1]], Qualifier: "exact"}
		if m[2] >= 0 {
			q.Qualifier = qualifiers[strings.ToLower(text[m[2]:m[3]])]
		}
		v, vagueWord, ok := value(numText)
		if !ok {
			continue
		}
		q.Value = v
		if vagueWord {
			if q.Qualifier == "exact" {
				q.Qualifier = strings.TrimPrefix(numText, "a ")
			}
		}
		// Years, times and durations are not counts of people.
		if isYear(text, m[4], m[5], v) {
			continue
		}
		if after := text[m[1]:min(len(text), m[1]+unitReach)]; folds && unitRE.MatchString(after) || !folds && unitFollows(after) {
			continue
		}
		out = append(out, q)
	}
	return out
}

// matches returns what f.re.FindAllStringSubmatchIndex(text, -1) does:
// each count with its qualifier as group 1 and its number as group 2.
// It tries, in the engine's order, the pattern's alternatives that begin
// with a word start's first word, at the word starts whose first word
// begins any, where the engine would walk its large program over every
// byte.
func (f *Finder) matches(text string, folds bool) [][]int {
	// (?i) folds the Kelvin sign and the long s to "k" and "s", which
	// folds says text holds; leave such text to the engine.
	if folds {
		return f.re.Regexp.FindAllStringSubmatchIndex(text, -1)
	}
	var out [][]int
	// p is a word start or a byte of no word.
	for p := 0; p < len(text); {
		if !pattern.IsWordByte(text[p]) {
			p++ // spaces and stops begin no count
			continue
		}
		// The first two bytes rule out most words, looked up here
		// rather than in a call for every word.
		second := uint32(1<<26 | 1<<27) // no letter follows
		if p+1 < len(text) {
			second = secondBits[text[p+1]]
		}
		if firstBits[text[p]]&second != 0 {
			if l := leadAt(text[p:]); l != nil {
				if loc := countAt(text, p, l); loc != nil {
					out = append(out, loc)
					p = loc[1] // a match is never empty, and ends where its last word does
					continue
				}
			}
		}
		p = pattern.SkipWord(text, p) // the next start is past this word's end
	}
	return out
}

// lead holds the pattern's alternatives that begin with one word, in the
// pattern's order: at a word start, only those can match. Most words
// that begin one begin few ("a" begins "a dozen" but no "at least"),
// where trying every alternative cost a comparison each.
type lead struct {
	qualifiers []string // of qualifierPhrases
	tens       []string // of tensWords
	numbers    []string // of numberPhrases, then of vaguePhrases
}

// leads holds the lead of each word, up to a space or hyphen, that the
// pattern's alternatives begin with; leadLengths, by first and last
// letter, the lengths of those words as bits, a look-up that rules out
// most words before the map does ("the", "said" and "from" pass a
// look-up by the first letter alone).
var leads, leadLengths = func() (map[string]*lead, [26][26]uint16) {
	m := map[string]*lead{}
	var lengths [26][26]uint16
	for _, part := range []struct {
		list []string
		to   func(*lead) *[]string
	}{
		{qualifierPhrases, func(l *lead) *[]string { return &l.qualifiers }},
		{tensWords, func(l *lead) *[]string { return &l.tens }},
		{numberPhrases, func(l *lead) *[]string { return &l.numbers }},
		{vaguePhrases, func(l *lead) *[]string { return &l.numbers }},
	} {
		for _, p := range part.list {
			w := strings.FieldsFunc(p, func(r rune) bool { return r == ' ' || r == '-' })[0]
			l := m[w]
			if l == nil {
				l = &lead{}
				m[w] = l
			}
			list := part.to(l)
			*list = append(*list, p)
			lengths[w[0]-'a'][w[len(w)-1]-'a'] |= 1 << len(w)
		}
	}
	return m, lengths
}()

// leadStarts holds, by first letter, the second letters of the words
// leads holds, as bits, bit 26 for a word of one letter: read before
// the rest of a word, the two rule out most words ("of", "said", "to").
var leadStarts = func() (t [26]uint32) {
	for w := range leads {
		t[w[0]-'a'] |= 1 << secondLetter(w)
	}
	return t
}()

// secondLetter returns the bit of leadStarts for the byte after the
// first letter of s: 0 to 25 for a letter, 26 when no letter follows.
func secondLetter(s string) int {
	if len(s) < 2 || !isLetter(s[1]) {
		return 26
	}
	return int(s[1]|0x20) - 'a'
}

// digits leads a word that begins with a digit: it begins a number, and
// no alternative written out in letters.
var digits = &lead{}

// firstBits holds, by a word's first byte, the bits of leadStarts for
// its second, and bit 27 for a digit; secondBits, by the byte after,
// the bit of leadStarts it sets (26 where it is no letter) and bit 27.
// A word whose two tables share no bit begins no count.
var firstBits, secondBits = func() (first, second [256]uint32) {
	for c := range 256 {
		switch b := byte(c); {
		case isDigit(b):
			first[c] = 1 << 27
		case isLetter(b):
			first[c] = leadStarts[b|0x20-'a']
		}
		second[c] = 1<<secondLetter(string([]byte{'x', byte(c)})) | 1<<27
	}
	return first, second
}()

// leadAt returns the lead of the word that begins s, nil when no count
// begins with it.
func leadAt(s string) *lead {
	if isDigit(s[0]) {
		return digits
	}
	if !isLetter(s[0]) || leadStarts[s[0]|0x20-'a']&(1<<secondLetter(s)) == 0 {
		return nil
	}
	var lower [16]byte
	n := 0
	for n < len(s) && isLetter(s[n]) {
		if n == len(lower) {
			return nil
		}
		n++
	}
	// The word is lowered only once its letters and length pass.
	if n == 0 || leadLengths[s[0]|0x20-'a'][s[n-1]|0x20-'a']&(1<<n) == 0 {
		return nil
	}
	for i := range n {
		lower[i] = s[i] | 0x20
	}
	return leads[string(lower[:n])]
}

// countAt returns the match at p, a word start whose word leads l, with
// its groups; nil when none begins there. The qualifier is optional and
// greedy: with one first, in the pattern's order, then without.
func countAt(text string, p int, l *lead) []int {
	for _, q := range l.qualifiers {
		if !pattern.HasPrefixFold(text[p:], q) {
			continue
		}
		r := p + len(q)
		s := pattern.SkipSpace(text, r)
		if s == r || s == len(text) {
			continue
		}
		if ls := leadAt(text[s:]); ls != nil {
			if end := numberAt(text, s, ls); end >= 0 {
				return []int{p, end, p, r, s, end}
			}
		}
	}
	if end := numberAt(text, p, l); end >= 0 {
		return []int{p, end, -1, -1, p, end}
	}
	return nil
}

// numberAt returns the end of the number the pattern matches at p, a
// word boundary after it, or -1; l leads the word at p.
func numberAt(text string, p int, l *lead) int {
	// Every alternative ends in a word byte, so a boundary follows it
	// where a word ends (pattern.WordEndsAt).
	if l == digits {
		n := 0
		for p+n < len(text) && isDigit(text[p+n]) {
			n++
		}
		// \d{1,3}(?:,\d{3})+: the most leading digits first, and for
		// each the most groups.
		for k := min(3, n); k >= 1; k-- {
			q := p + k
			groups := 0
			for q+4*groups+4 <= len(text) && text[q+4*groups] == ',' && isDigit(text[q+4*groups+1]) &&
				isDigit(text[q+4*groups+2]) && isDigit(text[q+4*groups+3]) {
				groups++
			}
			for ; groups > 0; groups-- {
				if e := q + 4*groups; pattern.WordEndsAt(text, e) {
					return e
				}
			}
		}
		// \d+: no shorter run ends at a boundary.
		if pattern.WordEndsAt(text, p+n) {
			return p + n
		}
		return -1
	}
	for _, t := range l.tens {
		if !pattern.HasPrefixFold(text[p:], t) {
			continue
		}
		e := p + len(t)
		if e < len(text) && (text[e] == '-' || text[e] == ' ') {
			for _, u := range unitWords {
				if pattern.HasPrefixFold(text[e+1:], u) && pattern.WordEndsAt(text, e+1+len(u)) {
					return e + 1 + len(u)
				}
			}
		}
		if pattern.WordEndsAt(text, e) {
			return e
		}
	}
	for _, w := range l.numbers {
		if pattern.HasPrefixFold(text[p:], w) && pattern.WordEndsAt(text, p+len(w)) {
			return p + len(w)
		}
	}
	return -1
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// value reads a number word, digits or a vague quantity, in lower case
// and with single spaces, as the pattern's alternatives write them.
func value(s string) (v int, isVague, ok bool) {
	if n, ok := vague[s]; ok {
		return n, true, true
	}
	if n, ok := words[s]; ok {
		return n, false, true
	}
	if n, err := strconv.Atoi(strings.ReplaceAll(s, ",", "")); err == nil {
		return n, false, true
	}
	// "twenty-three", "forty one"
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == ' ' })
	if len(parts) == 2 {
		tens, ok1 := words[parts[0]]
		ones, ok2 := words[parts[1]]
		if ok1 && ok2 && tens >= 20 && ones < 10 {
			return tens + ones, false, true
		}
	}
	return 0, false, false
}

// isYear reports whether the digits at text[start:end] read as a year or a
// time of day rather than a count.
func isYear(text string, start, end, v int) bool {
	if end-start == 4 && v >= 1900 && v <= 2100 {
		return true
	}
	if end < len(text) && (text[end] == ':' || text[end] == '%') {
		return true
	}
	// "32-year-old", "five-storey": a compound adjective, not a count.
	if end+1 < len(text) && text[end] == '-' && (text[end+1] >= 'a' && text[end+1] <= 'z') {
		return true
	}
	if start > 0 && (text[start-1] == ':' || text[start-1] == '$') {
		return true
	}
	return false
}

// Parse reads one quantity expression such as "more than 200" or
// "dozens"; ok is false when s is not one.
func (f *Finder) Parse(s string) (Quantity, bool) {
	qs := f.Find(s)
	if len(qs) != 1 || qs[0].Start != 0 || qs[0].End != len(strings.TrimRight(s, " ")) {
		return Quantity{}, false
	}
	return qs[0], true
}
