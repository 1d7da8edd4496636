package actor

import (
	"testing"

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
