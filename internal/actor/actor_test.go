package actor

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/bloom"
	"github.com/sitrep/sitrep/internal/text"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func dict(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCounts(t *testing.T) {
	d := dict(t)
	countries := map[string]bool{}
	names := map[string]bool{}
	sectors := map[string]bool{"MIL": true, "COP": true, "GOV": true, "REB": true, "CVL": true, "UAF": true}
	for _, a := range d.Actors() {
		if names[a.Name] {
			t.Errorf("duplicate actor name %q", a.Name)
		}
		names[a.Name] = true
		if !sectors[a.Sector] {
			t.Errorf("%s: sector %q", a.Name, a.Sector)
		}
		if a.From != "" && a.To != "" && a.From > a.To {
			t.Errorf("%s: from %s after to %s", a.Name, a.From, a.To)
		}
		if a.Country != "" {
			countries[a.Country] = true
		}
		if a.Inter < 1 || a.Inter > 8 {
			t.Errorf("%s: inter %d", a.Name, a.Inter)
		}
	}
	t.Logf("%d actors, %d countries, %d people", d.Len(), len(countries), d.People())
	if d.Len() < 600 || len(countries) < 60 || d.People() < 60 {
		t.Errorf("dictionary too small: %d actors, %d countries, %d people", d.Len(), len(countries), d.People())
	}
}

func TestLookup(t *testing.T) {
	d := dict(t)
	tests := []struct {
		name, date, want string
		inter            int
	}{
		{"Taliban", "2020-01-01", "Taliban", 2},
		{"Taliban", "2025-10-14", "Military Forces of Afghanistan (2021-)", 1},
		{"Afghan Taliban", "2025-10-14", "Military Forces of Afghanistan (2021-)", 1},
		{"Pakistani soldiers", "2025-10-14", "Military Forces of Pakistan (2022-)", 1},
		{"Pakistan’s forces", "2025-10-14", "Military Forces of Pakistan (2022-)", 1},
		{"TTP", "2025-10-14", "Tehreek-e-Taliban Pakistan", 2},
		{"Pakistani Taliban", "2025-10-14", "Tehreek-e-Taliban Pakistan", 2},
		{"Islamic State-Khorasan", "2025-10-14", "Islamic State Khorasan Province", 2},
		{"Zabiullah Mujahid", "2025-10-14", "Government of Afghanistan (2021-)", 1},
		{"Inter-Services Public Relations", "2025-10-14", "Military Forces of Pakistan (2022-)", 1},
		{"Islamabad", "2025-10-14", "Government of Pakistan (2022-)", 1},
		{"Kenyan protesters", "2024-06-25", "Protesters (Kenya)", 6},
		{"RSF", "2024-01-01", "Rapid Support Forces", 2},
		{"Ansar Allah", "2024-01-01", "Houthis", 2},
		{"Taliban", "2021-08-14", "Taliban", 2},
		{"Taliban", "2021-08-15", "Military Forces of Afghanistan (2021-)", 1},
		{"Afghan soldiers", "2020-01-01", "Military Forces of Afghanistan (2004-2021)", 1},
		{"Kremlin", "2024-01-01", "Government of Russia (2000-)", 1},
		{"Ukrainian troops", "2024-01-01", "Military Forces of Ukraine (2019-)", 1},
		{"IDF", "2024-01-01", "Military Forces of Israel (2022-)", 1},
		{"Pentagon", "2025-06-01", "Military Forces of the United States (2025-)", 1},
		{"DRC army", "2025-02-01", "Military Forces of the Democratic Republic of Congo (2019-)", 1},
		{"Syrian troops", "2023-05-01", "Military Forces of Syria (2000-2024)", 1},
		{"Syrian troops", "2025-05-01", "Military Forces of Syria (2024-)", 1},
		{"Hemedti", "2024-01-01", "Rapid Support Forces", 2},
		{"ISKP", "2024-01-01", "Islamic State Khorasan Province", 2},
		{"Wagner", "2023-01-01", "Wagner Group", 8},
		{"MONUSCO", "2024-01-01", "MONUSCO", 8},
	}
	for _, tt := range tests {
		a, ok := d.Lookup(tt.name, day(tt.date))
		if !ok || a.Name != tt.want || a.Inter != tt.inter {
			got := "nothing"
			if a != nil {
				got = a.Name
			}
			t.Errorf("Lookup(%q, %s) = %s, want %s (inter %d)", tt.name, tt.date, got, tt.want, tt.inter)
		}
	}
}

func TestDataValidates(t *testing.T) {
	d := dict(t) // Load runs validate
	aliases := 0
	for _, a := range d.Actors() {
		aliases += len(a.Aliases)
	}
	t.Logf("%d phrases, %d aliases", len(d.phrases), aliases)

	// validate must catch a phrase naming two actors on one day, and
	// accept it once marked ambiguous or when the periods do not meet.
	tests := []struct {
		from2     string
		ambiguous bool
		wantErr   bool
	}{
		{"", false, true},
		{"", true, false},
		{"2021-01-01", false, false}, // first ends 2020-12-31
	}
	for _, tt := range tests {
		x := &Dictionary{phrases: map[string][]entry{}, lengths: map[string]uint64{}, byName: map[string]int32{}, ambiguous: map[string]bool{}}
		if tt.ambiguous {
			x.ambiguous["blue men"] = true
		}
		if _, err := x.addActor(&Actor{Name: "Blue Army", Aliases: []string{"Blue men"}, Inter: 2, To: "2020-12-31"}); err != nil {
			t.Fatal(err)
		}
		if _, err := x.addActor(&Actor{Name: "Blue Militia", Aliases: []string{"blue men"}, Inter: 3, From: tt.from2}); err != nil {
			t.Fatal(err)
		}
		if err := x.validate(); (err != nil) != tt.wantErr {
			t.Errorf("validate(from %q, ambiguous %v) = %v, want error %v", tt.from2, tt.ambiguous, err, tt.wantErr)
		}
	}
	x := &Dictionary{phrases: map[string][]entry{}, lengths: map[string]uint64{}, byName: map[string]int32{}}
	x.addActor(&Actor{Name: "Blue Army", Inter: 2})
	if _, err := x.addActor(&Actor{Name: "Blue Army", Inter: 3}); err == nil {
		t.Error("duplicate name accepted")
	}
	if _, err := x.addActor(&Actor{Name: "Red Army", Inter: 9}); err == nil {
		t.Error("inter 9 accepted")
	}
}

func TestDemonym(t *testing.T) {
	d := dict(t)
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"Pakistani", "PK", true}, {"Afghan", "AF", true}, {"Congolese", "CD", true}, {"Burkinabe", "BF", true},
		{"Burkinabé", "BF", true}, {"Nigeria", "NG", true}, {"nigerian", "NG", true}, {"Burma", "MM", true},
		{"DRC", "CD", true}, {"Türkiye", "TR", true}, {"Ivorian", "CI", true}, {"Martian", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		if got, ok := d.Demonym(tt.word); ok != tt.ok || got != tt.want {
			t.Errorf("Demonym(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func TestForCountry(t *testing.T) {
	d := dict(t)
	tests := []struct {
		iso        string
		kind       Kind
		date, want string
		inter      int
	}{
		{"PK", Military, "2025-10-14", "Military Forces of Pakistan (2022-)", 1},
		{"pk", Police, "2025-10-14", "Police Forces of Pakistan (2022-)", 1},
		{"AF", Government, "2020-01-01", "Government of Afghanistan (2004-2021)", 1},
		{"AF", Government, "2025-10-14", "Government of Afghanistan (2021-)", 1},
		{"SD", Military, "2024-01-01", "Military Forces of Sudan (2019-)", 1},
		{"MM", Military, "2022-01-01", "Military Forces of Myanmar (2021-)", 1},
		{"NG", Protesters, "2024-08-01", "Protesters (Nigeria)", 6},
		{"KE", Rioters, "2024-06-25", "Rioters (Kenya)", 5},
		{"ML", Civilians, "2024-01-01", "Civilians (Mali)", 7},
		{"CD", Unidentified, "2024-01-01", "Unidentified Armed Group (Democratic Republic of Congo)", 3},
		{"NG", Communal, "2024-01-01", "Unidentified Communal Militia (Nigeria)", 4},
		{"US", Military, "2025-06-01", "Military Forces of the United States (2025-)", 1},
		{"ZZ", Military, "2025-06-01", "", 0},
		{"PK", "navy", "2025-06-01", "", 0},
	}
	for _, tt := range tests {
		a, ok := d.ForCountry(tt.iso, tt.kind, day(tt.date))
		if tt.want == "" {
			if ok {
				t.Errorf("ForCountry(%s, %s) = %s, want none", tt.iso, tt.kind, a.Name)
			}
			continue
		}
		if !ok || a.Name != tt.want || a.Inter != tt.inter {
			t.Errorf("ForCountry(%s, %s, %s) = %v, want %s", tt.iso, tt.kind, tt.date, a, tt.want)
		}
	}
}

func TestDemonymForCountry(t *testing.T) {
	d := dict(t)
	a, ok := d.ForCountry("SY", Military, day("2023-05-01"))
	if !ok || a.Name != "Military Forces of Syria (2000-2024)" {
		t.Errorf("ForCountry(SY, military, 2023) = %v", a)
	}
	a, ok = d.ForCountry("SY", Military, day("2025-05-01"))
	if !ok || a.Name != "Military Forces of Syria (2024-)" {
		t.Errorf("ForCountry(SY, military, 2025) = %v", a)
	}
	if a, ok := d.ForCountry("NG", Civilians, time.Time{}); !ok || a.Name != "Civilians (Nigeria)" || a.Inter != 7 {
		t.Errorf("ForCountry(NG, civilians) = %v", a)
	}
}

func TestFind(t *testing.T) {
	d := dict(t)
	date := day("2025-10-14")
	tests := []struct {
		text string
		date string   // default 2025-10-14
		want []string // "surface|actor|person|role" per mention
	}{
		{text: "Intense overnight fighting left 23 Pakistani soldiers dead",
			want: []string{"Pakistani soldiers|Military Forces of Pakistan (2022-)||"}},
		{text: "hostilities against the Afghan Taliban and their allied terrorist groups, including Tehreek-e-Taliban Pakistan (TTP) and the Islamic State-Khorasan",
			want: []string{"Afghan Taliban|Military Forces of Afghanistan (2021-)||", "Tehreek-e-Taliban Pakistan|Tehreek-e-Taliban Pakistan||",
				"TTP|Tehreek-e-Taliban Pakistan||", "Islamic State-Khorasan|Islamic State Khorasan Province||"}},
		{text: "the Afghan Taliban overran the district", date: "2019-06-01",
			want: []string{"Afghan Taliban|Taliban||"}},
		{text: "confirmed the ceasefire through spokesperson Zabiullah Mujahid",
			want: []string{"spokesperson Zabiullah Mujahid|Government of Afghanistan (2021-)|Zabiullah Mujahid|spokesperson"}},
		{text: "Afghanistan’s Foreign Minister Amir Khan Muttaqi’s ongoing visit",
			want: []string{"Afghanistan’s Foreign Minister Amir Khan Muttaqi|Government of Afghanistan (2021-)|Amir Khan Muttaqi|foreign minister"}},
		{text: "Foreign Minister Amir Khan Muttaqi said",
			want: []string{"Foreign Minister Amir Khan Muttaqi|Government of Afghanistan (2021-)|Amir Khan Muttaqi|foreign minister"}},
		{text: "the Pakistani Foreign Minister said", want: []string{"Pakistani Foreign Minister|Government of Pakistan (2022-)||foreign minister"}},
		{text: "the Nigerian army spokesman said", want: []string{"Nigerian army spokesman|Military Forces of Nigeria (2023-)||army spokesman"}},
		{text: "Afghanistan's interior ministry said", want: []string{"Afghanistan's interior ministry|Government of Afghanistan (2021-)||"}},
		{text: "according to the Inter-Services Public Relations (ISPR)",
			want: []string{"Inter-Services Public Relations|Military Forces of Pakistan (2022-)||", "ISPR|Military Forces of Pakistan (2022-)||"}},
		{text: "Pakistan’s forces responded", want: []string{"Pakistan’s forces|Military Forces of Pakistan (2022-)||"}},
		{text: "al-Shabaab militants stormed a hotel", want: []string{"al-Shabaab militants|Al Shabaab||"}},
		{text: "fighters of the Rapid Support Forces (RSF) shelled",
			want: []string{"Rapid Support Forces|Rapid Support Forces||", "RSF|Rapid Support Forces||"}},
		{text: "M23 rebels seized Goma", want: []string{"M23 rebels|M23||"}},
		{text: "a Houthi missile struck the ship", want: []string{"Houthi|Houthis||"}},
		{text: "Wagner fighters and Malian troops", date: "2023-03-01",
			want: []string{"Wagner fighters|Wagner Group||", "Malian troops|Military Forces of Mali (2021-)||"}},
		{text: "Kenyan protesters marched on parliament", want: []string{"Kenyan protesters|Protesters (Kenya)||"}},
		{text: "the ttp said", want: nil},                         // acronyms match case
		{text: "the Rsf said", want: nil},                         // acronyms match case
		{text: "the RSFX and ADFs code", want: nil},               // whole words only
		{text: "gunmen opened fire", want: []string{"gunmen|||"}}, // bare: caller resolves
		{text: "security forces killed two civilians", want: []string{"security forces|||", "civilians|||"}},
		// A regime's forces and aircraft, rebels, and state media's
		// terrorists, named without a country.
		{text: "regime warplanes struck the town", want: []string{"regime warplanes|||"}},
		{text: "regime forces shelled rebels", want: []string{"regime forces|||", "rebels|||"}},
		{text: "terrorists fired rockets", want: []string{"terrorists|||"}},
		{text: "Syrian rebels shelled", date: "2016-01-01", want: []string{"Syrian rebels|Opposition Rebels (Syria)||"}},
		// The noun after a group names the group.
		{text: "New People's Army rebels ambushed troops", want: []string{"New People's Army rebels|New People's Army||", "troops|||"}},
	}
	for _, tt := range tests {
		dt := date
		if tt.date != "" {
			dt = day(tt.date)
		}
		var got []string
		for _, m := range d.Find(tt.text, dt) {
			if tt.text[m.Start:m.End] != m.Text {
				t.Errorf("span %d:%d is %q, text %q", m.Start, m.End, tt.text[m.Start:m.End], m.Text)
			}
			name := ""
			if m.Actor != nil {
				name = m.Actor.Name
			}
			got = append(got, m.Text+"|"+name+"|"+m.Person+"|"+m.Role)
		}
		if strings.Join(got, ";") != strings.Join(tt.want, ";") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestFindBare(t *testing.T) {
	d := dict(t)
	tests := []struct {
		text string
		bare Kind
	}{
		{"security forces", Military}, {"the army", Military}, {"troops", Military}, {"police", Police},
		{"gunmen", Unidentified}, {"protesters", Protesters}, {"demonstrators", Protesters},
		{"rioters", Rioters}, {"villagers", Civilians},
	}
	for _, tt := range tests {
		ms := d.Find(tt.text, day("2025-01-01"))
		if len(ms) != 1 || ms[0].Actor != nil || ms[0].Bare != tt.bare {
			t.Errorf("Find(%q) = %+v, want one bare %q mention", tt.text, ms, tt.bare)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	d := dict(b)
	text := strings.Repeat("Pakistani soldiers clashed with the Afghan Taliban and TTP militants, spokesperson Zabiullah Mujahid said, as protesters gathered in Islamabad. ", 35)
	date := day("2025-10-14")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Find(text, date)
	}
}

func FuzzFind(f *testing.F) {
	d := dict(f)
	f.Add("Pakistan’s forces and the TTP’s fighters, Zabiullah Mujahid's statement")
	f.Add("’s ' s \xff M23-")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, m := range d.Find(text, time.Time{}) {
			if m.Start < prev || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
			prev = m.End
		}
	})
}

func FuzzLookup(f *testing.F) {
	d := dict(f)
	f.Add("Pakistan’s forces", "2025-10-14")
	f.Add("Taliban", "2020-01-01")
	f.Fuzz(func(t *testing.T, name, date string) {
		dt, _ := time.Parse(time.DateOnly, date)
		if a, ok := d.Lookup(name, dt); ok && (a == nil || !a.ValidOn(dt)) {
			t.Fatalf("Lookup(%q, %q) = %+v, not valid on the date", name, date, a)
		}
	})
}

// TestKinds checks that the kinds the data tables name are the declared
// ones: a Kind converts from any string, so a misspelt kind would compile
// and ForCountry would find no actor for it.
func TestKinds(t *testing.T) {
	known := []Kind{Military, Police, Government, Protesters, Rioters, Civilians, Unidentified, Communal, Rebels}
	made := map[Kind]int{}
	for _, k := range countryKinds {
		made[k.kind]++
	}
	for _, k := range known {
		if made[k] != 1 {
			t.Errorf("countryKinds makes %q %d times, want once", k, made[k])
		}
	}
	for k := range made {
		if !slices.Contains(known, k) {
			t.Errorf("countryKinds makes unknown kind %q", k)
		}
	}
	for w, k := range bareNouns {
		if !slices.Contains(known, k) {
			t.Errorf("bare noun %q has unknown kind %q", w, k)
		}
	}
	// Every country has an actor of every kind, for ForCountry to find.
	d := dict(t)
	isos := map[string]bool{}
	for ck := range d.byKind {
		isos[ck.iso] = true
	}
	if len(isos) != d.Countries() {
		t.Errorf("%d countries have actors, want %d", len(isos), d.Countries())
	}
	for iso := range isos {
		for _, k := range known {
			if _, ok := d.ForCountry(iso, k, time.Time{}); !ok {
				t.Errorf("ForCountry(%s, %s) finds no actor", iso, k)
			}
		}
	}
}

// TestReachHoldsEveryPhrase checks that Find reads every phrase of the
// dictionary to its end: its prefixes and its hash, written a word at a
// time, are those Load filed.
func TestReachHoldsEveryPhrase(t *testing.T) {
	d := dict(t)
	var sums [maxWords + 1]uint64
	for k := range d.phrases {
		// The key's words as tokens: Tokens would split "'s" anew.
		var toks []text.Token
		for start := 0; start < len(k); {
			end := strings.IndexByte(k[start:], ' ')
			if end < 0 {
				end = len(k) - start
			}
			toks = append(toks, text.Token{Start: start, End: start + end, Key: k[start : start+end]})
			start += end + 1
		}
		if len(toks) < 2 {
			continue
		}
		if n := d.reach(&sums, k, toks); n != len(toks) {
			t.Errorf("reach(%q) = %d, want %d", k, n, len(toks))
		}
		if sums[len(toks)] != bloom.HashOf(k) || !d.multi.Has(sums[len(toks)]) {
			t.Errorf("phrase %q: hash %x, want %x", k, sums[len(toks)], bloom.HashOf(k))
		}
	}
	// A phrase cut short where its words stop joining.
	txt := "the army, said"
	if n := d.reach(&sums, txt, text.Tokens(txt)); n != 2 {
		t.Errorf("reach(%q) = %d, want 2", txt, n)
	}
}
