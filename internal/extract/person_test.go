package extract

import (
	"testing"

	"github.com/sitrep/sitrep/corpus"
)

func TestLongestRoleNoun(t *testing.T) {
	for _, w := range roleNouns {
		if len(w) > longestRoleNoun {
			t.Errorf("role noun %q is longer than longestRoleNoun", w)
		}
	}
}

// TestEndsWithRole holds endsWithRole to roleRE: it may let through a
// text roleRE does not match, never miss one it does.
func TestEndsWithRole(t *testing.T) {
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	cases := []string{"", " ", "the army spokesman ", "army spokesman", "Foreign Minister\t", "said Dr. ", "vice-president  ",
		"the \u212aing ", "SPOKESPERSON ", "a resident of the town ", "the army spo\u017fesman "}
	for _, text := range texts {
		for i := 0; i+60 <= len(text); i += 11 {
			cases = append(cases, text[i:i+60])
		}
	}
	matched := 0
	for _, s := range cases {
		if roleRE.MatchString(s) {
			matched++
			if !endsWithRole(s) {
				t.Errorf("roleRE matches %q, endsWithRole says no", s)
			}
		}
	}
	if matched < 10 {
		t.Errorf("roleRE matched only %d texts: the test proves little", matched)
	}
}

func FuzzEndsWithRole(f *testing.F) {
	f.Add("the army spokesman ")
	f.Add("Col. ")
	f.Fuzz(func(t *testing.T, s string) {
		if roleRE.MatchString(s) && !endsWithRole(s) {
			t.Errorf("roleRE matches %q, endsWithRole says no", s)
		}
	})
}
