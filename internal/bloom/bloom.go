// Package bloom holds a Bloom filter of 64-bit hashes whose bits for a
// hash all lie in one word of its table: a look-up reads one word where
// a look-up in a map reads two or three places far apart. Dictionaries
// of names ask it before their maps about phrases of several words,
// most of which name nothing, and hash those phrases with HashOf.
package bloom

import "fmt"

// Filter is a set of hashes that may, rarely, hold one it was never
// given and never misses one it was. Its zero value holds nothing.
type Filter struct {
	words []uint64
	mask  uint64 // the table's length in words, less one
}

// bitsPer is the table's bits for each hash: with four bits a hash in
// one word, a false yes comes about once in a hundred look-ups.
const bitsPer = 16

// New makes a Filter for n hashes.
func New(n int) Filter {
	size := uint64(1)
	for size*64 < uint64(n)*bitsPer {
		size *= 2
	}
	return Filter{words: make([]uint64, size), mask: size - 1}
}

// Of makes a Filter that holds hs.
func Of(hs []uint64) Filter {
	f := New(len(hs))
	for _, h := range hs {
		f.Add(h)
	}
	return f
}

// at returns the word of h and its bits there: four, picked by the low
// 24 bits of h, the word by the rest.
func (f *Filter) at(h uint64) (word *uint64, bits uint64) {
	bits = 1<<(h&63) | 1<<(h>>6&63) | 1<<(h>>12&63) | 1<<(h>>18&63)
	return &f.words[(h>>24)&f.mask], bits
}

// Add puts h in the set. The hashes must be well mixed, as maphash's
// are: the filter uses their bits as they come.
func (f *Filter) Add(h uint64) {
	w, bits := f.at(h)
	*w |= bits
}

// Has reports whether h may be in the set: false only when it is not.
func (f *Filter) Has(h uint64) bool {
	if len(f.words) == 0 {
		return false
	}
	w, bits := f.at(h)
	return *w&bits == bits
}

// Words returns f's table, for a filter built ahead of time and stored:
// FromWords makes the same filter of it again.
func (f Filter) Words() []uint64 { return f.words }

// FromWords makes a Filter of a table that Words returned.
func FromWords(words []uint64) (Filter, error) {
	if len(words) == 0 || len(words)&(len(words)-1) != 0 {
		return Filter{}, fmt.Errorf("bloom: a table of %d words, not a power of two", len(words))
	}
	return Filter{words: words, mask: uint64(len(words) - 1)}, nil
}
