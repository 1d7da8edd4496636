package pattern

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

// words make up long lists in the shapes sitrep's patterns take, some a
// prefix of others, so that the choice between them matters.
var words = strings.Fields(`a an at at least about above kill killed killing kills killer wound wounded
wounding attack attacked attacks attacker air airstrike airstrikes strike struck storm stormed
will would could might may must shall should plan plans planned to of off over one two three
ten twelve twenty dozen dozens hundreds thousands some several many more most no not never none
spokesman spokeswoman spokesperson minister president governor commander chief official leader
mayor general colonel major captain head king doctor dr. col. gen. lt. were was had been are`)

func list(r *rand.Rand, n int) string {
	picked := make([]string, n)
	for i := range picked {
		w := words[r.IntN(len(words))]
		if r.IntN(4) == 0 {
			w += `\s+` + words[r.IntN(len(words))]
		}
		if r.IntN(6) == 0 {
			w += "s?"
		}
		picked[i] = strings.ReplaceAll(w, ".", `\.`)
	}
	return strings.Join(picked, "|")
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(24) {
		w := words[r.IntN(len(words))]
		switch r.IntN(8) {
		case 0:
			w = strings.ToUpper(w)
		case 1:
			w = strings.ToUpper(w[:1]) + w[1:]
		case 2:
			w = "x" + w
		}
		b.WriteString(w)
		b.WriteString([]string{" ", " ", "  ", ", ", "\n", "-", "'s "}[r.IntN(7)])
	}
	return b.String()
}

// TestSplitSameAsRegexp holds patterns big enough to be split to package
// regexp, in the shapes sitrep uses: a list between word boundaries, an
// optional qualifier list before a number list, a list before the end of
// the text, a list after a lazy run of words at the start.
func TestSplitSameAsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	shapes := []func() string{
		func() string { return `(?i)\b(?:` + list(r, 60) + `)\b` },
		func() string { return `(?i)\b(?:(` + list(r, 25) + `)\s+)?(\d+|` + list(r, 40) + `)\b` },
		func() string { return `(?i)\b(?:` + list(r, 50) + `)\s+(?:\S+\s+){0,3}$` },
		func() string { return `(?i)^\s*((?:[\w'-]+\s+){0,4}?)(?:were\s+|was\s+)?(` + list(r, 50) + `)\b` },
		func() string { return `(?i)\b((?:(?:[A-Z][a-z]+|head|chief)\s+){0,3}(?:` + list(r, 50) + `))\s+$` },
	}
	split := 0
	for i := range 40 {
		expr := shapes[i%len(shapes)]()
		m, std := warm(expr), regexp.MustCompile(expr)
		if m.tries().held != nil {
			split++
		}
		for range 200 {
			sameAs(t, expr, m, std, randomText(r))
		}
	}
	if split < 20 {
		t.Errorf("only %d of 40 patterns were split: the test proves little", split)
	}
}

// TestPrinterSameAsString holds what printer writes of a tree to what
// String writes: the same groups, names and matches.
func TestPrinterSameAsString(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	exprs := []string{
		`(?i)\b(?:` + list(r, 30) + `)\b`,
		`(?i)^\s*((?:[\w'-]+\s+){0,4}?)(?:were\s+|was\s+)?(` + list(r, 20) + `)\b`,
		`(?P<who>(?i)chief|head)\s+(?P<n>\d+)[^,.]*?$`,
		`(?m)^(?:a|b)$|(?s:x.y)|[^\x00-\x{10FFFF}]`,
		`(?i)(?:KILLED|wounded)(?-i:Dr\.)|()|(?:)`,
		`\A(?U)(a+)(b*?)\z`,
		`(?i)kill(?:ed|s){1,2}[^,.]{0,40}?x{3,}\.(?-i:Dr){2}\(`,
	}
	for _, expr := range exprs {
		re, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		for _, tree := range []*syntax.Regexp{re, re.Simplify()} {
			got, err := regexp.Compile(printer{}.print(tree))
			if err != nil {
				t.Fatalf("%q: %v", expr, err)
			}
			want := regexp.MustCompile(tree.String())
			if !slices.Equal(got.SubexpNames(), want.SubexpNames()) {
				t.Fatalf("%q: groups %q, String's %q", expr, got.SubexpNames(), want.SubexpNames())
			}
			for range 300 {
				s := randomText(r)
				if g, w := got.FindAllStringSubmatchIndex(s, -1), want.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(g, w, slices.Equal) {
					t.Fatalf("%q on %q: %v, String's %v", expr, s, g, w)
				}
			}
		}
	}
}
