package gazetteer

import (
	"bytes"
	"hash/maphash"
)

// nameTable maps folded names to the places they name. Its keys, lists
// and hash index are four arrays that hold no pointers, where a map of
// strings to slices held two for each of 400,000 names: the collector,
// which must trace every pointer the gazetteer holds in each cycle for
// as long as the program runs, then has nothing in it to trace. The index
// is open addressing over an array of int32: filled at each start, it
// costs less than a map of as many entries, which grows, and is smaller.
type nameTable struct {
	seed    maphash.Seed
	slots   []int32 // by hash, from the hash's slot on: entry + 1, or 0 past the last
	entries []nameEntry
	text    string  // the names, end to end
	ids     []int32 // the places of each name, most prominent first
}

type nameEntry struct {
	hash      uint64
	off, n    uint32 // the name: text[off:off+n]
	ids, nids uint32 // its places: ids[ids:ids+nids]
}

// get returns the places named by the folded name k, whose hash under
// the table's seed is h.
func (t *nameTable) get(h uint64, k []byte) []int32 {
	if i := t.find(h, k); i >= 0 {
		e := t.entries[i]
		return t.ids[e.ids : e.ids+e.nids : e.ids+e.nids]
	}
	return nil
}

// find returns the entry of the folded name k, whose hash is h, or -1.
func (t *nameTable) find(h uint64, k []byte) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if e := &t.entries[s-1]; e.hash == h && t.text[e.off:e.off+e.n] == string(k) {
			return s - 1
		}
	}
}

// lookup returns the places named by the folded name k.
func (t *nameTable) lookup(k string) []int32 {
	if len(t.slots) == 0 {
		return nil
	}
	h := maphash.String(t.seed, k)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return nil
		}
		if e := t.entries[s-1]; e.hash == h && t.text[e.off:e.off+e.n] == k {
			return t.ids[e.ids : e.ids+e.nids : e.ids+e.nids]
		}
	}
}

// len returns the number of names.
func (t *nameTable) len() int { return len(t.entries) }

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
	t     nameTable
	text  []byte
	lists []nameList // of each entry
	posts []posting
}

// nameList is a name's places while the table is built, in the order
// they were added: a chain through posts.
type nameList struct{ first, last int32 }

type posting struct{ id, next int32 }

func newNameBuilder(seed maphash.Seed, size int) *nameBuilder {
	// Sized from the table's size up front: grown as they filled, these
	// took a tenth of a load in copying.
	return &nameBuilder{
		t:     nameTable{seed: seed, slots: make([]int32, slotsFor(size)), entries: make([]nameEntry, 0, size)},
		text:  make([]byte, 0, 12*size),
		lists: make([]nameList, 0, size),
		posts: make([]posting, 0, size+size/4),
	}
}

// find returns the entry of the folded name k, whose hash is h, or -1.
func (b *nameBuilder) find(h uint64, k []byte) int32 {
	t := &b.t
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if e := &t.entries[s-1]; e.hash == h && bytes.Equal(b.text[e.off:e.off+e.n], k) {
			return s - 1
		}
	}
}

// add files place idx under the folded name k, unless it is there. It
// returns k's hash and whether k is a name the table did not have.
func (b *nameBuilder) add(k []byte, idx int32) (h uint64, fresh bool) {
	h = maphash.Bytes(b.t.seed, k)
	i := b.find(h, k)
	if i < 0 {
		i = int32(len(b.t.entries))
		if 2*(len(b.t.entries)+1) > len(b.t.slots) {
			b.grow()
		}
		place(b.t.slots, h, i)
		b.t.entries = append(b.t.entries, nameEntry{hash: h, off: uint32(len(b.text)), n: uint32(len(k))})
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
	b.t.slots = make([]int32, 2*len(b.t.slots))
	for i, e := range b.t.entries {
		place(b.t.slots, e.hash, int32(i))
	}
}

// places appends the places of the folded name k to dst.
func (b *nameBuilder) places(dst []int32, k []byte) []int32 {
	if i := b.find(maphash.Bytes(b.t.seed, k), k); i >= 0 {
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

// table returns the table built, each name's places put in order by
// sort, which is given them in the order they were added.
func (b *nameBuilder) table(sort func([]int32)) nameTable {
	t := b.t
	t.text = string(b.text)
	t.ids = make([]int32, 0, len(b.posts))
	for i := range t.entries {
		start := len(t.ids)
		t.ids = b.list(t.ids, int32(i))
		sort(t.ids[start:])
		t.entries[i].ids, t.entries[i].nids = uint32(start), uint32(len(t.ids)-start)
	}
	return t
}
