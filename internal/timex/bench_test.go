package timex

import (
	"testing"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/cputime"
)

// BenchmarkFind finds the time expressions of 3-8 KB articles.
func BenchmarkFind(b *testing.B) {
	texts, err := corpus.Lengthened()
	if err != nil {
		b.Fatal(err)
	}
	f := NewFinder()
	cputime.Texts(b, texts, func(t string) { f.Find(t) })
}
