package load

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/text"
)

// openingReach is how far into its first paragraph an article's own date
// line may lie: after a headline and an outlet tag ("Bomb rockets kill 19
// civilians in Aleppo Monitor AFP Thursday 9 Jul 2015 At least ..."), but
// not in the body, where a date is an event's or history's.
const openingReach = 320

// notDatelineBefore are words after which a date belongs to the sentence
// ("on July 10 2016", "since March 2011"), not to the article's date line.
var notDatelineBefore = map[string]bool{
	"on": true, "in": true, "since": true, "from": true, "until": true, "till": true, "through": true,
	"of": true, "to": true, "after": true, "before": true, "between": true, "and": true, "or": true,
	"than": true, "during": true, "the": true, "by": true, "as": true, "early": true,
	"late": true, "mid": true, "last": true, "next": true, "this": true, "that": true, "for": true,
}

// datelineLabels are the words that open a date line and may take "on"
// or "at" before the date.
var datelineLabels = map[string]bool{"posted": true, "published": true, "updated": true, "modified": true, "dated": true}

// runsOn reports whether the sentence goes on after a date in lower case
// ("to start January 1, 2005 after talks"): a date line's date is followed
// by a stop, a dash, a bracket, a capitalised word or a byline.
func runsOn(rest string) bool {
	rest = strings.TrimLeft(rest, " ,")
	if rest == "" || !isLetter(rest[0]) || rest[0] < 'a' {
		return false
	}
	return !strings.HasPrefix(rest, "by ") && !strings.HasPrefix(rest, "at ")
}

// opening is what the opening of an article says of itself.
type opening struct {
	// date is the article's own date, when its date line gives one with a
	// year.
	date time.Time
	// dateSpan is the span of that date in the paragraph.
	dateSpan event.Span
	// outlet is the agency or outlet a tag names ("AFP" before the date,
	// "(Reuters)" in a wire date line, "AP -" opening the lead).
	outlet string
	// outletSpan is where the tag stands in the paragraph.
	outletSpan event.Span
	// headline is the span of a headline that runs into the body before
	// the date line ("Bomb rockets kill 19 civilians ... AFP Thursday 9 Jul
	// 2015 At least ..."), or after it up to its first stop.
	headline event.Span
}

// tagNames spell the agencies' tags as their names.
var tagNames = map[string]string{
	"afp": "AFP", "ap": "AP", "reuters": "Reuters", "sana": "SANA", "upi": "UPI", "dpa": "dpa", "xinhua": "Xinhua",
	"anadolu": "Anadolu", "efe": "EFE", "ansa": "ANSA", "tass": "TASS", "irna": "IRNA", "cp": "Canadian Press",
}

// outletTag finds an agency's tag near the start of p and its span:
// "JERUSALEM (Reuters) -", "AP - The man ...".
func outletTag(p string) (string, event.Span) {
	head := p[:min(len(p), openingReach)]
	for i := 0; i < len(head); i++ {
		if head[i] != '(' {
			continue
		}
		if j := strings.IndexByte(head[i:], ')'); j > 1 && j < 20 {
			if name, ok := tagNames[strings.ToLower(head[i+1:i+j])]; ok {
				return name, event.Span{Start: i, End: i + j + 1}
			}
		}
	}
	// The first two words, read in place: a tag is the first, followed by
	// a dash.
	start := pastSpace(head, 0)
	end := pastWord(head, start)
	dash := pastSpace(head, end)
	if w := head[dash:pastWord(head, dash)]; end > start && (w == "-" || w == "--") {
		if name, ok := tagNames[strings.ToLower(head[start:end])]; ok {
			return name, event.Span{Start: start, End: end}
		}
	}
	return "", event.Span{}
}

// readOpening finds an article's own date line in the opening of its first
// paragraph p.
func readOpening(p string) opening {
	var o opening
	o.outlet, o.outletSpan = outletTag(p)
	reach := min(len(p), openingReach)
	prev, label := "", false
	for i := 0; i < reach; {
		// i is a word start.
		// A date that opens the paragraph, or follows a label or an
		// outlet's tag, is the date line's whatever follows it; elsewhere
		// the sentence must not run on past it in lower case.
		if m, ok := parseDay(p, i); ok && m.hasYear && (label || !notDatelineBefore[prev]) &&
			(i == 0 || label || outletTags[prev] || !runsOn(p[m.end:])) {
			o.date = m.day
			o.dateSpan = event.Span{Start: m.start, End: m.end}
			if name, ok := tagNames[prev]; ok && o.outlet == "" {
				o.outlet = name // "Monitor AFP Thursday 9 Jul 2015"
				k := strings.LastIndex(strings.ToLower(p[:i]), prev)
				o.outletSpan = event.Span{Start: k, End: k + len(prev)}
			}
			o.headline = headlineAround(p, m)
			return o
		}
		j := i
		for j < len(p) && p[j] != ' ' && p[j] != '\n' && p[j] != '\t' {
			j++
		}
		w := keyWord(p[i:j])
		// "Posted on August 3 2013", "Updated on ...": the label makes
		// the preposition a date line's.
		label = datelineLabels[prev] && (w == "on" || w == "at")
		prev = w
		for j < len(p) && (p[j] == ' ' || p[j] == '\n' || p[j] == '\t') {
			j++
		}
		if j == i {
			break
		}
		i = j
	}
	return o
}

// openingWords are the words readOpening looks up, each its own value.
var openingWords = func() map[string]string {
	words := map[string]string{"on": "on", "at": "at"}
	for _, set := range []map[string]bool{notDatelineBefore, datelineLabels, outletTags} {
		for w := range set {
			words[w] = w
		}
	}
	for w := range tagNames {
		words[w] = w
	}
	return words
}()

// keyWord returns a word of an opening as readOpening looks it up, in
// small letters and less the punctuation around it, when it is one of
// openingWords, and "" when not: none of them needs a lowered copy of
// every capitalised word, which would be garbage at once.
func keyWord(w string) string {
	w = trimPunct(w)
	var low [16]byte
	if len(w) > len(low) {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			// No word with letters beyond ASCII lowers to one of
			// openingWords: the Kelvin sign lowers to "k", which none
			// holds.
			return ""
		}
		low[i] = text.LowerASCIIByte(w[i])
	}
	return openingWords[string(low[:len(w)])]
}

// trimPunct is strings.Trim(w, ",;:()\"'").
func trimPunct(w string) string {
	isPunct := func(c byte) bool { return strings.IndexByte(",;:()\"'", c) >= 0 }
	for w != "" && isPunct(w[0]) {
		w = w[1:]
	}
	for w != "" && isPunct(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}

// outletTags are the agencies and outlets whose tag stands between a
// headline and its date line or body.
var outletTags = map[string]bool{
	"afp": true, "ap": true, "reuters": true, "sana": true, "upi": true, "dpa": true, "xinhua": true,
	"anadolu": true, "efe": true, "ansa": true, "tass": true, "irna": true,
}

// headlineAround finds the headline beside a date line: the words before
// the date when the date does not open the paragraph (less an outlet tag
// and a weekday), or the words after the date up to the first full stop
// when that is short and reads as a title.
func headlineAround(p string, m dayMatch) event.Span {
	if m.start > 0 {
		end := m.start
		head := strings.TrimRight(p[:end], " ,-—|")
		// Drop the outlet tag that stands before the date.
		if k := strings.LastIndexByte(head, ' '); k >= 0 && outletTags[strings.ToLower(head[k+1:])] {
			head = strings.TrimRight(head[:k], " ,-—|")
		}
		if n := countWords(head, 40); n >= 4 && n < 40 && !isLabel(head) && !wirePlace(head) {
			return event.Span{Start: 0, End: len(head)}
		}
		return event.Span{}
	}
	rest := m.end
	for rest < len(p) && p[rest] == ' ' {
		rest++
	}
	if len(p)-rest > 6 && strings.EqualFold(p[rest:rest+6], "title:") {
		rest += 6 // "Thu Feb 5 2015 title: ..."
		for rest < len(p) && p[rest] == ' ' {
			rest++
		}
	}
	stop := strings.Index(p[rest:], ". ")
	if stop < 0 {
		return event.Span{}
	}
	h := p[rest : rest+stop]
	if n := countWords(h, 30); n < 4 || n >= 25 || !titleLike(h) {
		return event.Span{}
	}
	return event.Span{Start: rest, End: rest + stop + 1}
}

// wirePlace reports whether s opens as a wire date line's place does, in
// capitals up to a comma ("GAZA CITY, Gaza Strip").
func wirePlace(s string) bool {
	comma := strings.IndexByte(s, ',')
	if comma < 2 {
		return false
	}
	for i := 0; i < comma; i++ {
		if c := s[i]; 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

// isLabel reports whether s is only a date line's label ("Published",
// "Last updated at", "Date of publication").
func isLabel(s string) bool {
	low := strings.ToLower(s)
	for _, w := range strings.Fields(low) {
		switch w {
		case "published", "publication", "date", "of", "last", "updated", "at", "posted", "on", "print", "this", "page", "video":
		default:
			return false
		}
	}
	return true
}

// titleLike reports whether s reads as a headline rather than a lead:
// most of its words capitalised, or short and without the words of a
// report ("said", "was", a weekday).
func titleLike(s string) bool {
	words := strings.Fields(s)
	caps, report := 0, false
	for _, w := range words {
		if c := w[0]; 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			caps++
		}
		switch strings.ToLower(strings.Trim(w, ",;:\"'")) {
		case "said", "says", "was", "were", "had", "has", "have", "been", "monday", "tuesday", "wednesday",
			"thursday", "friday", "saturday", "sunday", "yesterday", "today":
			report = true
		}
	}
	return caps*2 >= len(words) || !report && len(words) <= 15
}

// datelines finds the wire date lines that open the paragraphs of doc,
// and adds the article's own date line own when none of them holds it.
func datelines(doc string, own *event.Span) []event.Span {
	var out []event.Span
	for start, end := range text.Paragraphs(doc) {
		if e := wireEnd(doc[start:min(end, start+140)]); e >= 0 {
			out = append(out, event.Span{Start: start, End: start + e})
		}
	}
	if own != nil {
		for _, d := range out {
			if d.Overlaps(*own) {
				return out
			}
		}
		out = append(out, *own)
	}
	return out
}

// lead finds the span of the article's lead: its first paragraph, less a
// headline and a date line that open it, and the paragraph after when the
// first is the headline alone.
func lead(doc *event.Document) *event.Span {
	text := doc.Text
	start := 0
	for _, s := range []*event.Span{doc.Headline, doc.Dateline} {
		if s != nil && s.Start <= start+2 && s.End > start {
			start = s.End
		}
	}
	for _, d := range doc.Datelines {
		if d.Start <= start+2 && d.End > start {
			start = d.End
		}
	}
	for start < len(text) && (text[start] == '\n' || text[start] == ' ') {
		start++
	}
	if start >= len(text) {
		return nil
	}
	end := strings.Index(text[start:], "\n\n")
	if end < 0 {
		end = len(text)
	} else {
		end += start
	}
	return &event.Span{Start: start, End: end}
}
