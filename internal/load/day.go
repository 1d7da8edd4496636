package load

import (
	"time"

	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/text"
)

// A dayMatch is a calendar date read at one place in a text.
type dayMatch struct {
	day        time.Time // zero when the date has no year
	month, dom int
	start, end int // byte span of the words read
	hasYear    bool
	weekday    bool // a weekday name opens it
}

// monthWords reads a month's full name or short form, in small letters;
// a dot after either is read apart.
var monthWords = lexicon.MonthWords()

var weekdayWords = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true,
	"wednesday": true, "wed": true, "thursday": true, "thu": true, "thur": true, "thurs": true,
	"friday": true, "fri": true, "saturday": true, "sat": true, "sunday": true, "sun": true,
}

// dayStarts holds the bytes a date parseDay reads may begin with: a
// digit, or the first letter of a weekday's or a month's name in either
// case. Most words of a text begin with none, and parseDay need not
// read them.
var dayStarts = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, words := range []map[string]bool{weekdayWords, monthSet()} {
		for w := range words {
			t[w[0]], t[w[0]-'a'+'A'] = true, true
		}
	}
	return t
}()

// monthSet is the set of monthWords' keys.
func monthSet() map[string]bool {
	set := map[string]bool{}
	for w := range monthWords {
		set[w] = true
	}
	return set
}

// scanner reads words, numbers and punctuation of a date from s.
type scanner struct {
	s string
	i int
	// low holds the last word read, in small letters.
	low [12]byte
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// spaces skips spaces and tabs; it reports how many bytes it skipped.
func (sc *scanner) spaces() int {
	j := sc.i
	for sc.i < len(sc.s) && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t' || sc.s[sc.i] == 0xa0) {
		sc.i++
	}
	return sc.i - j
}

// word reads a run of ASCII letters, lowered. The bytes are sc's, and
// hold until the next word: the words of a date are looked up, and a
// string lowered from a capitalised word would be garbage at once.
func (sc *scanner) word() []byte {
	j := sc.i
	for sc.i < len(sc.s) && isLetter(sc.s[sc.i]) && sc.i-j < len(sc.low) {
		sc.i++
	}
	if sc.i < len(sc.s) && isLetter(sc.s[sc.i]) {
		sc.i = j
		return nil
	}
	w := sc.low[:sc.i-j]
	for k := range w {
		w[k] = text.LowerASCIIByte(sc.s[j+k])
	}
	return w
}

// digits reads a run of at most 8 ASCII digits.
func (sc *scanner) digits() string {
	j := sc.i
	for sc.i < len(sc.s) && isDigit(sc.s[sc.i]) && sc.i-j < 8 {
		sc.i++
	}
	return sc.s[j:sc.i]
}

// punct skips one byte c if it is next.
func (sc *scanner) punct(c byte) bool {
	if sc.i < len(sc.s) && sc.s[sc.i] == c {
		sc.i++
		return true
	}
	return false
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// fullYear reads a year of four digits, or of two where short is true
// ("3 JAN 90"): 50-99 are the 1900s, the rest the 2000s.
func fullYear(s string, short bool) (int, bool) {
	switch {
	case len(s) == 4:
		y := atoi(s)
		return y, 1900 <= y && y <= 2099
	case len(s) == 2 && short:
		y := atoi(s)
		if y >= 50 {
			return 1900 + y, true
		}
		return 2000 + y, true
	}
	return 0, false
}

func validDay(y int, m time.Month, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Month() == m && t.Day() == d
}

// wordEnd reports whether the scanner stands at the end of a word: no
// letter or digit follows.
func (sc *scanner) wordEnd() bool {
	return sc.i >= len(sc.s) || !isLetter(sc.s[sc.i]) && !isDigit(sc.s[sc.i])
}

// parseDay reads a date that begins at byte i of s, in the forms date
// lines print: "15 July 2015", "Thursday 9 Jul 2015", "Sun Aug 17 2014",
// "Sept. 7, 2004", "3 JAN 90", "Jul 172015" (day and year run together),
// "21.08.2013", "15-07-2016", "2016-07-15", "10/14/2025", and a month and
// day with no year ("March 14"). A weekday may open it.
func parseDay(s string, i int) (dayMatch, bool) {
	if i >= len(s) || !dayStarts[s[i]] {
		return dayMatch{}, false
	}
	sc := &scanner{s: s, i: i}
	m := dayMatch{start: i}
	if w := sc.word(); len(w) > 0 {
		if weekdayWords[string(w)] {
			m.weekday = true
			sc.punct('.')
			sc.punct(',')
			if sc.spaces() == 0 {
				return dayMatch{}, false
			}
		} else {
			sc.i = i
		}
	}
	if d := sc.digits(); d != "" {
		return m.numeric(sc, d)
	}
	mon, ok := monthWords[string(sc.word())]
	if !ok {
		return dayMatch{}, false
	}
	// Month first: "Aug 17 2014", "Sept. 7, 2004", "Jul 172015".
	sc.punct('.')
	if sc.spaces() == 0 {
		return dayMatch{}, false
	}
	d := sc.digits()
	switch {
	case len(d) == 1 || len(d) == 2:
	case len(d) == 5 || len(d) == 6:
		// "Jul 172015": the day and the year with no space between.
		if y, ok := fullYear(d[len(d)-4:], false); ok && sc.wordEnd() {
			if t, ok := validDay(y, mon, atoi(d[:len(d)-4])); ok {
				m.day, m.month, m.dom, m.hasYear, m.end = t, int(mon), t.Day(), true, sc.i
				return m, true
			}
		}
		return dayMatch{}, false
	default:
		return dayMatch{}, false
	}
	m.month, m.dom = int(mon), atoi(d)
	sc.ordinal()
	if m.dom < 1 || m.dom > 31 || !sc.wordEnd() {
		return dayMatch{}, false
	}
	m.end = sc.i
	m.year(sc, mon, true)
	return m, true
}

// ordinal skips "st", "nd", "rd" or "th" after a day.
func (sc *scanner) ordinal() {
	if sc.i+2 <= len(sc.s) {
		switch sc.s[sc.i : sc.i+2] {
		case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
			sc.i += 2
		}
	}
}

// year reads the year after a month and day, when there is one; short
// allows a year of two digits.
func (m *dayMatch) year(sc *scanner, mon time.Month, short bool) {
	save := sc.i
	sc.punct('.')
	sc.punct(',')
	if sc.spaces() == 0 && sc.i == save {
		return
	}
	digits := sc.digits()
	y, ok := fullYear(digits, short)
	if ok && len(digits) == 2 {
		// A year of two digits only where nothing but punctuation follows
		// ("3 JAN 90 --"): "on 14 April 12 people died" has none.
		k := sc.i
		for k < len(sc.s) && sc.s[k] == ' ' {
			k++
		}
		ok = k >= len(sc.s) || !isLetter(sc.s[k]) && !isDigit(sc.s[k])
	}
	if !ok || sc.i < len(sc.s) && isDigit(sc.s[sc.i]) {
		sc.i = save
		return
	}
	t, ok := validDay(y, mon, m.dom)
	if !ok {
		sc.i = save
		return
	}
	m.day, m.hasYear, m.end = t, true, sc.i
}

// numeric reads the forms that start with a number: a day before a month
// name, or a date all in digits.
func (m dayMatch) numeric(sc *scanner, d string) (dayMatch, bool) {
	if len(d) <= 2 && sc.i < len(sc.s) && (sc.s[sc.i] == '.' || sc.s[sc.i] == '-' || sc.s[sc.i] == '/') ||
		len(d) == 4 && sc.i < len(sc.s) && sc.s[sc.i] == '-' {
		return m.allDigits(sc, d)
	}
	if len(d) > 2 {
		return dayMatch{}, false
	}
	// Day first: "15 July 2015", "3 JAN 90", "14th of May 2024".
	m.dom = atoi(d)
	sc.ordinal()
	if sc.spaces() == 0 {
		return dayMatch{}, false
	}
	save := sc.i
	if string(sc.word()) == "of" {
		sc.spaces()
	} else {
		sc.i = save
	}
	mon, ok := monthWords[string(sc.word())]
	if !ok || m.dom < 1 || m.dom > 31 {
		return dayMatch{}, false
	}
	sc.punct('.')
	m.month, m.end = int(mon), sc.i
	m.year(sc, mon, true)
	return m, true
}

// allDigits reads "21.08.2013", "15-07-2016", "2016-07-15", "10/14/2025".
func (m dayMatch) allDigits(sc *scanner, first string) (dayMatch, bool) {
	sep := sc.s[sc.i]
	sc.i++
	second := sc.digits()
	if second == "" || len(second) > 2 || !sc.punct(sep) {
		return dayMatch{}, false
	}
	third := sc.digits()
	var y, mo, d int
	switch {
	case len(first) == 4 && sep == '-' && len(third) <= 2 && third != "":
		y, mo, d = atoi(first), atoi(second), atoi(third)
	case len(third) == 4:
		y, mo, d = atoi(third), atoi(second), atoi(first)
		// Slashed dates are month first unless the first cannot be a
		// month; dotted and dashed ones day first.
		if sep == '/' && atoi(first) <= 12 {
			mo, d = atoi(first), atoi(second)
		}
	default:
		return dayMatch{}, false
	}
	if sc.i < len(sc.s) && isDigit(sc.s[sc.i]) {
		return dayMatch{}, false
	}
	if y < 1900 || y > 2099 {
		return dayMatch{}, false
	}
	t, ok := validDay(y, time.Month(mo), d)
	if !ok {
		return dayMatch{}, false
	}
	m.day, m.month, m.dom, m.hasYear, m.end = t, mo, d, true, sc.i
	return m, true
}
