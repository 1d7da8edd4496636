package extract

import (
	"maps"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/sentence"
	"github.com/sitrep/sitrep/internal/text"
)

// Agency bulletins scraped onto one line run each story's headline into
// its first sentence with no stop between them: "Two citizens injured due
// to terrorist mortar attack in Daraa Two citizens got injured on Sunday
// when ...". Read as one sentence, the headline takes the time and place
// of the story told before it.

// headlineWords are the words a bulletin's headline is made of: a toll or
// an attack, told without an auxiliary.
var headlineWords = map[string]bool{
	"killed": true, "injured": true, "wounded": true, "dead": true, "attack": true, "attacks": true,
	"detonate": true, "detonates": true, "shells": true, "shelling": true, "blast": true, "explosion": true,
}

// finiteWords make a clause of what they are in: a headline has none.
var finiteWords = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true,
	"said": true, "says": true, "told": true, "added": true, "reported": true,
}

// leadOpeners open a story's first sentence after its headline.
var leadOpeners = map[string]bool{
	"A": true, "An": true, "The": true, "At": true, "One": true, "Two": true, "Three": true, "Four": true,
	"Five": true, "Six": true, "Seven": true, "Eight": true, "Nine": true, "Ten": true, "Terrorists": true,
	"Terrorist": true, "Several": true, "Dozens": true,
}

// splitStories cuts a headline run into the sentence after it off that
// sentence, and returns the sentences with the indices of those that open
// a story.
func splitStories(text string, sents []sentence.Sentence) ([]sentence.Sentence, map[int]bool) {
	var out []sentence.Sentence
	starts := map[int]bool{}
	for _, s := range sents {
		if p := leadAfterHeadline(text[s.Start:s.End]); p > 0 {
			starts[len(out)] = true
			head := s
			head.End = s.Start + len(strings.TrimRight(text[s.Start:s.Start+p], " "))
			lead := s
			lead.Start = s.Start + p
			out = append(out, head, lead)
			continue
		}
		out = append(out, s)
	}
	return out, starts
}

// leadAfterHeadline returns where, in sentence s, a story's first
// sentence begins after a headline run into it, or 0: the headline is
// three to twenty words that tell a toll or an attack with no verb of a
// clause, the lead opens with a capital after a word that ends no
// sentence, and a clause's verb comes within its first ten words.
func leadAfterHeadline(s string) int {
	if !holdsLeadOpener(s) {
		return 0 // most sentences: no need to read their words
	}
	// Words are read as the rule asks for them: most sentences are done
	// with at their first verb of a clause, long before the twentieth.
	words := fieldReader{s: s}
	told := false
	var lower [maxKeyLen]byte
	for i := 0; i < words.read(i+1); i++ {
		w := words.words[i]
		at := words.starts[i]
		if i >= 3 && told && leadOpeners[w] {
			prev := words.words[i-1]
			if r, _ := utf8.DecodeLastRuneInString(prev); unicode.IsPunct(r) {
				return 0
			}
			if end := words.read(i + 11); clauseFollows(words.words[i+1 : end]) {
				// A sentence of fewer than eight words is no
				// headline and lead; asked last, as it is never
				// the answer but here.
				if words.read(8) < 8 {
					return 0
				}
				return at
			}
		}
		var finite, headline bool
		if k, ok := asciiKey(&lower, trimStops(w)); ok {
			if storyShapes.MayBytes(k) {
				kind := storyWords[string(k)]
				finite, headline = kind&finiteWord != 0, kind&headlineWord != 0
			}
		} else {
			lw := strings.ToLower(strings.Trim(w, ",;:"))
			finite, headline = finiteWords[lw], headlineWords[lw]
		}
		if finite || i >= 20 {
			return 0
		}
		if headline {
			told = true
		}
	}
	return 0
}

// holdsLeadOpener reports whether a word of s, as strings.Fields splits
// them, is one of leadOpeners: a lead can begin nowhere else. Each opener
// begins with a capital, so only the words that begin with one of
// openerCapitals are looked up.
func holdsLeadOpener(s string) bool {
	for i := 0; i < len(s); i++ {
		if !openerCapitals[s[i]] {
			continue
		}
		if i > 0 {
			if prev := s[i-1]; prev < utf8.RuneSelf {
				if !asciiSpace[prev] {
					continue
				}
			} else if r, _ := utf8.DecodeLastRuneInString(s[:i]); !unicode.IsSpace(r) {
				continue
			}
		}
		end := skipSpace(s, i, false)
		if leadOpeners[s[i:end]] {
			return true
		}
		i = end
	}
	return false
}

// openerCapitals marks the first bytes of leadOpeners.
var openerCapitals = func() (t [256]bool) {
	for w := range leadOpeners {
		t[w[0]] = true
	}
	return t
}()

// storyShapes rules out most words as one of finiteWords and
// headlineWords before the maps are asked.
var storyShapes = text.ShapesOf(maps.Keys(finiteWords), maps.Keys(headlineWords))

// storyWords holds finiteWords and headlineWords in one map, each word's
// kinds as bits: one look-up for a word, not two.
var storyWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range finiteWords {
		m[w] |= finiteWord
	}
	for w := range headlineWords {
		m[w] |= headlineWord
	}
	return m
}()

// The kinds of words storyWords holds.
const (
	finiteWord uint8 = 1 << iota
	headlineWord
)

// trimStops is strings.Trim(w, ",;:"), which would make a table of the
// cut set at every word.
func trimStops(w string) string {
	for w != "" && (w[0] == ',' || w[0] == ';' || w[0] == ':') {
		w = w[1:]
	}
	for w != "" && (w[len(w)-1] == ',' || w[len(w)-1] == ';' || w[len(w)-1] == ':') {
		w = w[:len(w)-1]
	}
	return w
}

// maxKeyLen bounds the words asciiKey lowers: longer than any of
// headlineWords and finiteWords.
const maxKeyLen = 16

// asciiKey returns w in lower case, written into buf, when w is ASCII;
// an ASCII word too long for buf comes back empty, as it is none of the
// words looked up. ok is false when w holds other bytes, whose lower
// case strings.ToLower must tell.
func asciiKey(buf *[maxKeyLen]byte, w string) (key []byte, ok bool) {
	if len(w) > len(buf) {
		return nil, text.IsASCII(w)
	}
	// One pass lowers w and finds whether a byte has the high bit set.
	var high byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		high |= c
		buf[i] = text.LowerASCIIByte(c)
	}
	if high >= utf8.RuneSelf {
		return nil, false
	}
	return buf[:len(w)], true
}

// fieldReader reads the words of s, as strings.Fields splits them, up
// to cap(words), as they are asked for.
type fieldReader struct {
	s   string
	pos int // where reading goes on in s
	n   int // the words read
	// words and starts hold each word read and its byte offset in s:
	// arrays, not slices appended to, which would put them on the heap
	// for every sentence.
	words  [32]string
	starts [32]int
}

// read reads words until it holds n, s ends or words is full, and
// returns how many it holds.
func (r *fieldReader) read(n int) int {
	n = min(n, len(r.words))
	for r.n < n && r.pos < len(r.s) {
		start, end := nextField(r.s, r.pos)
		r.pos = end
		if start < end {
			r.words[r.n], r.starts[r.n] = r.s[start:end], start
			r.n++
		}
	}
	return r.n
}

// nextField returns the first word of s at or after i, as
// strings.Fields splits them; start == end == len(s) when there is none.
func nextField(s string, i int) (start, end int) {
	i = skipSpace(s, i, true)
	return i, skipSpace(s, i, false)
}

// skipSpace returns where, from i on, the run of bytes of s that are
// white space (or, with space false, are not) ends. An ASCII byte is
// told a space by a table; others are decoded.
func skipSpace(s string, i int, space bool) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != space {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) != space {
			return i
		}
		i += size
	}
	return i
}

// asciiSpace marks the ASCII bytes unicode.IsSpace takes for spaces.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// clauseFollows reports whether words hold a clause's verb.
func clauseFollows(words []string) bool {
	for _, w := range words {
		if finiteWords[strings.ToLower(strings.Trim(w, ",;:"))] {
			return true
		}
		if strings.HasSuffix(w, "ed") && len(w) > 4 {
			return true // "Terrorists detonated an explosive device"
		}
	}
	return false
}
