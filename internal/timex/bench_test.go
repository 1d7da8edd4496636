package timex

import (
	"testing"

	"github.com/sitrep/sitrep/corpus"
)

// BenchmarkFind finds the time expressions of 3-8 KB articles.
func BenchmarkFind(b *testing.B) {
	texts, err := corpus.Lengthened()
	if err != nil {
		b.Fatal(err)
	}
	f := NewFinder()
	i := 0
	for b.Loop() {
		f.Find(texts[i%len(texts)])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
