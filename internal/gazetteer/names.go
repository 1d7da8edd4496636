package gazetteer

import (
	"bytes"
	"slices"

	"github.com/sitrep/sitrep/internal/bloom"
)

// nameTable maps folded names to the places they name. It is read in
// place from the index writeNames writes: its slots, names and lists are
// the embedded index's own bytes, which a process faults in only where a
// look-up reads them and which the collector never traces; only the
// places' numbers are copied out, so that a look-up can return them.
type nameTable struct {
	slots  string // u32 each, by hash from the hash's slot on: name + 1, or 0 past the last
	mask   uint64 // the number of slots, less one
	ends   string // u32 each: where each name ends in text
	idEnds string // u32 each: where each name's places end in ids
	text   string // the names, end to end
	ids    []int32
}

// len returns the number of names.
func (t *nameTable) len() int { return len(t.ends) / 4 }

// name returns name i.
func (t *nameTable) name(i int) string {
	start := uint32(0)
	if i > 0 {
		start = u32(t.ends, 4*(i-1))
	}
	return t.text[start:u32(t.ends, 4*i)]
}

// places returns the places of name i, most prominent first.
func (t *nameTable) places(i int) []int32 {
	start := uint32(0)
	if i > 0 {
		start = u32(t.idEnds, 4*(i-1))
	}
	end := u32(t.idEnds, 4*i)
	return t.ids[start:end:end]
}

// findName returns the number of the folded name k, whose hash is h, in
// t, or -1.
func findName[T string | []byte](t *nameTable, h uint64, k T) int {
	if len(t.slots) == 0 {
		return -1
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := u32(t.slots, int(4*i))
		if s == 0 {
			return -1
		}
		if t.name(int(s-1)) == string(k) {
			return int(s - 1)
		}
	}
}

// get returns the places named by the folded name k, whose hash is h.
func (t *nameTable) get(h uint64, k []byte) []int32 {
	if i := findName(t, h, k); i >= 0 {
		return t.places(i)
	}
	return nil
}

// lookup returns the places named by the folded name k.
func (t *nameTable) lookup(k string) []int32 {
	if i := findName(t, bloom.HashOf(k), k); i >= 0 {
		return t.places(i)
	}
	return nil
}

// lengthTable maps the hash of a word to the numbers of words of the
// names that begin with a word of that hash, as bits: bit n for names of
// n words. It is open addressing over two arrays of u32, read in place
// like nameTable: a hash's low bits choose its first slot and its high
// half is its key there; a slot of no bits is empty. Two words that share
// both share their bits, which costs a look-up in the names, never a
// wrong match.
type lengthTable struct {
	keys, bits string
	mask       uint64
}

func (t *lengthTable) get(h uint64) uint64 {
	if len(t.keys) == 0 {
		return 0
	}
	key := uint32(h >> 32)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		b := u32(t.bits, int(4*i))
		if b == 0 {
			return 0
		}
		if u32(t.keys, int(4*i)) == key {
			return uint64(b)
		}
	}
}

// lengthSlots returns the size of a table of lengths for n words: a
// power of two at least 4/3 of n.
func lengthSlots(n int) int {
	size := 1 << 10
	for 3*size < 4*n {
		size *= 2
	}
	return size
}

// slotsFor returns the size of an index for n entries: a power of two at
// least twice n, so that a probe seldom goes past a few slots.
func slotsFor(n int) int {
	size := 1 << 10
	for size < 2*n {
		size *= 2
	}
	return size
}

// place puts entry i, whose hash is h, into slots.
func place(slots []int32, h uint64, i int32) {
	mask := uint64(len(slots) - 1)
	j := h & mask
	for slots[j] != 0 {
		j = (j + 1) & mask
	}
	slots[j] = i + 1
}

// nameBuilder gathers a nameTable. It holds no pointers either, so that
// the collector does not trace it again and again as it grows.
type nameBuilder struct {
	slots   []int32 // as nameTable's
	entries []builtName
	text    []byte
	lists   []nameList // of each entry
	posts   []posting
}

// builtName is a name the builder holds: its hash, and where it is in
// the builder's text.
type builtName struct {
	hash   uint64
	off, n uint32
}

// nameList is a name's places while the table is built, in the order
// they were added: a chain through posts.
type nameList struct{ first, last int32 }

type posting struct{ id, next int32 }

func newNameBuilder(size int) *nameBuilder {
	// Sized from the table's size up front: grown as they filled, these
	// took a tenth of a build in copying.
	return &nameBuilder{
		slots:   make([]int32, slotsFor(size)),
		entries: make([]builtName, 0, size),
		text:    make([]byte, 0, 12*size),
		lists:   make([]nameList, 0, size),
		posts:   make([]posting, 0, size+size/4),
	}
}

// find returns the entry of the folded name k, whose hash is h, or -1.
func (b *nameBuilder) find(h uint64, k []byte) int32 {
	mask := uint64(len(b.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := b.slots[i]
		if s == 0 {
			return -1
		}
		if e := &b.entries[s-1]; e.hash == h && bytes.Equal(b.text[e.off:e.off+e.n], k) {
			return s - 1
		}
	}
}

// add files place idx under the folded name k, unless it is there. It
// returns k's hash and whether k is a name the table did not have.
func (b *nameBuilder) add(k []byte, idx int32) (h uint64, fresh bool) {
	h = bloom.HashOf(k)
	i := b.find(h, k)
	if i < 0 {
		i = int32(len(b.entries))
		if 2*(len(b.entries)+1) > len(b.slots) {
			b.grow()
		}
		place(b.slots, h, i)
		b.entries = append(b.entries, builtName{hash: h, off: uint32(len(b.text)), n: uint32(len(k))})
		b.text = append(b.text, k...)
		b.lists = append(b.lists, nameList{first: -1, last: -1})
		fresh = true
	}
	l := &b.lists[i]
	for p := l.first; p >= 0; p = b.posts[p].next {
		if b.posts[p].id == idx {
			return h, fresh
		}
	}
	p := int32(len(b.posts))
	b.posts = append(b.posts, posting{id: idx, next: -1})
	if l.last >= 0 {
		b.posts[l.last].next = p
	} else {
		l.first = p
	}
	l.last = p
	return h, fresh
}

// grow doubles the index.
func (b *nameBuilder) grow() {
	b.slots = make([]int32, 2*len(b.slots))
	for i, e := range b.entries {
		place(b.slots, e.hash, int32(i))
	}
}

// places appends the places of the folded name k to dst.
func (b *nameBuilder) places(dst []int32, k []byte) []int32 {
	if i := b.find(bloom.HashOf(k), k); i >= 0 {
		return b.list(dst, i)
	}
	return dst
}

// list appends the places of entry i to dst.
func (b *nameBuilder) list(dst []int32, i int32) []int32 {
	for p := b.lists[i].first; p >= 0; p = b.posts[p].next {
		dst = append(dst, b.posts[p].id)
	}
	return dst
}

// index returns the index of the names built, in the form writeNames
// writes, each name's places put in order by sort, which is given them in
// the order they were added; lengths are the lengths of the names by the
// hash of their first word, phrases the Bloom filter of the names of
// several words.
func (b *nameBuilder) index(sort func([]int32), lengths map[uint64]uint64, phrases bloom.Filter) []byte {
	var ids []int32
	ends := make([]uint32, len(b.entries))
	idEnds := make([]uint32, len(b.entries))
	for i, e := range b.entries {
		start := len(ids)
		ids = b.list(ids, int32(i))
		sort(ids[start:])
		ends[i], idEnds[i] = e.off+e.n, uint32(len(ids))
	}
	// Filled in the order of the hashes, so that a build gives the same
	// bytes each time.
	keys := make([]uint64, 0, len(lengths))
	for h := range lengths {
		keys = append(keys, h)
	}
	slices.Sort(keys)
	lenKeys := make([]uint32, lengthSlots(len(keys)))
	lenBits := make([]uint32, len(lenKeys))
	mask := uint64(len(lenKeys) - 1)
	for _, h := range keys {
		j := h & mask
		for lenBits[j] != 0 && lenKeys[j] != uint32(h>>32) {
			j = (j + 1) & mask
		}
		lenKeys[j] = uint32(h >> 32)
		lenBits[j] |= uint32(lengths[h])
	}
	return appendNames(nil, b.slots, ends, idEnds, ids, lenKeys, lenBits, phrases.Words(), string(b.text))
}
