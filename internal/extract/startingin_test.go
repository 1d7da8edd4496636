package extract

import (
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

func TestStartingIn(t *testing.T) {
	xs := []event.Span{{Start: 0, End: 4}, {Start: 5, End: 9}, {Start: 10, End: 20}, {Start: 21, End: 25}}
	start := func(s *event.Span) int { return s.Start }
	tests := []struct {
		s      event.Span
		lo, hi int
	}{
		{event.Span{Start: 0, End: 30}, 0, 4},
		{event.Span{Start: 5, End: 10}, 1, 2},
		{event.Span{Start: 5, End: 11}, 1, 3}, // begins in s, ends past it: the caller checks
		{event.Span{Start: 6, End: 10}, 2, 2},
		{event.Span{Start: 26, End: 30}, 4, 4},
		{event.Span{Start: 0, End: 0}, 0, 0},
	}
	for _, tt := range tests {
		if lo, hi := startingIn(xs, start, tt.s); lo != tt.lo || hi != tt.hi {
			t.Errorf("startingIn(%v) = %d, %d, want %d, %d", tt.s, lo, hi, tt.lo, tt.hi)
		}
	}
}
