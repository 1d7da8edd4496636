package pattern

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/corpus"
)

func TestShape(t *testing.T) {
	for _, tc := range []struct {
		expr      string
		maxLen    int
		wordStart bool
	}{
		{`(?i)\b(?:clash(?:es|ed)?|fought)\b`, 7 + 2, true}, // "k" is not in it; "s" may be ſ (2 bytes)
		{`\bclash\b`, 5, true},
		{`(?i)\bkill\b`, 3 + 1 + 1 + 1, true}, // "k" may be the Kelvin sign
		{`\bgun ?fights?\b`, 10, true},
		{`(?i)\b(\d{1,3}|one)\s+days?\s+ago\b`, -1, true},
		{`(?i)\b(?:earlier\s+)?today\b`, -1, true},
		{`(?i)\bovernight|during the night\b`, 16, false}, // the second branch has no \b
		{`\d+ killed`, -1, false},
		{`\b-\d`, 2, false},      // begins with a non-word character
		{`\b(?:x|)y\b`, 2, true}, // the empty branch leaves y first
		{`\b(?:x?)\b`, 1, false}, // may match nothing
		{`(?m)\bfoo$`, 3, false}, // looks for the end of a line
		{`^\bfoo`, 3, false},     // anchored: its needles are looked for in its longest match
		{`\bé`, 2, false},
		{`\b[a-z]{2,4}\b`, 4, true},
		{`(?i)\b[a-z]{2,4}\b`, 12, true}, // k and s widen under (?i)
		{`\b.x`, 5, false},
	} {
		r := MustCompile(tc.expr)
		if wordStart := r.tries().windowed; r.maxLen != tc.maxLen || wordStart != tc.wordStart {
			t.Errorf("%s: maxLen %d, wordStart %v; want %d, %v", tc.expr, r.maxLen, wordStart, tc.maxLen, tc.wordStart)
		}
	}
}

// spans returns the whole of text and its sentences and paragraphs, as a
// caller would search them, and some spans cut mid-word.
func spans(text string) [][2]int {
	out := [][2]int{{0, len(text)}}
	for _, sep := range []string{". ", "\n\n", "\n"} {
		start := 0
		for {
			i := strings.Index(text[start:], sep)
			if i < 0 {
				out = append(out, [2]int{start, len(text)})
				break
			}
			out = append(out, [2]int{start, start + i + len(sep)})
			start += i + len(sep)
		}
	}
	for i := 1; i < len(text); i += 97 {
		out = append(out, [2]int{i, min(len(text), i+331)})
	}
	return out
}

// sameSet fails t unless a Set of exprs finds, in every span of text,
// what package regexp finds there.
func sameSet(t *testing.T, exprs []string, text string, spans [][2]int) {
	t.Helper()
	res := make([]*Regexp, len(exprs))
	for i, e := range exprs {
		res[i] = MustCompile(e)
	}
	sc := NewSet(res...).Scan(text)
	for i, e := range exprs {
		std := regexp.MustCompile(e)
		for _, sp := range spans {
			s := text[sp[0]:sp[1]]
			for _, sub := range []bool{false, true} {
				var want [][]int
				if sub {
					want = std.FindAllStringSubmatchIndex(s, -1)
				} else {
					want = std.FindAllStringIndex(s, -1)
				}
				for _, loc := range want {
					shift(loc, sp[0])
				}
				got := sc.FindAll(i, sp[0], sp[1], sub)
				if !slices.EqualFunc(got, want, slices.Equal) {
					t.Fatalf("%q on %q[%d:%d] (sub %v): Set finds %v, regexp %v", e, abbrev(text), sp[0], sp[1], sub, got, want)
				}
				if len(want) > 0 && !sc.Possible(i, sp[0], sp[1]) {
					t.Fatalf("%q on %q[%d:%d]: not Possible, but regexp finds %v", e, abbrev(text), sp[0], sp[1], want)
				}
			}
		}
	}
}

func abbrev(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

var setExprs = []string{
	`(?i)\b(?:clash(?:es|ed)?|fighting|fought|gun ?fights?|exchanges? of fire)\b`,
	`(?i)\b(?:kill(?:ed|ing|s)|shot|died|dead|slain|lost their lives|deaths?)\b`,
	`(?i)\b(?:attack(?:s|ed|ing)?|raid(?:s|ed)?|opened fire|shot dead)\b`,
	`(?i)\b(?:took (?:\w+ )?hostages?|kidnapp?(?:ed|ing))\b`,
	`(?i)\b(january|february|march|may|june|july|jan\.?|oct\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`,
	`(?i)\b(?:yesterday|last\s+night)\b`,
	`(?i)\bovernight|during\s+the\s+night\b`,
	`(?i)\b(\d{1,3}|one|two)\s+(day|week)s?\s+(earlier|later)\b`,
	`(?i)\b(?:signed|reached) (?:an?|the) (?:\w+ ){0,2}?(?:agreement|deal)`,
	`(\d+) (?:people|soldiers) (?:were )?killed`,
	`(?i)\bsk`,
	`(?i)\b(?:a|an|the)\b`,
	`\bthe\b`,
	// Needles begin far into some matches, and an earlier one may lie
	// in a match before the one every match holds.
	`(?i)\b(?:b\s+(?:zz\s+)?a\s+yy|zz)\b`,
	`(?i)\b(?:the\s+(?:following|next)\s+day|a\s+day\s+later|that\s+(?:day|night)|(\d{1,2})\s+(?:of\s+)?(?:may|june))\b`,
}

var setTexts = []string{
	"",
	"Heavy clashes and gunfights erupted on March 3, 2025, killing 12 soldiers; 4 people were killed.",
	"Fighting\nfought. Clashed, CLASHES!clashes_clash gun fights exchanges of fire",
	"They took 12 hostages and kidnapped two. Took hostages. mayor may 5 May 05th, 2024",
	"yesterday last  night LAST\nNIGHT overnight duringthe night during the night 3 days earlier two weeks later",
	"A\u212aill \u212aILLED \u017fhot s\u017fk ask", // folds to k and s defeat the prefilter
	"they signed a peace agreement; reached the long awaited deal and signed an accord",
	"killedkilled kill killed-killed _killed killed_ é killed killéd",
	"the theme of the the the",
	"\xffkilled\xfe\xe2\x84 clashes \xc3",
	"b zz a yy, b  zz\ta yy; b zz zz a yy. That day; the following  day a day later, 12 of May, 3 june, 4  May",
	// Long runs of space and of letters stretch the repetitions' bounds.
	"fighting on March" + strings.Repeat(" ", 300) + "3,\n\n\n\n2025 and 3 \t\r\f days\n \n earlier " +
		strings.Repeat("x", 500) + " took " + strings.Repeat("y", 400) + " hostages",
}

func TestRunsBound(t *testing.T) {
	r := measure("ab  cd\t\n\n efghi_j!!!?? k")
	if r.space != 4 || r.word != 7 || r.nonSpace != 12 {
		t.Fatalf("runs %+v, want space 4, word 7, non-space 12", r)
	}
	for _, tc := range []struct {
		expr string
		want int
	}{
		{`\s+`, 4},
		{`[ \t]*`, 4},
		{`\w+`, 7},
		{`(?i)[a-z]+`, 7},
		{`\S+`, 12},
		{`[^\n]+`, -1}, // spaces and others
		{`(?:\S+\s+){0,3}`, 48},
		{`x\s+y`, 6},
		{`(?:ab)+`, -1},
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.maxLen(re.Simplify()); got != tc.want {
			t.Errorf("%s: bound %d, want %d", tc.expr, got, tc.want)
		}
	}
}

func TestSetSameAsRegexp(t *testing.T) {
	for _, text := range setTexts {
		sameSet(t, setExprs, text, spans(text))
	}
	long, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range long[:10] {
		sameSet(t, setExprs, text, spans(text))
	}
}

func FuzzSet(f *testing.F) {
	for _, e := range setExprs {
		f.Add(e, setTexts[1])
	}
	for _, s := range setTexts {
		f.Add(setExprs[0], s)
	}
	f.Fuzz(func(t *testing.T, expr, text string) {
		if len(expr) > 200 || len(text) > 4000 || strings.Contains(expr, `\C`) {
			return
		}
		if _, err := regexp.Compile(expr); err != nil {
			return
		}
		sameSet(t, append([]string{expr}, setExprs[:3]...), text, spans(text))
	})
}

// walkLen is the longest match of re in the text r measures, worked out
// by walking the whole tree: what length.eval must give.
func walkLen(r runs, re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpCapture, syntax.OpQuest:
		return walkLen(r, re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return r.run(classRun(re.Sub[0]))
	case syntax.OpRepeat:
		if re.Max < 0 {
			return r.run(classRun(re.Sub[0]))
		}
		if n := walkLen(r, re.Sub[0]); n >= 0 {
			return n * re.Max
		}
		return -1
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := walkLen(r, sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	l := lengthOf(re) // a leaf: a literal, a class, an assertion
	return l.eval(r)
}

func TestLengthSameAsWalk(t *testing.T) {
	texts := append([]string{"", "a", " ", "ab  cd\t\n\n efghi_j!!!?? k"}, setTexts...)
	rs := []runs{{}} // the first knows no text
	for _, text := range texts {
		rs = append(rs, measure(text))
	}
	exprs := append([]string{`(?:\S+\s+){0,3}x`, `(?:ab)+c`, `\w+(?:\s+\w+){2}`, `(?i)k\s*(?:a|b\s+c)?`}, setExprs...)
	for _, expr := range exprs {
		re, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		re = re.Simplify()
		l := lengthOf(re)
		for _, r := range rs {
			if got, want := l.eval(r), walkLen(r, re); got != want {
				t.Errorf("%s on runs %+v: %d, want %d", expr, r, got, want)
			}
		}
	}
}

// measureSpec is measure as first written, a byte at a time.
func measureSpec(text string) runs {
	r := runs{known: true}
	var space, word, nonSpace int
	for i := 0; i < len(text); i++ {
		c := text[i]
		if IsSpace(c) {
			space, nonSpace = space+1, 0
		} else {
			space, nonSpace = 0, nonSpace+1
		}
		if isWordByte(c) {
			word++
		} else {
			word = 0
		}
		r.space, r.word, r.nonSpace = max(r.space, space), max(r.word, word), max(r.nonSpace, nonSpace)
	}
	return r
}

func FuzzMeasure(f *testing.F) {
	f.Add("ab  cd\t\n\n efghi_j!!!?? k")
	f.Add("\v\xff__ \f")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := measure(text), measureSpec(text); got != want {
			t.Fatalf("measure(%q) = %+v, want %+v", text, got, want)
		}
	})
}

func TestMeasure(t *testing.T) {
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range append(texts, "", " ", "a", "\t\t", "x_1 y") {
		if got, want := measure(text), measureSpec(text); got != want {
			t.Fatalf("measure(%.40q...) = %+v, want %+v", text, got, want)
		}
	}
}

// sameSpace fails t unless measureSpace finds in text the longest run
// of white space that measureSpec finds, and knows no other run.
func sameSpace(t *testing.T, text string) {
	t.Helper()
	got, want := measureSpace(text), measureSpec(text)
	if !got.known || got.space != want.space || got.word != -1 || got.nonSpace != -1 {
		t.Fatalf("measureSpace(%.60q) = %+v, want space %d and no other run", text, got, want.space)
	}
}

func TestMeasureSpace(t *testing.T) {
	for _, text := range []string{
		"", " ", "a", "ab cd", "abcdefg h", "abcdefgh ijklmno", "abcdefg\n\nhijklmno", // the run crosses eight bytes
		"a b c d e f g h i j", "\t\t", "x\r\ny", "\v\v\v", "a\x00\x00\x00b", "\xa0\xa0 \x85", "12345678        9",
		"abcdefg\n hijklmn\n\n\n\nopq", "the day\f\f\fof", strings.Repeat(" ", 17), strings.Repeat("ab ", 40) + "  ",
	} {
		sameSpace(t, text)
	}
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range append(texts, setTexts...) {
		sameSpace(t, text)
	}
}

func FuzzMeasureSpace(f *testing.F) {
	f.Add("ab  cd\t\n\n efghi_j!!!?? k")
	f.Add("abcdefg\n hijklmn\n\n\n\nopq")
	f.Fuzz(sameSpace)
}

func TestLengthKinds(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want uint8
	}{
		{`abc`, 0},
		{`a\s+b`, 1 << runSpace},
		{`(?:a\s+|b\s*c)?d`, 1 << runSpace},
		{`\w+\s+x`, 1<<runWord | 1<<runSpace},
		{`(?:\S+\s+){0,3}`, 1<<runNonSpace | 1<<runSpace},
		{`.+`, 0}, // unbounded, read no run
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		l := lengthOf(re.Simplify())
		if got := l.kinds(); got != tc.want {
			t.Errorf("%s: kinds %b, want %b", tc.expr, got, tc.want)
		}
	}
}

func TestLeadOf(t *testing.T) {
	r := measure("a  b") // the longest run of space is two bytes
	for _, tc := range []struct {
		expr    string
		needles []string
		want    int // -1: not known
	}{
		{`(?i)\bkilled\b`, []string{"killed"}, 0},
		{`(?i)\b(?:jan\.?|june?)\s+\d+`, []string{"jan", "jun"}, 0},
		{`\b(\d{1,2})\s+(?:of\s+)?(?:may|june)\b`, []string{"may", "june"}, 8},
		{`(?i)\b(?:that\s+(?:day|night)|the\s+same\s+day)`, []string{"day", "night", "same"}, 6},
		{`x(?:ab|cd)y`, []string{"bxy", "by", "dy"}, 2}, // joined across parts
		{`\w+\s+killed`, []string{"killed"}, 3},         // the runs bound \w+
		{`.+killed`, []string{"killed"}, -1},            // they do not bound .+
		{`(?:kill)?ed`, []string{"kill"}, -1},           // not in every match
		{`(?:a|b)+c`, []string{"c"}, 1},
		{`é\s*x`, []string{"x"}, 4},
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := -1
		if l, ok := leadOf(re.Simplify(), tc.needles); ok {
			got = l.eval(r)
		}
		if got != tc.want {
			t.Errorf("%s: lead %d, want %d", tc.expr, got, tc.want)
		}
	}
}

func TestExactStrings(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string // nil: not exact
	}{
		{`(?i)Jan\.?`, []string{"jan.", "jan"}},
		{`\b(?:ab|c)[xY]`, []string{"aby", "abx", "cy", "cx"}},
		{`a+`, nil},
		{`é`, nil},
		{`[a-z]{2}`, nil},
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := exactStrings(re.Simplify())
		if !ok {
			got = nil
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.expr, got, tc.want)
		}
	}
}

func TestLowerCase(t *testing.T) {
	for _, tc := range []struct {
		expr string
		ok   bool
	}{
		{`(?i)\bmay\s+\d+`, true},
		{`(?i)[a-z]+ (?:x|y)`, true},
		{`\d+\s*-\s*\d+`, true}, // no letters
		{`May`, false},          // tells capitals apart
		{`(?i)x[A-Z]`, true},    // (?i) widens the class to both cases
		{`(?i:x)[A-Z]`, false},
		{`(?i)é`, false},
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		low, ok := lowerCase(re.Simplify())
		if ok != tc.ok {
			t.Errorf("%s: ok %v, want %v", tc.expr, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		// The lowered pattern finds in lowered text what the pattern
		// finds in the text.
		std, lowered := regexp.MustCompile(tc.expr), regexp.MustCompile(low.String())
		for _, text := range []string{"MAY 5, may 12 and May  7", "AB x, ab Y, Ab y", "3 - 4, 5-6"} {
			want := std.FindAllStringSubmatchIndex(text, -1)
			got := lowered.FindAllStringSubmatchIndex(strings.ToLower(text), -1)
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s on %q: lowered finds %v, want %v", tc.expr, text, got, want)
			}
		}
	}
}

// TestSpaced checks that the bounds a Set tabulates are those its
// patterns' lengths give.
func TestSpaced(t *testing.T) {
	res := make([]*Regexp, len(setExprs))
	for i, e := range setExprs {
		res[i] = MustCompile(e)
	}
	s := NewSet(res...)
	tabled := 0
	for i := range res {
		if s.kinds[i]&^(1<<runSpace) != 0 {
			continue
		}
		for n := range tabledSpace {
			r := runs{known: true, space: n, word: -1, nonSpace: -1}
			for lead := range 2 {
				want := s.bound(i, lead, r)
				if got := s.spaced[i][n][lead] - 1; got != want {
					t.Errorf("%s, space %d, lead %d: tabled %d, want %d", setExprs[i], n, lead, got, want)
				}
				if want >= 0 {
					tabled++
				}
			}
		}
	}
	if tabled == 0 {
		t.Error("no bound tabled: the test proves nothing")
	}
}
