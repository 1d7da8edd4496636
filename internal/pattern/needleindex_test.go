package pattern

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/text"
)

// naiveNeedles is what needleIndex.each finds, found by trying every
// needle at every byte of the lowered text.
func naiveNeedles(words []string, s string) []string {
	lower := text.LowerASCII(s)
	var out []string
	for i := 0; i < len(lower); i++ {
		for n, w := range words {
			if w != "" && strings.HasPrefix(lower[i:], w) {
				out = append(out, fmt.Sprint(i, i+len(w), n))
			}
		}
	}
	return out
}

func sameNeedles(t *testing.T, words []string, text string) {
	t.Helper()
	var got []string
	last := 0
	newNeedleIndex(words).each(text, func(start, end int, n int32) {
		if start < last {
			t.Fatalf("needle at %d after one at %d", start, last)
		}
		last = start
		got = append(got, fmt.Sprint(start, end, n))
	})
	want := naiveNeedles(words, text)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("in %q found %q, want %q", text, got, want)
	}
}

var testNeedles = []string{"-", "in", "kill", "killed", "ill", "attack", "attacks", "on ", "ck", "k", "said", "\xe2\x80\x99s", "", "killedx"}

func TestNeedleIndex(t *testing.T) {
	for _, text := range []string{"", "k", "ki", "KILLED", "Killed in an ATTACK on Kabul's north-west; police said", "ill-killed-ck", "Pakistan\u2019s forces"} {
		sameNeedles(t, testNeedles, text)
	}
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		sameNeedles(t, testNeedles, text)
	}
}

func FuzzNeedleIndex(f *testing.F) {
	f.Add("Killed in an ATTACK on Kabul's north-west", "kill|ack|-")
	f.Add("\xff\xe2\x80\x99s KK", "k|\xe2\x80\x99s|kk")
	f.Fuzz(func(t *testing.T, s, words string) {
		ws := strings.Split(words, "|")
		if len(ws) > 64 {
			return
		}
		for i, w := range ws {
			ws[i] = text.LowerASCII(w) // needles are lower case, as Set makes them
		}
		sameNeedles(t, ws, s)
	})
}

// FuzzContainsAt holds containsAt, from any byte of the needle, to
// bytes.Contains.
func FuzzContainsAt(f *testing.F) {
	f.Add("the cookie policy", "cookie")
	f.Add("tag tags", "tags")
	f.Add("aaab", "aab")
	f.Fuzz(func(t *testing.T, s, n string) {
		if n == "" {
			return
		}
		want := strings.Contains(s, n)
		for k := range len(n) {
			if got := containsAt([]byte(s), []byte(n), k); got != want {
				t.Fatalf("containsAt(%q, %q, %d) = %v, want %v", s, n, k, got, want)
			}
		}
		if k := rarest(n); k < 0 || k >= len(n) {
			t.Fatalf("rarest(%q) = %d", n, k)
		}
	})
}
