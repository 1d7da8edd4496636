package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/sitrep/sitrep/internal/bloom"
)

//go:generate go test -run TestGeneratedUpToDate -update-index

// namesIndex is the index of the places' folded names that build makes,
// written by writeNames: Load reads it in place rather than fold and file
// every name again, or even hash them (see bloom.HashOf).
//
//go:embed names.idx
var namesIndex string

// The index is little-endian, in this order:
//
//	namesMagic
//	u32 x 6  the numbers of names, of slots, of places in the lists, of
//	         slots of lengths and of words of the Bloom filter, and the
//	         length of the text
//	u32      each slot of the table of names (see nameTable)
//	u32      for each name, where it ends in the text
//	u32      for each name, where its places end in the lists
//	u32      each place of each name, most prominent first
//	u32      each key of the table of lengths (see lengthTable)
//	u32      the bits of each slot of the table of lengths
//	u64      each word of the Bloom filter of the names of several words
//	bytes    the text: the names end to end
const namesMagic = "sitrep names 3\n"

// appendNames appends an index of these parts to buf.
func appendNames(buf []byte, slots []int32, ends, idEnds []uint32, ids []int32, lenKeys, lenBits []uint32, bloomWords []uint64, text string) []byte {
	buf = append(buf, namesMagic...)
	for _, n := range []int{len(ends), len(slots), len(ids), len(lenKeys), len(bloomWords), len(text)} {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(n))
	}
	for _, v := range slots {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(v))
	}
	for _, list := range [][]uint32{ends, idEnds} {
		for _, v := range list {
			buf = binary.LittleEndian.AppendUint32(buf, v)
		}
	}
	for _, v := range ids {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(v))
	}
	for _, list := range [][]uint32{lenKeys, lenBits} {
		for _, v := range list {
			buf = binary.LittleEndian.AppendUint32(buf, v)
		}
	}
	for _, v := range bloomWords {
		buf = binary.LittleEndian.AppendUint64(buf, v)
	}
	return append(buf, text...)
}

// writeNames writes g's index of names, as readNames reads it, to w.
func writeNames(w io.Writer, g *Gazetteer) error {
	t := &g.byName
	var buf []byte
	buf = append(buf, namesMagic...)
	for _, n := range []int{t.len(), len(t.slots) / 4, len(t.ids), len(g.lengths.keys) / 4, len(g.phrases.Words()), len(t.text)} {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(n))
	}
	buf = append(buf, t.slots...)
	buf = append(buf, t.ends...)
	buf = append(buf, t.idEnds...)
	for _, v := range t.ids {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(v))
	}
	buf = append(buf, g.lengths.keys...)
	buf = append(buf, g.lengths.bits...)
	for _, v := range g.phrases.Words() {
		buf = binary.LittleEndian.AppendUint64(buf, v)
	}
	buf = append(buf, t.text...)
	_, err := w.Write(buf)
	return err
}

var errIndex = errors.New("gazetteer name index: truncated or corrupt")

// readNames reads an index written by writeNames into g's names, lengths
// and phrases. It checks every number that a look-up would follow, so
// that no look-up can fail later; the tables stay data's own bytes.
func (g *Gazetteer) readNames(data string) error {
	r := tableReader{data: data}
	if r.take(uint64(len(namesMagic))) != namesMagic {
		return errIndex
	}
	var n [6]uint64
	for i := range n {
		n[i] = uint64(r.u32())
	}
	count, nslots, nids, nlen, nbloom, ntext := n[0], n[1], n[2], n[3], n[4], n[5]
	t := nameTable{
		slots:  r.take(4 * nslots),
		ends:   r.take(4 * count),
		idEnds: r.take(4 * count),
	}
	rawIDs := r.take(4 * nids)
	lens := lengthTable{keys: r.take(4 * nlen), bits: r.take(4 * nlen)}
	rawBloom := r.take(8 * nbloom)
	t.text = r.take(ntext)
	if r.bad || r.data != "" || !powerOfTwo(nslots) || !powerOfTwo(nlen) || count >= nslots || count >= math.MaxInt32 {
		return errIndex
	}
	t.mask, lens.mask = nslots-1, nlen-1
	for i := 0; i < len(t.slots); i += 4 {
		if uint64(u32(t.slots, i)) > count {
			return errIndex
		}
	}
	for _, c := range []struct {
		ends  string
		limit uint64
	}{{t.ends, ntext}, {t.idEnds, nids}} {
		var prev uint32
		for i := 0; i < len(c.ends); i += 4 {
			e := u32(c.ends, i)
			if e < prev || uint64(e) > c.limit {
				return errIndex
			}
			prev = e
		}
	}
	t.ids = make([]int32, nids)
	for i := range t.ids {
		t.ids[i] = int32(u32(rawIDs, 4*i))
	}
	words := make([]uint64, nbloom)
	for i := range words {
		words[i] = u64(rawBloom, 8*i)
	}
	phrases, err := bloom.FromWords(words)
	if err != nil {
		return fmt.Errorf("gazetteer name index: %w", err)
	}
	g.byName, g.lengths, g.phrases = t, lens, phrases
	return nil
}

func powerOfTwo(n uint64) bool { return n != 0 && n&(n-1) == 0 }
