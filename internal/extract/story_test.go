package extract

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/event"
)

// TestLeadAfterHeadline checks where a bulletin's story begins after the
// headline run into it, and that ordinary sentences are not cut.
func TestLeadAfterHeadline(t *testing.T) {
	tests := []struct{ in, lead string }{
		{"Three civilians injured in rocket attack on Mhardeh A woman and two children were injured on Monday when rockets hit the town.", "A woman and two children were injured on Monday when rockets hit the town."},
		{"Gunmen detonate bomb near market in Hama Terrorists detonated an explosive device near the market on Sunday.", "Terrorists detonated an explosive device near the market on Sunday."},
		{"Two soldiers killed in mortar attack in Deir ez-Zor The army said two soldiers were killed on Friday.", "The army said two soldiers were killed on Friday."},
		// Sentences that only look like one.
		{"Fighting between rival gangs inside the prison killed at least 17 inmates on Wednesday, officials said.", ""},
		{"The report counted 383 aid workers killed in 2024, more than half of them in Gaza.", ""},
		{"Militants attacked a checkpoint in Bannu and killed two policemen, The police said.", ""},
		{"Rockets hit Homs.", ""},
	}
	for _, tt := range tests {
		p := leadAfterHeadline(tt.in)
		got := ""
		if p > 0 {
			got = tt.in[p:]
		}
		if got != tt.lead {
			t.Errorf("leadAfterHeadline(%q) lead %q, want %q", tt.in, got, tt.lead)
		}
	}
}

// TestHoldsLeadOpener checks the filter that spares most sentences the
// reading of their words: it must find every opener a field can be.
func TestHoldsLeadOpener(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Gunmen detonate bomb in Hama Terrorists detonated a device.", true},
		{"The army said so.", true},
		{"killed in Daraa\u00a0Two were hurt", true}, // a field after a no-break space
		{"killed in Daraa\tA woman", true},
		{"Theresa and Another were there", false},
		{"killed in Daraa.The army", false}, // "Daraa.The" is one field
		{"killed in Daraa\u2014The army", false},
		{"nothing capital here", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := holdsLeadOpener(tt.in); got != tt.want {
			t.Errorf("holdsLeadOpener(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if want := slices.ContainsFunc(strings.Fields(tt.in), func(w string) bool { return leadOpeners[w] }); want != tt.want {
			t.Errorf("case %q: strings.Fields finds an opener: %v", tt.in, want)
		}
	}
}

func FuzzLeadAfterHeadline(f *testing.F) {
	f.Add("Three civilians injured in rocket attack on Mhardeh A woman and two children were injured on Monday.")
	f.Add("A  b\tc killed   The x was")
	f.Fuzz(func(t *testing.T, s string) {
		p := leadAfterHeadline(s)
		if p < 0 || p > len(s) || p > 0 && s[p-1] != ' ' && s[p-1] != '\t' && s[p-1] != '\n' {
			t.Fatalf("lead at %d in %q", p, s)
		}
	})
}

// TestWireLeadIsNews checks that a wire item's lead reports an event
// though it names no time or place of its own, and that the same sentence
// deep in a long article is not taken for news.
func TestWireLeadIsNews(t *testing.T) {
	head := "Italy Halts for General Strike"
	lead := "Millions of workers observed a general strike in protest against the government's economic policies."
	text := head + "\n\n" + lead
	doc := &event.Document{ID: "test", Text: text, Format: "text",
		Headline: &event.Span{Start: 0, End: len(head)}, Lead: &event.Span{Start: len(head) + 2, End: len(text)}}
	evs, err := extractor(t).Extract(context.Background(), doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || deref(evs[0].SubEventType) != "Peaceful protest" || evs[0].ISO != "IT" {
		t.Errorf("events %+v, want the strike in Italy", evs)
	}
}

// TestBulletinStoryIsOneEvent checks that a bulletin's headline and the
// story's first sentence give one event, and the next story another.
func TestBulletinStoryIsOneEvent(t *testing.T) {
	text := "Two persons injured in terrorist rocket attack in Homs Two persons were injured as the ISIS terrorist organization targeted the town of Mhardeh in Homs province with rocket shells. " +
		"A child injured in terrorist mortar attack on Daraa A girl was injured when terrorist groups fired a mortar shell on Daraa city."
	evs := extract(t, extractor(t), text, "2016-11-07")
	if len(evs) != 2 {
		var got []string
		for _, e := range evs {
			got = append(got, deref(e.SubEventType)+" "+e.Location)
		}
		t.Errorf("events %q, want one for each story", got)
	}
}

// TestFieldReader holds fieldReader to strings.Fields, cut to its
// buffer's length, and each word's offset to the word.
func TestFieldReader(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " one  two\tthree\n", "a\u00a0b\u0085c\u2003d", "caf\u00e9 na\u00efve \xff bad",
		"\vx\fy\rz", strings.Repeat("w ", 40)} {
		r := fieldReader{s: s}
		want := strings.Fields(s)
		if len(want) > len(r.words) {
			want = want[:len(r.words)]
		}
		// Asked for a few words, then for all.
		if n := r.read(2); n != min(2, len(want)) {
			t.Errorf("fieldReader(%q).read(2) = %d", s, n)
		}
		r.read(100)
		if !slices.Equal(r.words[:r.n], want) {
			t.Errorf("fieldReader(%q) read %q, want %q", s, r.words[:r.n], want)
		}
		for i, w := range r.words[:r.n] {
			if s[r.starts[i]:r.starts[i]+len(w)] != w {
				t.Errorf("fieldReader(%q): word %d %q at %d", s, i, w, r.starts[i])
			}
		}
	}
}

func TestASCIIKey(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Killed", "killed", true},
		{"SAID", "said", true},
		{"", "", true},
		{"extraordinarily-long", "", true}, // longer than any word looked up
		{"Caf\u00e9", "", false},
		{"\u212aILLED", "", false}, // the Kelvin sign lowers to "k"
		{"KILL\u00e9", "", false},
		{"1st_A", "1st_a", true},
		{"ABCDEFGHIJKLMNOP", "abcdefghijklmnop", true}, // as long as a key may be
		{"ABCDEFGHIJKLMNOP\u00e9", "", false},
	}
	for _, tt := range tests {
		var buf [maxKeyLen]byte
		got, ok := asciiKey(&buf, tt.in)
		if string(got) != tt.want || ok != tt.ok {
			t.Errorf("asciiKey(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTrimStops(t *testing.T) {
	for _, w := range []string{"", ",", ",;:", "killed,", ";killed:", "a,b", ",:a;b,", "é,"} {
		if got, want := trimStops(w), strings.Trim(w, ",;:"); got != want {
			t.Errorf("trimStops(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestStoryShape checks that storyShapes passes every word the maps
// hold, that storyWords holds each with its kinds, and that asciiKey has
// room for each.
func TestStoryShape(t *testing.T) {
	for _, m := range []map[string]bool{finiteWords, headlineWords} {
		for w := range m {
			if !storyShapes.MayBytes([]byte(w)) {
				t.Errorf("storyShapes.MayBytes(%q) = false", w)
			}
			if len(w) > maxKeyLen {
				t.Errorf("%q is longer than maxKeyLen: asciiKey would never give it", w)
			}
		}
	}
	for _, w := range []string{"", "the", "Killed", "1st", "on"} {
		if storyShapes.MayBytes([]byte(w)) {
			t.Errorf("storyShapes.MayBytes(%q) = true", w)
		}
	}
	if len(storyWords) != len(finiteWords)+len(headlineWords) {
		t.Errorf("storyWords holds %d words, the maps %d", len(storyWords), len(finiteWords)+len(headlineWords))
	}
	for w, kind := range storyWords {
		if finiteWords[w] != (kind&finiteWord != 0) || headlineWords[w] != (kind&headlineWord != 0) {
			t.Errorf("storyWords[%q] = %b", w, kind)
		}
	}
}

// leadAfterHeadlineSpec is leadAfterHeadline written plainly: every
// word split first and lowered with strings.ToLower.
func leadAfterHeadlineSpec(s string) int {
	words := strings.Fields(s)
	if len(words) > 32 {
		words = words[:32]
	}
	if len(words) < 8 {
		return 0
	}
	told := false
	at := 0
	for i, w := range words {
		at = strings.Index(s[at:], w) + at
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if i >= 3 && told && leadOpeners[w] {
			if r, _ := utf8.DecodeLastRuneInString(words[i-1]); unicode.IsPunct(r) {
				return 0
			}
			if clauseFollows(words[i+1 : min(len(words), i+11)]) {
				return at
			}
		}
		if finiteWords[lw] || i >= 20 {
			return 0
		}
		if headlineWords[lw] {
			told = true
		}
		at += len(w)
	}
	return 0
}

func FuzzLeadAfterHeadlineSpec(f *testing.F) {
	f.Add("Three civilians injured in rocket attack on Mhardeh A woman and two children were injured on Monday.")
	f.Add("Two soldiers \u212aILLED in mortar attack in Deir ez-Zor The army said two soldiers were killed on Friday.")
	f.Add("One two three killed five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty The x was")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := leadAfterHeadline(s), leadAfterHeadlineSpec(s); got != want {
			t.Fatalf("leadAfterHeadline(%q) = %d, want %d", s, got, want)
		}
		want := slices.ContainsFunc(strings.Fields(s), func(w string) bool { return leadOpeners[w] })
		if got := holdsLeadOpener(s); got != want {
			t.Fatalf("holdsLeadOpener(%q) = %v, want %v", s, got, want)
		}
	})
}
