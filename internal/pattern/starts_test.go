package pattern

import (
	"regexp"
	"regexp/syntax"
	"testing"
)

func TestStarts(t *testing.T) {
	tests := []struct {
		expr string
		nil  bool     // no starts: any byte may begin a match
		may  []string // texts a match may begin
		not  []string // texts no match begins
	}{
		{expr: `(?i)\b(?:will|would|plans?\s+to)\b`, may: []string{"Will", "WOULD", "plan", "Plans"}, not: []string{"wa", "wind", "pl", "pla", "plea", "the"}},
		{expr: `\b(?:a|an)\b`, may: []string{"a", "an", "and"}, not: []string{"b", "The"}},
		// A pattern that folds no case is held to the case it writes.
		{expr: `\b[A-Z][a-z]+\b`, may: []string{"Kabul", "Ka"}, not: []string{"K", "K1", "1a", "ka", "KA"}},
		{expr: `[A-Z][A-Z .'’-]{2,40}`, may: []string{"KABUL", "ST. LOUIS", "O’NEIL"}, not: []string{"The", "Kabul", "kab"}},
		{expr: `\b\d+\s+killed\b`, may: []string{"12 killed", "1 k", "12 "}, not: []string{"a1", "1", "1 ", "1a"}},
		// Four bytes tell a month from the words it begins.
		{expr: `(?i)\b(?:mar\.?|may|dec(?:ember)?)\s+\d`, may: []string{"May 1", "mar. 3", "Dec 5", "DECEMBER"}, not: []string{"market", "mayor", "decided", "Mar"}},
		{expr: `(?i)\bcaf\x{e9}\b`, may: []string{"café", "CAFÉ"}, not: []string{"cab"}},
		{expr: `\bx\x{fffd}`, may: []string{"x\xff", "x\ufffd"}, not: []string{"xa", "x"}},
		{expr: `\b.x`, nil: true},
		{expr: `\b(?:a|b)*`, nil: true},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			re, err := syntax.Parse(tt.expr, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			st := newStarts(re.Simplify())
			if (st == nil) != tt.nil {
				t.Fatalf("starts nil = %v, want %v", st == nil, tt.nil)
			}
			for _, s := range tt.may {
				if !st.may(s, 0) {
					t.Errorf("may(%q) = false, want true", s)
				}
			}
			for _, s := range tt.not {
				if st.may(s, 0) {
					t.Errorf("may(%q) = true, want false", s)
				}
			}
		})
	}
}

// TestStartsSound holds starts to the engine: wherever the pattern held
// to the start of a text matches it, starts must allow it.
func TestStartsSound(t *testing.T) {
	exprs := []string{
		`(?i)\b(?:will|would|could|plans?\s+to|threat(?:en(?:ed|s)?)?\s+(?:to|of))\b`,
		`(?i)\b(?:(at least|more than|over)\s+)?(\d{1,3}(?:,\d{3})+|\d+|one|two|a dozen|dozens)\b`,
		`\b[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,3}\b`,
		`(?i)\b(?:ab|c)?d?e\b`,
		`(?i)\b[kſ]\w*`,
		`\bx\x{fffd}`,
		`[A-Z][A-Z .'’-]{2,40}(?:\s*\([A-Za-z .]{1,20}\))?\s*(?:—|–|--| - )`,
		`(?i:ab)C`,
	}
	texts := []string{"Will", "would ", "plans  to", "threatened of", "at least 1,000", "over two", "a dozen", "dozens",
		"Abu Bakr", "Kürşat Özdemir", "O’Neil Smith", "abde", "cde", "de", "e", "ſa", "\u212a1", "k", "Ke\xffx", "x\xff", "x\ufffd",
		"JERUSALEM (Reuters) - ", "O’NEIL — ", "ST. LOUIS -- ", "AbC", "aBC", "abc"}
	for _, expr := range exprs {
		re, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		st := newStarts(re.Simplify())
		held := regexp.MustCompile(`^(?:` + expr + `)`)
		for _, s := range texts {
			if held.MatchString(s) && !st.may(s, 0) {
				t.Errorf("%s matches %q but starts rules it out", expr, s)
			}
		}
	}
}
