package extract

import (
	"regexp"
	"slices"
	"testing"
)

func TestLeadWords(t *testing.T) {
	tests := []struct {
		expr     string
		whole    []string
		prefixes []string
		ok       bool
	}{
		{expr: `(?i)^(?:has|had) (?:risen|fallen)`, whole: []string{"had", "has"}, ok: true},
		{expr: `(?i)^(?:repeatedly|similar)\b`, prefixes: []string{"repeatedly", "similar"}, ok: true},
		{expr: `^in \d{4}\b|^in recent years`, whole: []string{"in"}, ok: true},
		{expr: `(?i)^for(?:ty)? years`, whole: []string{"for", "forty"}, ok: true},
		{expr: `(?i)^since[- ]`, whole: []string{"since"}, ok: true},
		{expr: `(?i)^(?:ab)+c`, prefixes: []string{"ab"}, ok: true},
		{expr: `(?i)^(?:ab)?c `, whole: []string{"abc", "c"}, ok: true},
		{expr: `^\d+ killed`, whole: []string{""}, ok: true},
		{expr: `^é?te `, whole: []string{"te"}, ok: true},
		{expr: `(?i)^\x{212a}ill `, whole: []string{"kill"}, ok: true},
		{expr: `^x?\z`, ok: false},
		{expr: `^(?:a|b)*`, ok: false},
		{expr: `^.x`, ok: false},
		{expr: `(`, ok: false},
	}
	for _, tt := range tests {
		lw, ok := newLeadWords(tt.expr)
		if ok != tt.ok {
			t.Errorf("newLeadWords(%q) ok = %v, want %v", tt.expr, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		var whole []string
		for w := range lw.whole {
			whole = append(whole, w)
		}
		slices.Sort(whole)
		prefixes := slices.Sorted(slices.Values(lw.prefixes))
		if !slices.Equal(whole, tt.whole) || !slices.Equal(prefixes, tt.prefixes) {
			t.Errorf("newLeadWords(%q) = %q, %q; want %q, %q", tt.expr, whole, prefixes, tt.whole, tt.prefixes)
		}
	}
}

func TestLeadWordsMay(t *testing.T) {
	const expr = `(?i)^(?:has (?:risen|fallen)|repeatedly|in \d{4})\b`
	lw := mustLeadWords(expr)
	re := regexp.MustCompile(expr)
	tests := []struct {
		s    string
		want bool
	}{
		{"has risen", true},
		{"HAS fallen", true},
		{"hash", false},
		{"ha", false},
		{"repeatedly,", true},
		{"repeatedlyx", true}, // a prefix: the pattern's \b is the engine's to read
		{"Repeat", false},
		{"in 2019", true},
		{"into", false},
		{"", false},
		{"ha\u017f risen", true}, // the long s folds to "s"
		{"\u00e9t\u00e9", true},
		{"the", false},
	}
	for _, tt := range tests {
		if got := lw.may(tt.s); got != tt.want {
			t.Errorf("may(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if re.MatchString(tt.s) && !lw.may(tt.s) {
			t.Errorf("may(%q) = false, but the pattern matches", tt.s)
		}
	}
}
