package text

// WordMap maps words, such as the keys of tokens, to values. It is made
// once and asked of every word of many texts, most of which it does not
// hold: a hash of three of a key's bytes and its length, and a slot,
// most often empty, of a table eight times as big as the words, answer
// for them sooner than Go's map does for keys this short.
type WordMap[V any] struct {
	keys  []string
	vals  []V
	slots []int32 // one more than the index of the key there, or 0
	shift uint8   // of wordHash, to the bits that index slots
}

// NewWordMap returns the WordMap of keys, none of them "" and none twice,
// to vals, the value of each key at the same index.
func NewWordMap[V any](keys []string, vals []V) *WordMap[V] {
	bits := uint8(4) // slots: a power of two, eight or more times the words
	for 1<<bits < 8*len(keys) {
		bits++
	}
	m := &WordMap[V]{keys: keys, vals: vals, slots: make([]int32, 1<<bits), shift: 32 - bits}
	mask := len(m.slots) - 1
	for i, k := range keys {
		at := int(wordHash(k) >> m.shift)
		for m.slots[at] != 0 {
			at = (at + 1) & mask
		}
		m.slots[at] = int32(i) + 1
	}
	return m
}

// Get returns the value of key, and whether m holds it.
func (m *WordMap[V]) Get(key string) (v V, ok bool) {
	if key == "" || m == nil {
		return v, false
	}
	mask := len(m.slots) - 1
	for at := int(wordHash(key) >> m.shift); ; at = (at + 1) & mask {
		f := m.slots[at]
		if f == 0 {
			return v, false
		}
		if m.keys[f-1] == key {
			return m.vals[f-1], true
		}
	}
}

// wordHash hashes a key that is not "" by its first, middle and last
// bytes and its length: enough to part the words of a list.
func wordHash(key string) uint32 {
	n := uint(len(key))
	return (uint32(key[0]) | uint32(key[n/2])<<8 | uint32(key[n-1])<<16 | uint32(n)<<24) * 0x9e3779b1
}
