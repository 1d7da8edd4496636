package pattern

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/text"
)

func TestNeedles(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string // nil: no prefilter
	}{
		{`(?i)\b(?:clash(?:es|ed)?|fighting|fought)\b`, []string{"clash", "fighting", "fought"}},
		{`(?i)\bair ?strikes?\b`, []string{"strike"}},
		{`IEDs?`, []string{"ied"}},
		{`(?i)\b(\d{1,3}|an?|one)\s+(day|week|month)s?\s+ago\b`, []string{"ago"}},
		{`(?i)\b(?:earlier\s+)?today\b`, []string{"today"}},
		{`(?i)yesterday|last\s+night`, []string{"night", "yesterday"}},
		// A run of exact parts takes on the first bytes of the part after
		// it: "an?" begins with "a", "jan\.?" with "jan".
		{`(?i)\bsigned (?:an?|the) deal`, []string{"signed a", "signed the"}},
		{`(?i)\b(?:in|by)\s+(jan\.?|feb\.?)`, []string{"feb", "jan"}},
		{`\d+`, nil},
		{`(?i)colou?r`, []string{"colo"}},
		{`(?i)été`, nil}, // folded non-ASCII letters: no prefilter
		{`(?i)cookie|©\s*\d{4}`, []string{"cookie", "©"}}, // © has no other case
		{`été`, []string{"été"}},
		{`a*`, nil},
		{`(?:x|y*)z`, []string{"z"}},
		// One of the commonest words is a worse needle than any other,
		// even a shorter or a longer list: "the" would hit every line.
		{`(?i)\bthe\s+same\s+day|that\s+(?:day|night)\b`, []string{"day", "night", "same"}},
		{`(?i)\bwas\s+hit`, []string{"hit"}},
		{`(?i)\bthe\b`, []string{"the"}},
		// Held to the start of the text, or of a line.
		{`(?i)^\s+(?:\S+\s+){0,2}?among\b`, []string{"among"}},
		{`(?i)^\s+of\b`, nil}, // the engine fails sooner than a search for "of"
		{`(?m)^among`, nil},
	} {
		got := MustCompile(tc.expr).Needles()
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: needles %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// warm is MustCompile with the pattern past its cold uses, so that the
// test reaches its tries rather than the engine alone.
func warm(expr string) *Regexp {
	r := MustCompile(expr)
	r.plan.uses.Store(coldUses)
	return r
}

// same fails t unless r and the plain regexp agree on s, warm and cold.
func same(t *testing.T, expr, s string) {
	t.Helper()
	sameAs(t, expr, warm(expr), regexp.MustCompile(expr), s)
	sameAs(t, expr, MustCompile(expr), regexp.MustCompile(expr), s)
}

// sameAs checks r, compiled from expr, against std on s.
func sameAs(t *testing.T, expr string, r *Regexp, std *regexp.Regexp, s string) {
	t.Helper()
	if got, want := r.MatchString(s), std.MatchString(s); got != want {
		t.Fatalf("%q on %q: MatchString %v, regexp says %v (needles %q)", expr, s, got, want, r.Needles())
	}
	if got, want := r.FindAllStringSubmatchIndex(s, -1), std.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%q on %q: FindAll %v, regexp says %v (needles %q)", expr, s, got, want, r.Needles())
	}
	if got, want := r.FindStringSubmatchIndex(s), std.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Fatalf("%q on %q: FindStringSubmatchIndex %v, regexp says %v", expr, s, got, want)
	}
	if got, want := r.FindStringIndex(s), std.FindStringIndex(s); !slices.Equal(got, want) {
		t.Fatalf("%q on %q: FindStringIndex %v, regexp says %v", expr, s, got, want)
	}
	if got, want := r.FindAllStringIndex(s, -1), std.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%q on %q: FindAllStringIndex %v, regexp says %v", expr, s, got, want)
	}
	if got, want := r.FindString(s), std.FindString(s); got != want {
		t.Fatalf("%q on %q: FindString %q, regexp says %q", expr, s, got, want)
	}
	if got, want := r.FindStringSubmatch(s), std.FindStringSubmatch(s); !slices.Equal(got, want) {
		t.Fatalf("%q on %q: FindStringSubmatch %q, regexp says %q", expr, s, got, want)
	}
	if got, want := r.FindAllString(s, -1), std.FindAllString(s, -1); !slices.Equal(got, want) {
		t.Fatalf("%q on %q: FindAllString %q, regexp says %q", expr, s, got, want)
	}
	if got, want := r.FindAllStringSubmatch(s, -1), std.FindAllStringSubmatch(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%q on %q: FindAllStringSubmatch %q, regexp says %q", expr, s, got, want)
	}
	for _, n := range []int{0, 1, 2} {
		if got, want := r.FindAllString(s, n), std.FindAllString(s, n); !slices.Equal(got, want) {
			t.Fatalf("%q on %q: FindAllString(%d) %q, regexp says %q", expr, s, n, got, want)
		}
		if got, want := r.FindAllStringSubmatch(s, n), std.FindAllStringSubmatch(s, n); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%q on %q: FindAllStringSubmatch(%d) %q, regexp says %q", expr, s, n, got, want)
		}
	}
	if got, want := r.ReplaceAllString(s, "<$0>"), std.ReplaceAllString(s, "<$0>"); got != want {
		t.Fatalf("%q on %q: Replace %q, regexp says %q", expr, s, got, want)
	}
}

func TestSameAsRegexp(t *testing.T) {
	exprs := []string{
		`(?i)\b(?:clash(?:es|ed)?|fighting|fought|gun ?fights?)\b`,
		`(?i)\b(?:air ?strikes?|drone strikes?)\b`,
		`(?i)\b(?:kill(?:ed|ing|s)|shot|died|dead)\b`,
		`(?i)\b(?:asked|a\bsk)\b`,
		`(?i)sk`,
		`(?i)\b(?:will|would|not|plans?\s+to)\s+(?:\S+\s+){0,3}$`,
		`(?i)\b(?:repeatedly|for years|wave of)\b`,
		`(?i)(^(?:will|would|the))\s+\w+`,
		`(?i)\b(killing|killed|toll (?:rose|was)(?: to)?)["”’]?\s+(?:(?:at least|some)\s+)?$`,
		`\S{1,3}$`,
		`(\w+)\B$`,
		`(?:\s|^)\S+\s*$`,
		`(?m)\w+$`,
		`a|b$`,
		`(?i)^[^.;]{0,12}?\b(?:were|was)\s+among\b`,
		`(?i)^\s+(?:\S+\s+){0,2}?(?:killed|asked)\b`,
		`^.{0,3}ab`,
	}
	texts := []string{
		"", "Fighting broke out", "AIRSTRIKES hit", "two were KILLED", "no event here",
		"A\u212aS\u017fK", // Kelvin sign and long s fold to k and s
		"ask ASK Ask", "gunfights and gun fights",
		"the army will not ", "it plans  to launch fresh ", "they willnot ", "said it would\nstrike",
		"attacked repeatedly_ for years", "a wave of", "swave of \u212a",
		"fighters killed at least ", "the toll rose to ”  some ", "a long, long clause in which the militants were killing ",
		"a longer clause, well past the sixty-four bytes left whole, in which the fighters killed at least ",
		"\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600x",
		"\U0001F600\U0001F600x", "\xe2\x80ab", "x \u00e9t\u00e9 ", "words\nlines\nend",
		"they were among the dead", "Of them, most WERE  AMONG", "many were x among", " the men \u212aILLED", " they were asked",
		"\u00e9ab", "\U0001F600ab", "xyzab",
	}
	for _, e := range exprs {
		for _, s := range texts {
			same(t, e, s)
		}
	}
}

func FuzzSameAsRegexp(f *testing.F) {
	f.Add(`(?i)\b(?:clash(?:es|ed)?|fought)\b`, "Heavy CLASHES erupted")
	f.Add(`(?i)yesterday|last\s+night`, "LAST  night")
	f.Add(`(?i)sk`, "\u017f\u212a")
	f.Add(`x(?:ab|cd)y`, "xaby xcdy")
	f.Add(`(?i)\b(?:plans?\s+to|will)\b`, "he Plans to; WILL")
	f.Add(`\b[A-Z][\p{L}-]+\b`, "Kürşat Ağrı x\xffY")
	f.Add(`(?i)\b(?:in|by)\s+(jan\.?|ju(?:n|l)\.?)(?:\s+\d+)?`, "by  Jun. 2024, in JULY")
	f.Add(`(?i)\b(?:will|to)\s+(?:\S+\s+){0,3}$`, "they vowed to strike the  \u00e9lite ")
	f.Add(`\S{1,2}$`, "a\U0001F600")
	f.Add(`(?i)\b(killed|toll (?:rose|was)(?: to)?)\s+(?:(?:at least|some)\s+)?$`, "a longer clause, well past the sixty-four bytes left whole, in which the fighters killed at least  ")
	f.Add(`\S{1,3}$`, "\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600x")
	f.Add(`^[A-Z][A-Z .'’-]{2,40}\s*(?:—|–|--| - )`, "O’NEIL — JERUSALEM - The")
	f.Add(`\b[\x{fffd}–-]x|[é-ü]y`, "a \xffx –x \u00fcy")
	f.Add(`(?i)\b(?:youths?|security\s+forces|u\.s\.|f-16s?|tear ?gas|estimated|estimates)\b`, "Security \t forces, U.S. troops; F-16s teargas U.S.A youth\u017f estimate\u017f")
	f.Add(`\b(?:Police|police station)\b`, "police station Police station POLICE")
	f.Fuzz(func(t *testing.T, expr, s string) {
		if len(expr) > 200 || len(s) > 4000 {
			return
		}
		if _, err := regexp.Compile(expr); err != nil {
			return
		}
		if strings.Contains(expr, `\C`) {
			return
		}
		same(t, expr, s)
	})
}

func TestLowerKeepsOffsets(t *testing.T) {
	for _, s := range []string{"", "abc", "ÀBÇ Déf", "\xff\xfeA", "KABUL, Afghanistan"} {
		l := text.LowerASCII(s)
		if len(l) != len(s) {
			t.Fatalf("text.LowerASCII(%q) = %q: length changed", s, l)
		}
		if want := strings.Map(func(r rune) rune {
			if 'A' <= r && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		}, s); l != want && strings.ToValidUTF8(s, "") == s {
			t.Errorf("text.LowerASCII(%q) = %q, want %q", s, l, want)
		}
	}
}

// TestIsSpaceIsRegexpSpace holds IsSpace to \s for every byte.
func TestIsSpaceIsRegexpSpace(t *testing.T) {
	space := regexp.MustCompile(`^\s$`)
	for c := range 256 {
		if got, want := IsSpace(byte(c)), space.MatchString(string(rune(c))); got != want {
			t.Errorf("IsSpace(%#x) = %v, \\s says %v", c, got, want)
		}
	}
}

// TestShortTextsDoNotAllocate: the prefilter lowers short texts on the
// stack, and runs for every line and sentence of every article.
func TestShortTextsDoNotAllocate(t *testing.T) {
	r := MustCompile(`(?i)cookie|newsletter|all rights reserved`)
	s := "Sign up for our NEWSLETTER today and read more."
	if !r.possible(s) {
		t.Fatal("possible = false, want true")
	}
	if n := testing.AllocsPerRun(100, func() { r.possible(s) }); n != 0 {
		t.Errorf("possible allocates %v times a call", n)
	}
}

// hasPrefixFoldSpec is HasPrefixFold as first written.
func hasPrefixFoldSpec(s, lit string) bool {
	return len(s) >= len(lit) && strings.EqualFold(s[:len(lit)], lit)
}

func TestHasPrefixFold(t *testing.T) {
	for _, tt := range [][2]string{{"Officials said", "officials"}, {"OFFICIALS", "officials"}, {"offic", "officials"}, {"\u212Aabul", "kabul"}, {"’s men", "’s"}, {"'S", "'s"}, {"x\xffy", "x\xffy"}, {"[a", "{a"}, {"@", "`"}} {
		if got, want := HasPrefixFold(tt[0], tt[1]), hasPrefixFoldSpec(tt[0], tt[1]); got != want {
			t.Errorf("HasPrefixFold(%q, %q) = %v, want %v", tt[0], tt[1], got, want)
		}
	}
}

func FuzzHasPrefixFold(f *testing.F) {
	f.Add("Officials said", "officials")
	f.Add("\u212Aabul", "kabul")
	f.Fuzz(func(t *testing.T, s, lit string) {
		if got, want := HasPrefixFold(s, lit), hasPrefixFoldSpec(s, lit); got != want {
			t.Fatalf("HasPrefixFold(%q, %q) = %v, want %v", s, lit, got, want)
		}
	})
}

// TestFoldsToASCII checks the search for the Kelvin sign and the long s
// at every place of texts of ASCII, curly quotes and cut runes.
func TestFoldsToASCII(t *testing.T) {
	for _, r := range []string{"\u212a", "\u017f", "’", "\u2129", "\u017e", "\xe2\x84", "\xc5", "é"} {
		for n := range 20 {
			for at := 0; at <= n; at++ {
				s := strings.Repeat("a", at) + r + strings.Repeat("b", n-at)
				if got, want := FoldsToASCII(s), foldsToASCIISpec(s); got != want {
					t.Fatalf("FoldsToASCII(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

func FuzzFoldsToASCII(f *testing.F) {
	f.Add("it’s the \u212aabul road")
	f.Add("pa\u017fs\xe2\x84")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldsToASCII(s), foldsToASCIISpec(s); got != want {
			t.Fatalf("FoldsToASCII(%q) = %v, want %v", s, got, want)
		}
	})
}

// BenchmarkFoldsToASCII compares the search by last byte with the
// search by first byte it replaced, on a clause with curly quotes.
func BenchmarkFoldsToASCII(b *testing.B) {
	clause := "the group’s spokesman said on Tuesday that “at least 12 people” were killed — most of them"
	for _, c := range []struct {
		name string
		f    func(string) bool
	}{{"byLast", FoldsToASCII}, {"byFirst", foldsToASCIISpec}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if c.f(clause) {
					b.Fatal("found")
				}
			}
		})
	}
}

func foldsToASCIISpec(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

// TestIsWordByte holds the table to \w, for bytes and for runes.
func TestIsWordByte(t *testing.T) {
	w := regexp.MustCompile(`^\w$`)
	for c := range 256 {
		if got, want := isWordByte(byte(c)), c < 0x80 && w.MatchString(string(rune(c))); got != want {
			t.Errorf("isWordByte(byte %#x) = %v, want %v", c, got, want)
		}
	}
	for _, r := range []rune{'a', 'Z', '_', '0', 'é', 0x212a, 0x17f, 0x100 + 'a', -1} {
		if got, want := isWordByte(r), r >= 0 && w.MatchString(string(r)); got != want {
			t.Errorf("isWordByte(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestColdThenWarm: a pattern is tried by the engine alone for its first
// texts and through its tries after, with the same answers.
func TestColdThenWarm(t *testing.T) {
	expr := `(?i)\b(?:killed|wounded)\s+(\d+)\b`
	r, std := MustCompile(expr), regexp.MustCompile(expr)
	for i := range coldUses + 8 {
		s := fmt.Sprintf("Gunmen killed %d people and wounded %d in Goma.", i, i+1)
		if got, want := r.FindAllStringSubmatchIndex(s, -1), std.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("try %d: %v, want %v", i, got, want)
		}
	}
	if !r.planned() {
		t.Error("tries not worked out after the cold uses")
	}
}
