// Package gazetteer holds sitrep's embedded world gazetteer: every country,
// first-level division and populated place of 1,000 people or more (from
// GeoNames, see DATA.md), plus named areas such as borders. It finds place
// names in text and resolves each to one place using the article's context.
package gazetteer

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/bloom"
	"github.com/sitrep/sitrep/internal/text"
)

//go:embed areas.tsv
var areasData []byte

//go:embed aliases.tsv
var aliasData []byte

// adminSuffixes are the words English news puts after a division's name.
var adminSuffixes = []string{"Province", "State", "Governorate", "Oblast", "Region", "Department", "Prefecture", "County", "District", "Zone", "Municipality", "Raion", "Rayon"}

// Kind is what sort of place a Place is.
type Kind uint8

// Kinds of place.
const (
	Country Kind = iota
	Admin1
	Admin2
	Populated
	Area
)

func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case Admin1:
		return "admin1"
	case Admin2:
		return "admin2"
	case Populated:
		return "populated place"
	case Area:
		return "area"
	}
	return "unknown"
}

// Place is one entry of the gazetteer.
type Place struct {
	// ID is the GeoNames id for populated places; countries, divisions
	// and areas have stable negative ids.
	ID          int
	Name        string
	Kind        Kind
	CountryCode string // ISO 3166-1 alpha-2
	Country     string
	Admin1      string
	Admin2      string
	Lat, Lon    float64
	Population  int
	// ISO3, Numeric and Region are set for countries: the alpha-3 and
	// numeric ISO codes and the region ACLED files the country under.
	ISO3    string
	Numeric int
	Region  string
	// Countries lists, for an area that spans several countries, their
	// ISO codes; CountryCode is the first.
	Countries []string
	// Feature is the GeoNames feature code of a populated place (PPLC
	// for a capital, PPLA for a division's seat, ...).
	Feature string
}

// Precision is ACLED's geo_precision for an event placed at p: 1 for a
// town or city, 2 for a district, 3 for a province, a country or a wide
// area.
func (p Place) Precision() int {
	switch p.Kind {
	case Populated:
		return 1
	case Admin2:
		return 2
	}
	return 3
}

// Gazetteer is the loaded place data. It is immutable after Load and safe
// for concurrent use.
type Gazetteer struct {
	places    placeList
	byName    nameTable         // folded name -> place indexes
	countries map[string]int32  // ISO code -> place index
	demonyms  map[string]string // folded demonym -> ISO code
	// lengths holds, for the first word of every folded name, the
	// numbers of words of the names that begin with it, up to maxWords,
	// by the word's hash.
	lengths lengthTable
	// phrases holds the hashes of the folded names of more than one
	// word.
	phrases bloom.Filter
}

// Load reads the embedded data: the places from places.bin and areas.tsv
// and, side by side, the index of their names from names.idx, which
// build made from places.tsv.gz, areas.tsv and aliases.tsv (see
// TestGeneratedUpToDate). Folding and filing 548,000 names took most of
// a load, and then parsing the places.
func Load() (*Gazetteer, error) {
	g := newGazetteer()
	errc := make(chan error, 1)
	go func() { errc <- g.readNames(namesIndex) }()
	err := g.readPlaceTable(placeTable)
	if err == nil {
		err = loadAreas(g, nil)
	}
	if nerr := <-errc; err == nil {
		err = nerr
	}
	if err != nil {
		return nil, err
	}
	for _, id := range g.byName.ids {
		if id < 0 || int(id) >= g.places.len() {
			return nil, fmt.Errorf("gazetteer name index: place %d of %d: the index is not of these places", id, g.places.len())
		}
	}
	// The table's places carry their country's name; loadAreas gave the
	// areas theirs.
	return g, nil
}

func newGazetteer() *Gazetteer {
	return &Gazetteer{
		countries: map[string]int32{},
		demonyms:  map[string]string{},
	}
}

// build makes a Gazetteer from the readable tables alone, placesTSV being
// places.tsv.gz, folding and filing every name: what Load reads, and what
// the embedded place table and index of names are made from.
func build(placesTSV []byte) (*Gazetteer, error) {
	g := newGazetteer()
	l := loader{g: g, names: newNameBuilder(500_000), phrases: make([]uint64, 0, 250_000), lengths: make(map[uint64]uint64, 300_000)}
	if err := readPlaces(g, placesTSV, l.index); err != nil {
		return nil, err
	}
	g.setCountries()
	if err := loadAreas(g, l.index); err != nil {
		return nil, err
	}
	if err := l.loadAliases(); err != nil {
		return nil, err
	}
	index := l.names.index(func(ids []int32) {
		sort.SliceStable(ids, func(i, j int) bool { return g.prominence(ids[i]) > g.prominence(ids[j]) })
	}, l.lengths, bloom.Of(l.phrases))
	if err := g.readNames(string(index)); err != nil {
		return nil, err
	}
	return g, nil
}

// setCountries gives each place of a country the country's name.
func (g *Gazetteer) setCountries() {
	for i := range int32(g.places.len()) {
		p := g.places.at(i)
		if c, ok := g.countries[p.CountryCode]; ok {
			p.Country = g.places.at(c).Name
		}
	}
}

// loader holds what building a Gazetteer needs and the Gazetteer does
// not keep.
type loader struct {
	g       *Gazetteer
	names   *nameBuilder
	phrases []uint64          // the hashes of the names of several words
	lengths map[uint64]uint64 // as Gazetteer.lengths
	key     []byte            // scratch for a folded name
	ids     []int32           // scratch for a name's places
	fold    text.Folder
}

// placeFields is the number of fields of a row of places.tsv.
const placeFields = 10

// readPlaces parses data, places.tsv.gz, into g's places, countries and
// demonyms, and gives index each name of each place.
func readPlaces(g *Gazetteer, data []byte, index func(name string, idx int32)) error {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("gazetteer data: %w", err)
	}
	// The places' strings are cut from one copy of the table, which the
	// collector marks once, not from a string each.
	var buf strings.Builder
	buf.Grow(20 << 20)
	if _, err := io.Copy(&buf, zr); err != nil {
		return fmt.Errorf("gazetteer data: %w", err)
	}
	g.places = placeList{rest: make([]Place, 0, 200_000)}
	var f [placeFields]string
	line := 0
	for rest := buf.String(); rest != ""; {
		var row string
		row, rest, _ = strings.Cut(rest, "\n")
		line++
		if row == "" || row[0] == '#' {
			continue
		}
		if n := split(row, '\t', f[:]); n != placeFields {
			return fmt.Errorf("gazetteer data line %d: %d fields, want %d", line, n, placeFields)
		}
		lat, err1 := strconv.ParseFloat(f[6], 64)
		lon, err2 := strconv.ParseFloat(f[7], 64)
		pop, err3 := strconv.Atoi(f[8])
		id, err4 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return fmt.Errorf("gazetteer data line %d: bad number", line)
		}
		p := Place{Name: f[2], CountryCode: f[4], Admin1: f[5], Lat: lat, Lon: lon, Population: pop, ID: id}
		switch f[0] {
		case "C":
			p.Kind = Country
			p.ID = -1 - g.places.len()
			p.Country = p.Name
		case "A":
			p.Kind = Admin1
			p.ID = -1 - g.places.len()
		case "D":
			p.Kind = Admin2
			p.ID = -1 - g.places.len()
			p.Admin2 = p.Name
		case "P":
			p.Kind = Populated
			p.Feature, p.Admin2, _ = strings.Cut(f[9], "/")
		default:
			return fmt.Errorf("gazetteer data line %d: unknown kind %q", line, f[0])
		}
		idx := int32(g.places.len())
		g.places.append(p)
		indexNames(index, p, f[3], idx)
		if p.Kind == Country {
			g.countries[p.CountryCode] = idx
			parts := strings.Split(f[9], "#")
			if len(parts) == 4 {
				c := g.places.at(idx)
				c.ISO3, c.Region = parts[1], parts[3]
				c.Numeric, _ = strconv.Atoi(parts[2])
			}
			for _, d := range strings.Split(parts[0], "|") {
				if d != "" {
					g.demonyms[text.Fold(d)] = p.CountryCode
				}
			}
		}
	}
	return nil
}

// indexNames gives index the names of place idx, p: its name, its
// alternate names alts, and for a division its name without "Province",
// "State" and the like.
func indexNames(index func(name string, idx int32), p Place, alts string, idx int32) {
	index(p.Name, idx)
	withoutArticle(index, p, p.Name, idx)
	for alts != "" {
		var alt string
		alt, alts, _ = strings.Cut(alts, "|")
		index(alt, idx)
		withoutArticle(index, p, alt, idx)
	}
	if p.Kind == Admin1 || p.Kind == Admin2 {
		// "Borno State", "Borno", "Borno state"; "Paktika",
		// "Paktika province"; "Province of Bukidnon", "Bukidnon";
		// "Nowshera District", "Nowshera district".
		base := p.Name
		for _, suf := range adminSuffixes {
			base = strings.TrimSuffix(base, " "+suf)
			base = strings.TrimPrefix(base, suf+" of ")
		}
		// "Paktika province" is found as "Paktika" with the
		// qualifier "province" (see Find), so the base name is enough.
		index(base, idx)
	}
}

// withoutArticle gives index an Arabic town's name without its article,
// as English news writes many ("Mayadeen" for Al-Mayadeen), when the town
// has 10,000 people or more and what is left is a word of some length
// that is no common one.
func withoutArticle(index func(name string, idx int32), p Place, name string, idx int32) {
	if p.Kind != Populated || !arabicArticles[p.CountryCode] || p.Population < 10_000 {
		// A village's bare name would take the name of another place
		// the gazetteer lacks ("Hadar" in Quneitra for Iraq's Al Hadar).
		return
	}
	for _, art := range []string{"Al-", "Al ", "al-", "Ar-", "Ar ", "As-", "As ", "Ash-", "Ash ", "Ad-", "Ad ", "At-", "At ", "An-", "An ", "Az-", "Az ", "El-", "El ", "el-"} {
		rest, ok := strings.CutPrefix(name, art)
		if !ok {
			continue
		}
		if utf8.RuneCountInString(rest) >= 5 && !stopwords[strings.ToLower(rest)] && !strings.Contains(rest, " ") {
			index(rest, idx)
		}
		return
	}
}

// arabicArticles are the countries whose places GeoNames names with the
// Arabic article.
var arabicArticles = map[string]bool{"SY": true, "IQ": true, "LB": true, "JO": true, "PS": true, "YE": true, "SA": true,
	"EG": true, "LY": true, "SD": true, "TN": true, "DZ": true, "MA": true, "KW": true, "OM": true, "AE": true, "QA": true, "BH": true}

// split cuts s at each sep into f and returns the number of fields s
// has, which is more than len(f) when f is too short to hold them.
func split(s string, sep byte, f []string) int {
	n := 0
	for {
		i := strings.IndexByte(s, sep)
		field := s
		if i >= 0 {
			field = s[:i]
		}
		if n < len(f) {
			f[n] = field
		}
		n++
		if i < 0 {
			return n
		}
		s = s[i+1:]
	}
}

// loadAreas reads the hand-written table of named areas, giving index,
// unless nil, each of their names.
func loadAreas(g *Gazetteer, index func(name string, idx int32)) error {
	for n, row := range strings.Split(string(areasData), "\n") {
		if row == "" || row[0] == '#' {
			continue
		}
		f := strings.Split(row, "\t")
		if len(f) != 5 {
			return fmt.Errorf("areas.tsv line %d: %d fields, want 5", n+1, len(f))
		}
		lat, err1 := strconv.ParseFloat(f[3], 64)
		lon, err2 := strconv.ParseFloat(f[4], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("areas.tsv line %d: bad coordinates", n+1)
		}
		names := strings.Split(f[0], "|")
		codes := strings.Split(f[1], "|")
		p := Place{ID: -1 - g.places.len(), Name: names[0], Kind: Area, CountryCode: codes[0], Countries: codes, Admin1: f[2], Lat: lat, Lon: lon}
		if c, ok := g.countries[p.CountryCode]; ok {
			p.Country = g.places.at(c).Name
		}
		idx := int32(g.places.len())
		g.places.append(p)
		for _, name := range names {
			if index != nil {
				index(name, idx)
			}
		}
	}
	return nil
}

// loadAliases adds English spellings that the data lacks, to places
// named by country code, kind and name.
func (l *loader) loadAliases() error {
	g := l.g
	for n, row := range strings.Split(string(aliasData), "\n") {
		if row == "" || row[0] == '#' {
			continue
		}
		f := strings.Split(row, "\t")
		if len(f) != 4 {
			return fmt.Errorf("aliases.tsv line %d: %d fields, want 4", n+1, len(f))
		}
		found := false
		l.ids = l.names.places(l.ids[:0], l.fold.Append(l.key[:0], f[2]))
		for _, idx := range l.ids {
			p := g.places.at(idx)
			if p.CountryCode == f[0] && p.Kind.String() == f[1] {
				for _, alt := range strings.Split(f[3], "|") {
					l.index(alt, idx)
				}
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("aliases.tsv line %d: no %s %q in %s", n+1, f[1], f[2], f[0])
		}
	}
	return nil
}

// maxWords bounds the words of a name the gazetteer holds, so that the
// numbers of words of the names that begin with a word fit 32 bits; no
// place's name comes near it.
const maxWords = 31

func (l *loader) index(name string, idx int32) {
	l.key = l.fold.Append(l.key[:0], name)
	k := l.key
	if len(k) == 0 {
		return
	}
	w := bytes.Count(k, []byte{' '}) + 1
	if w > maxWords {
		return
	}
	h, fresh := l.names.add(k, idx)
	if fresh && w > 1 {
		l.phrases = append(l.phrases, h)
	}
	first, _, _ := bytes.Cut(k, []byte{' '})
	l.lengths[bloom.HashOf(first)] |= 1 << w
}

// prominence orders same-named places: countries, then capitals and
// divisions, then by population.
func (g *Gazetteer) prominence(idx int32) float64 {
	p := g.places.at(idx)
	switch p.Kind {
	case Country:
		return 1e12
	case Area:
		return 1e11
	case Admin2:
		// Below the town it is named after, as for divisions.
		return 5e4
	case Admin1:
		// Below a division's seat of the same name: "in Raqqa" means
		// the city unless the article says "Raqqa province".
		return 5e5
	}
	pop := float64(p.Population)
	switch p.Feature {
	case "PPLC":
		pop += 2e7
	case "PPLA":
		pop += 1e6
	case "PPLA2":
		pop += 1e5
	}
	return pop
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return g.places.len() }

// Counts returns how many places there are of each kind.
func (g *Gazetteer) Counts() map[Kind]int {
	out := map[Kind]int{}
	for i := range int32(g.places.len()) {
		out[g.places.at(i).Kind]++
	}
	return out
}

// Names returns the number of distinct folded names.
func (g *Gazetteer) Names() int { return g.byName.len() }

// Lookup returns every place with this name or alternate name, case- and
// accent-insensitively, most prominent first.
func (g *Gazetteer) Lookup(name string) []Place {
	ids := g.byName.lookup(text.Fold(name))
	out := make([]Place, len(ids))
	for i, id := range ids {
		out[i] = *g.places.at(id)
	}
	return out
}

// Country returns a country by ISO alpha-2 code.
func (g *Gazetteer) Country(code string) (Place, bool) {
	idx, ok := g.countries[strings.ToUpper(code)]
	if !ok {
		return Place{}, false
	}
	return *g.places.at(idx), true
}

// CountryOf returns the country a name, alias or demonym denotes
// ("Pakistan", "DRC", "Pakistani", "Afghan").
func (g *Gazetteer) CountryOf(name string) (Place, bool) {
	k := text.Fold(name)
	if code, ok := g.demonyms[k]; ok {
		return g.Country(code)
	}
	for _, idx := range g.byName.lookup(k) {
		if p := g.places.at(idx); p.Kind == Country {
			return *p, true
		}
	}
	return Place{}, false
}
