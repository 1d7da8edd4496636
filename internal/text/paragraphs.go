package text

import (
	"iter"
	"strings"
)

// Paragraphs yields the start and end in s of each of its paragraphs, the
// runs of text between blank lines ("\n\n"); a run of several newlines
// yields the empty paragraphs between them, for readers that count on
// offsets alone.
func Paragraphs(s string) iter.Seq2[int, int] {
	return func(yield func(start, end int) bool) {
		for start := 0; start < len(s); {
			end := strings.Index(s[start:], "\n\n")
			if end < 0 {
				end = len(s)
			} else {
				end += start
			}
			if !yield(start, end) {
				return
			}
			start = end + 2
		}
	}
}
