package load

import (
	"context"
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/event"
)

func TestParseDay(t *testing.T) {
	tests := []struct {
		in   string
		want string // YYYY-MM-DD, "--MM-DD" without a year, "" for none
		end  string // the text the match covers
	}{
		{"15 July 2015 Abu", "2015-07-15", "15 July 2015"},
		{"Thursday 9 Jul 2015 At least", "2015-07-09", "Thursday 9 Jul 2015"},
		{"Sun Aug 17 2014 ISIL", "2014-08-17", "Sun Aug 17 2014"},
		{"Sept. 7, 2004 - Israeli", "2004-09-07", "Sept. 7, 2004"},
		{"Jul 172015 Barrel", "2015-07-17", "Jul 172015"},
		{"Nov 022017 BEIRUT", "2017-11-02", "Nov 022017"},
		{"21.08.2013Get short URL", "2013-08-21", "21.08.2013"},
		{"15-07-2016 Russian", "2016-07-15", "15-07-2016"},
		{"2016-07-15 Russian", "2016-07-15", "2016-07-15"},
		{"10/14/2025 report", "2025-10-14", "10/14/2025"},
		{"3 JAN 90 -- [REPORT]", "1990-01-03", "3 JAN 90"},
		{"JUNE 11 89 (AFP)", "1989-06-11", "JUNE 11 89"},
		{"Wednesday 30 November 2016 14:28", "2016-11-30", "Wednesday 30 November 2016"},
		{"14th of May 2024 in", "2024-05-14", "14th of May 2024"},
		{"March 14 (Reuters) -", "--03-14", "March 14"},
		{"14 April 12 people died", "--04-14", "14 April"}, // two digits then a word: no year
		{"31 February 2016", "--02-31", "31 February"},     // no such day: no year read
		{"Monday morning", "", ""},
		{"May the talks go on", "", ""},
		{"1234 people", "", ""},
		{"12.13.2016", "", ""},
	}
	for _, tt := range tests {
		m, ok := parseDay(tt.in, 0)
		got := ""
		if ok {
			if m.hasYear {
				got = m.day.Format(time.DateOnly)
			} else {
				got = "--" + twoDigits(m.month) + "-" + twoDigits(m.dom)
			}
		}
		if got != tt.want {
			t.Errorf("parseDay(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		if ok && tt.in[m.start:m.end] != tt.end {
			t.Errorf("parseDay(%q) covers %q, want %q", tt.in, tt.in[m.start:m.end], tt.end)
		}
	}
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestReadOpening(t *testing.T) {
	tests := []struct {
		name, in, date, headline string
	}{
		{"date first", "12 Jul 2016 Opposition forces fight back in Aleppo. Rebel forces advanced on Monday, a monitor said.", "2016-07-12", "Opposition forces fight back in Aleppo."},
		{"label", "Published February 18 2015 The army captured several villages north of the city on Tuesday, a monitor said.", "2015-02-18", ""},
		{"label with on", "Posted on August 3 2013 by Jane Doe At least 12 fighters were killed in clashes on Friday.", "2013-08-03", ""},
		{"glued day and year", "Last updated at Jul 172015 Barrel bombs killed at least 11 civilians on Thursday, a monitor said.", "2015-07-17", ""},
		{"headline before", "Bomb rockets kill 19 civilians in the north Monitor AFP Thursday 9 Jul 2015 At least 19 civilians were killed.", "2015-07-09", "Bomb rockets kill 19 civilians in the north Monitor"},
		{"outlet after", "Ten civilians killed in an airstrike on the city 21 November 2016 SANA Aircraft struck the city.", "2016-11-21", "Ten civilians killed in an airstrike on the city"},
		{"wire", "GAZA CITY, Gaza Strip Sept. 7, 2004 - An air strike killed 14 people, officials said.", "2004-09-07", ""},
		{"in the body", "Rebels shelled the town on July 10 2016 after the road was cut, killing four people.", "", ""},
		{"since", "More than 300000 people have been killed since March 15 2011 when protests began.", "", ""},
		{"runs on", "The deal is due to start January 1, 2005 after years of talks between the two sides.", "", ""},
		{"no year", "KYIV, March 14 (Reuters) - Russian drones struck the city overnight, officials said.", "", ""},
		{"tag then lower case", "Strikes kill 17 civilians in the east Monitor AFP Monday 6 Jun 2016 seventeen civilians were killed.", "2016-06-06", "Strikes kill 17 civilians in the east Monitor"},
		{"first then lower case", "Thu Feb 5 2015 title: Rockets kill five in the capital. Rocket attacks killed five people.", "2015-02-05", "Rockets kill five in the capital."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := readOpening(tt.in)
			got := ""
			if !o.date.IsZero() {
				got = o.date.Format(time.DateOnly)
			}
			if got != tt.date {
				t.Fatalf("date %q, want %q", got, tt.date)
			}
			head := ""
			if o.headline.Len() > 0 {
				head = tt.in[o.headline.Start:o.headline.End]
			}
			if head != tt.headline {
				t.Errorf("headline %q, want %q", head, tt.headline)
			}
		})
	}
}

func TestRealShapedItems(t *testing.T) {
	tests := []struct {
		name, input string
		published   string
		inText      string
		title       string
	}{
		{
			name:      "one-line scrape with a cookie notice",
			input:     "12 Jul 2016 Rebels fight back in the north to retake a district. " + strings.Repeat("Fighting went on through the night near the main road, residents said. ", 10) + "We use cookies to improve your experience. Accept Cookie policy",
			published: "2016-07-12", inText: "Rebels fight back", title: "Rebels fight back in the north to retake a district.",
		},
		{
			name:   "headline and a lead cut off",
			input:  "Car Bomb Kills 11 Near Base\n\nA car bomb exploded in a line of vehicles waiting to enter the base early Monday, killing at least 11 people at an",
			inText: "A car bomb exploded", title: "Car Bomb Kills 11 Near Base",
		},
		{
			name:   "headline and a short lead",
			input:  "Leader Responds to Critics\n\nThe president puts some blame on his critics -- and supports the envoy",
			inText: "The president puts some blame", title: "Leader Responds to Critics",
		},
		{
			name:   "one line",
			input:  "Strikes kill 34 civilians in the east Monitor AFP Sunday 26 Nov 2017",
			inText: "Strikes kill 34", published: "2017-11-26",
		},
		{
			name: "hard-wrapped wire",
			input: "   SAN SALVADOR, 3 JAN 90 -- [REPORT] [TEXT] THE BATTALION COMMAND HAS REPORTED\n" +
				"THAT ABOUT 50 PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS IN\n" +
				"THE EASTERN DEPARTMENT.  ACCORDING TO THAT GARRISON, THE KIDNAPPING TOOK PLACE\n" +
				"ON 30 DECEMBER IN A VILLAGE OF THE DEPARTMENT.\n\n" +
				"   MEANWHILE, THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED\n" +
				"DURING CLASHES YESTERDAY IN TWO DEPARTMENTS.\n",
			published: "1990-01-03",
			inText:    "REPORTED THAT ABOUT 50 PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS IN THE EASTERN",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Load(context.Background(), []byte(tt.input), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if string(doc.Published) != tt.published {
				t.Errorf("published %q, want %q", doc.Published, tt.published)
			}
			if tt.published == "" && doc.PublishedFrom != "none" {
				t.Errorf("published_from %q for an undated item, want none", doc.PublishedFrom)
			}
			if !strings.Contains(doc.Text, tt.inText) {
				t.Errorf("text lacks %q:\n%s", tt.inText, doc.Text)
			}
			if tt.title != "" && doc.Title != tt.title {
				t.Errorf("title %q, want %q", doc.Title, tt.title)
			}
			if doc.Dateline != nil && !doc.Dateline.Valid(len(doc.Text)) || doc.Headline != nil && !doc.Headline.Valid(len(doc.Text)) {
				t.Errorf("spans out of the text: %+v %+v", doc.Dateline, doc.Headline)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	para := "Soldiers clashed with rebels near the town of Ségou on Monday, the army said in a statement to reporters."
	latin := []byte(strings.ReplaceAll(para, "é", "\xe9") + " \x93Calm\x94 returned later.")
	doc, err := Load(context.Background(), latin, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Ségou") || !strings.Contains(doc.Text, "“Calm”") || doc.Encoding != "windows-1252" {
		t.Errorf("windows-1252 read as %q (%q)", doc.Text, doc.Encoding)
	}
	bad := []byte(para + " The toll rose to \xff five.")
	doc, err = Load(context.Background(), bad, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.InvalidBytes != 1 || !utf8.ValidString(doc.Text) || !strings.Contains(doc.Text, "Ségou") {
		t.Errorf("one bad byte: %d invalid, text %q", doc.InvalidBytes, doc.Text)
	}
}

func TestNoProseSaysWhy(t *testing.T) {
	for _, in := range []string{"Home | World | Sport\nShare Tweet\n", "Menu\nSearch\nLog in\n"} {
		_, err := Load(context.Background(), []byte(in), Options{})
		if !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), ":") {
			t.Errorf("Load(%q) = %v, want ErrNoText with a reason", in, err)
		}
	}
}

func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"15 July 2015", "Jul 172015", "21.08.2013Get", "3 JAN 90 --", "Sept. 7, 2004", "2016-07-15", "Sun Aug 17 2014"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s) && i < 64; i++ {
			m, ok := parseDay(s, i)
			if !ok {
				continue
			}
			if m.start != i || m.end < m.start || m.end > len(s) {
				t.Fatalf("parseDay(%q, %d) span %d..%d", s, i, m.start, m.end)
			}
			if m.hasYear && (m.day.Year() < 1900 || m.day.Year() > 2099) {
				t.Fatalf("parseDay(%q, %d) year %d", s, i, m.day.Year())
			}
		}
	})
}

func FuzzReadOpening(f *testing.F) {
	for _, s := range []string{"12 Jul 2016 Opposition forces fight back. Rebels advanced.", "Bomb kills 19 Monitor AFP Thursday 9 Jul 2015 At least", "Posted on August 3 2013 by X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o := readOpening(s)
		for _, sp := range []struct{ start, end int }{{o.dateSpan.Start, o.dateSpan.End}, {o.headline.Start, o.headline.End}} {
			if sp.start < 0 || sp.end < sp.start || sp.end > len(s) {
				t.Fatalf("readOpening(%q) span %d..%d", s, sp.start, sp.end)
			}
		}
	})
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"plain text", "caf\xe9 au lait", "ok \xff bad", "\xff\xfeh\x00i\x00", "\xef\xbb\xbfbom"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := decode(data)
		if err == nil && !utf8.ValidString(text) && !charsetDeclared(data) {
			t.Fatalf("decode(%q) gave invalid UTF-8 %q", data, text)
		}
	})
}

func TestOutletTag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"JERUSALEM (Reuters) - Thousands of protesters marched on Tuesday.", "Reuters"},
		{"AP - The man who claims the governor harassed him was pushing for a settlement.", "AP"},
		{"Strikes kill 19 in the north Monitor AFP Thursday 9 Jul 2015 At least 19 civilians were killed.", "AFP"},
		{"Rebels attacked a base on Monday, the army said.", ""},
		{" \u00a0Xinhua -- Floods have displaced thousands.", "Xinhua"},
		{"AFP-Police said on Monday.", ""},
		{"AFP", ""},
		{"The AP - reported on Monday.", ""},
	}
	for _, tt := range tests {
		o := readOpening(tt.in)
		if o.outlet != tt.want {
			t.Errorf("outlet of %q = %q, want %q", tt.in, o.outlet, tt.want)
		}
		if tag := tt.in[o.outletSpan.Start:o.outletSpan.End]; tt.want != "" && !strings.Contains(strings.ToLower(tag), strings.ToLower(tt.want)) {
			t.Errorf("outlet tag of %q at %q", tt.in, tag)
		}
	}
}

func TestStructureSpans(t *testing.T) {
	in := "Gunmen kill 12 in northeast village\n\nMAIDUGURI, Nigeria, March 2 (SMN) — Gunmen killed at least 12 villagers in Borno State late on Friday, a local official said.\n\nThe attackers arrived on motorcycles and set fire to homes before fleeing, residents said."
	doc, err := Load(context.Background(), []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	span := func(s *event.Span) string {
		if s == nil {
			return ""
		}
		return doc.Text[s.Start:s.End]
	}
	if got := span(doc.Headline); got != "Gunmen kill 12 in northeast village" {
		t.Errorf("headline %q", got)
	}
	if len(doc.Datelines) != 1 || !strings.HasPrefix(span(&doc.Datelines[0]), "MAIDUGURI, Nigeria, March 2 (SMN) —") {
		t.Errorf("date lines %v", doc.Datelines)
	}
	if got := span(doc.Lead); !strings.HasPrefix(got, "Gunmen killed at least 12") || !strings.HasSuffix(got, "official said.") {
		t.Errorf("lead %q", got)
	}
}

// TestReleaseSource checks that a press release's closing credit names
// who publishes it.
func TestReleaseSource(t *testing.T) {
	in := "Regime air strikes killed 12 civilians in Aleppo on Tuesday.\n\nThe Coalition condemned the attack. (Source: Syrian Coalition's Media Office)"
	doc, err := Load(context.Background(), []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Outlet != "Syrian Coalition's Media Office" || doc.OutletTag == nil || doc.Text[doc.OutletTag.Start:doc.OutletTag.End] != doc.Outlet {
		t.Errorf("outlet %q tag %v", doc.Outlet, doc.OutletTag)
	}
}

// wireRE is the pattern wireEnd is written from: its leftmost-first
// match is the wire date line.
var wireRE = regexp.MustCompile(`^[A-Z][A-Z .'’-]{2,40}(?:,[^—–\n]{0,60}?)?(?:\s*\([A-Za-z .]{1,20}\))?\s*(?:—|–|--| - )\s*`)

// wireREEnd is the end of wireRE's match in p, or -1.
func wireREEnd(p string) int {
	if loc := wireRE.FindStringIndex(p); loc != nil {
		return loc[1]
	}
	return -1
}

// TestWireEnd checks wire date lines, and that wireEnd ends each where
// wireRE's match does.
func TestWireEnd(t *testing.T) {
	tests := []struct {
		p    string
		want string // the date line, "" for none
	}{
		{"MAIDUGURI, March 26 (LCH) — Gunmen attacked", "MAIDUGURI, March 26 (LCH) — "},
		{"KABUL — A bomb", "KABUL — "},
		{"JERUSALEM (Reuters) - Israeli", "JERUSALEM (Reuters) - "},
		{"GAZA CITY, Gaza Strip -- Israeli", "GAZA CITY, Gaza Strip -- "},
		{"O’HARE — Police", "O’HARE — "},
		{"U.S. — x", "U.S. — "},
		{"PORT-AU-PRINCE — Gunmen", "PORT-AU-PRINCE — "},
		{"NEW YORK - - x", "NEW YORK - - "},
		{"SANAA  -  x", "SANAA  -  "},
		{"TRIPOLI, May 13 (MD) — ", "TRIPOLI, May 13 (MD) — "},
		{"LIMA, Oct 16, a city where — x", "LIMA, Oct 16, a city where — "},
		{"LIMA, Oct 16\n— x", "LIMA, Oct 16\n— "},
		{"LIMA, Oct 16\n\n, — x", ""},
		{"BEIRUT (a tag that runs far too long) — x", ""},
		{"BEIRUT, " + strings.Repeat("x", 61) + " — x", ""},
		{"BEIRUT, " + strings.Repeat("x", 59) + " — x", "BEIRUT, " + strings.Repeat("x", 59) + " — "},
		{"The army said — x", ""},
		{"At least 12", ""},
		{"AB — x", "AB — "},
		{"A — x", ""},
		{"", ""},
		{"kabul — x", ""},
		{"NAIROBI CITIZEN POST", ""},
	}
	for _, tt := range tests {
		want := -1
		if tt.want != "" {
			want = len(tt.want)
		}
		if got := wireEnd(tt.p); got != want {
			t.Errorf("wireEnd(%q) = %d, want %d", tt.p, got, want)
		}
		if got := wireREEnd(tt.p); got != want {
			t.Errorf("wireRE in %q ends at %d, want %d", tt.p, got, want)
		}
	}
}

// FuzzWireEnd checks wireEnd against the pattern it is written from.
func FuzzWireEnd(f *testing.F) {
	for _, p := range []string{"MAIDUGURI, March 26 (LCH) — Gunmen", "KABUL — A", "JERUSALEM (Reuters) - Israeli", "A - - B", "AB ,(X) -- ",
		"O’HARE, \xe2\x80 ( x.) – y", "X-  (a)\t - -", "PARIS, June 29 — "} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := wireEnd(p), wireREEnd(p); got != want {
			t.Errorf("wireEnd(%q) = %d, wireRE ends at %d", p, got, want)
		}
	})
}

// TestWireEndPieces checks wireEnd against wireRE over texts made of the
// pieces the pattern reads, many more than the fuzzer finds.
func TestWireEndPieces(t *testing.T) {
	pieces := []string{"A", "B", "Z", " ", "  ", ",", ".", "'", "’", "-", "--", " - ", "—", "–", "(", ")", "(AFP)", "a", "x", "\n", "\t", "\xe2", "\xe2\x80", "KABUL", "March 26"}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	matched := 0
	for range 50000 {
		b.Reset()
		b.WriteString(pieces[rng.IntN(3)])
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		p := b.String()
		got, want := wireEnd(p), wireREEnd(p)
		if got != want {
			t.Fatalf("wireEnd(%q) = %d, wireRE ends at %d", p, got, want)
		}
		if got >= 0 {
			matched++
		}
	}
	if matched < 2500 {
		t.Errorf("only %d texts of 50,000 hold a date line: the test reads too few", matched)
	}
}

func TestDashAt(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"— x", 3}, {"– x", 3}, {"-- x", 2}, {"--", 2}, {" - x", 3}, {" - ", 3},
		{"-", 0}, {" -", 0}, {" -x", 0}, {"- x", 0}, {"\xe2\x80", 0}, {"x", 0}, {"", 0},
	}
	for _, tt := range tests {
		if got := dashAt(tt.s); got != tt.want {
			t.Errorf("dashAt(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestKeyWord checks the words of an opening as readOpening looks them
// up, and that each word it looks up is one keyWord can give.
func TestKeyWord(t *testing.T) {
	tests := []struct{ w, want string }{
		{"Posted", "posted"}, {"(AFP)", "afp"}, {"Reuters,", "reuters"}, {"ON", "on"}, {"\"the", "the"},
		{"Fighters", ""}, {"Published:", "published"}, {"Pub\u212aished", ""}, {"", ""}, {",;:", ""},
		{"Internationalisation", ""},
	}
	for _, tt := range tests {
		if got := keyWord(tt.w); got != tt.want {
			t.Errorf("keyWord(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
	for w := range openingWords {
		if got := keyWord(strings.ToUpper(w)); got != w {
			t.Errorf("keyWord(%q) = %q, want %q", strings.ToUpper(w), got, w)
		}
	}
}

// TestDayStarts checks that every date parseDay reads may begin where
// dayStarts says: with a digit or a weekday's or a month's name in any
// case, and that common openings of words are not.
func TestDayStarts(t *testing.T) {
	var words []string
	for w := range weekdayWords {
		words = append(words, w)
	}
	for w := range monthWords {
		words = append(words, w)
	}
	for _, w := range words {
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			if !dayStarts[v[0]] {
				t.Errorf("dayStarts[%q] is false: %q opens a date", v[0], v)
			}
		}
	}
	for c := byte('0'); c <= '9'; c++ {
		if !dayStarts[c] {
			t.Errorf("dayStarts[%q] is false", c)
		}
	}
	for _, c := range []byte("bcegBCEG\"( -") {
		if dayStarts[c] {
			t.Errorf("dayStarts[%q] is true", c)
		}
	}
}
