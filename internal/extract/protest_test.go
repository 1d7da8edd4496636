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
