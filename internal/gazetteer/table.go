package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync/atomic"
)

// placeTable is the places build reads from places.tsv.gz, less their
// alternate names (names.idx holds those), written by writePlaces in a
// form Load reads without parsing: numbers at fixed offsets, and strings
// that are cut from the embedded table itself, so that no place's string
// is allocated or copied. Parsing and inflating the table took most of a
// load.
//
//go:embed places.bin
var placeTable string

// The table is little-endian, in this order:
//
//	placeMagic
//	u32      number of strings; string 0 is ""
//	u32      end of each string in the text, from string 1 on
//	bytes    the strings end to end
//	u32      number of places
//	records  placeSize bytes for each place (see writePlaces)
//	u32      number of demonyms
//	u32 x 2  for each, the string of the folded demonym and of its
//	         country's ISO code, in the order of the demonyms
const placeMagic = "sitrep places 1\n"

// placeSize is the size of a place's record.
const placeSize = 64

// Offsets in a place's record: the kind, then the number fields, then
// the strings as their numbers in the table.
const (
	recID         = 0 // int32
	recKind       = 4 // byte, three bytes of padding
	recName       = 8 // the strings, u32 each
	recCode       = 12
	recCountry    = 16
	recAdmin1     = 20
	recAdmin2     = 24
	recFeature    = 28
	recISO3       = 32
	recRegion     = 36
	recNumeric    = 40 // u32
	recPopulation = 44 // u32
	recLat        = 48 // float64 bits
	recLon        = 56
)

// writePlaces writes g's places but its areas, and its demonyms, as a
// table for readPlaceTable.
func writePlaces(w io.Writer, g *Gazetteer) error {
	strs := map[string]uint32{"": 0}
	var text []byte
	var ends []uint32
	ref := func(s string) uint32 {
		i, ok := strs[s]
		if !ok {
			text = append(text, s...)
			ends = append(ends, uint32(len(text)))
			i = uint32(len(ends))
			strs[s] = i
		}
		return i
	}
	// The areas, which come last, are read from areas.tsv.
	all := g.places.all()
	places := all
	if i := slices.IndexFunc(places, func(p Place) bool { return p.Kind == Area }); i >= 0 {
		places = places[:i]
	}
	recs := make([]byte, 0, placeSize*len(places))
	for i, p := range all {
		if i >= len(places) {
			if p.Kind != Area {
				return fmt.Errorf("place %d, %s: after the areas", p.ID, p.Name)
			}
			continue
		}
		if p.Countries != nil {
			return fmt.Errorf("place %d, %s: countries of an area", p.ID, p.Name)
		}
		if p.ID != int(int32(p.ID)) || p.Population < 0 || p.Population > math.MaxUint32 || p.Numeric < 0 || p.Numeric > math.MaxUint32 {
			return fmt.Errorf("place %d, %s: a number out of the table's range", p.ID, p.Name)
		}
		var r [placeSize]byte
		binary.LittleEndian.PutUint32(r[recID:], uint32(int32(p.ID)))
		r[recKind] = byte(p.Kind)
		// In a fixed order, so that the strings are numbered alike at
		// each run.
		for _, f := range []struct {
			off int
			s   string
		}{{recName, p.Name}, {recCode, p.CountryCode}, {recCountry, p.Country}, {recAdmin1, p.Admin1}, {recAdmin2, p.Admin2}, {recFeature, p.Feature}, {recISO3, p.ISO3}, {recRegion, p.Region}} {
			binary.LittleEndian.PutUint32(r[f.off:], ref(f.s))
		}
		binary.LittleEndian.PutUint32(r[recNumeric:], uint32(p.Numeric))
		binary.LittleEndian.PutUint32(r[recPopulation:], uint32(p.Population))
		binary.LittleEndian.PutUint64(r[recLat:], math.Float64bits(p.Lat))
		binary.LittleEndian.PutUint64(r[recLon:], math.Float64bits(p.Lon))
		recs = append(recs, r[:]...)
	}
	demonyms := make([]string, 0, len(g.demonyms))
	for d := range g.demonyms {
		demonyms = append(demonyms, d)
	}
	slices.Sort(demonyms)
	var dem []byte
	for _, d := range demonyms {
		dem = binary.LittleEndian.AppendUint32(dem, ref(d))
		dem = binary.LittleEndian.AppendUint32(dem, ref(g.demonyms[d]))
	}

	buf := []byte(placeMagic)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(ends)+1))
	for _, e := range ends {
		buf = binary.LittleEndian.AppendUint32(buf, e)
	}
	buf = append(buf, text...)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(places)))
	buf = append(buf, recs...)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(demonyms)))
	buf = append(buf, dem...)
	_, err := w.Write(buf)
	return err
}

var errPlaceTable = errors.New("gazetteer place table: truncated or corrupt")

// tableReader reads a table written by writePlaces.
type tableReader struct {
	data string
	bad  bool // set by a read past the end
}

func (r *tableReader) u32() uint32 {
	if len(r.data) < 4 {
		r.bad, r.data = true, ""
		return 0
	}
	v := u32(r.data, 0)
	r.data = r.data[4:]
	return v
}

func (r *tableReader) take(n uint64) string {
	if uint64(len(r.data)) < n {
		r.bad, r.data = true, ""
		return ""
	}
	s := r.data[:n]
	r.data = r.data[n:]
	return s
}

// u32 reads the little-endian uint32 at s[i:].
func u32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

// u64 reads the little-endian uint64 at s[i:].
func u64(s string, i int) uint64 {
	return uint64(u32(s, i)) | uint64(u32(s, i+4))<<32
}

// readPlaceTable reads a table written by writePlaces: g's countries and
// demonyms now, and its places as they are first asked for (see
// placeList). It checks the whole table, so that decoding a place later
// cannot fail.
func (g *Gazetteer) readPlaceTable(data string) error {
	r := tableReader{data: data}
	if r.take(uint64(len(placeMagic))) != placeMagic {
		return errPlaceTable
	}
	nstr := uint64(r.u32())
	if nstr == 0 || nstr > uint64(len(r.data)) {
		return errPlaceTable
	}
	t := placeData{nstr: uint32(nstr), ends: r.take(4 * (nstr - 1))}
	if r.bad {
		return errPlaceTable
	}
	var end uint32
	for i := 0; i < len(t.ends); i += 4 {
		e := u32(t.ends, i)
		if e < end {
			return errPlaceTable
		}
		end = e
	}
	t.text = r.take(uint64(end))
	n := uint64(r.u32())
	t.recs = r.take(n * placeSize)
	nd := uint64(r.u32())
	dem := r.take(8 * nd)
	if r.bad || r.data != "" || n > math.MaxInt32 {
		return errPlaceTable
	}
	t.n = int(n)
	for i := 0; i < len(t.recs); i += placeSize {
		rec := t.recs[i : i+placeSize]
		if Kind(rec[recKind]) >= Area {
			return errPlaceTable
		}
		for off := recName; off < recNumeric; off += 4 {
			if u32(rec, off) >= t.nstr {
				return errPlaceTable
			}
		}
		if Kind(rec[recKind]) == Country {
			g.countries[t.str(rec, recCode)] = int32(i / placeSize)
		}
	}
	for i := 0; i < len(dem); i += 8 {
		if u32(dem, i) >= t.nstr || u32(dem, i+4) >= t.nstr {
			return errPlaceTable
		}
		g.demonyms[t.str(dem, i)] = t.str(dem, i+4)
	}
	g.places = placeList{table: t, blocks: make([]atomic.Pointer[placeBlock], (t.n+blockSize-1)/blockSize)}
	return nil
}

// placeData is a place table that readPlaceTable has checked.
type placeData struct {
	n    int    // number of places
	nstr uint32 // number of strings
	ends string // where each string from string 1 on ends in text
	text string
	recs string // the places' records
}

// str returns the string whose number is at rec[off:].
func (t *placeData) str(rec string, off int) string {
	i := u32(rec, off)
	if i == 0 {
		return ""
	}
	start := uint32(0)
	if i > 1 {
		start = u32(t.ends, int(4*(i-2)))
	}
	return t.text[start:u32(t.ends, int(4*(i-1)))]
}

// place decodes place i.
func (t *placeData) place(i int) Place {
	rec := t.recs[i*placeSize : (i+1)*placeSize]
	return Place{
		ID:          int(int32(u32(rec, recID))),
		Kind:        Kind(rec[recKind]),
		Name:        t.str(rec, recName),
		CountryCode: t.str(rec, recCode),
		Country:     t.str(rec, recCountry),
		Admin1:      t.str(rec, recAdmin1),
		Admin2:      t.str(rec, recAdmin2),
		Feature:     t.str(rec, recFeature),
		ISO3:        t.str(rec, recISO3),
		Region:      t.str(rec, recRegion),
		Numeric:     int(u32(rec, recNumeric)),
		Population:  int(u32(rec, recPopulation)),
		Lat:         math.Float64frombits(u64(rec, recLat)),
		Lon:         math.Float64frombits(u64(rec, recLon)),
	}
}

// blockSize is the number of places decoded at once.
const blockSize = 256

type placeBlock [blockSize]Place

// placeList holds a Gazetteer's places: first those of the embedded
// table, decoded a block at a time as they are first asked for, then the
// rest. An article names a few dozen of the 195,000 places, and decoding
// them all, into 40 MB a process had to fault in, took a third of a
// start. A built Gazetteer has no table: all its places are the rest.
type placeList struct {
	table  placeData
	blocks []atomic.Pointer[placeBlock] // of the table, nil until decoded
	rest   []Place
}

func (l *placeList) len() int { return l.table.n + len(l.rest) }

// at returns place i. The place is the list's own: callers read it, and
// only a build writes it.
func (l *placeList) at(i int32) *Place {
	if int(i) >= l.table.n {
		return &l.rest[int(i)-l.table.n]
	}
	b := &l.blocks[i/blockSize]
	blk := b.Load()
	if blk == nil {
		blk = new(placeBlock)
		start := int(i) / blockSize * blockSize
		for j := range min(blockSize, l.table.n-start) {
			blk[j] = l.table.place(start + j)
		}
		// Two readers may decode a block at once: both then use the
		// first one stored, so that a place has one address.
		if !b.CompareAndSwap(nil, blk) {
			blk = b.Load()
		}
	}
	return &blk[int(i)%blockSize]
}

func (l *placeList) append(p Place) { l.rest = append(l.rest, p) }

// all returns a copy of every place, in order.
func (l *placeList) all() []Place {
	out := make([]Place, l.len())
	for i := range out {
		out[i] = *l.at(int32(i))
	}
	return out
}
