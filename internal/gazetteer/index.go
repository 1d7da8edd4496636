package gazetteer

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"strings"

	"github.com/sitrep/sitrep/internal/bloom"
)

//go:generate go test -run TestGeneratedUpToDate -update-index

// namesIndex is the index of the places' folded names that build makes,
// written by writeNames: Load reads it rather than fold and file every
// name again.
//
//go:embed names.idx.gz
var namesIndex []byte

// The index holds no hashes, which depend on a seed drawn at each load,
// only what build files under them, in its order:
//
//	uvarint  number of names
//	uvarint  length of each name
//	bytes    the names end to end
//	for each name: uvarint number of places, then uvarint each place,
//	most prominent first
//
// The phrases and the lengths of names by first word follow from the
// names.

// writeNames writes the index of t to w, uncompressed.
func writeNames(w io.Writer, t *nameTable) error {
	var buf []byte
	buf = binary.AppendUvarint(buf, uint64(len(t.entries)))
	for _, e := range t.entries {
		buf = binary.AppendUvarint(buf, uint64(e.n))
	}
	for _, e := range t.entries {
		buf = append(buf, t.text[e.off:e.off+e.n]...)
	}
	for _, e := range t.entries {
		buf = binary.AppendUvarint(buf, uint64(e.nids))
		for _, id := range t.ids[e.ids : e.ids+e.nids] {
			buf = binary.AppendUvarint(buf, uint64(id))
		}
	}
	_, err := w.Write(buf)
	return err
}

var errIndex = errors.New("gazetteer name index: truncated or corrupt")

// readNames reads an index written by writeNames and gzipped into g's
// table of names, phrases and lengths by first word.
func (g *Gazetteer) readNames(gz []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("gazetteer name index: %w", err)
	}
	var raw bytes.Buffer
	raw.Grow(8 << 20)
	if _, err := io.Copy(&raw, zr); err != nil {
		return fmt.Errorf("gazetteer name index: %w", err)
	}
	data := raw.Bytes()
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(data)
		if n <= 0 {
			return 0, false
		}
		data = data[n:]
		return v, true
	}
	count, ok := next()
	if !ok || count > uint64(len(data)) {
		return errIndex
	}
	t := nameTable{seed: g.seed, slots: make([]int32, slotsFor(int(count))), entries: make([]nameEntry, count)}
	var size uint64
	for i := range t.entries {
		n, ok := next()
		if !ok {
			return errIndex
		}
		t.entries[i].off, t.entries[i].n = uint32(size), uint32(n)
		size += n
	}
	if size > uint64(len(data)) {
		return errIndex
	}
	t.text, data = string(data[:size]), data[size:]
	t.ids = make([]int32, 0, len(data)/2)
	var phrases []uint64
	for i := range t.entries {
		e := &t.entries[i]
		nids, ok := next()
		if !ok || nids > uint64(len(data)) {
			return errIndex
		}
		e.ids, e.nids = uint32(len(t.ids)), uint32(nids)
		for range nids {
			id, ok := next()
			if !ok {
				return errIndex
			}
			t.ids = append(t.ids, int32(id))
		}
		// As build files a name: its hash, and its first word's bit for
		// its number of words.
		name := t.text[e.off : e.off+e.n]
		e.hash = maphash.String(g.seed, name)
		place(t.slots, e.hash, int32(i))
		w := strings.Count(name, " ") + 1
		if w > 1 {
			phrases = append(phrases, e.hash)
		}
		first, _, _ := strings.Cut(name, " ")
		g.lengths[maphash.String(g.seed, first)] |= 1 << w
	}
	if len(data) != 0 {
		return errIndex
	}
	g.byName = t
	g.phrases = bloom.Of(phrases)
	return nil
}
