package text

import (
	"slices"
	"testing"
)

func TestParagraphs(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want [][2]int
	}{
		{"", nil},
		{"one", [][2]int{{0, 3}}},
		{"one\n\ntwo", [][2]int{{0, 3}, {5, 8}}},
		{"one\ntwo\n\n", [][2]int{{0, 7}}},
		{"a\n\n\n\nb", [][2]int{{0, 1}, {3, 3}, {5, 6}}},
		{"\n\na", [][2]int{{0, 0}, {2, 3}}},
	} {
		var got [][2]int
		for start, end := range Paragraphs(tt.s) {
			got = append(got, [2]int{start, end})
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Paragraphs(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
