package actor

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/bloom"
	"github.com/sitrep/sitrep/internal/text"
)

func TestSurfaceCaseFits(t *testing.T) {
	tests := []struct {
		surface string
		e       entry
		want    bool
	}{
		{"ISIS", entry{caseSens: true, capital: true}, true},
		{"Isis", entry{caseSens: true, capital: true}, false},
		{"isis", entry{capital: true}, false},
		{"Isis", entry{capital: true}, true},
		{"Éire", entry{capital: true}, true},
		{"isis", entry{}, true},
		{"M23", entry{caseSens: true}, true},
		{"m23", entry{caseSens: true}, false},
	}
	for _, tt := range tests {
		var c surfaceCase
		// Asked twice: the second answer comes from what the first read.
		for range 2 {
			if got := c.fits(&tt.e, tt.surface); got != tt.want {
				t.Errorf("fits(%+v, %q) = %v, want %v", tt.e, tt.surface, got, tt.want)
			}
		}
	}
}

func TestAppendKeys(t *testing.T) {
	for _, s := range []string{"", "minister", "Foreign  Minister", "army’s chief-of-staff"} {
		toks := text.Tokens(s)
		if got, want := string(appendKeys(nil, toks)), joinKeys(toks); got != want {
			t.Errorf("appendKeys(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestLengthsOf checks the table of first words against the phrases:
// each phrase's first word has its number of words, and a word no
// phrase begins with has none.
func TestLengthsOf(t *testing.T) {
	d := dict(t)
	for k := range d.phrases {
		first, _, _ := strings.Cut(k, " ")
		if n := strings.Count(k, " ") + 1; d.lengthsOf(first)&(1<<n) == 0 {
			t.Errorf("lengthsOf(%q) = %b, lacks phrase %q of %d words", first, d.lengthsOf(first), k, n)
		}
	}
	for _, w := range []string{"", "zzxq", "qwertyuiop", "said"} {
		if got := d.lengthsOf(w); got != 0 {
			t.Errorf("lengthsOf(%q) = %b, want 0", w, got)
		}
	}
}

func TestMultiRarelyPasses(t *testing.T) {
	// The bloom filters read the sums' bits in groups of six: phrases
	// the dictionary lacks pass multi rarely.
	d := dict(t)
	passed := 0
	const tries = 20000
	for i := range tries {
		if d.multi.Has(bloom.HashOf(fmt.Sprintf("word%d other%d", i, i%7))) {
			passed++
		}
	}
	if passed > tries/50 {
		t.Errorf("%d of %d phrases the dictionary lacks pass multi", passed, tries)
	}
}
