package extract

import (
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/sentence"
)

// TestProtestOf checks what a sentence tells of a protest, and that the
// kind protestOf keeps for a sentence is the one it reads.
func TestProtestOf(t *testing.T) {
	for _, tt := range []struct {
		sent string
		want protestKind
	}{
		{"Hundreds of students marched through the capital on Monday.", protestPeaceful},
		{"Protesters torched tyres and threw stones at the police.", protestRiot},
		{"Police opened fire on the protesters, killing three.", protestExcessiveForce},
		{"Protesters said three of them were killed.", protestPeaceful}, // no security force in the paragraph
		{"Police fired tear gas to disperse the crowd.", protestIntervention},
	} {
		a := &analysis{text: tt.sent, sents: []sentence.Sentence{{Span: event.Span{Start: 0, End: len(tt.sent)}}}}
		for range 2 { // read, then kept
			if got := a.protestOf(a.sents[0].Span, tt.sent); got != tt.want {
				t.Errorf("protestOf(%q) = %d, want %d", tt.sent, got, tt.want)
			}
		}
	}
}

// TestLastText checks that lastText reads a text once while it is asked
// of it again, and reads anew for another.
func TestLastText(t *testing.T) {
	var m lastText[int]
	reads := 0
	read := func(s string) int { reads++; return len(s) }
	for _, tt := range []struct {
		text        string
		want, reads int
	}{{"abc", 3, 1}, {"abc", 3, 1}, {"", 0, 2}, {"", 0, 2}, {"abc", 3, 3}} {
		if got := m.of(tt.text, read); got != tt.want || reads != tt.reads {
			t.Errorf("of(%q) = %d after %d reads, want %d after %d", tt.text, got, reads, tt.want, tt.reads)
		}
	}
}
