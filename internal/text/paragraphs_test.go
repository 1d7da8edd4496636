package text

import (
	"slices"
	"strings"
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

func FuzzParagraphs(f *testing.F) {
	f.Add("one\n\ntwo\n\n\n\nthree\n")
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		prev := -2
		for start, end := range Paragraphs(s) {
			if start != prev+2 || end < start || end > len(s) || strings.Contains(s[start:end], "\n\n") {
				t.Fatalf("Paragraphs(%q): %d..%d after one ending at %d", s, start, end, prev)
			}
			if end < len(s) && !strings.HasPrefix(s[end:], "\n\n") {
				t.Fatalf("Paragraphs(%q): %d..%d ends before no blank line", s, start, end)
			}
			prev = end
		}
		if len(s) > 0 && prev != len(s) && s[prev:] != "\n\n" {
			t.Fatalf("Paragraphs(%q): the last ends at %d", s, prev)
		}
	})
}
