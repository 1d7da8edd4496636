package text

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestKeys(t *testing.T) {
	set := []string{"war", "conflict", "x" + strings.Repeat("y", 70)}
	ks := NewKeys(set...)
	in := map[string]bool{}
	for _, k := range set {
		in[k] = true
	}
	for _, k := range []string{"", "war", "wars", "wa", "conflict", "conflicts", "cwar", "x" + strings.Repeat("y", 70),
		"x" + strings.Repeat("y", 71), "é", "w", "conflicz"} {
		if got, want := ks.Has(k), in[k]; got != want {
			t.Errorf("Has(%q) = %v, want %v", k, got, want)
		}
	}
	// AnyIn against the plain reading: a token within the bytes whose
	// key is in the set.
	for _, s := range []string{"", "The war began.", "the Warring sides", "conflict-hit areas", "no such thing", "a war"} {
		d := Split(s)
		for start := 0; start <= len(s); start++ {
			for end := start; end <= len(s); end++ {
				want := false
				for _, tok := range d.Tokens {
					want = want || tok.Start >= start && tok.End <= end && in[tok.Key]
				}
				if got := d.AnyIn(start, end, ks); got != want {
					t.Errorf("AnyIn(%q, %d, %d) = %v, want %v", s, start, end, got, want)
				}
			}
		}
	}
}

func TestShapesMayBytes(t *testing.T) {
	var s Shapes
	for _, k := range []string{"war", "conflict", "x" + strings.Repeat("y", 40)} {
		s.Add(k)
	}
	for _, k := range []string{"", "war", "was", "wars", "conflict", "c", "x" + strings.Repeat("y", 50), "é"} {
		if got, want := s.MayBytes([]byte(k)), s.May(k); got != want {
			t.Errorf("MayBytes(%q) = %v, May %v", k, got, want)
		}
	}
}

// TestShapesOf checks that ShapesOf adds the keys of every sequence, and
// only their shapes.
func TestShapesOf(t *testing.T) {
	s := ShapesOf(slices.Values([]string{"war", "conflict"}), maps.Keys(map[string]bool{"killed": true, "": true}))
	for k, want := range map[string]bool{"war": true, "wax": true, "conflict": true, "killed": true, "kills": false, "wars": false, "": false, "dead": false} {
		if got := s.May(k); got != want {
			t.Errorf("May(%q) = %v, want %v", k, got, want)
		}
	}
	if ShapesOf() != (Shapes{}) {
		t.Error("ShapesOf() holds a shape")
	}
}
