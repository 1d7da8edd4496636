package pattern

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/text"
)

func TestHoldsNeedle(t *testing.T) {
	for _, c := range []struct {
		s       string
		needles []string
		want    bool
	}{
		{"", nil, true},
		{"", []string{"captured "}, false},
		{"they captured two", []string{"captured "}, true},
		{"They CAPTURED Two", []string{"captured "}, true},
		{"recaptured", []string{"captured "}, false},
		{"captured", []string{"captured "}, false},
		{"x captured\t", []string{"captured "}, false},
		{"a b", []string{"x", "b"}, true},
		{"\u212a", []string{"k"}, true}, // the engine reads the Kelvin sign as k
		{"ca\u017f", []string{"x"}, true},
		{"@", []string{"`"}, false},
	} {
		r := &Regexp{needles: c.needles}
		for _, n := range c.needles {
			r.rare = append(r.rare, rarest(n))
		}
		if got := r.HoldsNeedle(c.s); got != c.want {
			t.Errorf("HoldsNeedle(%q) with needles %q = %v, want %v", c.s, c.needles, got, c.want)
		}
	}
}

func TestContainsFold(t *testing.T) {
	for _, c := range []struct {
		s, n string
		want bool
	}{
		{"", "", true},
		{"", "a", false},
		{"abc", "", true},
		{"Killed", "killed", true},
		{"were KILLED.", "killed", true},
		{"kille", "killed", false},
		{"xxkilled", "killed", true},
		{"kkkilled", "killed", true},
		{"Kk kIlLeD", "killed", true},
		{" responsibility", " responsibility", true},
		{"responsibility", " responsibility", false},
		{"@", "`", false},
		{"a-b", "-b", true},
		{"IS CLAIMED RESPONSIBILITY.", " responsibility", true},
		{"no one has taken responsibilit", " responsibility", false},
		{"yy y responsibilityy", " responsibility", true},
		{"y", "xy", false},
		{"a 1:2 b", "1:2", true},
		{"CAPTURED", "captured ", false},
		{"xbx", "abc", false},
		{"WE USE COOKIES", "cookie", true},
		{"cookbook kit", "cookie", false},
		{"© 2024", "©", true},
		{"(c) 2024", "©", false},
	} {
		// Whichever byte of n is searched for, the answer is the same.
		for k := range max(len(c.n), 1) {
			if got := containsFold(c.s, c.n, k); got != c.want {
				t.Errorf("containsFold(%q, %q, %d) = %v, want %v", c.s, c.n, k, got, c.want)
			}
		}
	}
}

// FuzzContainsFold holds containsFold, searching for any byte of n, to
// a search of the text with its ASCII capitals lowered.
func FuzzContainsFold(f *testing.F) {
	f.Add("IS claimed Responsibility", " responsibility", 9)
	f.Add("cookbook kit", "cookie", 3)
	f.Fuzz(func(t *testing.T, s, n string, k int) {
		n = strings.ToLower(n)
		if n == "" || k < 0 {
			return
		}
		for i := 0; i < len(n); i++ {
			if n[i] >= utf8.RuneSelf {
				return // a needle is ASCII, as the needles of a pattern are
			}
		}
		lower := []byte(s)
		for i, c := range lower {
			lower[i] = text.LowerASCIIByte(c)
		}
		if got, want := containsFold(s, n, k%len(n)), strings.Contains(string(lower), n); got != want {
			t.Errorf("containsFold(%q, %q, %d) = %v, want %v", s, n, k%len(n), got, want)
		}
	})
}

func TestFirstBytes(t *testing.T) {
	for _, c := range []struct {
		expr string
		want string // the ASCII bytes, in order
	}{
		{`(?i)^(?:has|for)\b`, "FHfh"},
		{`\bx|y+`, "xy"},
		{`\d{4}`, "0123456789"},
		{`(?i)k`, "Kk"},
		{`(?:a|)b`, "ab"},
		{`a*`, ""}, // every byte: the empty text matches
	} {
		first := MustCompile(c.expr).FirstBytes()
		var got []byte
		for b := range 128 {
			if first[b] {
				got = append(got, byte(b))
			}
		}
		want := c.want
		if want == "" {
			want = string(func() []byte {
				var all []byte
				for b := range 128 {
					all = append(all, byte(b))
				}
				return all
			}())
		}
		if string(got) != want {
			t.Errorf("FirstBytes(%q) = %q, want %q", c.expr, got, want)
		}
		for b := 128; b < 256; b++ {
			if !first[b] {
				t.Errorf("FirstBytes(%q): byte %#x, which begins runes past ASCII, left out", c.expr, b)
				break
			}
		}
	}
}
