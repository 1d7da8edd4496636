package debris

import (
	"strings"
	"sync"
	"testing"
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
