package extract

import "testing"

// TestClaimedNeedles checks that claimedRE's needles, which claimedBy
// asks the article and the sentence for, are in every text it matches.
func TestClaimedNeedles(t *testing.T) {
	for _, s := range []string{"The group claimed responsibility for the attack.", "IS CLAIMS RESPONSIBILITY", "It claim responsibility", "claimed reſponsibility"} {
		if claimedRE.MatchString(s) && !claimedRE.HoldsNeedle(s) {
			t.Errorf("claimedRE.HoldsNeedle(%q) = false, and it matches", s)
		}
	}
	if s := "Rockets hit Homs on Tuesday."; claimedRE.HoldsNeedle(s) {
		t.Errorf("claimedRE.HoldsNeedle(%q) = true", s)
	}
}
