package pattern

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
	// short lists the needles of one or two bytes, and shortFirst their
	// first bytes.
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
func (s *needleIndex) each(text string, f func(start, end int, needle int32)) {
	var g uint32
	for i := 0; i < len(text); i++ {
		if i+2 < len(text) {
			if i == 0 {
				g = uint32(lowerByte(text[0]))<<8 | uint32(lowerByte(text[1]))
			}
			g = (g<<8 | uint32(lowerByte(text[i+2]))) & 0xffffff
			if h := gramHash(g); s.grams[h/64]&(1<<(h%64)) != 0 {
				for _, n := range s.byGram[g] {
					if w := s.words[n]; hasLowerPrefix(text[i:], w) {
						f(i, i+len(w), n)
					}
				}
			}
		}
		if s.shortFirst[lowerByte(text[i])] {
			for _, n := range s.short {
				if w := s.words[n]; hasLowerPrefix(text[i:], w) {
					f(i, i+len(w), n)
				}
			}
		}
	}
}

// hasLowerPrefix reports whether s begins with the lower-case w, ASCII
// capitals in s taken as small letters.
func hasLowerPrefix(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		if lowerByte(s[j]) != w[j] {
			return false
		}
	}
	return true
}
