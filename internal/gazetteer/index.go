package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"io"
	"strings"

	"github.com/sitrep/sitrep/internal/bloom"
)

//go:generate go test -run TestGeneratedUpToDate -update-index

// namesIndex is the index of the places' folded names that build makes,
// written by writeNames: Load reads it rather than fold and file every
// name again. It is not compressed, and its numbers are of fixed width,
// so that reading it is little more than hashing the names: inflating
// it took a fifth of a load.
//
//go:embed names.idx
var namesIndex string

// The index holds no hashes, which depend on a seed drawn at each load,
// only what build files under them, little-endian, in this order:
//
//	namesMagic
//	u32      number of names
//	u32      for each name, where it ends in the text
//	u32      for each name, where its places end in the list of places
//	u32      length of the list of places
//	u32      each place of each name, most prominent first
//	u32      number of first words
//	u32, u64 for each word that begins a name: a name it begins, and
//	         the numbers of words of the names it begins, as bits
//	bytes    the text: the names end to end
//
// The phrases follow from the names.
const namesMagic = "sitrep names 1\n"

// writeNames writes the index of t to w.
func writeNames(w io.Writer, t *nameTable) error {
	buf := []byte(namesMagic)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(t.entries)))
	for _, e := range t.entries {
		buf = binary.LittleEndian.AppendUint32(buf, e.off+e.n)
	}
	for _, e := range t.entries {
		buf = binary.LittleEndian.AppendUint32(buf, e.ids+e.nids)
	}
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(t.ids)))
	for _, id := range t.ids {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(id))
	}
	// The words that begin names, in the order of the first name each
	// begins, with the lengths of the names they begin.
	first := map[string]int{}
	var words []uint32
	var lengths []uint64
	for i, e := range t.entries {
		name := t.text[e.off : e.off+e.n]
		word, _, _ := strings.Cut(name, " ")
		j, ok := first[word]
		if !ok {
			j = len(words)
			first[word] = j
			words = append(words, uint32(i))
			lengths = append(lengths, 0)
		}
		lengths[j] |= 1 << (strings.Count(name, " ") + 1)
	}
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(words)))
	for j, i := range words {
		buf = binary.LittleEndian.AppendUint32(buf, i)
		buf = binary.LittleEndian.AppendUint64(buf, lengths[j])
	}
	if len(t.entries) > 0 {
		e := t.entries[len(t.entries)-1]
		buf = append(buf, t.text[:e.off+e.n]...)
	}
	_, err := w.Write(buf)
	return err
}

var errIndex = errors.New("gazetteer name index: truncated or corrupt")

// readNames reads an index written by writeNames into g's table of
// names, phrases and lengths by first word. The names are the index's
// own text.
func (g *Gazetteer) readNames(data string) error {
	r := tableReader{data: data}
	if r.take(uint64(len(namesMagic))) != namesMagic {
		return errIndex
	}
	count := uint64(r.u32())
	if count > uint64(len(r.data)) {
		return errIndex
	}
	nameEnds, idEnds := r.take(4*count), r.take(4*count)
	nids := uint64(r.u32())
	rawIDs := r.take(4 * nids)
	nwords := uint64(r.u32())
	words := r.take(12 * nwords)
	if r.bad {
		return errIndex
	}
	text := r.data
	t := nameTable{seed: g.seed, slots: make([]int32, slotsFor(int(count))), entries: make([]nameEntry, count), text: text, ids: make([]int32, nids)}
	for i := range t.ids {
		t.ids[i] = int32(u32(rawIDs, 4*i))
	}
	phrases := make([]uint64, 0, count/2)
	var off, ids uint32
	for i := range t.entries {
		end, idEnd := u32(nameEnds, 4*i), u32(idEnds, 4*i)
		if end < off || uint64(end) > uint64(len(text)) || idEnd < ids || uint64(idEnd) > nids {
			return errIndex
		}
		e := &t.entries[i]
		e.off, e.n, e.ids, e.nids = off, end-off, ids, idEnd-ids
		off, ids = end, idEnd
		// As build files a name: by its hash.
		name := text[e.off:end]
		e.hash = maphash.String(g.seed, name)
		place(t.slots, e.hash, int32(i))
		if strings.IndexByte(name, ' ') >= 0 {
			phrases = append(phrases, e.hash)
		}
	}
	if uint64(off) != uint64(len(text)) || uint64(ids) != nids {
		return errIndex
	}
	for j := 0; j < len(words); j += 12 {
		i := uint64(u32(words, j))
		if i >= count {
			return errIndex
		}
		e := t.entries[i]
		word, _, _ := strings.Cut(text[e.off:e.off+e.n], " ")
		// Two words of one hash share their bits, as in build.
		g.lengths[maphash.String(g.seed, word)] |= u64(words, j+4)
	}
	g.byName = t
	g.phrases = bloom.Of(phrases)
	return nil
}
