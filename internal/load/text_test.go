package load

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/corpus"
)

// TestDropTagList checks that a page's tags run into a story's first
// sentence are cut where the story begins, and only there.
func TestDropTagList(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tags Aleppo Syria Assad Russia Airstrikes At least 16 people were killed in Aleppo on Monday.", "At least 16 people were killed in Aleppo on Monday."},
		{"Video on the strikes. Tags Syria Idlib gas attack Observatory At least 72 people died in Idlib on Tuesday.", "Video on the strikes. At least 72 people died in Idlib on Tuesday."},
		{"Tags Syria Idlib Warplanes struck Idlib on Tuesday. Fourteen people died.", "Tags Syria Idlib Warplanes struck Idlib on Tuesday. Fourteen people died."},
		{"Tags Madaya Syria hunger siege Three women from the besieged town of Madaya were killed.", "Three women from the besieged town of Madaya were killed."},
		// No word opens a sentence: where the list ends cannot be told.
		{"Tags Syria Aleppo regime forces rebel forces Syrian troops repelled an offensive.", "Tags Syria Aleppo regime forces rebel forces Syrian troops repelled an offensive."},
		{"The tags on the crates were Russian.", "The tags on the crates were Russian."},
	}
	for _, tt := range tests {
		if got := dropTagList(tt.in); got != tt.want {
			t.Errorf("dropTagList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWireHeadline checks that a wire item's headline is its title
// without the agency that closes it, and that one opening with a count
// is a headline too.
func TestWireHeadline(t *testing.T) {
	tests := []struct{ in, title string }{
		{"Israeli Officer Arrested Over Shooting in Gaza (Reuters)\n\nReuters - Israeli military police on Tuesday arrested a commander over the shooting of a girl.\n", "Israeli Officer Arrested Over Shooting in Gaza"},
		{"14 Militants Killed in Gaza Air Strike\n\nGAZA CITY - Israeli helicopters attacked a training camp early Tuesday, killing at least 14 militants.\n", "14 Militants Killed in Gaza Air Strike"},
	}
	for _, tt := range tests {
		doc, err := Load(context.Background(), []byte(tt.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != tt.title {
			t.Errorf("title %q, want %q", doc.Title, tt.title)
		}
	}
}

// BenchmarkLoadText loads plain-text articles of 3 to 8 KB, the size of
// long wire reports, as the pipeline does before extraction.
func BenchmarkLoadText(b *testing.B) {
	texts, err := corpus.Lengthened()
	if err != nil {
		b.Fatal(err)
	}
	data := make([][]byte, len(texts))
	for i, t := range texts {
		data[i] = []byte(t)
	}
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := Load(ctx, data[i%len(data)], Options{}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestCreditEnd checks the quick look before captionEndRE: it holds for
// every line end the pattern matches, and fails for a sentence's end.
func TestCreditEnd(t *testing.T) {
	tests := []struct {
		tail string
		want bool
	}{
		{"Rescuers search the rubble in Gaza City (AFP)", true},
		{"Rescuers search the rubble (Getty Images)", true},
		{"A destroyed tank near Kharkiv/Reuters", true},
		{"A destroyed tank near Kharkiv / REUTERS", true},
		{"(Reuterſ)", true},
		{"the army said on Sunday (pictured).", false},
		{"the army said on Sunday.", false},
		{"", false},
	}
	for _, tt := range tests {
		got := creditEnd(tt.tail)
		if got != tt.want {
			t.Errorf("creditEnd(%q) = %v, want %v", tt.tail, got, tt.want)
		}
		if !got && captionEndRE.MatchString(tt.tail) {
			t.Errorf("creditEnd(%q) is false where captionEndRE matches", tt.tail)
		}
	}
}

// TestChromeNeedles checks the search for chromeAnyRE's words that
// isPageChrome makes first: it holds wherever the pattern matches, and
// fails for plain prose.
func TestChromeNeedles(t *testing.T) {
	tests := []struct {
		l    string
		want bool
	}{
		{"We use cookies to improve your experience.", true},
		{"ACCEPT COOKIES", true},
		{"Sign up for our Newsletter", true},
		{"NEWSLETTER", true},
		{"© 2025 Lake Chad Herald. All rights reserved.", true},
		{"Copyright 2024 The Post. ALL RIGHTS RESERVED", true},
		{"All Rights  Reserved", false},
		{"Cooking oil prices rose as news letters were sent.", false},
		{"The army said on Sunday that 12 soldiers were killed near the town.", false},
		{"Police used water cannon; the mayor's office gave no figures.", false},
		{"A coo\u212aie notice", true}, // the Kelvin sign folds to k
		{"A newſletter", true},         // the long s folds to s
		{"", false},
	}
	for _, tt := range tests {
		got := chromeAnyRE.HoldsNeedle(tt.l)
		if got != tt.want {
			t.Errorf("chromeAnyRE.HoldsNeedle(%q) = %v, want %v", tt.l, got, tt.want)
		}
		if !got && chromeAnyRE.MatchString(tt.l) {
			t.Errorf("chromeAnyRE.HoldsNeedle(%q) is false where chromeAnyRE matches", tt.l)
		}
	}
}

func TestPastWordAndSpace(t *testing.T) {
	tests := []struct {
		s           string
		i           int
		word, space int
	}{
		{"two words", 0, 3, 0},
		{"two words", 3, 3, 4},
		{"a\u00a0b", 1, 1, 3},   // a no-break space is white space
		{"née  x", 0, 4, 0},     // an accented letter is not
		{"x\u2003\ty", 1, 1, 5}, // nor is an em space a word
		{"\xffz y", 0, 2, 0},    // an invalid byte is part of a word
		{"end", 3, 3, 3},
		{"internationalisation x", 0, 20, 0},
		{"abcdefgh\u00a0x", 0, 8, 0},
		{"abcdefghé ijklmnopqrs", 0, 10, 0},
		{"abcdefghijklmno\x01pqrs tuv", 0, 20, 0}, // a control byte is part of a word
		{"abcdefghijklmnopqrstuvwxyz", 2, 26, 2},
	}
	for _, tt := range tests {
		if got := pastWord(tt.s, tt.i); got != tt.word {
			t.Errorf("pastWord(%q, %d) = %d, want %d", tt.s, tt.i, got, tt.word)
		}
		if got := pastSpace(tt.s, tt.i); got != tt.space {
			t.Errorf("pastSpace(%q, %d) = %d, want %d", tt.s, tt.i, got, tt.space)
		}
	}
}

// TestCountWordsPieces checks countWords against strings.Fields over
// texts made of white space, controls, letters and runes beyond ASCII,
// which it reads eight bytes at a time or one rune at a time.
func TestCountWordsPieces(t *testing.T) {
	pieces := []string{"a", "bb", "word", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\x00", "\x08", "\x0e", "\x1f", "!", "\x7f",
		"\u0085", "\u00a0", "\u2003", "é", "’", "\xff", "\xe2\x80"}
	rng := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, most := range []int{1, 3, 8, 25, 1000} {
			if got, want := countWords(s, most), min(len(strings.Fields(s)), most); got != want {
				t.Fatalf("countWords(%q, %d) = %d, want %d", s, most, got, want)
			}
		}
	}
}

func TestTrimRightBlank(t *testing.T) {
	for _, l := range []string{"", " ", "a line \t\r", "\t\r a", "a\u00a0", "x \n", "a\r\r  "} {
		if got, want := trimRightBlank(l), strings.TrimRight(l, " \t\r"); got != want {
			t.Errorf("trimRightBlank(%q) = %q, want %q", l, got, want)
		}
	}
}

// TestPublishedLine checks which dated line of chrome gives the
// publication date: one that says "Published" first, then the first dated
// line about the body's start, then the first "Updated" line.
func TestPublishedLine(t *testing.T) {
	body := "Gunmen killed at least 12 villagers in a raid on Monday, officials said."
	tests := []struct {
		name  string
		lines []string
		first int // the first line of the body
		want  string
	}{
		{"published wins", []string{"20/01/2025", "Updated: 22 January 2025", body, "Published: 19 January 2025"}, 2, "2025-01-19"},
		{"the date above the body", []string{"Title here", "20/01/2025", body, "27 January 2025"}, 2, "2025-01-20"},
		{"none above: a late date without words counts not", []string{"Title here", body, "x", "y", "27 January 2025"}, 1, ""},
		{"the first update", []string{body, "x", "y", "Updated: 22 January 2025", "Updated: 23 January 2025"}, 0, "2025-01-22"},
		{"an update after a later plain date", []string{body, "x", "y", "5 May 2024", "Updated 2 June 2024"}, 0, "2024-06-02"},
		{"a published line with no date", []string{"Published 2025", body, "x", "y", "Published on 3 March 2025"}, 1, "2025-03-03"},
		{"content lines are no chrome", []string{body + " 20/01/2025"}, 0, ""},
	}
	for _, tt := range tests {
		content := make([]bool, len(tt.lines))
		for i, l := range tt.lines {
			content[i] = l == body || strings.HasPrefix(l, body)
		}
		if got, _ := publishedLine(tt.lines, content, tt.first); got != tt.want {
			t.Errorf("%s: publishedLine = %q, want %q", tt.name, got, tt.want)
		}
	}
}
