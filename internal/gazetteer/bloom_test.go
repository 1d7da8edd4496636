package gazetteer

import (
	"math/rand/v2"
	"testing"
)

func TestBloom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 50_000
	b := newBloom(n)
	added := make([]uint64, n)
	for i := range added {
		added[i] = r.Uint64()
		b.add(added[i])
	}
	for _, h := range added {
		if !b.has(h) {
			t.Fatalf("has(%#x) = false for a hash it was given", h)
		}
	}
	yes := 0
	const tries = 100_000
	for range tries {
		if b.has(r.Uint64()) {
			yes++
		}
	}
	// A false yes costs a map look-up; more than one in fifty would
	// spare too few.
	if rate := float64(yes) / tries; rate > 0.02 {
		t.Errorf("false yes for %.1f%% of hashes never given", 100*rate)
	}
}

// TestFindMultiWordNames holds the bloom to the names it stands before:
// a phrase of several words is still found.
func TestFindMultiWordNames(t *testing.T) {
	g := gaz(t)
	for _, text := range []string{"Clashes near Dera Ismail Khan on Monday.", "Fighting in North Waziristan and Kurram.", "A strike in the Gaza Strip."} {
		ms := g.Find(text)
		multi := false
		for _, m := range ms {
			for i := range len(m.Text) {
				if m.Text[i] == ' ' {
					multi = true
				}
			}
		}
		if !multi {
			t.Errorf("Find(%q) = %+v: no name of several words", text, ms)
		}
	}
}
