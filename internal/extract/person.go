package extract

import (
	"maps"
	"math/bits"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/bytewise"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/sentence"
	"github.com/sitrep/sitrep/internal/text"
)

// person is a named person found in the text, with the actor they speak
// or act for when the dictionary or a title says so.
type person struct {
	event.Span
	Name  string
	Role  string
	Actor *actor.Actor
}

// roleRE matches a role noun phrase right before a name: "spokesperson",
// "Foreign Minister", "political commentator", "army spokesman Colonel".
// Under (?i), [A-Z][a-z]+ is any word of two letters or more, "deputy"
// and "provincial" as much as "Foreign": spelling such words out as well
// (roleSpec in the tests) changes no match but doubles the program,
// which then no longer fits the regexp package's backtracker and runs on
// its far slower NFA.
var roleRE = pattern.MustCompile(`(?i)\b((?:[A-Z][a-z]+\s+){0,3}(?:` + roleNounsRE + `))\s+$`)

// roleNouns are the nouns that end a role before a name.
var roleNouns = []string{
	"spokesman", "spokeswoman", "spokesperson", "commentator", "analyst", "journalist",
	"minister", "president", "governor", "commander", "chief", "director", "official", "leader",
	"mayor", "lawmaker", "senator", "general", "colonel", "major", "captain", "lieutenant",
	"sergeant", "brigadier", "inspector", "superintendent", "envoy", "ambassador", "secretary", "researcher",
	"expert", "witness", "resident", "activist", "chairman", "chairwoman", "head", "king",
	"emir", "sheikh", "pastor", "imam", "doctor", "dr.", "col.", "gen.",
	"lt.", "maj.", "capt.", "brig.",
}

// roleWords is how many of the words before a name roleRE can span:
// three words before the role noun, and the word that ends with it.
// Tried on no more, the engine starts at fewer words.
const roleWords = 4

// roleNounsRE is roleNouns as an alternation.
var roleNounsRE = func() string {
	quoted := make([]string, len(roleNouns))
	for i, w := range roleNouns {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}()

// roleIn returns the offsets of roleRE's group in s, as
// FindStringSubmatchIndex(s)[2:4] gives them; ok is false when roleRE
// does not match. Every match ends with a role noun and white space at
// the end of s and goes back from it over up to three words, each two
// letters or more and parted from the next by white space: the search
// goes the same way back, from each role noun s ends with, and keeps the
// leftmost start, as the engine's match is. Text with the Kelvin sign or
// the long s, which (?i) reads as letters, is left to the engine.
func roleIn(s string) (start, end int, ok bool) {
	if pattern.FoldsToASCII(s) {
		loc := roleRE.FindStringSubmatchIndex(s)
		if loc == nil {
			return 0, 0, false
		}
		return loc[2], loc[3], true
	}
	end = len(s)
	for end > 0 && pattern.IsSpace(s[end-1]) {
		end--
	}
	if end == len(s) || end == 0 {
		return 0, 0, false
	}
	start = end
	last := text.LowerASCIIByte(s[end-1])
	for _, w := range roleNouns {
		q := end - len(w)
		if q < 0 || last != w[len(w)-1] || !pattern.HasPrefixFold(s[q:], w) {
			continue
		}
		// The noun alone, at a word boundary: it begins with a letter.
		if q == 0 || !pattern.IsWordByte(s[q-1]) {
			start = min(start, q)
		}
		// Then each word before it, white space after it.
		at := q
		for range roleWords - 1 {
			x := at
			for x > 0 && pattern.IsSpace(s[x-1]) {
				x--
			}
			a := x
			for a > 0 && isASCIILetterByte(s[a-1]) {
				a--
			}
			if x == at || x-a < 2 || a > 0 && pattern.IsWordByte(s[a-1]) {
				break
			}
			start = min(start, a)
			at = a
		}
	}
	return start, end, start < end
}

// names returns the runs of two to four capitalised name words in text,
// as package regexp's FindAllStringIndex(text, -1) would for
//
//	\b[A-Z][\p{L}'’-]+(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|du)[- ])?[A-Z][\p{L}'’-]+){1,3}\b
//
// The search below takes the pattern's choices in the engine's order of
// preference, so its first success is the engine's match; written out,
// it spares the engine's walk of the pattern at every byte of an article.
func names(text string) [][]int {
	var flat []int
	for p := nextCapital(text, 0); p < len(text); p = nextCapital(text, p+1) {
		if p > 0 && pattern.IsWordByte(text[p-1]) {
			continue
		}
		if end := nameFrom(text, p, 0); end >= 0 {
			flat = append(flat, p, end)
			p = end - 1
		}
	}
	return pairs(flat)
}

// pairs cuts flat, start and end after start and end, into the [][]int
// of an engine's FindAllStringIndex, each pair a slice of flat: an
// article has hundreds of capitalised words, and a slice made for each
// is work for the collector.
func pairs(flat []int) [][]int {
	if len(flat) == 0 {
		return nil
	}
	out := make([][]int, len(flat)/2)
	for i := range out {
		out[i] = flat[2*i : 2*i+2 : 2*i+2]
	}
	return out
}

// nextCapital returns the index of the first ASCII capital of text at
// or after p, or len(text). It reads eight bytes at a time: names and
// capitalised look at capitals alone, and an article has one in thirty
// bytes or so.
func nextCapital(text string, p int) int {
	for ; p+8 <= len(text); p += 8 {
		if upper := bytewise.InRange(bytewise.Load64(text[p:p+8]), 'A', 'Z'); upper != 0 {
			return p + bits.TrailingZeros64(upper)/8
		}
	}
	for ; p < len(text); p++ {
		if c := text[p]; 'A' <= c && c <= 'Z' {
			return p
		}
	}
	return len(text)
}

// nameFrom returns where a name that goes on from a name word at p
// ends, words being the name words before p; -1 when none does.
func nameFrom(text string, p, words int) int {
	if p >= len(text) || text[p] < 'A' || text[p] > 'Z' {
		return -1
	}
	// The word is [A-Z][\p{L}'’-]+: the longest run first, as the
	// greedy repetition prefers, then each shorter one. ASCII letters,
	// most of it, go by in a tight loop.
	e := p + 1
	for e < len(text) && isASCIILetterByte(text[e]) {
		e++
	}
	for e < len(text) {
		if c := text[e]; c < utf8.RuneSelf {
			if !asciiNameByte[c] {
				break
			}
			e++
			continue
		}
		_, n := nameRune(text, e)
		if n == 0 {
			break
		}
		e += n
	}
	if words == 0 {
		// A shorter run ends before one of the word's runes, neither
		// white space to go on to a second word nor, a name of one word
		// being too short, the end: only the longest can begin a name.
		if e > p+1 {
			return nameRest(text, e, 0)
		}
		return -1
	}
	for e > p+1 {
		if end := nameRest(text, e, words); end >= 0 {
			return end
		}
		_, n := utf8.DecodeLastRuneInString(text[p+1 : e])
		e -= n
	}
	return -1
}

// nameRune returns the rune at text[i] and its length when it may be
// part of a name word, [\p{L}'’-], or a length of 0. ASCII bytes are told
// by a table: most of an article's bytes are read here.
func nameRune(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		if !asciiNameByte[c] {
			return rune(c), 0
		}
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsLetter(r) && r != '’' {
		return r, 0
	}
	return r, n
}

// asciiNameByte marks the ASCII bytes of [\p{L}'’-]: letters, the
// apostrophe and the hyphen.
var asciiNameByte = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = unicode.IsLetter(rune(c)) || c == '\'' || c == '-'
	}
	return t
}()

// nameRest returns where a name goes on to from q, the end of its
// words-th word after the first: through one more word if it can (the
// repetition is greedy, and allows three), else at q if a word boundary
// is there and the name has two words.
func nameRest(text string, q, words int) int {
	if words < 3 {
		r := q
		for r < len(text) && pattern.IsSpace(text[r]) {
			r++
		}
		if r > q {
			if n := nameParticle(text[r:]); n > 0 {
				if end := nameFrom(text, r+n, words+1); end >= 0 {
					return end
				}
			}
			if end := nameFrom(text, r, words+1); end >= 0 {
				return end
			}
		}
	}
	if words >= 1 && (pattern.IsWordByte(text[q-1]) != (q < len(text) && pattern.IsWordByte(text[q]))) {
		return q
	}
	return -1
}

// nameParticles join the parts of a name: "Abu Bakr al-Baghdadi".
var nameParticles = []string{"al", "el", "bin", "ibn", "de", "da", "van", "von", "du"}

// particleFirst marks the bytes nameParticles begin with.
var particleFirst = func() (t [256]bool) {
	for _, w := range nameParticles {
		t[w[0]] = true
	}
	return t
}()

// nameParticle returns the length of the particle, with the hyphen or
// space after it, that s begins with, or 0.
func nameParticle(s string) int {
	if s == "" || !particleFirst[s[0]] {
		return 0
	}
	for _, w := range nameParticles {
		if len(s) > len(w) && s[:len(w)] == w && (s[len(w)] == '-' || s[len(w)] == ' ') {
			return len(w) + 1
		}
	}
	return 0
}

// capitalised returns the capitalised words of text, as package regexp's
// FindAllStringIndex(text, -1) would for \b[A-Z][\p{L}'’-]+\b: an ASCII
// capital at a word start, then letters, apostrophes and hyphens, up to
// the last place a word boundary falls (after "Ali’s-" comes back to
// "Ali’s"). Written out, it reads an article in a tenth of the engine's
// time.
func capitalised(text string) [][]int {
	var flat []int
	for p := nextCapital(text, 0); p < len(text); p = nextCapital(text, p+1) {
		if p > 0 && pattern.IsWordByte(text[p-1]) {
			continue
		}
		// Most words are ASCII letters up to a byte of no name: the only
		// word boundary among them is at that byte, if any.
		e := p + 1
		for e < len(text) && isASCIILetterByte(text[e]) {
			e++
		}
		if e == len(text) || text[e] < utf8.RuneSelf && !asciiNameByte[text[e]] {
			if e > p+1 && (e == len(text) || !pattern.IsWordByte(text[e])) {
				flat = append(flat, p, e)
				p = e - 1
			}
			continue
		}
		// Every end the greedy run can back off to, longest last.
		end := -1
		for e := p + 1; e < len(text); {
			// Of the name's runes, only ASCII letters are word bytes.
			prevWord := false
			if c := text[e]; c < utf8.RuneSelf {
				if !asciiNameByte[c] {
					break
				}
				prevWord = c != '\'' && c != '-'
				e++
			} else {
				_, n := nameRune(text, e)
				if n == 0 {
					break
				}
				e += n
			}
			// A word boundary at e: a word byte on one side only.
			nextWord := e < len(text) && pattern.IsWordByte(text[e])
			if prevWord != nextWord {
				end = e
			}
		}
		if end < 0 {
			continue
		}
		flat = append(flat, p, end)
		p = end - 1
	}
	return pairs(flat)
}

// speechAfterRE matches a speech verb right after a name.
var speechAfterRE = pattern.MustCompile(`^,?\s+` + lexicon.Alternation(lexicon.PersonSpeechVerbs) + `\b`)

// apposRE matches an appositive role after a name: ", a spokesman for".
var apposRE = pattern.MustCompile(`^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:spokes(?:man|woman|person)|commentator|analyst|journalist|minister|official|commander|governor|leader|researcher|expert|resident|witness|activist|director|chief)\b`)

// notNames are capitalised words that start sentences or name things other
// than people.
var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "But": true,
	"He": true, "She": true, "They": true, "It": true, "This": true, "That": true,
	"Islamic": true, "State": true, "Army": true, "Forces": true, "Military": true,
	"Police": true, "Ministry": true, "Government": true, "Council": true, "United": true,
	"National": true, "Liberation": true, "Front": true, "Movement": true, "Party": true,
	"Agreement": true, "Public": true, "Relations": true, "News": true, "Monday": true,
	"Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true,
	"Sunday": true, "Reuters": true, "Associated": true, "Press": true,
}

// wordShapes is text.Shapes, named where findPersons' text is the
// article's.
type wordShapes = text.Shapes

// notNameShapes rules out most words as notNames before the map.
var notNameShapes = text.ShapesOf(maps.Keys(notNames))

// firstField returns strings.Fields(s)[0] for an s that opens with a
// word, without the slice of every word.
func firstField(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// spanCursor tells whether spans in text order, none empty and none
// overlapping another, overlap each of a series of spans in text order
// that do not overlap each other either, reading the spans once.
type spanCursor struct {
	spans []event.Span
	next  int // the first span that may overlap the next one asked
}

// of sets c's spans to those of actors, and reports whether they are in
// text order, none empty and none overlapping another: if not, c cannot
// be asked.
func (c *spanCursor) of(actors []actor.Mention) bool {
	c.spans, c.next = make([]event.Span, len(actors)), 0
	for i, m := range actors {
		if m.Start >= m.End || i > 0 && m.Start < actors[i-1].End {
			return false
		}
		c.spans[i] = event.Span{Start: m.Start, End: m.End}
	}
	return true
}

// overlaps reports whether one of c's spans overlaps s, which comes
// after, and does not overlap, the last span asked.
func (c *spanCursor) overlaps(s event.Span) bool {
	for c.next < len(c.spans) && c.spans[c.next].End <= s.Start {
		c.next++
	}
	return c.next < len(c.spans) && c.spans[c.next].Start < s.End
}

// findPersons returns person names: those the actor dictionary knows, and
// capitalised names that a role noun, an appositive role or a speech verb
// marks as a person. Later bare surnames ("Salam said") are tied back to
// the full name.
func findPersons(text string, sents []sentence.Sentence, actors []actor.Mention) []person {
	var out []person
	for _, m := range actors {
		if m.Person != "" {
			out = append(out, person{Span: event.Span{Start: m.Start, End: m.End}, Name: m.Person, Role: m.Role, Actor: m.Actor})
		}
	}
	actorPersons := len(out)
	taken := func(s event.Span) bool {
		for _, p := range out {
			if p.Overlaps(s) {
				return true
			}
		}
		for _, m := range actors {
			if (event.Span{Start: m.Start, End: m.End}).Overlaps(s) && m.Person == "" {
				return true
			}
		}
		return false
	}
	// The spans taken are those of every actor, those of the persons
	// named, and those of the surnames found: the names come in text
	// order and never overlap, nor do the surnames, so that with the
	// actors in order too, as Find gives them, a cursor over each list
	// tells what taken tells, and reads each list once.
	var byActor, byName spanCursor
	inOrder := byActor.of(actors)
	if inOrder {
		taken = func(s event.Span) bool { return byActor.overlaps(s) || byName.overlaps(s) }
	}
	for _, loc := range names(text) {
		s := event.Span{Start: loc[0], End: loc[1]}
		name := text[s.Start:s.End]
		first := firstField(name)
		if notNameShapes.May(first) && notNames[first] || taken(s) || strings.ContainsAny(name, "\n") {
			continue
		}
		before := text[max(0, s.Start-60):s.Start]
		after := text[s.End:min(len(text), s.End+60)]
		role := ""
		last := lastWords(before, roleWords)
		if start, end, ok := roleIn(last); ok {
			role = strings.ToLower(strings.TrimSpace(last[start:end]))
		}
		if role == "" && !speechAfterRE.MatchString(after) && !apposRE.MatchString(after) {
			continue
		}
		out = append(out, person{Span: s, Name: name, Role: role})
	}
	if inOrder {
		// The persons named, after those the actors are.
		byActor.next = 0
		for _, p := range out[actorPersons:] {
			byName.spans = append(byName.spans, p.Span)
		}
	}
	// Bare surnames of people already named. Most capitalised words are
	// none: their first byte and length rule them out before the map.
	full := map[string]person{}
	var surnames wordShapes
	for _, p := range out {
		parts := strings.Fields(p.Name)
		if len(parts) > 1 {
			full[parts[len(parts)-1]] = p
			surnames.Add(parts[len(parts)-1])
		}
	}
	// With no full name, there is no surname to look for among the
	// capitalised words.
	if len(full) > 0 {
		for _, loc := range capitalised(text) {
			s := event.Span{Start: loc[0], End: loc[1]}
			w := strings.TrimSuffix(strings.TrimSuffix(text[s.Start:s.End], "’s"), "'s")
			if !surnames.May(w) {
				continue
			}
			p, ok := full[w]
			if !ok || taken(s) {
				continue
			}
			out = append(out, person{Span: event.Span{Start: s.Start, End: s.Start + len(w)}, Name: p.Name, Role: p.Role, Actor: p.Actor})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
