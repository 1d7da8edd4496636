package bloom

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestBloom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 50_000
	b := New(n)
	added := make([]uint64, n)
	for i := range added {
		added[i] = r.Uint64()
		b.Add(added[i])
	}
	for _, h := range added {
		if !b.Has(h) {
			t.Fatalf("has(%#x) = false for a hash it was given", h)
		}
	}
	yes := 0
	const tries = 100_000
	for range tries {
		if b.Has(r.Uint64()) {
			yes++
		}
	}
	// A false yes costs a map look-up; more than one in fifty would
	// spare too few.
	if rate := float64(yes) / tries; rate > 0.02 {
		t.Errorf("false yes for %.1f%% of hashes never given", 100*rate)
	}
}

func TestZero(t *testing.T) {
	var f Filter
	if f.Has(1) {
		t.Error("the zero Filter has a hash")
	}
}

func TestOf(t *testing.T) {
	hs := []uint64{1, 1 << 40, 0xdeadbeefcafef00d}
	f := Of(hs)
	for _, h := range hs {
		if !f.Has(h) {
			t.Errorf("Of(%#x).Has(%#x) = false", hs, h)
		}
	}
}

func TestFromWords(t *testing.T) {
	hs := []uint64{1, 1 << 40, 12345678901234}
	f := Of(hs)
	g, err := FromWords(f.Words())
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if !g.Has(h) {
			t.Errorf("FromWords(Words()) lost %#x", h)
		}
	}
	for _, n := range []int{0, 3, 6} {
		if _, err := FromWords(make([]uint64, n)); err == nil {
			t.Errorf("FromWords of %d words: no error", n)
		}
	}
}

// TestHashByParts checks that a phrase hashed a word at a time, as the
// dictionaries hash the phrases they try, hashes as the whole phrase
// does, as a string and as bytes.
func TestHashByParts(t *testing.T) {
	for _, phrase := range []string{"", "kabul", "north waziristan", "tehreek e taliban pakistan", "new people's army", " x"} {
		state := Offset
		for i, w := range strings.Split(phrase, " ") {
			if i > 0 {
				state = Append(state, " ")
			}
			state = Append(state, w)
		}
		if got, want := Finish(state), HashOf(phrase); got != want {
			t.Errorf("%q hashed by parts %x, whole %x", phrase, got, want)
		}
		if got, want := HashOf([]byte(phrase)), HashOf(phrase); got != want {
			t.Errorf("%q as bytes %x, as a string %x", phrase, got, want)
		}
	}
	if HashOf("a") == HashOf("b") || HashOf("ab") == HashOf("ba") {
		t.Error("distinct phrases hash alike")
	}
}
