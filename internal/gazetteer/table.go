package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
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
	places := g.places
	if i := slices.IndexFunc(places, func(p Place) bool { return p.Kind == Area }); i >= 0 {
		places = places[:i]
	}
	recs := make([]byte, 0, placeSize*len(places))
	for i, p := range g.places {
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

// readPlaceTable reads a table written by writePlaces into g's places,
// countries and demonyms. The places' strings are the table's own.
func (g *Gazetteer) readPlaceTable(data string) error {
	r := tableReader{data: data}
	if r.take(uint64(len(placeMagic))) != placeMagic {
		return errPlaceTable
	}
	nstr := uint64(r.u32())
	if nstr == 0 || nstr > uint64(len(r.data)) {
		return errPlaceTable
	}
	ends := r.take(4 * (nstr - 1))
	if r.bad {
		return errPlaceTable
	}
	// starts[i], ends of string i-1, is where string i begins.
	starts := make([]uint32, nstr+1)
	for i := uint64(1); i < nstr; i++ {
		starts[i+1] = u32(ends, int(4*(i-1)))
		if starts[i+1] < starts[i] {
			return errPlaceTable
		}
	}
	text := r.take(uint64(starts[nstr]))
	str := func(rec string, off int) (string, bool) {
		i := u32(rec, off)
		if uint64(i) >= nstr {
			return "", false
		}
		return text[starts[i]:starts[i+1]], true
	}
	n := uint64(r.u32())
	recs := r.take(n * placeSize)
	if r.bad {
		return errPlaceTable
	}
	g.places = make([]Place, n, n+200)
	for i := range g.places {
		rec := recs[i*placeSize : (i+1)*placeSize]
		p := &g.places[i]
		p.ID = int(int32(u32(rec, recID)))
		p.Kind = Kind(rec[recKind])
		var ok [8]bool
		p.Name, ok[0] = str(rec, recName)
		p.CountryCode, ok[1] = str(rec, recCode)
		p.Country, ok[2] = str(rec, recCountry)
		p.Admin1, ok[3] = str(rec, recAdmin1)
		p.Admin2, ok[4] = str(rec, recAdmin2)
		p.Feature, ok[5] = str(rec, recFeature)
		p.ISO3, ok[6] = str(rec, recISO3)
		p.Region, ok[7] = str(rec, recRegion)
		if ok != [8]bool{true, true, true, true, true, true, true, true} || p.Kind >= Area {
			return errPlaceTable
		}
		p.Numeric = int(u32(rec, recNumeric))
		p.Population = int(u32(rec, recPopulation))
		p.Lat = math.Float64frombits(u64(rec, recLat))
		p.Lon = math.Float64frombits(u64(rec, recLon))
		if p.Kind == Country {
			g.countries[p.CountryCode] = int32(i)
		}
	}
	nd := uint64(r.u32())
	dem := r.take(8 * nd)
	if r.bad || r.data != "" {
		return errPlaceTable
	}
	for i := 0; i < len(dem); i += 8 {
		d, ok1 := str(dem, i)
		code, ok2 := str(dem, i+4)
		if !ok1 || !ok2 {
			return errPlaceTable
		}
		g.demonyms[d] = code
	}
	return nil
}
