package pattern

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestPhraseList holds the phrase lists to the engine on texts made to
// try their edges, and checks which patterns are taken for lists.
func TestPhraseList(t *testing.T) {
	tests := []struct {
		expr string
		list bool // matched as a phrase list
	}{
		{`(?i)\b(?:youths?|security\s+forces|u\.s\.|f-16s?|tear ?gas|estimated|estimates)\b`, true},
		{`(?i)\bclaim(?:ed|s)? responsibility\b`, true},
		{`\b(?:Police|police station|K9)\b`, true},
		{`(?i)\b(?:kill|skill)\b`, true},
		{`(?i)\b(?:a|an)\s+(?:the|this)\b`, true},
		// Not lists: a group, a word of any letters, case folded in part,
		// no word boundary, a space run before white space.
		{`(?i)\b(killed|died)\b`, false},
		{`(?i)\b(?:condemn\w*|slammed)\b`, false},
		{`\b(?:(?i:police)|Army)\b`, false},
		{`(?i)(?:police|army)\b`, false},
		{`(?i)\b(?:-based|army)\b`, false},
		{`\b(?:a\s+ b)\b`, false},
		// A class with the Kelvin sign but one case of k.
		{`\b(?:[k\x{212a}]ill)\b`, false},
	}
	texts := []string{
		"", "youth", "Youths, YOUTHS youthful", "security  \t\nforces", "securityforces security-forces",
		"U.S. troops; U.S.A; the u.s. army", "F-16 f-16s F-16ss", "tear gas, teargas, tear  gas",
		"ESTIMATED estimateſ estimateds", "The group claimed responsibility. Claims responsibility?",
		"claim responsibility", "claimed  responsibility", "Police police station Police Station POLICE k9 K9",
		"\u212aill skill SKILL s\u212aill", "a the, an  this; A THE", "x\xffyouth", "é youthé",
	}
	for _, tt := range tests {
		r := MustCompile(tt.expr)
		if got := r.phrases != nil; got != tt.list {
			t.Errorf("%q: phrase list %v, want %v", tt.expr, got, tt.list)
		}
		for _, s := range texts {
			same(t, tt.expr, s)
		}
	}
}

// TestPhraseListRandom holds lists of random words to the engine.
func TestPhraseListRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 40 {
		expr := `(?i)\b(?:` + list(r, 12) + `)\b`
		if MustCompile(expr).phrases == nil {
			continue
		}
		for range 200 {
			same(t, expr, randomText(r))
		}
	}
}

// FuzzPhraseList holds lists of the fuzzer's phrases to the engine: words
// parted by spaces become \s+ where the phrase says so.
func FuzzPhraseList(f *testing.F) {
	f.Add("security forces", "u.s.", "f-16", true, true, "SECURITY\t forces U.S. F-16s u.s.a")
	f.Add("kill", "skill", "ki", false, true, "\u212aill s\u212aill KILL ki")
	f.Add("a b", "ab", "a", true, false, "a  b ab a")
	f.Fuzz(func(t *testing.T, a, b, c string, runs, fold bool, s string) {
		if len(s) > 2000 {
			return
		}
		var parts []string
		for _, p := range []string{a, b, c} {
			q := regexp.QuoteMeta(p)
			if runs {
				q = strings.ReplaceAll(q, " ", `\s+`)
			}
			parts = append(parts, q)
		}
		expr := `\b(?:` + strings.Join(parts, "|") + `)\b`
		if fold {
			expr = "(?i)" + expr
		}
		if _, err := regexp.Compile(expr); err != nil {
			return
		}
		same(t, expr, s)
	})
}
