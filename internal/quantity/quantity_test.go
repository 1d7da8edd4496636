package quantity

import (
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/pattern"
)

func TestFind(t *testing.T) {
	tests := []struct {
		text      string
		want      string
		value     int
		qualifier string
	}{
		{"left 23 Pakistani soldiers dead", "23", 23, "exact"},
		{"more than 200 Taliban fighters", "more than 200", 200, "more than"},
		{"killing at least one soldier", "at least one", 1, "at least"},
		{"dozens of civilians", "dozens", 12, "dozens"},
		{"with hundreds more injured", "hundreds", 100, "hundreds"},
		{"killed 1,200 people", "1,200", 1200, "exact"},
		{"twenty-three bodies", "twenty-three", 23, "exact"},
		{"up to 30 people", "up to 30", 30, "up to"},
		{"nearly 40 wounded", "nearly 40", 40, "nearly"},
		{"a dozen gunmen", "a dozen", 12, "dozen"},
		{"tens of thousands marched", "tens of thousands", 10000, "tens of thousands"},
		{"an estimated 3,000 displaced", "an estimated 3,000", 3000, "about"},
		{"Two soldiers died", "Two", 2, "exact"},
	}
	f := NewFinder()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := f.Find(tt.text)
			if len(got) != 1 {
				t.Fatalf("Find(%q) = %+v, want one", tt.text, got)
			}
			q := got[0]
			if q.Text != tt.want || tt.text[q.Start:q.End] != tt.want || q.Value != tt.value || q.Qualifier != tt.qualifier {
				t.Errorf("got %q=%d (%s), want %q=%d (%s)", q.Text, q.Value, q.Qualifier, tt.want, tt.value, tt.qualifier)
			}
		})
	}
}

func TestNotCounts(t *testing.T) {
	f := NewFinder()
	for _, s := range []string{"in 2025 the war", "at 10:30 local time", "a rise of 5% in prices", "two weeks after gunmen killed", "about 140 km north", "three days later"} {
		if got := f.Find(s); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want none", s, got)
		}
	}
}

func TestParse(t *testing.T) {
	f := NewFinder()
	if q, ok := f.Parse("more than 200"); !ok || q.Value != 200 {
		t.Errorf("Parse(more than 200) = %+v, %v", q, ok)
	}
	if _, ok := f.Parse("200 soldiers"); ok {
		t.Error("Parse accepted trailing words")
	}
}

func TestMatchesSameAsPattern(t *testing.T) {
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, "", "1", "1,000", "1,0000", "1234,567", "12,345,678x", "1,234,5678", "123abc", "a1", "_5",
		"one hundred", "One Hundred and seventeen", "seventeen", "sevenfold", "twenty-one", "twenty one hundred",
		"twenty-onex", "twenty-", "ninety nine", "at least", "at least  5", "at\tleast 5", "some 20", "about a dozen",
		"an estimated 3,000", "hundreds of thousands", "tens of thousandsx", "no fewer than\t tens of  thousands",
		"more than over 5", "over over 5", "\u00e9two", "two\u00e9", "approximatelyapproximately 4", "A Couple Of",
		"\xfftwo", "two\xff", "a pair ofx", "up to 10", "upwards of fifty-five")
	f := NewFinder()
	hits := 0
	for _, text := range texts {
		got, want := f.matches(text, pattern.FoldsToASCII(text)), f.re.Regexp.FindAllStringSubmatchIndex(text, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("matches(%.80q) = %v, want %v", text, got, want)
		}
		hits += len(want)
	}
	if hits < 100 {
		t.Errorf("only %d counts in the texts: the test proves little", hits)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("at least 12 killed, dozens injured, 1,200 displaced in 2024")
	f.Add("99999999999999999999999 people")
	fd := NewFinder()
	f.Add("no fewer than\t tens of  thousands, (twenty-one) ONE hundred 7\u017fix")
	f.Fuzz(func(t *testing.T, text string) {
		// The written-out search must find exactly what the engine does.
		if got, want := fd.matches(text, pattern.FoldsToASCII(text)), fd.re.Regexp.FindAllStringSubmatchIndex(text, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("windowed matches %v, whole text %v", got, want)
		}
		sameUnit(t, text)
		prev := 0
		for _, q := range fd.Find(text) {
			if q.Start < prev || q.End > len(text) || q.Start >= q.End {
				t.Fatalf("bad span %+v", q.Span)
			}
			if q.Value < 0 {
				t.Fatalf("negative value %+v", q)
			}
			prev = q.End
		}
	})
}

// TestLeadStarts checks that leadStarts passes the first two letters of
// every word leads holds, and rules out words no count begins with.
func TestLeadStarts(t *testing.T) {
	for w := range leads {
		for _, s := range []string{w, strings.ToUpper(w), w + " x"} {
			if leadAt(s) != leads[w] {
				t.Errorf("leadAt(%q) = %v, want the lead of %q", s, leadAt(s), w)
			}
		}
	}
	for _, s := range []string{"of", "said", "to", "the army", "x"} {
		if leadAt(s) != nil {
			t.Errorf("leadAt(%q) is not nil", s)
		}
	}
}

// sameUnit fails t unless unitFollows reads every end of s, cut to
// unitReach bytes, as unitRE does; s holds neither the Kelvin sign nor
// the long s, or it is left to unitRE.
func sameUnit(t *testing.T, s string) {
	t.Helper()
	if pattern.FoldsToASCII(s) {
		return
	}
	for i := range len(s) + 1 {
		w := s[i:min(len(s), i+unitReach)]
		if got, want := unitFollows(w), unitRE.MatchString(w); got != want {
			t.Fatalf("unitFollows(%q) = %v, unitRE says %v", w, got, want)
		}
	}
}

func TestUnitFollows(t *testing.T) {
	for _, tc := range []struct {
		after string
		want  bool
	}{
		{" days ago", true},
		{" DAYS", true},
		{"-year-old", true},
		{" \t more\n weeks", true},
		{" other  Months,", true},
		{" per cent", true},
		{" per  cent", false}, // the space is a literal one
		{" %", false},         // \b after % wants a word byte
		{" %x", true},
		{" km.", true},
		{" kms", false},
		{" dayses", false},
		{"days", false}, // no space first
		{" more people", false},
		{" people died in 12 days", false},
		{" minute", true},
		{" centurie", false},
		{"", false},
	} {
		if got := unitFollows(tc.after); got != tc.want {
			t.Errorf("unitFollows(%q) = %v, want %v", tc.after, got, tc.want)
		}
		sameUnit(t, tc.after)
	}
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range texts[:20] {
		sameUnit(t, text)
	}
}

// TestFirstBits checks that the tables of first and second bytes pass
// every word leads holds, in either case, and every number, and rule
// out words no count begins with.
func TestFirstBits(t *testing.T) {
	passes := func(s string) bool {
		second := uint32(1<<26 | 1<<27)
		if len(s) > 1 {
			second = secondBits[s[1]]
		}
		return firstBits[s[0]]&second != 0
	}
	for w := range leads {
		for _, s := range []string{w, strings.ToUpper(w), w + " x", w + "-"} {
			if !passes(s) {
				t.Errorf("%q is ruled out", s)
			}
		}
	}
	for _, s := range []string{"1", "23 killed", "4x"} {
		if !passes(s) {
			t.Errorf("%q is ruled out", s)
		}
	}
	for _, s := range []string{"of", "said", "to", "x", "_1", "é", "-2"} {
		if passes(s) {
			t.Errorf("%q passes", s)
		}
	}
}
