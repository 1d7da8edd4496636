package extract

import (
	"regexp"
	"slices"
	"testing"

	"github.com/sitrep/sitrep/internal/pattern"
)

func TestLeadWords(t *testing.T) {
	tests := []struct {
		expr     string
		whole    []string
		prefixes []string
		ok       bool
	}{
		{expr: `(?i)^(?:has|had) (?:risen|fallen)`, whole: []string{"had", "has"}, ok: true},
		{expr: `(?i)^(?:repeatedly|similar)\b`, whole: []string{"repeatedly", "similar"}, ok: true},
		{expr: `^in \d{4}\b|^in recent years`, whole: []string{"in"}, ok: true},
		{expr: `(?i)^for(?:ty)? years`, whole: []string{"for", "forty"}, ok: true},
		{expr: `(?i)^since[- ]`, whole: []string{"since"}, ok: true},
		{expr: `(?i)^(?:ab)+c`, prefixes: []string{"ab"}, ok: true},
		{expr: `(?i)\b(?:condemn\w*|condemned|denounc\w*|alleged|allegedly)\b`, whole: []string{"alleged", "allegedly"}, prefixes: []string{"condemn", "denounc"}, ok: true},
		{expr: `(?i)^(?:repeatedly|similar)`, prefixes: []string{"repeatedly", "similar"}, ok: true},
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
		var prefixes []string
		for _, ps := range lw.prefixes {
			prefixes = append(prefixes, ps...)
		}
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
		{"repeatedlyx", false},
		{"repeatedly_", true}, // \b fails, but "_" is no letter: the engine's to read
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

func TestLeadWordsAnyWord(t *testing.T) {
	const expr = `(?i)\b(?:floods?|heat ?waves?|malnourish\w*|fire broke out)\b`
	lw := mustLeadWords(expr)
	re := regexp.MustCompile(expr)
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"Floods hit the town", true},
		{"the town was flooded", false}, // "flooded" is no lead word
		{"a heatwave", true},
		{"a heat wave", true},
		{"heated debate", false},
		{"malnourished children", true},
		{"the fire", true},
		{"firefighters", false},
		{"x-floods", true},
		{"xfloods", false},
		{"3floods", false},
		{"\u00e9floods", true},
		{"the \u017ftorm", true}, // the long s: the engine's to read
		{"x\u212aill", true},
		{"“nothing” — no", false}, // curly quotes and a dash: no Kelvin sign
		{"“Floods”", true},
	}
	for _, tt := range tests {
		if got := lw.anyWord(tt.s); got != tt.want {
			t.Errorf("anyWord(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if re.MatchString(tt.s) && !lw.anyWord(tt.s) {
			t.Errorf("anyWord(%q) = false, but the pattern matches", tt.s)
		}
	}
}

// TestLeadWordsOfPatterns holds the look at lead words before each
// pattern refine tries that way to the pattern alone.
func TestLeadWordsOfPatterns(t *testing.T) {
	extra := []string{
		"Floods killed 20", "a cholera outbreak", "the crash of a bus", "malnourished children", "heat waves", "the fire broke out",
		"The UN condemned the attack", "criticized the raid", "reports of shelling", "claims that troops", "an inquiry into the killing",
		"The army denied that its soldiers had attacked", "denies reports that", "Denying that the", "deny it that x",
	}
	for _, tt := range []struct {
		name string
		lw   *leadWords
		re   *pattern.Regexp
	}{
		{"nonConflict", nonConflictLeads, nonConflictRE},
		{"reaction", reactionLeads, reactionRE},
		{"denial", denialLeads, denialRE},
	} {
		cases := corpusWindows(t, 90, 29, extra)
		got := func(s string) bool { return tt.lw.anyWord(s) && tt.re.MatchString(s) }
		sameOnAll(t, tt.name, cases, got, tt.re.Regexp.MatchString, func(b bool) bool { return b })
	}
}
