package debris

import (
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/corpus"
)

var (
	commonOnce sync.Once
	common     Words
	commonErr  error
)

func words(t testing.TB) Words {
	commonOnce.Do(func() { common, commonErr = CommonWords() })
	if commonErr != nil {
		t.Fatal(commonErr)
	}
	return common
}

func TestRepair(t *testing.T) {
	countries := map[string]bool{"Syria": true, "Iran": true, "Russia": true, "Philippines": true}
	opts := Options{Possessive: func(w string) bool { return countries[w] }}
	tests := []struct{ in, want string }{
		{"Saddam #39;s top aide arrested", "Saddam's top aide arrested"},
		{"up to  #36;50 million", "up to  $50 million"},
		{"the ceasefire #8212; which held", "the ceasefire — which held"},
		{"AT&amp;T and &quot;rebels&quot;", "AT&T and \"rebels\""},
		{"Sen.\\John Kerry", "Sen. John Kerry"},
		{"rebel-held parts of Syrias Aleppo province", "rebel-held parts of Syria's Aleppo province"},
		{"the Philippines army", "the Philippines army"},
		{"Irans foreign minister and Russias", "Iran's foreign minister and Russia's"},
		{"a #hashtag; and 5 #; no", "a #hashtag; and 5 #; no"},
		{"plain text stays", "plain text stays"},
	}
	for _, tt := range tests {
		v := Repair(tt.in, opts)
		if v.Text != tt.want {
			t.Errorf("Repair(%q) = %q, want %q", tt.in, v.Text, tt.want)
		}
	}
}

func TestRecase(t *testing.T) {
	text := "SAN SALVADOR, 3 JAN 90 -- THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL DEPARTMENT. THE SOURCE ADDED THAT THE TERRORISTS FORCED THE INDIVIDUALS OUT OF THEIR RESIDENCES IN CHAD."
	v := Repair(text, Options{Common: words(t), Proper: func(w string) bool { return strings.EqualFold(w, "chad") }})
	for _, want := range []string{"San Salvador", "The Arce", "reported that about 50 peasants", "Farabundo Marti", "[FMLN]", "San Miguel", ". The source added", "in Chad."} {
		if !strings.Contains(v.Text, want) {
			t.Errorf("recased text lacks %q:\n%s", want, v.Text)
		}
	}
	if len(v.Text) != len(text) {
		t.Errorf("recasing changed the length: %d, want %d", len(v.Text), len(text))
	}
}

func TestRecaseLower(t *testing.T) {
	text := "lucknow: police arrested 12 people in ahmedabad on saturday after clashes, the police commissioner said."
	v := Repair(text, Options{Common: words(t)})
	for _, want := range []string{"Lucknow:", "police arrested 12 people in Ahmedabad on Saturday"} {
		if !strings.Contains(v.Text, want) {
			t.Errorf("recased text lacks %q:\n%s", want, v.Text)
		}
	}
}

func TestOffsets(t *testing.T) {
	text := "Iraq #39;s army said Syrias troops #8212; and others"
	v := Repair(text, Options{Possessive: func(w string) bool { return w == "Syria" }})
	// Every view word maps back to the same word in the original.
	for _, w := range []string{"army", "said", "troops", "and others"} {
		vi := strings.Index(v.Text, w)
		oi := strings.Index(text, w)
		if got := v.Orig(vi, false); got != oi {
			t.Errorf("Orig(%q start) = %d, want %d", w, got, oi)
		}
		if got := v.Orig(vi+len(w), true); got != oi+len(w) {
			t.Errorf("Orig(%q end) = %d, want %d", w, got, oi+len(w))
		}
		if got := v.ToView(oi, false); got != vi {
			t.Errorf("ToView(%q start) = %d, want %d", w, got, vi)
		}
	}
	// A span over a repaired stretch covers the whole original stretch.
	vi := strings.Index(v.Text, "Syria's")
	s, e := v.Orig(vi, false), v.Orig(vi+len("Syria's"), true)
	if text[s:e] != "Syrias" {
		t.Errorf("span of Syria's maps to %q", text[s:e])
	}
}

func FuzzRepair(f *testing.F) {
	for _, s := range []string{"Saddam #39;s", "&amp; &#8212; #36;5", "Sen.\\John", "Syrias army", "THE ARMY SAID. " + strings.Repeat("REBELS ATTACKED ", 30)} {
		f.Add(s)
	}
	w := words(f)
	f.Fuzz(func(t *testing.T, s string) {
		v := Repair(s, Options{Common: w, Possessive: func(x string) bool { return x == "Syria" }})
		for i := 0; i <= len(v.Text); i++ {
			a, b := v.Orig(i, false), v.Orig(i, true)
			if a < 0 || b > len(s) || a > b {
				t.Fatalf("Repair(%q): Orig(%d) = %d..%d out of 0..%d", s, i, a, b, len(s))
			}
		}
	})
}

func TestSentenceCase(t *testing.T) {
	head := "US Marines Die In Fallujah Car Bombing"
	if !TitleCase(head) || TitleCase("Marines die in Fallujah car bombing") {
		t.Fatal("TitleCase wrong")
	}
	got := SentenceCase(head+"\n\nBody.", 0, len(head), Options{Common: words(t), Proper: func(w string) bool { return w == "US" }})
	if want := "US marines die in Fallujah car bombing\n\nBody."; got != want {
		t.Errorf("SentenceCase = %q, want %q", got, want)
	}
}

// TestCaseCounts checks the count of capitals and small letters eight
// bytes at a time against a count one byte at a time, over every byte.
func TestCaseCounts(t *testing.T) {
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	tests := []string{"", "A", "abcdefgh", "ABCDEFGHz", "@[`{AZaz", "Ünïcödé TEXT, S and K.", all.String(), strings.Repeat("Aa@[`{\x80\xc1\xda\xe1\xfa", 7), strings.Repeat("A", 5000) + strings.Repeat("b", 2041)}
	for _, s := range tests {
		upper, lower := 0, 0
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case 'A' <= c && c <= 'Z':
				upper++
			case 'a' <= c && c <= 'z':
				lower++
			}
		}
		if u, l := caseCounts(s); u != upper || l != lower {
			t.Errorf("caseCounts(%q) = %d, %d, want %d, %d", s, u, l, upper, lower)
		}
	}
}

// BenchmarkRepair repairs plain-text articles of 3 to 8 KB, which have
// little debris: the cost is that of reading them.
func BenchmarkRepair(b *testing.B) {
	texts, err := corpus.Lengthened()
	if err != nil {
		b.Fatal(err)
	}
	countries := map[string]bool{"Syria": true, "Iran": true, "Russia": true, "Nigeria": true}
	opts := Options{Possessive: func(w string) bool { return countries[w] }}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		OneCase(texts[i%len(texts)])
		Repair(texts[i%len(texts)], opts)
		i++
	}
}

// TestSkip checks the search for the bytes Repair acts on, eight bytes
// at a time, against a search one byte at a time, from every start.
func TestSkip(t *testing.T) {
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	tests := []string{"", "&", "plain words only, and more plain words", "a #39;s", "back\\slash in the middle of it", "lower text then A Capital",
		"ÄÖÜ ärger \xc3\xa9t\xe9 & more", all.String(), strings.Repeat("zz`{@[", 5) + "Z"}
	for _, s := range tests {
		for _, mode := range []struct{ caps, upper bool }{{false, false}, {false, true}, {true, false}, {true, true}} {
			for i := 0; i <= len(s); i++ {
				want := i
				for want < len(s) {
					c := s[want]
					if c == '&' || c == '#' || c == '\\' || mode.caps && isLetter(c) || mode.upper && isUpper(c) {
						break
					}
					want++
				}
				// It may stop short at "$", "%" and "[", never past a byte
				// that counts.
				got := skip(s, i, mode.caps, mode.upper)
				if got < i || got > want || got < want && !strings.Contains("$%[", s[got:got+1]) {
					t.Errorf("skip(%q, %d, %v, %v) = %d, want %d", s, i, mode.caps, mode.upper, got, want)
				}
			}
		}
	}
}

// TestOneCase checks oneCase, which counts by blocks and stops early,
// against a count of the first 4096 bytes one byte at a time, over texts
// of every mix of cases near its bounds.
func TestOneCase(t *testing.T) {
	want := func(s string) bool {
		upper, lower := 0, 0
		for i := 0; i < len(s) && i < 4096; i++ {
			switch c := s[i]; {
			case 'A' <= c && c <= 'Z':
				upper++
			case 'a' <= c && c <= 'z':
				lower++
			}
		}
		return upper > 200 && lower*20 < upper || lower >= 12 && upper*50 < lower
	}
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, "", "lucknow: police arrested 12 people", strings.ToUpper(texts[0]), strings.ToLower(texts[1]))
	// One letter of the other case in every n, and the letters of the
	// other case all at the end, where an early stop would miss them.
	for _, n := range []int{2, 5, 19, 20, 21, 49, 50, 51, 60, 400} {
		for _, size := range []int{100, 300, 1000, 4096, 6000} {
			var mix, late strings.Builder
			for i := range size {
				mix.WriteByte("aA"[min(1, i%n)])
				late.WriteByte("Aa"[min(1, max(0, i-size+size/n))])
			}
			texts = append(texts, mix.String(), late.String(), strings.ToLower(mix.String()[:size/2])+mix.String())
		}
	}
	for _, s := range texts {
		if got := oneCase(s); got != want(s) {
			t.Errorf("oneCase(%.60q... of %d bytes) = %v, want %v", s, len(s), got, want(s))
		}
	}
}

// TestRepairCase checks that RepairCase, told what OneCase says, repairs
// as Repair does.
func TestRepairCase(t *testing.T) {
	opts := Options{Common: words(t), Possessive: func(w string) bool { return w == "Syria" }}
	for _, s := range []string{"Syrias army #39;s", "THE ARMY SAID. " + strings.Repeat("REBELS ATTACKED SYRIAS TOWNS ", 10), "lucknow: police arrested 12 people", ""} {
		if got, want := RepairCase(s, OneCase(s), opts).Text, Repair(s, opts).Text; got != want {
			t.Errorf("RepairCase(%q) = %q, Repair gives %q", s, got, want)
		}
	}
}
