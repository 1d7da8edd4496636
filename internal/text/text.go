// Package text splits an article into words once, for every reader of it:
// the gazetteer, the actor dictionary and the extraction rules match
// phrases over the same tokens, each a byte span of the text and a folded
// key, and compare names by the same fold.
package text

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/bytewise"
	"golang.org/x/text/unicode/norm"
)

// Token is a word of a text: its byte span and its key, the word folded
// (Fold). A possessive ’s after a word is a token of its own, with the
// key "'s", so that a name written with it ("New People's Army") is a
// phrase like any other and a place name before it ("Kabul's") stays
// whole.
type Token struct {
	Start, End int
	Key        string
}

// Possessive is the key of the possessive ’s.
const Possessive = "'s"

// Doc is a text and its tokens. It is not safe for concurrent use: Has
// and Written read the tokens into keyBytes at their first call.
type Doc struct {
	Text   string
	Tokens []Token
	// keyBytes holds a byte of each token's key (see keyByte), made when
	// first asked for: the tokens of a key are found by searching these
	// bytes many at a time. A text is asked about few first words, and
	// hashing each of its words into an index, as this once did, cost
	// far more than the searches.
	keyBytes []byte
}

// Split tokenises s.
func Split(s string) *Doc { return &Doc{Text: s, Tokens: Tokens(s)} }

// Word returns the written form of the i-th token.
func (d *Doc) Word(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// Between returns the bytes between the i-th token and the next.
func (d *Doc) Between(i int) string { return d.Text[d.Tokens[i].End:d.Tokens[i+1].Start] }

// Has reports whether d writes phrase: its words in a row, in any case
// and with or without accents, parted by the same bytes as in phrase.
// A reader that asks about the same phrases in many texts makes them a
// Set.
func (d *Doc) Has(phrase string) bool {
	p := Split(phrase)
	if len(p.Tokens) == 0 {
		return false
	}
	found := false
	d.each(p.Tokens[0].Key, func(at int) bool {
		found = d.matchAt(at, p, len(p.Tokens))
		return !found
	})
	return found
}

// each calls f with each token whose key is key, in order, while f
// returns true.
func (d *Doc) each(key string, f func(at int) bool) {
	if d.keyBytes == nil {
		d.keyBytes = make([]byte, len(d.Tokens))
		for i := range d.Tokens {
			d.keyBytes[i] = keyByte(d.Tokens[i].Key)
		}
	}
	b := keyByte(key)
	for at := 0; at < len(d.keyBytes); at++ {
		k := bytes.IndexByte(d.keyBytes[at:], b)
		if k < 0 {
			return
		}
		if at += k; d.Tokens[at].Key == key && !f(at) {
			return
		}
	}
}

// keyByte is a byte of key's length and first and last bytes: equal keys
// have equal bytes, and most unequal ones differ.
func keyByte(key string) byte {
	if key == "" {
		return 0
	}
	return byte(len(key)*37 + int(key[0])*11 + int(key[len(key)-1]))
}

// matchAt reports whether the n words of p begin at d's i-th word.
func (d *Doc) matchAt(i int, p *Doc, n int) bool {
	if i+n > len(d.Tokens) {
		return false
	}
	for k := 1; k < n; k++ {
		if d.Tokens[i+k].Key != p.Tokens[k].Key || d.Between(i+k-1) != p.Between(k-1) {
			return false
		}
	}
	return true
}

// Tokens splits s into words: runs of letters, digits and combining
// marks, with an apostrophe inside a word when a letter follows it
// ("N'Djamena", "Jama’at"). A possessive ’s ends the word before it and
// is a token of its own.
func Tokens(s string) []Token {
	return AppendTokens(make([]Token, 0, len(s)/5+1), s) // English words run about six bytes with their space: room for the wordier
}

// AppendTokens appends the tokens of s to out, for a reader that splits
// many short texts into one buffer.
func AppendTokens(out []Token, s string) []Token {
	low := "" // s with ASCII capitals lowered, made at the first one
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if wordByte[c] == 0 {
				i++ // spaces and punctuation: no need to decode them
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start, ascii, cases := i, true, uint8(0)
		possessive := 0 // the length of a possessive ’s that ends the word
		for i < len(s) {
			c := s[i]
			if k := wordByte[c]; k != 0 {
				cases |= k // a table, not tests: the letters' cases would be guessed
				i++
				continue
			}
			if c < utf8.RuneSelf && c != '\'' {
				break // no other ASCII byte is a letter, digit or mark
			}
			r, size := rune(c), 1
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				ascii = false
				i += size
				continue
			}
			if (r == '\'' || r == '’') && i+size < len(s) {
				next, _ := utf8.DecodeRuneInString(s[i+size:])
				if (next == 's' || next == 'S') && (i+size+1 == len(s) || !isLetterAt(s, i+size+1)) {
					possessive = size + 1
					break
				}
				if unicode.IsLetter(next) {
					ascii = ascii && r == '\''
					i += size
					continue
				}
			}
			break
		}
		word := s[start:i]
		var key string
		switch {
		case !ascii:
			key = Fold(word)
		case cases&upper != 0:
			// An ASCII word folds to its lower case: cut it from one
			// lowered copy of the text rather than lower each word.
			if low == "" {
				low = LowerASCII(s)
			}
			key = low[start:i]
		default:
			key = word
		}
		out = append(out, Token{Start: start, End: i, Key: key})
		if possessive > 0 {
			out = append(out, Token{Start: i, End: i + possessive, Key: Possessive})
			i += possessive
		}
	}
	return out
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// wordByte classes the ASCII letters and digits: lower for small letters
// and digits, upper for capitals, 0 for every other byte.
var wordByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = lower
		case 'A' <= c && c <= 'Z':
			t[c] = upper
		}
	}
	return t
}()

const (
	lower = 1 << iota
	upper
)

// IsCapital reports whether s begins with a capital letter. An ASCII
// first letter is told at once: readers ask it of every word.
func IsCapital(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return s[0]-'A' < 26 // 'A' to 'Z', in one comparison
	}
	return startsUpper(s)
}

// startsUpper is IsCapital for the rest, kept apart so that IsCapital is
// small enough to be inlined.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// LowerASCII returns s with its ASCII capitals lowered and every other
// byte kept, so that byte offsets into s hold in the result.
func LowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			// One copy, written by a Builder: []byte(s) and back would
			// be two. The rest is lowered a chunk at a time, eight
			// bytes to a word: a whole article is lowered at once.
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			var chunk [256]byte
			for j := i; j < len(s); j += len(chunk) {
				n := min(len(chunk), len(s)-j)
				LowerInto(chunk[:n], s[j:j+n])
				b.Write(chunk[:n])
			}
			return b.String()
		}
	}
	return s
}

// LowerInto copies s into dst, which is as long, with ASCII capitals made
// small, and reports whether s is all ASCII. It reads eight bytes at a
// time: it lowers whole articles, and most texts a pattern is tried on.
func LowerInto(dst []byte, s string) (ascii bool) {
	copy(dst, s)
	var high uint64
	i := 0
	for ; i+8 <= len(dst); i += 8 {
		x := binary.LittleEndian.Uint64(dst[i:])
		high |= x
		// A capital's top bit, moved to its 0x20 bit, lowers it.
		upper := bytewise.InRange(x, 'A', 'Z')
		binary.LittleEndian.PutUint64(dst[i:], x|upper>>2)
	}
	for ; i < len(dst); i++ {
		high |= uint64(dst[i])
		dst[i] = lowerByte[dst[i]]
	}
	return high&(0x80*bytewise.Ones) == 0
}

// Fold normalises a word or a name for lookup: accents removed, lower
// case, dashes and hyphens as spaces, curly apostrophes straight, dots
// dropped, spaces collapsed. A token's key is its fold.
func Fold(s string) string {
	// Most words in an article are plain ASCII letters, which fold to
	// themselves in lower case; a name is looked up by the folds of its
	// words, so this path runs for nearly every capitalised word.
	for i := 0; i < len(s); i++ {
		if !plainByte[s[i]] {
			return string(AppendFold(nil, s))
		}
	}
	return strings.ToLower(s) // s itself when it has no capitals
}

// AppendFold appends Fold(s) to dst.
func AppendFold(dst []byte, s string) []byte {
	var f Folder
	return f.Append(dst, s)
}

// Folder folds names, keeping a buffer from one name to the next. The
// zero Folder is ready to use; it is not safe for concurrent use.
type Folder struct {
	buf []byte
}

// Append appends Fold(s) to dst.
func (f *Folder) Append(dst []byte, s string) []byte {
	plain := true
	for i := 0; i < len(s); i++ {
		if !plainByte[s[i]] {
			plain = false
			break
		}
	}
	if plain { // the words most text is made of: their lower case
		// Tables, not tests: every capitalised word of every article
		// comes through here, and its bytes' cases would be guessed.
		n := len(dst)
		dst = slices.Grow(dst, len(s))[:n+len(s)]
		for i := 0; i < len(s); i++ {
			dst[n+i] = lowerByte[s[i]]
		}
		return dst
	}
	if !IsASCII(s) {
		s = f.stripAccents(s)
	}
	start, space := len(dst), false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r == '-' || r == '–' || r == '—' || r == '‐' || unicode.IsSpace(r):
			space = true
			continue
		case r == '’' || r == 'ʼ' || r == '‘' || r == '`':
			r = '\''
		case r == '.':
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// stripAccents removes the combining marks of s once decomposed, and
// composes what is left.
func (f *Folder) stripAccents(s string) string {
	d := norm.NFD.String(s)
	f.buf = f.buf[:0]
	for _, r := range d {
		if !unicode.Is(unicode.Mn, r) {
			f.buf = utf8.AppendRune(f.buf, r)
		}
	}
	return norm.NFC.String(string(f.buf))
}

// plainByte marks the bytes a plain word folds to its lower case
// through: ASCII letters and digits, and the apostrophe.
var plainByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = wordByte[c] != 0 || c == '\''
	}
	return t
}()

// LowerASCIIByte returns c lowered if it is an ASCII capital, else c:
// LowerASCII for one byte.
func LowerASCIIByte(c byte) byte { return lowerByte[c] }

// lowerByte maps every byte to itself, ASCII capitals to small letters.
var lowerByte = func() (t [256]byte) {
	for c := range 256 {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// IsASCII reports whether s is all ASCII.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
