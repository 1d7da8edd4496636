package timex

import (
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/text"
)

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestFindResolve(t *testing.T) {
	pub := day("2025-10-14") // a Tuesday
	prev := Range{Start: day("2025-10-11"), End: day("2025-10-12")}
	tests := []struct {
		text       string
		want       string // matched text
		start, end string
		anchor     Anchor
	}{
		{"Fighting erupted on Tuesday near the border.", "on Tuesday", "2025-10-14", "2025-10-14", Publication},
		{"Gunmen attacked late on Saturday.", "late on Saturday", "2025-10-11", "2025-10-11", Publication},
		{"Intense overnight fighting left 23 dead.", "overnight", "2025-10-13", "2025-10-14", Publication},
		{"Strikes hit Kabul two days earlier.", "two days earlier", "2025-10-09", "2025-10-10", Previous},
		{"The following day, militants attacked.", "The following day", "2025-10-12", "2025-10-13", Previous},
		{"On April 4, a bomb exploded.", "April 4", "2025-04-04", "2025-04-04", Publication},
		{"On October 20 a bomb exploded.", "October 20", "2024-10-20", "2024-10-20", Publication},
		{"It happened on 3 March 2023.", "3 March 2023", "2023-03-03", "2023-03-03", Publication},
		{"Clashes broke out last week.", "last week", "2025-10-07", "2025-10-13", Publication},
		{"Protests grew earlier this month.", "earlier this month", "2025-10-01", "2025-10-14", Publication},
		{"In recent days, clashes escalated.", "In recent days", "2025-10-11", "2025-10-14", Publication},
		{"Police said yesterday that ...", "yesterday", "2025-10-13", "2025-10-13", Publication},
		{"The raid took place three days ago.", "three days ago", "2025-10-11", "2025-10-11", Publication},
		{"Fighting in March killed dozens.", "in March", "2025-03-01", "2025-03-31", Publication},
		{"Clashes since Sunday have killed 9.", "since Sunday", "2025-10-12", "2025-10-14", Publication},
		{"Looting over the weekend.", "over the weekend", "2025-10-11", "2025-10-12", Publication},
		{"Dated 2025-09-30 in the report.", "2025-09-30", "2025-09-30", "2025-09-30", Publication},
		{"Hours later, a second blast hit.", "Hours later", "2025-10-11", "2025-10-12", Previous},
		{"A week later, troops returned.", "A week later", "2025-10-14", "2025-10-14", Previous},
	}
	f := NewFinder()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := f.Find(tt.text)
			if len(got) != 1 {
				t.Fatalf("Find(%q) = %d expressions %+v, want 1", tt.text, len(got), got)
			}
			e := got[0]
			if e.Text != tt.want || tt.text[e.Start:e.End] != tt.want {
				t.Errorf("text %q span %q, want %q", e.Text, tt.text[e.Start:e.End], tt.want)
			}
			if e.Anchor != tt.anchor {
				t.Errorf("anchor %v, want %v", e.Anchor, tt.anchor)
			}
			r := e.Resolve(pub, prev)
			if !r.Start.Equal(day(tt.start)) || !r.End.Equal(day(tt.end)) {
				t.Errorf("resolved %s..%s, want %s..%s", r.Start.Format(time.DateOnly), r.End.Format(time.DateOnly), tt.start, tt.end)
			}
		})
	}
}

func TestRange(t *testing.T) {
	r := Range{Start: day("2025-10-11"), End: day("2025-10-14")}
	if r.Days() != 4 {
		t.Errorf("Days = %d", r.Days())
	}
	if got := r.Mid(); !got.Equal(day("2025-10-13")) {
		t.Errorf("Mid = %v", got)
	}
	if r.Precision() != 2 || Day(r.Start).Precision() != 1 || (Range{Start: day("2025-09-01"), End: day("2025-09-30")}).Precision() != 3 {
		t.Error("Precision wrong")
	}
	if !r.Overlaps(Day(day("2025-10-14"))) || r.Overlaps(Day(day("2025-10-15"))) {
		t.Error("Overlaps wrong")
	}
}

func TestNoFalseTimes(t *testing.T) {
	f := NewFinder()
	for _, s := range []string{
		"The army may deploy more troops.",
		"He said 16 px of text.",
		"They will march to the capital.",
		// Every branch of a form is a whole word or phrase.
		"The stonight bar, the yesterdays, a blast night, overnighted.",
		// A date that names a street or a bridge.
		"Shells landed near the bus station and April 7th Street.",
		"Traffic stopped on the 6th of October Bridge.",
	} {
		if got := f.Find(s); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want none", s, got)
		}
	}
}

// byParagraph returns what re finds in each paragraph of text, as
// offsets into text.
func byParagraph(re *regexp.Regexp, doc string) [][]int {
	var out [][]int
	for start, end := range text.Paragraphs(doc) {
		for _, loc := range re.FindAllStringSubmatchIndex(doc[start:end], -1) {
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += start
				}
			}
			out = append(out, loc)
		}
	}
	return out
}

// sameMatches reports the first pattern whose matches in text are not
// the engine's, paragraph by paragraph.
func sameMatches(t *testing.T, f *Finder, text string) {
	t.Helper()
	sc := f.set.Scan(text)
	for k, p := range f.patterns {
		got, want := f.matches(sc, text, k), byParagraph(p.re.Regexp, text)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("pattern %d in %.80q: matches %v, want %v", k, text, got, want)
		}
	}
}

func TestMatchesByParagraph(t *testing.T) {
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, "", "\n\n", "fled in March\n\n4 people died", "March\n\n\n4, 2024",
		"on Tuesday\n\nnight", "two\n\ndays ago and three days ago", "the following\n\nday, the next day",
		"May 4\n\n2024-01-02\n\n\nMay\n\n5")
	f := NewFinder()
	for _, text := range texts {
		sameMatches(t, f, text)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("On April 4, two days earlier, last week, since Monday, 2025-13-45")
	f.Add("31 February 2024 and 99 days ago")
	fd := NewFinder()
	pub := day("2025-10-14")
	f.Add("fled in March\n\n4 people died, two\n\ndays ago")
	f.Fuzz(func(t *testing.T, text string) {
		sameMatches(t, fd, text)
		prev := 0
		for _, e := range fd.Find(text) {
			if e.Start < prev || e.End > len(text) || e.Start >= e.End {
				t.Fatalf("bad span %+v", e.Span)
			}
			prev = e.End
			r := e.Resolve(pub, Range{})
			if !r.IsZero() && r.End.Before(r.Start) {
				t.Fatalf("%q resolved to reversed range %v", e.Text, r)
			}
		}
	})
}
