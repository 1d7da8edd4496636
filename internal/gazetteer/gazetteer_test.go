package gazetteer

import (
	"bytes"
	_ "embed"
	"flag"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/cputime"
	"github.com/sitrep/sitrep/internal/text"
)

var (
	loadOnce sync.Once
	shared   *Gazetteer
	loadErr  error
	loadTime time.Duration
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	loadOnce.Do(func() {
		start := time.Now()
		shared, loadErr = Load()
		loadTime = time.Since(start)
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return shared
}

func TestCoverage(t *testing.T) {
	g := gaz(t)
	c := g.Counts()
	t.Logf("countries %d, admin1 %d, admin2 %d, populated %d, areas %d, names %d, load %v", c[Country], c[Admin1], c[Admin2], c[Populated], c[Area], g.Names(), loadTime)
	if c[Country] < 240 || c[Admin1] < 3700 || c[Admin2] < 30_000 || c[Populated] < 150_000 || c[Area] < 30 {
		t.Errorf("coverage too small: %v", c)
	}
	for _, code := range []string{"AF", "PK", "SY", "NG", "UA", "SD", "CD", "US", "PS", "XK"} {
		if _, ok := g.Country(code); !ok {
			t.Errorf("no country %s", code)
		}
	}
}

// TestLoadRetainedHeap holds what a loaded gazetteer keeps in memory to
// its budget. How long loading takes is BenchmarkLoad's to say: a time
// bound fails at random on a machine busy with other work.
func TestLoadRetainedHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("measures a full load")
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("retained heap %d MB", heap>>20)
	if heap > 300<<20 {
		t.Errorf("retained heap %d MB, budget 300 MB", heap>>20)
	}
	runtime.KeepAlive(g)
}

// BenchmarkLoad loads the gazetteer; cpu-ms/op is the CPU time of a load
// where the system measures it, which says more than wall time on cores
// shared with other work. The budget is 1 s.
func BenchmarkLoad(b *testing.B) {
	cpu0, measured := cputime.Used()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
	if cpu1, _ := cputime.Used(); measured {
		b.ReportMetric(float64((cpu1-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

func TestLookup(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name    string
		country string
		kind    Kind
	}{
		{"Kabul", "AF", Populated},
		{"khōst", "AF", Populated},
		{"Paktika", "AF", Admin1},
		{"Raqqa", "SY", Populated},
		{"Ar-Raqqah", "SY", Populated},
		{"Kiev", "UA", Populated},
		{"Borno", "NG", Admin1},
		{"Borno State", "NG", Admin1},
		{"Pakistan–Afghanistan border", "PK", Area},
		{"Shairat airbase", "SY", Area},
		{"Incirlik", "TR", Area},
		{"Negev", "IL", Area},
		{"Mayadeen", "SY", Populated},
		{"Côte d'Ivoire", "CI", Country},
	}
	for _, tt := range tests {
		got := g.Lookup(tt.name)
		if len(got) == 0 {
			t.Errorf("Lookup(%q) found nothing", tt.name)
			continue
		}
		if got[0].CountryCode != tt.country || got[0].Kind != tt.kind {
			t.Errorf("Lookup(%q)[0] = %s %s (%s), want %s %s", tt.name, got[0].Name, got[0].CountryCode, got[0].Kind, tt.country, tt.kind)
		}
	}
}

func TestCountryOf(t *testing.T) {
	g := gaz(t)
	for in, want := range map[string]string{"Pakistani": "PK", "Afghan": "AF", "Nigerian": "NG", "Syria": "SY", "Ivory Coast": "CI", "Burma": "MM"} {
		p, ok := g.CountryOf(in)
		if !ok || p.CountryCode != want {
			t.Errorf("CountryOf(%q) = %s %v, want %s", in, p.CountryCode, ok, want)
		}
	}
}

func TestFind(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Additional strikes were also carried out in Paktika, Khost, and other border areas.", []string{"Paktika", "Khost"}},
		{"clashes along the Pakistan–Afghanistan border have marked", []string{"Pakistan–Afghanistan border"}},
		{"Tehreek-e-Taliban Pakistan (TTP) militants in Afghanistan", []string{"Afghanistan"}},
		{"President Mark Smith said on Monday in New Delhi.", []string{"New Delhi"}},
		{"Islamic State fighters attacked.", nil},
		{"Afghanistan’s Foreign Minister visited India.", []string{"Afghanistan", "India"}},
		// Months written short are dates, not the towns that share them.
		{"Fighting near Homs between Nov. 14 and Nov. 17 killed 12.", []string{"Homs"}},
		// The capitalised word that opens a sentence is no part of the
		// name after it.
		{"In Aleppo warplanes struck a market.", []string{"Aleppo"}},
		{"Meanwhile Kafr Nabl was shelled.", []string{"Kafr Nabl"}},
		{"In Maaret Al Numan an area south of the capital.", []string{"Maaret Al Numan"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range g.Find(tt.text) {
			if tt.text[m.Start:m.End] != m.Text {
				t.Errorf("span %d:%d is %q, text %q", m.Start, m.End, tt.text[m.Start:m.End], m.Text)
			}
			got = append(got, m.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestResolveInContext(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		text, name, country, admin1 string
		precision                   int
	}{
		{"Pakistani jets struck Khost in Afghanistan. Afghan officials said.", "Khost", "AF", "Khowst", 1},
		{"Strikes hit Paktika, Afghanistan.", "Paktika", "AF", "Paktika", 3},
		{"Fighting in Tripoli, Lebanon's northern city, as Lebanese troops moved.", "Tripoli", "LB", "", 1},
		{"Militias clashed in Tripoli, the Libyan capital. Libya's government said.", "Tripoli", "LY", "", 1},
		{"Police in Hyderabad, Pakistan, said Sindh was calm.", "Hyderabad", "PK", "", 1},
		{"Fighting spread across Syria.", "Syria", "SY", "", 3},
		{"Protests in France grew.", "France", "FR", "", 3},
		{"Gunmen attacked a village near Maiduguri in Borno State, Nigeria.", "Maiduguri", "NG", "", 2},
		{"Clashes along the Pakistan-Afghanistan border.", "Pakistan-Afghanistan border", "PK", "", 3},
		// A city that is also a division abroad: the division is no
		// evidence for itself.
		{"Rebels killed 11 villagers near Beni in North Kivu.", "Beni", "CD", "North Kivu", 2},
		// A name of two countries tells of neither: the places around it
		// choose.
		{"Rebels killed 11 villagers in Beni, in eastern Congo.", "Beni", "CD", "North Kivu", 1},
		{"The Democratic Republic of Congo said fighting in Congo had stopped.", "Congo", "CD", "", 3},
		// English spellings of Syrian towns that GeoNames lacks.
		{"Air strikes hit Atareb in Syria.", "Atareb", "SY", "Aleppo", 1},
		{"Air strikes hit Maaret al-Numan in Syria.", "Maaret al-Numan", "SY", "Idlib", 1},
		{"Rockets hit Izraa in Syria.", "Izraa", "SY", "Daraa", 1},
	}
	for _, tt := range tests {
		rs := g.Resolve(tt.text, g.Find(tt.text), nil)
		var found *Resolved
		for i := range rs {
			if rs[i].Text == tt.name {
				found = &rs[i]
			}
		}
		if found == nil {
			t.Errorf("%q: %q not resolved (got %+v)", tt.text, tt.name, rs)
			continue
		}
		if found.Place.CountryCode != tt.country || (tt.admin1 != "" && found.Place.Admin1 != tt.admin1) || found.Precision != tt.precision {
			t.Errorf("%q: %s → %s %s/%s precision %d, want %s/%s precision %d", tt.text, tt.name, found.Place.Name, found.Place.CountryCode, found.Place.Admin1, found.Precision, tt.country, tt.admin1, tt.precision)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	g := gaz(b)
	text := strings.Repeat("Pakistani jets struck Khost and Paktika in Afghanistan on Tuesday, officials in Islamabad said, while fighting continued along the Pakistan–Afghanistan border. ", 30)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		g.Resolve(text, g.Find(text), nil)
	}
}

func FuzzFind(f *testing.F) {
	g := gaz(f)
	f.Add("Strikes in Paktika, Khost, and Kabul’s outskirts — near the Pakistan–Afghanistan border.")
	f.Add("N'Djamena A-B-C ’s \xff\xfe")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		ms := g.Find(text)
		for _, m := range ms {
			if m.Start < prev || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text || len(m.Candidates) == 0 {
				t.Fatalf("bad mention %+v", m)
			}
			prev = m.End
		}
		// Resolve may drop a mention it cannot place with confidence,
		// but never invents one, and every place it gives is a candidate.
		rs := g.Resolve(text, ms, nil)
		if len(rs) > len(ms) {
			t.Fatalf("Resolve gave %d places for %d mentions", len(rs), len(ms))
		}
		for i, r := range rs {
			if i > 0 && r.Start < rs[i-1].End {
				t.Fatalf("resolved %q before %q: out of text order", rs[i-1].Text, r.Text)
			}
			found := false
			for _, c := range r.Candidates {
				if c.ID == r.Place.ID {
					found = true
				}
			}
			if !found || r.Precision < 1 || r.Precision > 3 {
				t.Fatalf("resolved %q to %+v, not one of its candidates or bad precision %d", r.Text, r.Place, r.Precision)
			}
		}
	})
}

// TestFindMultiWordNames holds the Bloom filter to the names it stands
// before: a phrase of several words is still found.
func TestFindMultiWordNames(t *testing.T) {
	g := gaz(t)
	for _, text := range []string{"Clashes near Dera Ismail Khan on Monday.", "Fighting in North Waziristan and Kurram.", "A strike in the Gaza Strip."} {
		ms := g.Find(text)
		multi := false
		for _, m := range ms {
			for i := range len(m.Text) {
				if m.Text[i] == ' ' {
					multi = true
				}
			}
		}
		if !multi {
			t.Errorf("Find(%q) = %+v: no name of several words", text, ms)
		}
	}
}

// TestLoneCityAbroad checks that in an article about one country, a city
// of another that nothing else ties to it is left unresolved.
func TestLoneCityAbroad(t *testing.T) {
	g := gaz(t)
	text := "Syrian aircraft struck Aleppo and Idlib in Syria on Monday. Syrian rescuers said Syrian and Russian jets also hit Homs. " +
		"The Syrian army said the raids in Syria would go on. Regime aircraft also bombed a factory in the town of Mansoura in rural Aleppo."
	for _, r := range g.Resolve(text, g.Find(text), nil) {
		if r.Text == "Mansoura" && r.Place.CountryCode != "SY" {
			t.Errorf("Mansoura resolved to %s in %s", r.Place.Name, r.Place.CountryCode)
		}
	}
}

// TestNameTableFindsEveryName checks the index of names: each name is
// found, as itself, once, and its places run from most prominent down,
// as Lookup promises.
func TestNameTableFindsEveryName(t *testing.T) {
	g := gaz(t)
	tb := &g.byName
	seen := make(map[string]bool, tb.len())
	for i := range tb.len() {
		name := tb.name(i)
		if seen[name] {
			t.Fatalf("name %q filed twice", name)
		}
		seen[name] = true
		ids := tb.lookup(name)
		if own := tb.places(i); len(ids) == 0 || &ids[0] != &own[0] {
			t.Fatalf("entry %d, %q: lookup finds %v, not its own places", i, name, ids)
		}
		for j := 1; j < len(ids); j++ {
			if g.prominence(ids[j]) > g.prominence(ids[j-1]) {
				t.Fatalf("%q: place %d is more prominent than the one before it", name, ids[j])
			}
		}
	}
	if tb.lookup("no such place anywhere") != nil {
		t.Error("a name never filed is found")
	}
}

// TestLoadIsDeterministic loads twice: the places and the index of their
// names are read side by side, and that must not change what is loaded.
func TestLoadIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the gazetteer again")
	}
	a, b := gaz(t), mustLoad(t)
	if a.byName.text != b.byName.text || !slices.Equal(a.byName.ids, b.byName.ids) || !reflect.DeepEqual(a.places.all(), b.places.all()) {
		t.Error("two loads built different names, places or lists")
	}
}

func mustLoad(t *testing.T) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// placesTSV is the readable table of places, from which build makes the
// embedded place table and index of names.
//
//go:embed places.tsv.gz
var placesTSV []byte

var updateIndex = flag.Bool("update-index", false, "rewrite places.bin and names.idx from the tables")

// TestGeneratedUpToDate checks that the embedded place table and index
// of names are the ones build makes from the readable tables, and that
// Load, which reads them, makes the Gazetteer build makes: a change to
// places.tsv.gz, areas.tsv, aliases.tsv or to folding needs go generate.
// With -update-index it rewrites both.
func TestGeneratedUpToDate(t *testing.T) {
	built, err := build(placesTSV)
	if err != nil {
		t.Fatal(err)
	}
	var places bytes.Buffer
	if err := writePlaces(&places, built); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := writeNames(&want, built); err != nil {
		t.Fatal(err)
	}
	if *updateIndex {
		if err := os.WriteFile("places.bin", places.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		placeTable = places.String()
		if err := os.WriteFile("names.idx", want.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		namesIndex = want.String()
	}
	if placeTable != places.String() {
		t.Fatal("places.bin is not the table of places.tsv.gz: run go generate ./internal/gazetteer")
	}
	if namesIndex != want.String() {
		t.Fatal("names.idx is not the index of the tables: run go generate ./internal/gazetteer")
	}
	loaded, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if !sameGazetteer(loaded, built) {
		t.Error("Load from the generated tables differs from a build from the readable ones")
	}
}

// sameGazetteer reports whether a and b hold the same places, names and
// tables; the places of one may be decoded on demand, of the other not.
func sameGazetteer(a, b *Gazetteer) bool {
	return reflect.DeepEqual(a.places.all(), b.places.all()) &&
		reflect.DeepEqual(a.byName, b.byName) &&
		reflect.DeepEqual(a.countries, b.countries) &&
		reflect.DeepEqual(a.demonyms, b.demonyms) &&
		reflect.DeepEqual(a.lengths, b.lengths) &&
		reflect.DeepEqual(a.phrases, b.phrases)
}

// TestPlaceDecodedOnce checks that a place of the table, decoded on first
// use, has one address however many readers ask for it at once: a
// mention's candidates point at the gazetteer's own places.
func TestPlaceDecodedOnce(t *testing.T) {
	g := mustLoad(t)
	const readers = 8
	ids := []int32{0, blockSize - 1, blockSize, int32(g.places.table.n) - 1}
	got := make([][]*Place, readers)
	var wg sync.WaitGroup
	for r := range readers {
		wg.Go(func() {
			for _, id := range ids {
				got[r] = append(got[r], g.places.at(id))
			}
		})
	}
	wg.Wait()
	for r := 1; r < readers; r++ {
		if !slices.Equal(got[r], got[0]) {
			t.Fatalf("reader %d got places at %p, reader 0 at %p", r, got[r], got[0])
		}
	}
	for i, id := range ids {
		if want := g.places.table.place(int(id)); !reflect.DeepEqual(*got[0][i], want) {
			t.Errorf("place %d is %+v, the table says %+v", id, *got[0][i], want)
		}
	}
}

// TestTablesCheckedOnLoad checks that a place table or index of names cut
// short, or with a count or an offset out of range, is refused at load,
// so that no look-up reads past them later.
func TestTablesCheckedOnLoad(t *testing.T) {
	bump := func(s string, at int) string { // adds 1<<24 to the u32 at s[at:]
		b := []byte(s)
		b[at+3]++
		return string(b)
	}
	places := []string{
		placeTable[:len(placeTable)/2],
		placeTable[:len(placeTable)-1],
		placeTable + "x",
		bump(placeTable, len(placeMagic)),
		"",
	}
	for i, data := range places {
		if err := newGazetteer().readPlaceTable(data); err == nil {
			t.Errorf("place table %d: no error", i)
		}
	}
	slots := int(u32(namesIndex, len(namesMagic)+4))
	names := []string{
		namesIndex[:len(namesIndex)/2],
		namesIndex[:len(namesIndex)-1],
		namesIndex + "x",
		bump(namesIndex, len(namesMagic)),              // names
		bump(namesIndex, len(namesMagic)+4),            // slots
		bump(namesIndex, len(namesMagic)+24),           // the first slot
		bump(namesIndex, len(namesMagic)+24+4*slots+4), // where the second name ends
		"",
	}
	for i, data := range names {
		if err := newGazetteer().readNames(data); err == nil {
			t.Errorf("index of names %d: no error", i)
		}
	}
}

func TestNearBefore(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"clashes near ", true},
		{"clashes NEAR ", true},
		{"an attack on the outskirts of ", true},
		{"a village 30 km from ", true},
		{"clashes in ", false},
		{"clashes near", false},
		{"", false},
		{" ", false},
		{"nea\u0280 ", false},
	}
	for _, tt := range tests {
		if got := nearBefore(tt.in); got != tt.want {
			t.Errorf("nearBefore(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// qualifierSpec is qualifierAfter as first written.
func qualifierSpec(after string) string {
	q := ""
	low := strings.ToLower(after)
	for _, suf := range qualifierWords {
		if strings.HasPrefix(low, suf) {
			q = strings.TrimSpace(suf)
		}
	}
	return q
}

func TestQualifierAfter(t *testing.T) {
	for _, s := range []string{" province of", " Province", " PROVINCE", " provİnce", " provinc", "", " zone", " Zone\xff", "\u212a zone", " state-run", " districts", ", Syria"} {
		if got, want := qualifierAfter(s), qualifierSpec(s); got != want {
			t.Errorf("qualifierAfter(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzQualifierAfter(f *testing.F) {
	f.Add(" Province")
	f.Add(" provİnce")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := qualifierAfter(s), qualifierSpec(s); got != want {
			t.Fatalf("qualifierAfter(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzNearBefore(f *testing.F) {
	f.Add("clashes near ")
	f.Add("30 KM FROM ")
	f.Fuzz(func(t *testing.T, s string) {
		want := false
		for _, w := range nearWords {
			if len(s) >= len(w) && strings.EqualFold(s[len(s)-len(w):], w) {
				want = true
			}
		}
		if got := nearBefore(s); got != want {
			t.Fatalf("nearBefore(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestQualifies holds folds.qualifies to the folds of the names it
// compares, as text.Fold writes them.
func TestQualifies(t *testing.T) {
	places := []Place{{Country: "Syria", Admin1: "Aleppo"}, {Country: "Côte d'Ivoire", Admin1: "Abidjan"},
		{Country: "Democratic Republic of the Congo", Admin1: "North Kivu"}, {Country: "Pakistan", Admin1: "Khyber Pakhtunkhwa"}}
	var f folds
	for _, q := range []string{"Syria", "syria", "ALEPPO", "Cote d’Ivoire", "North", "North Kivu", "Khyber", "Kivu", "Congo", "Ale"} {
		f.qualifier = f.folder.Append(f.qualifier[:0], q)
		for _, p := range places {
			qf := text.Fold(q)
			want := qf == text.Fold(p.Country) || qf == text.Fold(p.Admin1) || strings.HasPrefix(text.Fold(p.Admin1), qf)
			if got := f.qualifies(&p); got != want {
				t.Errorf("qualifier %q of %s, %s: %v, want %v", q, p.Admin1, p.Country, got, want)
			}
		}
	}
}
