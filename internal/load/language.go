package load

import (
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// languageSample is how much of an article language detection reads:
// trigrams of a paragraph or two settle the language; more costs time.
const languageSample = 1500

// language returns the ISO 639-1 code of text, or "" when unsure.
func language(text string) string {
	text = text[:min(len(text), languageSample)]
	if english(text) {
		return "en"
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// english reports whether text is plainly English by its commonest words.
// Most articles are, and whatlanggo weighs every language's profile at a
// fixed cost of about 0.4 ms, a sixth of extracting a plain-text article;
// this check costs a tenth of that. In English news "the" is one word in
// fifteen to forty and the words commonWord knows one in four to seven; no
// other language uses "the" at all, and those sharing a few of the others
// come nowhere near the share. Text that falls short of either bar, or is not
// nearly all ASCII letters, goes to whatlanggo, so the check only ever
// saves time.
func english(text string) bool {
	var words, the, common, foreign int
	for i := 0; i < len(text); {
		c := text[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) {
				foreign++
			}
			i += n
			continue
		}
		if !isASCIILetter(c) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && isASCIILetter(text[j]) {
			j++
		}
		words++
		switch commonWord(text[i:j]) {
		case 2:
			the++
			common++
		case 1:
			common++
		}
		i = j
	}
	return words >= 40 && foreign*100 <= words && the*40 >= words && common*8 >= words
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// commonWord returns 2 for "the", 1 for one of English's next commonest
// words that is not also a common word of another language written in
// Latin script, and 0 for any other word, regardless of case.
func commonWord(w string) int {
	if len(w) > 5 {
		return 0
	}
	var buf [5]byte
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20
	}
	switch string(buf[:len(w)]) {
	case "the":
		return 2
	case "of", "and", "to", "that", "with", "said", "were", "from", "has", "have", "had", "by", "his", "their", "which", "who", "been", "would", "they":
		return 1
	}
	return 0
}
