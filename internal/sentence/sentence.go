// Package sentence splits English news text into sentences and paragraphs,
// keeping byte offsets into the original text.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/lexicon"
)

// Sentence is one sentence of a text.
type Sentence struct {
	event.Span
	// Paragraph is the index of the paragraph the sentence belongs to.
	Paragraph int
}

// abbreviations end with a period that does not end a sentence. Keys are
// lower case, without the final period.
var abbreviations = func() map[string]bool {
	m := map[string]bool{
		"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
		"lt": true, "col": true, "maj": true, "capt": true, "cpt": true, "sgt": true,
		"cpl": true, "pvt": true, "adm": true, "gov": true, "sen": true, "rep": true,
		"st": true, "no": true, "nos": true, "vs": true, "jr": true, "sr": true,
		"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true,
		"fri": true, "sat": true, "sun": true, "inc": true, "ltd": true, "co": true,
		"corp": true, "approx": true, "est": true, "fig": true, "brig": true,
		"insp": true, "supt": true, "cmdr": true, "hon": true, "rev": true,
		"e.g": true, "i.e": true, "etc": false,
	}
	// A month's short form ("Sept. 7"), not its full name: "in May."
	// ends a sentence.
	for _, mo := range lexicon.MonthNames() {
		for _, s := range mo.Short {
			m[s] = true
		}
	}
	return m
}()

// Split returns the sentences of text in order. Paragraphs are separated by
// blank lines; a sentence never crosses a paragraph.
func Split(text string) []Sentence {
	var out []Sentence
	para := 0
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if n := splitParagraph(text, start, end, para, &out); n > 0 {
			para++
		}
		start = end
		for start < len(text) && text[start] == '\n' {
			start++
		}
	}
	return out
}

// splitParagraph appends the sentences of text[start:end] and returns how
// many it found.
func splitParagraph(text string, start, end, para int, out *[]Sentence) int {
	n := 0
	emit := func(s, e int) {
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if e > s {
			*out = append(*out, Sentence{Span: event.Span{Start: s, End: e}, Paragraph: para})
			n++
		}
	}
	s := start
	for i := start; i < end; {
		// Only a line break, a stop or a bracket closing a credit can
		// end a sentence, and no byte of a rune of several bytes is one:
		// step over the rest a byte at a time, undecoded, told by a
		// table.
		if !enders[text[i]] {
			i++
			continue
		}
		r, size := rune(text[i]), 1
		if r == ')' && photoCredit(text, s, i) && nextIsSentenceStart(text, i+1, end) && i+1 < end && isSpace(text[i+1]) {
			// "... a street in Aleppo (AP photo) BEIRUT Air strikes
			// ...": a caption's credit ends the caption.
			emit(s, i+1)
			s = i + 1
			i++
			continue
		}
		if r != '\n' && r != '.' && r != '!' && r != '?' {
			i++
			continue
		}
		if r == '\n' {
			// A single line break inside a paragraph ends a line of
			// chrome or a list item, and so a sentence.
			emit(s, i)
			s = i + size
			i += size
			continue
		}
		j := i + size
		// Closing quotes and brackets belong to the sentence they close.
		for j < end {
			q, qs := utf8.DecodeRuneInString(text[j:])
			if q == '"' || q == '\'' || q == '”' || q == '’' || q == ')' || q == ']' {
				j += qs
				continue
			}
			break
		}
		if j < end && !isSpace(text[j]) {
			i = j
			continue
		}
		if r == '.' && !endsSentence(text, start, i, j, end) {
			i = j
			continue
		}
		emit(s, j)
		s = j
		i = j
	}
	emit(s, end)
	return n
}

// enders marks the bytes splitParagraph stops at.
var enders = [256]bool{')': true, '\n': true, '.': true, '!': true, '?': true}

// photoCredit reports whether the bracket that closes at text[close]
// holds a photo's credit, "(AP photo)", "(Reuters Photo)", "(AFP/Getty
// Images)", which scrapes leave between a caption and the story.
func photoCredit(text string, start, close int) bool {
	open := strings.LastIndexByte(text[start:close], '(')
	if open < 0 || close-(start+open) > 48 {
		return false
	}
	inner := strings.ToLower(text[start+open+1 : close])
	for _, w := range strings.FieldsFunc(inner, func(r rune) bool { return r == ' ' || r == '/' || r == ':' }) {
		switch w {
		case "photo", "photos", "images", "picture", "pictures":
			return true
		}
	}
	return false
}

// endsSentence decides whether the period at text[dot] ends a sentence;
// next is the index after the period and any closing quotes.
func endsSentence(text string, start, dot, next, end int) bool {
	// The word before the period.
	w := dot
	for w > start {
		r, size := utf8.DecodeLastRuneInString(text[start:w])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' {
			break
		}
		w -= size
	}
	word := strings.ToLower(text[w:dot])
	if abbreviations[word] {
		return false
	}
	// Initials and dotted acronyms: "U.S.", "J."
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(text[w:dot])[0]) {
		return false
	}
	// Dotted acronyms ("U.S.", "a.m.") rarely end a sentence in news
	// copy and usually precede a name, so they end one only at the end
	// of a paragraph.
	if strings.Contains(word, ".") && len(word) <= 6 {
		return next >= end
	}
	return nextIsSentenceStart(text, next, end)
}

// nextIsSentenceStart reports whether the text after next starts a new
// sentence: an upper-case letter, a digit, or an opening quote.
func nextIsSentenceStart(text string, next, end int) bool {
	i := next
	for i < end && isSpace(text[i]) {
		i++
	}
	if i >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '\'' || r == '('
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// Paragraphs returns the spans of the paragraphs of text, from the first
// sentence of each to the end of its last.
func Paragraphs(text string) []event.Span {
	var out []event.Span
	last := -1
	for _, s := range Split(text) {
		if s.Paragraph == last {
			out[len(out)-1].End = s.End
			continue
		}
		out = append(out, s.Span)
		last = s.Paragraph
	}
	return out
}
