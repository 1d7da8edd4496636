package actor

import (
	"strings"
	"testing"
	"time"
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
	for _, a := range d.Actors() {
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

func TestDemonymForCountry(t *testing.T) {
	d := dict(t)
	for w, want := range map[string]string{"Pakistani": "PK", "Afghan": "AF", "Congolese": "CD", "Burkinabe": "BF", "Nigeria": "NG"} {
		if got, ok := d.Demonym(w); !ok || got != want {
			t.Errorf("Demonym(%q) = %q, want %q", w, got, want)
		}
	}
	a, ok := d.ForCountry("SY", "military", day("2023-05-01"))
	if !ok || a.Name != "Military Forces of Syria (2000-2024)" {
		t.Errorf("ForCountry(SY, military, 2023) = %v", a)
	}
	a, ok = d.ForCountry("SY", "military", day("2025-05-01"))
	if !ok || a.Name != "Military Forces of Syria (2024-)" {
		t.Errorf("ForCountry(SY, military, 2025) = %v", a)
	}
	if a, ok := d.ForCountry("NG", "civilians", time.Time{}); !ok || a.Name != "Civilians (Nigeria)" || a.Inter != 7 {
		t.Errorf("ForCountry(NG, civilians) = %v", a)
	}
}

func TestFind(t *testing.T) {
	d := dict(t)
	date := day("2025-10-14")
	tests := []struct {
		text string
		want []string // surface|actor
	}{
		{"Intense overnight fighting left 23 Pakistani soldiers dead", []string{"Pakistani soldiers|Military Forces of Pakistan (2022-)"}},
		{"hostilities against the Afghan Taliban and their allied terrorist groups, including Tehreek-e-Taliban Pakistan (TTP) and the Islamic State-Khorasan",
			[]string{"Afghan Taliban|Military Forces of Afghanistan (2021-)", "Tehreek-e-Taliban Pakistan|Tehreek-e-Taliban Pakistan", "TTP|Tehreek-e-Taliban Pakistan", "Islamic State-Khorasan|Islamic State Khorasan Province"}},
		{"confirmed the ceasefire through spokesperson Zabiullah Mujahid", []string{"Zabiullah Mujahid|Government of Afghanistan (2021-)"}},
		{"Afghanistan’s Foreign Minister Amir Khan Muttaqi’s ongoing visit", []string{"Afghanistan’s Foreign Minister|Government of Afghanistan (2021-)", "Amir Khan Muttaqi|Government of Afghanistan (2021-)"}},
		{"al-Shabaab militants stormed a hotel", []string{"al-Shabaab militants|Al Shabaab"}},
		{"fighters of the Rapid Support Forces (RSF) shelled", []string{"Rapid Support Forces|Rapid Support Forces", "RSF|Rapid Support Forces"}},
		{"M23 rebels seized Goma", []string{"M23 rebels|M23"}},
		{"the ttp said", nil},
		{"gunmen opened fire", []string{"gunmen|"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range d.Find(tt.text, date) {
			if tt.text[m.Start:m.End] != m.Text {
				t.Errorf("span %d:%d is %q, text %q", m.Start, m.End, tt.text[m.Start:m.End], m.Text)
			}
			name := ""
			if m.Actor != nil {
				name = m.Actor.Name
			}
			got = append(got, m.Text+"|"+name)
		}
		if strings.Join(got, ";") != strings.Join(tt.want, ";") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
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
