package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

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

// TestFirstFields holds firstFields to strings.Fields, cut to the
// buffer's length.
func TestFirstFields(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " one  two\tthree\n", "a\u00a0b\u0085c\u2003d", "caf\u00e9 na\u00efve \xff bad",
		"\vx\fy\rz", strings.Repeat("w ", 40)} {
		var buf [32]string
		got := firstFields(buf[:0], s)
		want := strings.Fields(s)
		if len(want) > len(buf) {
			want = want[:len(buf)]
		}
		if !slices.Equal(got, want) {
			t.Errorf("firstFields(%q) = %q, want %q", s, got, want)
		}
	}
}
