package gazetteer

import (
	"hash/maphash"
	"strings"
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

// newNameTable freezes names, whose lists are in their final order.
func newNameTable(seed maphash.Seed, names map[string][]int32) nameTable {
	t := nameTable{seed: seed, heads: make(map[uint64]int32, len(names)), entries: make([]nameEntry, 0, len(names))}
	size, nids := 0, 0
	for k, ids := range names {
		size += len(k)
		nids += len(ids)
	}
	var text strings.Builder
	text.Grow(size)
	t.ids = make([]int32, 0, nids)
	for k, ids := range names {
		e := nameEntry{off: uint32(text.Len()), n: uint32(len(k)), ids: uint32(len(t.ids)), nids: uint32(len(ids)), next: -1}
		text.WriteString(k)
		t.ids = append(t.ids, ids...)
		h := maphash.String(seed, k)
		if head, ok := t.heads[h]; ok {
			e.next = head
		}
		t.heads[h] = int32(len(t.entries))
		t.entries = append(t.entries, e)
	}
	t.text = text.String()
	return t
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
			return t.list(e)
		}
	}
	return nil
}

// lookup is get for a name as a string.
func (t *nameTable) lookup(k string) []int32 {
	h := maphash.String(t.seed, k)
	i, ok := t.heads[h]
	if !ok {
		return nil
	}
	for ; i >= 0; i = t.entries[i].next {
		if e := t.entries[i]; t.text[e.off:e.off+e.n] == k {
			return t.list(e)
		}
	}
	return nil
}

// list returns the places of e, capped so that no caller can append
// over the next name's.
func (t *nameTable) list(e nameEntry) []int32 {
	return t.ids[e.ids : e.ids+e.nids : e.ids+e.nids]
}

// len returns the number of names.
func (t *nameTable) len() int { return len(t.entries) }
