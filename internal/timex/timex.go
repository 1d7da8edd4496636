// Package timex finds time expressions in English news text and resolves
// them to ranges of days, against the publication date ("on Tuesday",
// "last week", "October 4") or against the event told before them ("two
// days earlier", "the following day").
package timex

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/text"
)

// Range is an inclusive range of days, each a time.Time at 00:00 UTC.
type Range struct {
	Start, End time.Time
}

// Day returns the range of the single day d.
func Day(d time.Time) Range {
	d = Truncate(d)
	return Range{Start: d, End: d}
}

// Truncate returns the start of d's day in UTC.
func Truncate(d time.Time) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// IsZero reports whether r is unset.
func (r Range) IsZero() bool { return r.Start.IsZero() }

// Days returns how many days r covers.
func (r Range) Days() int { return int(r.End.Sub(r.Start).Hours()/24) + 1 }

// Mid returns the middle day of r, the later one when there are two.
func (r Range) Mid() time.Time { return r.Start.AddDate(0, 0, r.Days()/2) }

// Precision returns ACLED's time_precision for r: 1 for a day, 2 for up to
// a week, 3 for longer.
func (r Range) Precision() int {
	switch d := r.Days(); {
	case d <= 1:
		return 1
	case d <= 7:
		return 2
	default:
		return 3
	}
}

// Shift moves r by n days.
func (r Range) Shift(n int) Range {
	return Range{Start: r.Start.AddDate(0, 0, n), End: r.End.AddDate(0, 0, n)}
}

// Overlaps reports whether r and o share a day.
func (r Range) Overlaps(o Range) bool { return !r.Start.After(o.End) && !o.Start.After(r.End) }

// Intersect returns the days r and o share, or r when they share none.
func (r Range) Intersect(o Range) Range {
	if !r.Overlaps(o) {
		return r
	}
	out := r
	if o.Start.After(out.Start) {
		out.Start = o.Start
	}
	if o.End.Before(out.End) {
		out.End = o.End
	}
	return out
}

// Union returns the smallest range that covers r and o.
func (r Range) Union(o Range) Range {
	if r.IsZero() {
		return o
	}
	if o.IsZero() {
		return r
	}
	out := r
	if o.Start.Before(out.Start) {
		out.Start = o.Start
	}
	if o.End.After(out.End) {
		out.End = o.End
	}
	return out
}

// Anchor says what an expression is relative to.
type Anchor int

const (
	// Publication expressions resolve against the publication date.
	Publication Anchor = iota
	// Previous expressions resolve against the event told before them.
	Previous
)

type kind int

const (
	kDate       kind = iota // y/m/d; y may be 0
	kMonth                  // m, y may be 0
	kWeekday                // wd
	kToday                  //
	kYesterday              //
	kOvernight              //
	kAgo                    // n units before publication
	kShift                  // n days relative to the previous event
	kLastWeek               //
	kThisWeek               //
	kWeekend                //
	kLastMonth              //
	kThisMonth              //
	kRecentDays             // n days up to publication
	kSince                  // from an inner expression to publication
)

// Expr is one time expression found in text.
type Expr struct {
	event.Span
	Text   string
	Anchor Anchor

	kind    kind
	year    int
	month   time.Month
	day     int
	weekday time.Weekday
	n       int    // count, days for shifts
	unit    string // "day", "week", "month" for kAgo
	inner   *Expr  // for kSince
}

// Absolute reports whether e names a calendar date ("April 4", "2025-10-14").
func (e Expr) Absolute() bool { return e.kind == kDate }

// FullDate reports whether e names a day or a month with its year
// ("April 4, 2016", "March 2011"): it needs no publication date.
func (e Expr) FullDate() bool { return (e.kind == kDate || e.kind == kMonth) && e.year != 0 }

// Resolve returns the days e denotes, given the publication day and the
// range of the event told before (zero when there is none).
func (e Expr) Resolve(pub time.Time, prev Range) Range {
	pub = Truncate(pub)
	switch e.kind {
	case kDate:
		y := e.year
		if y == 0 {
			y = inferYear(pub, e.month, e.day)
		}
		d := time.Date(y, e.month, e.day, 0, 0, 0, 0, time.UTC)
		if d.Month() != e.month { // 31 February and the like
			return Range{}
		}
		return Day(d)
	case kMonth:
		y := e.year
		if y == 0 {
			y = pub.Year()
			if e.month > pub.Month() {
				y--
			}
		}
		start := time.Date(y, e.month, 1, 0, 0, 0, 0, time.UTC)
		end := start.AddDate(0, 1, -1)
		if end.After(pub) && !start.After(pub) {
			end = pub
		}
		return Range{Start: start, End: end}
	case kWeekday:
		back := (int(pub.Weekday()) - int(e.weekday) + 7) % 7
		return Day(pub.AddDate(0, 0, -back))
	case kToday:
		return Day(pub)
	case kYesterday:
		return Day(pub.AddDate(0, 0, -1))
	case kOvernight:
		return Range{Start: pub.AddDate(0, 0, -1), End: pub}
	case kAgo:
		switch e.unit {
		case "week":
			mid := pub.AddDate(0, 0, -7*e.n)
			return Range{Start: mid.AddDate(0, 0, -3), End: mid.AddDate(0, 0, 3)}.clip(pub)
		case "month":
			mid := pub.AddDate(0, -e.n, 0)
			return Range{Start: mid.AddDate(0, 0, -15), End: mid.AddDate(0, 0, 15)}.clip(pub)
		default:
			return Day(pub.AddDate(0, 0, -e.n))
		}
	case kShift:
		if prev.IsZero() {
			prev = Range{Start: pub.AddDate(0, 0, -3), End: pub}
		}
		return prev.Shift(e.n).clip(pub)
	case kLastWeek:
		return Range{Start: pub.AddDate(0, 0, -7), End: pub.AddDate(0, 0, -1)}
	case kThisWeek:
		back := (int(pub.Weekday()) + 6) % 7 // days since Monday
		return Range{Start: pub.AddDate(0, 0, -back), End: pub}
	case kWeekend:
		// The most recent Saturday and Sunday up to the publication day.
		back := (int(pub.Weekday()) - int(time.Sunday) + 7) % 7
		sun := pub.AddDate(0, 0, -back)
		return Range{Start: sun.AddDate(0, 0, -1), End: sun}.clip(pub)
	case kLastMonth:
		first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
		return Range{Start: first.AddDate(0, -1, 0), End: first.AddDate(0, 0, -1)}
	case kThisMonth:
		first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
		return Range{Start: first, End: pub}
	case kRecentDays:
		return Range{Start: pub.AddDate(0, 0, -e.n), End: pub}
	case kSince:
		r := e.inner.Resolve(pub, prev)
		if r.IsZero() || r.Start.After(pub) {
			return r
		}
		return Range{Start: r.Start, End: pub}
	}
	return Range{}
}

// clip ends r at pub at the latest: news reports what has happened.
func (r Range) clip(pub time.Time) Range {
	if r.End.After(pub) {
		r.End = pub
	}
	if r.Start.After(r.End) {
		r.Start = r.End
	}
	return r
}

// inferYear picks the year for a month and day given without one: the
// latest that does not put the day more than a day after publication.
func inferYear(pub time.Time, m time.Month, d int) int {
	y := pub.Year()
	if time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(pub.AddDate(0, 0, 1)) {
		y--
	}
	return y
}

// months reads a month's full name or short form, in small letters and
// without its dot.
var months = lexicon.MonthWords()

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

var smallNumbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "couple of": 2, "few": 3,
}

// monthRE matches a month's full name, or a short form with its dot or
// without ("Sept. 7"), as lexicon's table of months writes them.
var monthRE = func() string {
	var names, short []string
	for _, m := range lexicon.MonthNames() {
		names = append(names, m.Name)
		if p := m.ShortPattern(); p != "" {
			short = append(short, p+`\.?`)
		}
	}
	return `(` + strings.Join(append(names, short...), "|") + `)`
}()

const (
	numRE = `(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few)`
	wdRE  = `(sunday|monday|tuesday|wednesday|thursday|friday|saturday)`
)

// form is one kind of time expression.
type form struct {
	re *pattern.Regexp
	// build makes the expression from the submatches; ok false drops it.
	build func(m []string) (Expr, bool)
}

// Finder finds time expressions. It is safe for concurrent use.
type Finder struct {
	patterns []form
	set      *pattern.Set // the forms' patterns, in order
}

// NewFinder compiles the expression patterns.
func NewFinder() *Finder {
	mk := func(re string, build func(m []string) (Expr, bool)) form {
		return form{re: pattern.MustCompile(`(?i)\b(?:` + re + `)\b`), build: build}
	}
	fixed := func(k kind, a Anchor) func([]string) (Expr, bool) {
		return func([]string) (Expr, bool) { return Expr{kind: k, Anchor: a}, true }
	}
	shift := func(n int) func([]string) (Expr, bool) {
		return func([]string) (Expr, bool) { return Expr{kind: kShift, n: n, Anchor: Previous}, true }
	}
	date := func(yi, mi, di int) func(m []string) (Expr, bool) {
		return func(m []string) (Expr, bool) {
			e := Expr{kind: kDate}
			e.month = months[strings.TrimSuffix(strings.ToLower(m[mi]), ".")]
			e.day, _ = strconv.Atoi(m[di])
			if yi > 0 && m[yi] != "" {
				e.year, _ = strconv.Atoi(m[yi])
			}
			return e, e.month != 0 && e.day >= 1 && e.day <= 31
		}
	}
	p := []form{
		mk(`(\d{4})-(\d{2})-(\d{2})`, func(m []string) (Expr, bool) {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			return Expr{kind: kDate, year: y, month: time.Month(mo), day: d}, mo >= 1 && mo <= 12 && d >= 1 && d <= 31
		}),
		mk(monthRE+`\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?`, date(3, 1, 2)),
		mk(`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?`+monthRE+`(?:,?\s+(\d{4}))?`, date(3, 2, 1)),
		mk(`(?:in|since|during|early|late|mid-?|until|throughout|by)\s+(?:early\s+|late\s+|mid-?)?`+monthRE+`(?:\s+(\d{4}))?`, func(m []string) (Expr, bool) {
			e := Expr{kind: kMonth, month: months[strings.TrimSuffix(strings.ToLower(m[1]), ".")]}
			if m[2] != "" {
				e.year, _ = strconv.Atoi(m[2])
			}
			return e, e.month != 0
		}),
		mk(`since\s+(?:last\s+)?`+wdRE, func(m []string) (Expr, bool) {
			inner := Expr{kind: kWeekday, weekday: weekdays[strings.ToLower(m[1])]}
			return Expr{kind: kSince, inner: &inner}, true
		}),
		mk(`(?:(?:late|early)\s+(?:on\s+)?|on\s+|last\s+|this\s+past\s+)?`+wdRE+`(?:\s+(?:night|morning|evening|afternoon))?`, func(m []string) (Expr, bool) {
			return Expr{kind: kWeekday, weekday: weekdays[strings.ToLower(m[1])]}, true
		}),
		mk(`(?:earlier\s+|later\s+)?today|this\s+(?:morning|afternoon|evening)|tonight`, fixed(kToday, Publication)),
		mk(`yesterday|last\s+night`, fixed(kYesterday, Publication)),
		mk(`overnight|during\s+the\s+night|through\s+the\s+night`, fixed(kOvernight, Publication)),
		mk(numRE+`\s+(day|week|month)s?\s+ago`, func(m []string) (Expr, bool) {
			n, ok := number(m[1])
			return Expr{kind: kAgo, n: n, unit: strings.ToLower(m[2])}, ok
		}),
		mk(numRE+`\s+(day|week)s?\s+(earlier|before|prior|later|after)`, func(m []string) (Expr, bool) {
			n, ok := number(m[1])
			if strings.ToLower(m[2]) == "week" {
				n *= 7
			}
			switch strings.ToLower(m[3]) {
			case "earlier", "before", "prior":
				n = -n
			}
			return Expr{kind: kShift, n: n, Anchor: Previous}, ok
		}),
		mk(`the\s+(?:following|next)\s+(?:day|morning|night|evening)|a\s+day\s+later|the\s+day\s+after`, shift(1)),
		mk(`the\s+(?:previous|preceding)\s+(?:day|night|evening)|the\s+day\s+before|a\s+day\s+earlier`, shift(-1)),
		mk(`(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|evening|morning)|the\s+same\s+day|that\s+(?:day|night)|hours\s+(?:later|earlier|after(?:wards)?)|shortly\s+(?:after(?:wards)?|before)|minutes\s+later`, shift(0)),
		mk(`last\s+week|the\s+past\s+week|the\s+previous\s+week`, fixed(kLastWeek, Publication)),
		mk(`(?:earlier\s+)?this\s+week`, fixed(kThisWeek, Publication)),
		mk(`(?:over\s+|at\s+|during\s+)?(?:the|this|last)\s+weekend`, fixed(kWeekend, Publication)),
		mk(`last\s+month|the\s+previous\s+month`, fixed(kLastMonth, Publication)),
		mk(`(?:earlier\s+)?this\s+month`, fixed(kThisMonth, Publication)),
		mk(`(?:in|over|during)\s+(?:the\s+)?(?:past|last)\s+`+numRE+`\s+days`, func(m []string) (Expr, bool) {
			n, ok := number(m[1])
			return Expr{kind: kRecentDays, n: n}, ok
		}),
		mk(`(?:in|over|during)\s+(?:the\s+)?(?:recent|past\s+few|last\s+few)\s+days|in\s+recent\s+days`, func([]string) (Expr, bool) {
			return Expr{kind: kRecentDays, n: 3}, true
		}),
	}
	res := make([]*pattern.Regexp, len(p))
	for i, f := range p {
		res[i] = f.re
	}
	return &Finder{patterns: p, set: pattern.NewSet(res...)}
}

func number(s string) (int, bool) {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if n, ok := smallNumbers[s]; ok {
		return n, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0 && n < 400
}

// appendExprs appends to all the expressions pattern k's matches locs
// make, reusing m for the submatches.
func (f *Finder) appendExprs(all []Expr, m []string, text string, k int, locs [][]int) []Expr {
	for _, loc := range locs {
		m = m[:0]
		for i := 0; i < len(loc); i += 2 {
			s := ""
			if loc[i] >= 0 {
				s = text[loc[i]:loc[i+1]]
			}
			m = append(m, s)
		}
		e, ok := f.patterns[k].build(m)
		if !ok {
			continue
		}
		e.Span = event.Span{Start: loc[0], End: loc[1]}
		e.Text = m[0]
		all = append(all, e)
	}
	return all
}

// Find returns the time expressions in text, in order, not overlapping;
// where two overlap the longer wins.
func (f *Finder) Find(text string) []Expr {
	sc := f.set.Scan(text)
	var all []Expr
	m := make([]string, 0, 8) // more than any pattern's groups
	for k := range f.patterns {
		all = f.appendExprs(all, m, text, k, f.matches(sc, text, k))
	}
	// Stable: of two expressions at the same place and of the same
	// length, the earlier pattern's wins.
	slices.SortStableFunc(all, func(a, b Expr) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.Len(), a.Len())
	})
	out := all[:0]
	for _, e := range all {
		if n := len(out); n > 0 && e.Start < out[n-1].End {
			if e.Len() > out[n-1].Len() {
				out[n-1] = e
			}
			continue
		}
		if namesPlace(text[e.End:]) {
			// "April 7th Street", "the 6th of October Bridge": a date
			// that names a street or a square is no time.
			continue
		}
		out = append(out, e)
	}
	return out
}

// matches returns the matches of pattern k in the text sc scans, found
// paragraph by paragraph: no expression spans a blank line. Where no
// match in the whole text spans one, those are the matches, and the text
// is searched once rather than once a paragraph.
func (f *Finder) matches(sc *pattern.Scan, doc string, k int) [][]int {
	locs := sc.FindAll(k, 0, len(doc), true)
	if !spansBlankLine(doc, locs) {
		return locs
	}
	locs = locs[:0]
	for start, end := range text.Paragraphs(doc) {
		locs = append(locs, sc.FindAll(k, start, end, true)...)
	}
	return locs
}

// spansBlankLine reports whether one of the matches locs spans a blank
// line of text.
func spansBlankLine(text string, locs [][]int) bool {
	for _, loc := range locs {
		if strings.Contains(text[loc[0]:loc[1]], "\n\n") {
			return true
		}
	}
	return false
}

// namedAfterDate are the words that make the date before them part of a
// place's name.
var namedAfterDate = []string{"Street", "St.", "Road", "Avenue", "Square", "Bridge", "Boulevard", "Stadium", "Hospital", "School", "Highway", "Corniche"}

// namesPlace reports whether after opens with one of namedAfterDate.
func namesPlace(after string) bool {
	after = strings.TrimLeft(after, " ")
	for _, w := range namedAfterDate {
		if strings.HasPrefix(after, w) && (len(after) == len(w) || !unicode.IsLetter(rune(after[len(w)]))) {
			return true
		}
	}
	return false
}
