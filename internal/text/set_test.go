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
			if hasSpec(Split(s), Split(p)) {
				want = append(want, p)
			}
		}
		if got := d.Written(set); !slices.Equal(got, want) {
			t.Errorf("Written in %q = %q, want %q (each phrase tried at each word)", s, got, want)
		}
		for i, p := range phrases {
			if got := d.Has(p); got != slices.Contains(want, p) {
				t.Errorf("Has(%q) in %q = %v, want %v (phrase %d)", p, s, got, !got, i)
			}
		}
	}
}

// hasSpec is Has written plainly: p tried at every word of d.
func hasSpec(d, p *Doc) bool {
	if len(p.Tokens) == 0 {
		return false
	}
	for i := range d.Tokens {
		if d.Tokens[i].Key == p.Tokens[0].Key && d.matchAt(i, p, len(p.Tokens)) {
			return true
		}
	}
	return false
}

// FuzzHas holds Has, and Written of a Set of one phrase, to the phrase
// tried at every word.
func FuzzHas(f *testing.F) {
	f.Add("The Congolese army said the army", "the army")
	f.Add("arty army, arty", "arty")
	f.Fuzz(func(t *testing.T, s, phrase string) {
		d := Split(s)
		want := hasSpec(Split(s), Split(phrase))
		if got := d.Has(phrase); got != want {
			t.Fatalf("Has(%q) in %q = %v, want %v", phrase, s, got, want)
		}
		if got := len(d.Written(NewSet([]string{phrase}))) == 1; got != want {
			t.Fatalf("Written of {%q} in %q holds it: %v, want %v", phrase, s, got, want)
		}
	})
}
