package extract

import (
	"strings"
	"testing"
)

func TestHoldsFold(t *testing.T) {
	for _, tt := range []struct {
		s, n string
		want bool
	}{
		{"", "", true},
		{"", "a", false},
		{"IS claimed responsibility", " responsibility", true},
		{"IS CLAIMED RESPONSIBILITY.", " responsibility", true},
		{"IS claimed Responsibility", " responsibility", true},
		{"responsibility", " responsibility", false}, // no space before it
		{"no one has taken responsibilit", " responsibility", false},
		{"yy y responsibilityy", " responsibility", true},
		{"y", "xy", false},
		{"a 1:2 b", "1:2", true},
		{"captured a commander", "captured ", true},
		{"CAPTURED", "captured ", false},
		{"xbx", "abc", false},
		{"abc", "abc", true},
	} {
		if got := holdsFold(tt.s, tt.n); got != tt.want {
			t.Errorf("holdsFold(%q, %q) = %v, want %v", tt.s, tt.n, got, tt.want)
		}
	}
}

// TestMayHold checks that mayHold passes every text claimedRE matches.
func TestMayHold(t *testing.T) {
	for _, s := range []string{"The group claimed responsibility for the attack.", "IS CLAIMS RESPONSIBILITY", "It claim responsibility", "claimed reſponsibility"} {
		if claimedRE.MatchString(s) && !mayHold(claimedRE, s) {
			t.Errorf("mayHold(claimedRE, %q) = false, and it matches", s)
		}
	}
	if s := "Rockets hit Homs on Tuesday."; mayHold(claimedRE, s) {
		t.Errorf("mayHold(claimedRE, %q) = true", s)
	}
}

func TestRarestByte(t *testing.T) {
	for _, tt := range []struct {
		n    string
		want int
	}{
		{" responsibility", 9}, // "b"
		{"captured ", 2},       // "p"
		{"1:2", 2},
		{"a", 0},
	} {
		if got := rarestByte(tt.n); got != tt.want {
			t.Errorf("rarestByte(%q) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

func FuzzHoldsFold(f *testing.F) {
	f.Add("IS claimed Responsibility", " responsibility")
	f.Fuzz(func(t *testing.T, s, n string) {
		n = strings.ToLower(n)
		for i := 0; i < len(n); i++ {
			if n[i] >= 0x80 {
				return // needles are ASCII
			}
		}
		lower := make([]byte, len(s))
		for i := 0; i < len(s); i++ {
			lower[i] = s[i]
			if 'A' <= s[i] && s[i] <= 'Z' {
				lower[i] += 'a' - 'A'
			}
		}
		if got, want := holdsFold(s, n), strings.Contains(string(lower), n); got != want {
			t.Errorf("holdsFold(%q, %q) = %v, want %v", s, n, got, want)
		}
	})
}
