package gazetteer

// bloom is a set of hashes that may, rarely, hold one it was never given
// and never misses one it was. All the bits of a hash lie in one word of
// its table, so a look-up reads one word where a look-up in the map of
// all names reads two or three places far apart. Find asks it before the
// map about phrases of several words, most of which name nothing.
type bloom struct {
	words []uint64
	mask  uint64 // the table's length in words, less one
}

// bloomBits is the table's bits for each hash: with four bits a hash in
// one word, a false yes comes about once in a hundred look-ups.
const bloomBits = 16

// newBloom makes a bloom for n hashes.
func newBloom(n int) bloom {
	size := uint64(1)
	for size*64 < uint64(n)*bloomBits {
		size *= 2
	}
	return bloom{words: make([]uint64, size), mask: size - 1}
}

// at returns the word of h and its bits there: four, picked by the low
// 24 bits of h, the word by the rest.
func (b *bloom) at(h uint64) (word *uint64, bits uint64) {
	bits = 1<<(h&63) | 1<<(h>>6&63) | 1<<(h>>12&63) | 1<<(h>>18&63)
	return &b.words[(h>>24)&b.mask], bits
}

func (b *bloom) add(h uint64) {
	w, bits := b.at(h)
	*w |= bits
}

// has reports whether h may be in the set: false only when it is not.
func (b *bloom) has(h uint64) bool {
	w, bits := b.at(h)
	return *w&bits == bits
}
