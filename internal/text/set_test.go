package text

import (
	"slices"
	"testing"
)

func TestWritten(t *testing.T) {
	phrases := []string{
		"Congolese troops", "FARDC", "Congolese army", "", "Congolese soldiers",
		"congolese ARMY", "the army", "...", "army", "Forces Armées", "armed forces",
	}
	set := NewSet(phrases)
	for _, s := range []string{
		"The Congolese army and FARDC units said the army had withdrawn.",
		"Forces armees de la RDC; Congolese  troops.",
		"No phrase of the set is here.",
		"",
		"army",
		"Congolese, Congolese troops and the\tarmy", // a later use of a first word
		"FORCES ARMÉES",
		"arty army, arty", // the same length, first and last bytes
	} {
		d := Split(s)
		var want []string
		for _, p := range phrases {
			if Split(s).Has(p) {
				want = append(want, p)
			}
		}
		if got := d.Written(set); !slices.Equal(got, want) {
			t.Errorf("Written in %q = %q, want %q (Has of each phrase)", s, got, want)
		}
		if got := NewSetReader(Split(s)).Written(set); !slices.Equal(got, want) {
			t.Errorf("SetReader's Written in %q = %q, want %q (Has of each phrase)", s, got, want)
		}
	}
}
