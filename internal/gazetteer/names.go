package gazetteer

import (
	"bytes"
	"hash/maphash"
)

// nameTable maps folded names to the places they name. Its keys, lists
// and hash index are four arrays that hold no pointers, where a map of
// strings to slices held two for each of 400,000 names: the collector,
// which must trace every pointer the gazetteer holds in each cycle for
// as long as the program runs, then has nothing in it to trace.
type nameTable struct {
	seed    maphash.Seed
	heads   map[uint64]int32 // hash of a name -> its entry, the first of any that share the hash
	entries []nameEntry
	text    string  // the names, end to end
	ids     []int32 // the places of each name, most prominent first
}

type nameEntry struct {
	off, n    uint32 // the name: text[off:off+n]
	ids, nids uint32 // its places: ids[ids:ids+nids]
	next      int32  // the next entry with the same hash, or -1
}

// get returns the places named by the folded name k, whose hash under
// the table's seed is h.
func (t *nameTable) get(h uint64, k []byte) []int32 {
	i, ok := t.heads[h]
	if !ok {
		return nil
	}
	for ; i >= 0; i = t.entries[i].next {
		if e := t.entries[i]; t.text[e.off:e.off+e.n] == string(k) {
			return t.ids[e.ids : e.ids+e.nids : e.ids+e.nids]
		}
	}
	return nil
}

// lookup returns the places named by the folded name k.
func (t *nameTable) lookup(k string) []int32 {
	i, ok := t.heads[maphash.String(t.seed, k)]
	if !ok {
		return nil
	}
	for ; i >= 0; i = t.entries[i].next {
		if e := t.entries[i]; t.text[e.off:e.off+e.n] == k {
			return t.ids[e.ids : e.ids+e.nids : e.ids+e.nids]
		}
	}
	return nil
}

// len returns the number of names.
func (t *nameTable) len() int { return len(t.entries) }

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
	return &nameBuilder{t: nameTable{seed: seed, heads: make(map[uint64]int32, size), entries: make([]nameEntry, 0, size)}}
}

// find returns the entry of the folded name k, whose hash is h, or -1.
func (b *nameBuilder) find(h uint64, k []byte) int32 {
	i, ok := b.t.heads[h]
	if !ok {
		return -1
	}
	for ; i >= 0; i = b.t.entries[i].next {
		if e := b.t.entries[i]; bytes.Equal(b.text[e.off:e.off+e.n], k) {
			return i
		}
	}
	return -1
}

// add files place idx under the folded name k, unless it is there. It
// returns k's hash and whether k is a name the table did not have.
func (b *nameBuilder) add(k []byte, idx int32) (h uint64, fresh bool) {
	h = maphash.Bytes(b.t.seed, k)
	i := b.find(h, k)
	if i < 0 {
		i = int32(len(b.t.entries))
		next, ok := b.t.heads[h]
		if !ok {
			next = -1
		}
		b.t.heads[h] = i
		b.t.entries = append(b.t.entries, nameEntry{off: uint32(len(b.text)), n: uint32(len(k)), next: next})
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
