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

const (
	qualRE  = `(?:(at least|no fewer than|not less than|a minimum of|more than|over|in excess of|upwards of|up to|as many as|nearly|almost|close to|about|around|approximately|roughly|some|an estimated|estimated|at most)\s+)?`
	wordRE  = `(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a thousand|one thousand|a couple of|a pair of)`
	digitRE = `(?:\d{1,3}(?:,\d{3})+|\d+)`
	vagueRE = `(?:tens of thousands|hundreds of thousands|tens|dozens|a dozen|scores|hundreds|thousands)`
)

// unitRE matches a unit of time or distance after a number: "two weeks",
// "140 km", which count no people.
var unitRE = pattern.MustCompile(`(?i)^[\s-]+(?:more\s+|other\s+)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|km|kilometres?|kilometers?|miles?|metres?|meters?|percent|per cent|%|times)\b`)

// unitReach bounds the text after a number in which unitRE looks: a
// unit follows a count closely ("two   weeks" still fits).
const unitReach = 64

// Finder finds quantities. It is safe for concurrent use.
type Finder struct {
	re *pattern.Regexp
}

// NewFinder compiles the patterns.
func NewFinder() *Finder {
	return &Finder{re: pattern.MustCompile(`(?i)\b` + qualRE + `(` + digitRE + `|` + wordRE + `|` + vagueRE + `)\b`)}
}

// Find returns the quantities in text, in order.
func (f *Finder) Find(text string) []Quantity {
	var out []Quantity
	for _, m := range f.matches(text) {
		numText := strings.ToLower(text[m[4]:m[5]])
		q := Quantity{Span: event.Span{Start: m[0], End: m[1]}, Text: text[m[0]:m[1]], Qualifier: "exact"}
		if m[2] >= 0 {
			q.Qualifier = qualifiers[strings.ToLower(strings.Join(strings.Fields(text[m[2]:m[3]]), " "))]
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
		if isYear(text, m[4], m[5], v) || unitRE.MatchString(text[m[1]:min(len(text), m[1]+unitReach)]) {
			continue
		}
		out = append(out, q)
	}
	return out
}

// numberWords are the words one of which, or a digit, is in every count
// the pattern matches.
var numberWords = func() map[string]bool {
	m := map[string]bool{"hundred": true, "thousand": true, "couple": true, "pair": true, "dozen": true}
	for w := range words {
		m[w] = true
	}
	for w := range vague {
		for _, p := range strings.Fields(w) {
			m[p] = true
		}
	}
	delete(m, "a")
	delete(m, "an")
	delete(m, "of")
	return m
}()

// runsBefore and runsAfter bound, in space-separated runs, how far a
// count reaches from the run holding its number word or digit: three
// words of qualifier and three of number ("no fewer than tens of
// thousands") with room to spare.
const runsBefore, runsAfter = 6, 4

// matches returns what f.re.FindAllStringSubmatchIndex(text, -1) would,
// running the pattern only on windows around runs of text that hold a
// digit or a number word. The pattern is large, so Go's engine walks it
// slowly over every byte; most of an article holds no count. A window
// starts and ends at whitespace, so word boundaries inside it read as in
// the whole text, and it holds every match that touches its number.
func (f *Finder) matches(text string) [][]int {
	// (?i) folds these two to "k" and "s"; leave such text to the engine.
	if strings.Contains(text, "\u212a") || strings.Contains(text, "\u017f") {
		return f.re.Regexp.FindAllStringSubmatchIndex(text, -1)
	}
	type run struct{ start, end int }
	runs := make([]run, 0, len(text)/6+1) // English words run about six bytes with their space
	for i := 0; i < len(text); {
		for i < len(text) && pattern.IsSpace(text[i]) {
			i++
		}
		j := i
		for j < len(text) && !pattern.IsSpace(text[j]) {
			j++
		}
		if j > i {
			runs = append(runs, run{i, j})
		}
		i = j
	}
	var out [][]int
	winEnd := -1 // last run index of the window being built
	winStart := 0
	flush := func() {
		if winEnd < 0 {
			return
		}
		start, end := runs[winStart].start, runs[winEnd].end
		for _, loc := range f.re.FindAllStringSubmatchIndex(text[start:end], -1) {
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += start
				}
			}
			out = append(out, loc)
		}
		winEnd = -1
	}
	for k, r := range runs {
		if !holdsNumber(text[r.start:r.end]) {
			continue
		}
		lo, hi := max(0, k-runsBefore), min(len(runs)-1, k+runsAfter)
		if winEnd >= 0 && lo <= winEnd+1 {
			winEnd = max(winEnd, hi)
			continue
		}
		flush()
		winStart, winEnd = lo, hi
	}
	flush()
	return out
}

// holdsNumber reports whether a run of text has a digit or a number word
// between its non-letters.
func holdsNumber(run string) bool {
	for i := 0; i < len(run); {
		c := run[i]
		if '0' <= c && c <= '9' {
			return true
		}
		if !isLetter(c) {
			i++
			continue
		}
		j := i
		for j < len(run) && isLetter(run[j]) {
			j++
		}
		if j-i >= 3 && j-i <= 9 && numberWords[strings.ToLower(run[i:j])] {
			return true
		}
		i = j
	}
	return false
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// value reads a number word, digits or a vague quantity.
func value(s string) (v int, isVague, ok bool) {
	s = strings.Join(strings.Fields(s), " ")
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
