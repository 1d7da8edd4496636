package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/sentence"
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
	// No more words are read than the rule below looks at: most
	// sentences are done with at their twentieth.
	var buf [32]string
	words := firstFields(buf[:0], s)
	if len(words) < 8 {
		return 0
	}
	told := false
	at := 0 // byte offset of words[i] in s
	for i, w := range words {
		at = strings.Index(s[at:], w) + at
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if i >= 3 && told && leadOpeners[w] {
			prev := words[i-1]
			if r, _ := utf8.DecodeLastRuneInString(prev); unicode.IsPunct(r) {
				return 0
			}
			if clauseFollows(words[i+1 : min(len(words), i+11)]) {
				return at
			}
		}
		if finiteWords[lw] || i >= 20 {
			return 0
		}
		if headlineWords[lw] {
			told = true
		}
		at += len(w)
	}
	return 0
}

// firstFields appends to dst the first cap(dst) words of s, as
// strings.Fields splits them.
func firstFields(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		// An ASCII byte is told a space by a table; others are decoded.
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		if c < utf8.RuneSelf && asciiSpace[c] || c >= utf8.RuneSelf && unicode.IsSpace(c) {
			if start >= 0 {
				if dst = append(dst, s[start:i]); len(dst) == cap(dst) {
					return dst
				}
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 && len(dst) < cap(dst) {
		dst = append(dst, s[start:])
	}
	return dst
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
