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
	for _, m := range f.re.FindAllStringSubmatchIndex(text, -1) {
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
		if isYear(text, m[4], m[5], v) || unitRE.MatchString(text[m[1]:]) {
			continue
		}
		out = append(out, q)
	}
	return out
}

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
