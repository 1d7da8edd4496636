package quantity

import (
	"testing"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/cputime"
)

// BenchmarkFind finds the counts of 3-8 KB articles.
func BenchmarkFind(b *testing.B) {
	texts, err := corpus.Lengthened()
	if err != nil {
		b.Fatal(err)
	}
	f := NewFinder()
	// A pattern works out how to search fast only after some dozens of
	// texts: read every article twice first, so that what is timed is
	// the steady state, not a share of start-up that varies with b.N.
	for range 2 {
		for _, t := range texts {
			f.Find(t)
		}
	}
	m := cputime.Start()
	i := 0
	for b.Loop() {
		f.Find(texts[i%len(texts)])
		i++
	}
	m.Report(b, b.N, "articles")
}
