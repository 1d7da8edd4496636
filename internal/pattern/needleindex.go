package pattern

import (
	"bytes"
	"encoding/binary"

	"github.com/sitrep/sitrep/internal/text"
)

// needleIndex finds every place a text holds one of a set of lower-case
// strings, ASCII capitals taken as small letters. Most bytes of a text
// begin no needle: a look-up of the three bytes there in a table of bits
// (8 KB, which stays in the fastest cache) rules them out, and only the
// needles that begin with those three bytes are compared. It does the
// work of an Aho-Corasick automaton over a few hundred needles in a
// fraction of the time, as the automaton must follow a transition for
// every byte in tables too large for that cache.
type needleIndex struct {
	words []string
	// grams holds a bit for the hash of the first three bytes of every
	// needle of three bytes or more; byGram lists those needles by
	// their first three bytes.
	grams  [1 << gramBits / 64]uint64
	byGram map[uint32][]int32
	// short lists the needles of one or two bytes, and shortFirst the
	// bytes of a text that may begin them, capitals included.
	short      []int32
	shortFirst [256]bool
}

// gramBits is the size of needleIndex.grams: 2^16 bits.
const gramBits = 16

func gramHash(g uint32) uint32 { return g * 0x9E3779B1 >> (32 - gramBits) }

func newNeedleIndex(words []string) *needleIndex {
	s := &needleIndex{words: words, byGram: map[uint32][]int32{}}
	for i, w := range words {
		if len(w) < 3 {
			if len(w) > 0 {
				s.short = append(s.short, int32(i))
				s.shortFirst[w[0]] = true
				if 'a' <= w[0] && w[0] <= 'z' {
					s.shortFirst[w[0]-'a'+'A'] = true
				}
			}
			continue
		}
		g := uint32(w[0])<<16 | uint32(w[1])<<8 | uint32(w[2])
		h := gramHash(g)
		s.grams[h/64] |= 1 << (h % 64)
		s.byGram[g] = append(s.byGram[g], int32(i))
	}
	return s
}

// each calls f for every needle in text, in order of where it begins.
// It reads every byte of every text a Set scans, so the byte loop does
// no more than look up a table and test a bit.
func (s *needleIndex) each(text string, f func(start, end int, needle int32)) {
	n := len(text)
	short := len(s.short) > 0
	var g uint32
	if n >= 2 {
		g = uint32(lowerTable[text[0]])<<8 | uint32(lowerTable[text[1]])
	}
	i := 0
	for ; i+2 < n; i++ {
		g = (g<<8 | uint32(lowerTable[text[i+2]])) & 0xffffff
		if h := gramHash(g); s.grams[h/64]&(1<<(h%64)) != 0 {
			for _, k := range s.byGram[g] {
				if w := s.words[k]; hasLowerPrefix(text[i:], w) {
					f(i, i+len(w), k)
				}
			}
		}
		if short && s.shortFirst[text[i]] {
			s.eachShort(text, i, f)
		}
	}
	for ; i < n; i++ { // the last two bytes begin no needle of three
		if s.shortFirst[text[i]] {
			s.eachShort(text, i, f)
		}
	}
}

// eachShort calls f for the needles of one or two bytes at text[i:].
func (s *needleIndex) eachShort(text string, i int, f func(start, end int, needle int32)) {
	for _, k := range s.short {
		if w := s.words[k]; hasLowerPrefix(text[i:], w) {
			f(i, i+len(w), k)
		}
	}
}

// lowerTable maps every byte to text.LowerASCIIByte of it, for loops
// that index it directly, and for starts.low.
var lowerTable = func() (t [256]byte) {
	for c := range 256 {
		t[c] = text.LowerASCIIByte(byte(c))
	}
	return t
}()

// hasLowerPrefix reports whether s begins with the lower-case w, ASCII
// capitals in s taken as small letters.
func hasLowerPrefix(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		if text.LowerASCIIByte(s[j]) != w[j] {
			return false
		}
	}
	return true
}

// lowerInto copies s into dst, which is as long, with ASCII capitals made
// small, and reports whether s is all ASCII. It reads eight bytes at a
// time: it lowers most texts a pattern is tried on.
func lowerInto(dst []byte, s string) (ascii bool) {
	const ones = 0x0101010101010101
	copy(dst, s)
	var high uint64
	i := 0
	for ; i+8 <= len(dst); i += 8 {
		x := binary.LittleEndian.Uint64(dst[i:])
		high |= x
		// The top bit of each byte of upper is set where the byte is
		// 'A' to 'Z': at least 'A', less than 'Z'+1, and ASCII. No sum
		// carries into the next byte.
		low := x &^ (0x80 * ones)
		upper := (low + (0x80-'A')*ones) &^ (low + (0x80-'Z'-1)*ones) &^ x & (0x80 * ones)
		binary.LittleEndian.PutUint64(dst[i:], x|upper>>2)
	}
	for ; i < len(dst); i++ {
		high |= uint64(dst[i])
		dst[i] = lowerTable[dst[i]]
	}
	return high&(0x80*ones) == 0
}

// rarest returns where in needle n lies the byte least often found in
// English text: searched for first, it leaves the fewest places to
// compare the rest of n, where its first byte, often "t" or "s", would
// leave many.
func rarest(n string) int {
	k := 0
	for i := 1; i < len(n); i++ {
		if byteRank[n[i]] < byteRank[n[k]] {
			k = i
		}
	}
	return k
}

// byteRank orders bytes from rare to common in English text, roughly:
// letters by their frequency, then white space; digits, punctuation and
// other bytes between.
var byteRank = func() (t [256]uint8) {
	for c := range t {
		t[c] = 10
	}
	for i, c := range "zqjxkvbpgwyfmculdhrsnioate" {
		t[c] = uint8(i)
	}
	t[' '] = 30
	return t
}()

// containsAt reports whether s holds n, searching for its byte at k.
func containsAt(s, n []byte, k int) bool {
	last := len(s) - len(n) + k // the last place n[k] may lie
	for i := k; i <= last; i++ {
		j := bytes.IndexByte(s[i:last+1], n[k])
		if j < 0 {
			return false
		}
		if i += j; bytes.Equal(s[i-k:i-k+len(n)], n) {
			return true
		}
	}
	return false
}
