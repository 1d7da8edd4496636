package pattern

import (
	"bytes"
	"math/bits"
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// needleIndex finds every place a text holds one of a set of lower-case
// strings, ASCII capitals taken as small letters. Most bytes of a text
// begin no needle: a look-up of the three bytes there, five bits of
// each, in a table of bits (4 KB, which stays in the fastest cache)
// rules them out, and only the needles whose first three bytes share
// those bits are compared. The five bits are the same for a letter of
// either case, so the text needs no lowering. It does the work of an
// Aho-Corasick automaton over a few hundred needles in a fraction of
// the time, as the automaton must follow a transition for every byte in
// tables too large for that cache.
type needleIndex struct {
	words []string
	// grams holds a bit for the key of the first three bytes of every
	// needle of three bytes or more; rank counts the bits set in the
	// words of grams before each, so that a key's bucket is the number
	// of bits set before its own, and byGram[buckets[b]:buckets[b+1]]
	// lists the needles of bucket b.
	grams   [1 << gramBits / 64]uint64
	rank    [1 << gramBits / 64]uint16
	buckets []int32
	byGram  []int32
	// short lists the needles of one or two bytes, and shortFirst the
	// bytes of a text that may begin them, capitals included, as a
	// table and as a list.
	short      []int32
	shortFirst [256]bool
	shortBytes []byte
}

// gramBits is the size of needleIndex.grams: 2^15 bits, five for each
// of three bytes.
const gramBits = 15

// gramKey returns the key of the three bytes a, b and c: their low five
// bits.
func gramKey(a, b, c byte) uint32 {
	return uint32(a&31)<<10 | uint32(b&31)<<5 | uint32(c&31)
}

func newNeedleIndex(words []string) *needleIndex {
	s := &needleIndex{words: words}
	byKey := map[uint32][]int32{}
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
		k := gramKey(w[0], w[1], w[2])
		s.grams[k/64] |= 1 << (k % 64)
		byKey[k] = append(byKey[k], int32(i))
	}
	for c := range 256 {
		if s.shortFirst[c] {
			s.shortBytes = append(s.shortBytes, byte(c))
		}
	}
	n := 0
	for j, g := range s.grams {
		s.rank[j] = uint16(n)
		for ; g != 0; g &= g - 1 {
			k := uint32(j*64 + bits.TrailingZeros64(g))
			s.buckets = append(s.buckets, int32(len(s.byGram)))
			s.byGram = append(s.byGram, byKey[k]...)
			n++
		}
	}
	s.buckets = append(s.buckets, int32(len(s.byGram)))
	return s
}

// maxShortBytes bounds the bytes that may begin a needle of one or two
// bytes for which each searches the text, rather than looking each byte
// up.
const maxShortBytes = 4

// each calls f for every needle in text, in order of where it begins,
// and at one place the needles of three bytes or more first.
func (s *needleIndex) each(text string, f func(start, end int, needle int32)) {
	n := len(text)
	// The next place a needle of one or two bytes may begin, n when
	// none does; the needles there are found before any further on.
	next, search := n, len(s.shortBytes) <= maxShortBytes
	if len(s.short) > 0 {
		next = s.nextShort(text, 0, search)
	}
	if n >= 3 {
		k := gramKey(0, text[0], text[1])
		for j := 2; ; j++ {
			if j, k = s.nextGram(text, j, k); j == n {
				break
			}
			i := j - 2
			for next < i {
				s.eachShort(text, next, f)
				next = s.nextShort(text, next+1, search)
			}
			b := int(s.rank[k/64]) + bits.OnesCount64(s.grams[k/64]&(1<<(k%64)-1))
			for _, w := range s.byGram[s.buckets[b]:s.buckets[b+1]] {
				if word := s.words[w]; hasLowerPrefix(text[i:], word) {
					f(i, i+len(word), w)
				}
			}
		}
	}
	for next < n {
		s.eachShort(text, next, f)
		next = s.nextShort(text, next+1, search)
	}
}

// nextGram returns the first place j from j on in text where the key of
// text[j-2:j+1], which k holds for the two bytes before j, has its bit
// in grams, and the key; len(text) when there is none. It reads every
// byte of every text a Set scans: its loop makes no call, and keeps all
// it needs in registers.
func (s *needleIndex) nextGram(text string, j int, k uint32) (int, uint32) {
	grams, rest := &s.grams, text[j:]
	for i := 0; i < len(rest); i++ {
		k = (k<<5 | uint32(rest[i]&31)) & (1<<gramBits - 1)
		if grams[k/64]&(1<<(k%64)) != 0 {
			return j + i, k
		}
	}
	return len(text), k
}

// nextShort returns the first place from i on in text whose byte may
// begin a needle of one or two bytes, or len(text); with search, it
// searches for each such byte.
func (s *needleIndex) nextShort(text string, i int, search bool) int {
	if !search {
		for ; i < len(text); i++ {
			if s.shortFirst[text[i]] {
				return i
			}
		}
		return i
	}
	next := len(text)
	for _, c := range s.shortBytes {
		if j := strings.IndexByte(text[i:next], c); j >= 0 {
			next = i + j
		}
	}
	return next
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
