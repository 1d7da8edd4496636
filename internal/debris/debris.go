// Package debris repairs the debris that real feeds and scrapes leave in
// article text, for reading only: HTML entities left as text (" #39;s",
// "#8212;", "&amp;"), stray backslashes, possessives that lost their
// apostrophe ("Syrias"), and wire text all in capitals. The repaired text
// is a View whose offsets map back to the original's, so that evidence
// spans found in the view point at the original bytes.
package debris

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"html"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/bytewise"
)

//go:embed common.txt.gz
var commonGz []byte

// Words is a set of common lower-case English words: the words an
// all-capitals text writes in lower case once its case is given back.
type Words map[string]struct{}

// CommonWords reads the embedded word list (SCOWL via Debian's
// wamerican; scripts/commonwords/build.sh).
func CommonWords() (Words, error) {
	zr, err := gzip.NewReader(bytes.NewReader(commonGz))
	if err != nil {
		return nil, fmt.Errorf("common words: %w", err)
	}
	w := Words{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		w[sc.Text()] = struct{}{}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("common words: %w", err)
	}
	return w, nil
}

// An edit replaced orig[OrigStart:OrigEnd] by view[ViewStart:ViewEnd].
type edit struct {
	origStart, origEnd, viewStart, viewEnd int
}

// View is a repaired text and the edits that made it.
type View struct {
	Text  string
	edits []edit // in text order
}

// Changed reports whether the view differs from the original in length
// anywhere.
func (v *View) Changed() bool { return len(v.edits) > 0 }

// Orig maps a view offset to the original text. An offset inside a
// repaired stretch maps to the stretch's start, or its end when end is
// true (for the end of a span).
func (v *View) Orig(i int, end bool) int {
	return v.move(i, end, func(e edit) (span, span) {
		return span{e.viewStart, e.viewEnd}, span{e.origStart, e.origEnd}
	})
}

// ToView maps an original offset into the view.
func (v *View) ToView(i int, end bool) int {
	return v.move(i, end, func(e edit) (span, span) {
		return span{e.origStart, e.origEnd}, span{e.viewStart, e.viewEnd}
	})
}

type span struct{ start, end int }

// move maps offset i from one side of the edits to the other; sides gives
// an edit's stretch on the side i is on and on the other.
func (v *View) move(i int, end bool, sides func(edit) (from, to span)) int {
	k := sort.Search(len(v.edits), func(k int) bool {
		from, _ := sides(v.edits[k])
		return from.start > i
	}) - 1
	if k < 0 {
		return i
	}
	from, to := sides(v.edits[k])
	switch {
	case i >= from.end && !(end && i == from.start):
		return i - from.end + to.end
	case end && i > from.start:
		return to.end
	default:
		return to.start
	}
}

// Options say what the repair may consult.
type Options struct {
	// Possessive reports whether name (a word with its final "s" cut
	// off) is a name that takes a possessive: "Syrias" is "Syria's" when
	// Possessive("Syria") holds.
	Possessive func(name string) bool
	// Common is the set of common words that an all-capitals text writes
	// in lower case; nil leaves such text as it is.
	Common Words
	// Proper reports whether a word of an all-capitals text is a name
	// even though it is a common word too ("CHAD", "TURKEY").
	Proper func(word string) bool
}

// Repair returns the view of text with its debris repaired.
func Repair(text string, opts Options) *View { return RepairCase(text, oneCase(text), opts) }

// RepairCase is Repair for a caller that has asked OneCase of text
// already: caps is its answer, and the text's cases are not counted
// twice.
func RepairCase(text string, caps bool, opts Options) *View {
	v := &View{}
	var b bytes.Buffer
	last := 0 // end of the original text copied so far
	replace := func(start, end int, with string) {
		b.WriteString(text[last:start])
		vs := b.Len()
		b.WriteString(with)
		if end-start != len(with) || text[start:end] != with {
			v.edits = append(v.edits, edit{origStart: start, origEnd: end, viewStart: vs, viewEnd: b.Len()})
		}
		last = end
	}
	for i := 0; i < len(text); {
		// Most bytes are none that the cases below act on.
		if i = skip(text, i, caps, opts.Possessive != nil); i == len(text) {
			break
		}
		c := text[i]
		switch {
		case c == '&' || c == '#':
			if start, end, with, ok := entity(text, i); ok {
				replace(start, end, with)
				i = end
				continue
			}
		case c == '\\':
			// "Sen.\John Kerry": a backslash left by an escaper.
			replace(i, i+1, " ")
			i++
			continue
		case caps && isLetter(c) || opts.Possessive != nil && isUpper(c):
			j := i
			for j < len(text) && (isLetter(text[j]) || text[j] == '\'') {
				j++
			}
			if i > 0 && isLetter(text[i-1]) {
				i = j
				continue
			}
			w := text[i:j]
			if caps && opts.Common != nil {
				if fixed := recase(text, i, w, opts); fixed != w {
					replace(i, j, fixed)
					w = fixed
				}
			}
			if opts.Possessive != nil && len(w) >= 4 && w[len(w)-1] == 's' && w[len(w)-2] != '\'' &&
				opts.Possessive(w[:len(w)-1]) && !opts.Possessive(w) {
				if last < j { // not yet replaced
					replace(i, j, w[:len(w)-1]+"'s")
				} else { // recased: append the apostrophe to the edit
					b.Truncate(b.Len() - 1)
					b.WriteString("'s")
					v.edits[len(v.edits)-1].viewEnd = b.Len()
				}
			}
			i = j
			continue
		}
		i++
	}
	if last == 0 && len(v.edits) == 0 {
		v.Text = text
		return v
	}
	b.WriteString(text[last:])
	v.Text = b.String()
	return v
}

// skip returns where from i on the next byte may lie that Repair acts
// on, or len(s): an entity's "&" or "#" and a backslash always; any
// letter in text of one case, which may need recasing; a capital when
// upper is set, which may open a possessive. It tests eight bytes at a
// time, for ranges of bytes that hold those: it may stop at a few others
// too ("$", "%", "["), which Repair passes over.
func skip(s string, i int, caps, upper bool) int {
	for ; i+8 <= len(s); i += 8 {
		x := bytewise.Load64(s[i : i+8])
		m := bytewise.InRange(x, '#', '&')
		switch {
		case caps:
			m |= bytewise.InRange(x|0x20*bytewise.Ones, 'a', 'z') | bytewise.InRange(x, '\\', '\\')
		case upper:
			m |= bytewise.InRange(x, 'A', '\\')
		default:
			m |= bytewise.InRange(x, '\\', '\\')
		}
		if m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == '&' || c == '#' || c == '\\' || caps && isLetter(c) || upper && isUpper(c) {
			break
		}
	}
	return i
}

func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// entity reads an HTML entity left as text at i: "&amp;", "&#8212;", or
// the feed form with no ampersand and a space before it (" #39;s" for
// "'s", "#36;50" for "$50"). It returns the stretch to replace and what
// replaces it.
func entity(text string, i int) (start, end int, with string, ok bool) {
	start = i
	j := i
	if text[j] == '&' {
		j++
	}
	k := j
	for k < len(text) && k-j < 10 && (isLetter(text[k]) || text[k] == '#' || '0' <= text[k] && text[k] <= '9') {
		k++
	}
	if k >= len(text) || text[k] != ';' || k == j {
		return 0, 0, "", false
	}
	name := text[j:k]
	end = k + 1
	if text[i] == '&' {
		r := html.UnescapeString(text[i:end])
		if r == text[i:end] {
			return 0, 0, "", false
		}
		return start, end, r, true
	}
	// No ampersand: only numeric forms, "#39;".
	if len(name) < 2 || name[0] != '#' {
		return 0, 0, "", false
	}
	n, err := strconv.Atoi(name[1:])
	if err != nil || n <= 0 || n > utf8.MaxRune {
		return 0, 0, "", false
	}
	r := string(rune(n))
	if n == 39 && start > 0 && text[start-1] == ' ' {
		start-- // "Saddam #39;s" is "Saddam's"
	}
	return start, end, r, true
}

// OneCase reports whether text is written all in capitals, as wire
// services of old sent it, or all in lower case, as some scrapes keep it:
// Repair gives it its case back when given Common words.
func OneCase(text string) bool { return oneCase(text) }

func oneCase(text string) bool {
	text = text[:min(len(text), 4096)]
	upper, lower := 0, 0
	for i := 0; i < len(text); i += caseBlock {
		u, l := caseCounts(text[i:min(len(text), i+caseBlock)])
		upper, lower = upper+u, lower+l
		// Most text is plainly of both cases long before its end: stop
		// once the bytes left cannot make it one case.
		rest := max(0, len(text)-i-caseBlock)
		if lower*20 >= upper+rest && upper*50 >= lower+rest {
			return false
		}
	}
	return upper > 200 && lower*20 < upper || lower >= 12 && upper*50 < lower
}

// caseBlock is how many bytes oneCase counts between looks at the counts.
const caseBlock = 256

// caseCounts counts the ASCII capitals and small letters of s. It reads
// eight bytes at a time and counts in each byte of a word, which holds
// the counts of 255 words before it is added up.
func caseCounts(s string) (upper, lower int) {
	for len(s) >= 8 {
		var u, l uint64
		for k := 0; k < 255 && len(s) >= 8; k++ {
			x := bytewise.Load64(s[:8])
			u += bytewise.InRange(x, 'A', 'Z') >> 7
			l += bytewise.InRange(x, 'a', 'z') >> 7
			s = s[8:]
		}
		upper += sumBytes(u)
		lower += sumBytes(l)
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			upper++
		case 'a' <= c && c <= 'z':
			lower++
		}
	}
	return upper, lower
}

// sumBytes adds up the bytes of x.
func sumBytes(x uint64) int {
	const m = 0x00ff00ff00ff00ff
	x = x&m + x>>8&m                         // four sums of two bytes
	return int(x * 0x0001000100010001 >> 48) // their sum, in the top 16 bits
}

// recase gives a word of an all-capitals text its case: a common word in
// lower case (capitalised at a sentence's start), a name capitalised, an
// acronym ("FMLN") kept.
func recase(text string, i int, w string, opts Options) string {
	low := strings.ToLower(w)
	title := strings.ToUpper(low[:1]) + low[1:]
	if opts.Proper != nil && opts.Proper(w) {
		if len(w) <= 3 {
			return w // US, UN, UK
		}
		return title
	}
	if _, common := opts.Common[strings.TrimSuffix(strings.TrimSuffix(low, "'s"), "'")]; common {
		if sentenceStart(text, i) {
			return title
		}
		return low
	}
	if isUpper(w[0]) && (!hasVowel(low) || len(w) <= 5 && i > 0 && (text[i-1] == '[' || text[i-1] == '(')) {
		return w // an acronym: FMLN, [ELN]
	}
	return title
}

// sentenceStart reports whether the word at i opens a sentence.
func sentenceStart(text string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch text[j] {
		case ' ', '\t', '"', '(', '[':
			continue
		case '.', '!', '?', '\n':
			return true
		case '-':
			return j > 0 && text[j-1] == '-' // "90 -- THE ARMY"
		default:
			return false
		}
	}
	return true
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// TitleCase reports whether s is written in title case, most of its words
// capitalised, as headlines are.
func TitleCase(s string) bool {
	words, caps := 0, 0
	for _, w := range strings.Fields(s) {
		if !isLetter(w[0]) {
			continue
		}
		words++
		if isUpper(w[0]) {
			caps++
		}
	}
	return words >= 4 && caps*10 >= words*8
}

// SentenceCase writes a title-case stretch of text as a sentence: common
// words in lower case, names kept, the first word capitalised. Offsets do
// not move: only letters' case changes.
func SentenceCase(text string, start, end int, opts Options) string {
	if opts.Common == nil || start < 0 || end > len(text) || start >= end {
		return text
	}
	b := []byte(text)
	first := true
	for i := start; i < end; {
		if !isLetter(text[i]) {
			i++
			continue
		}
		j := i
		for j < end && (isLetter(text[j]) || text[j] == '\'') {
			j++
		}
		w := text[i:j]
		low := strings.ToLower(w)
		_, common := opts.Common[low]
		proper := opts.Proper != nil && opts.Proper(w)
		if !first && common && !proper && isUpper(w[0]) && strings.ToUpper(w) != w {
			copy(b[i:j], low)
		}
		first = false
		i = j
	}
	return string(b)
}
