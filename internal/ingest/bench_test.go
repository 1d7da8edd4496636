package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// shift moves a YYYY-MM-DD date by days; "" stays "".
func shift(date string, days int) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, days).Format(time.DateOnly)
}

// BenchmarkStore measures storing extracted articles in SQLite: the
// corpus's articles, made 3-8 KB long and extracted once, are stored
// again and again as new documents, each round of them three days after
// the one before, so that every story is reported on many days and the
// store blocks, matches and merges as it does on a real stream.
func BenchmarkStore(b *testing.B) {
	once.Do(func() { pipe, perr = pipeline.New() })
	if perr != nil {
		b.Fatal(perr)
	}
	texts, err := corpus.Lengthened()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var results []*event.Result
	for _, t := range texts {
		res, err := pipe.Process(ctx, []byte(t), pipeline.Options{})
		if err != nil {
			b.Fatal(err)
		}
		results = append(results, res)
	}
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	events := 0
	for i := 0; b.Loop(); i++ {
		src := results[i%len(results)]
		days := 3 * (i / len(results))
		res := &event.Result{Document: src.Document, Events: make([]event.Event, len(src.Events))}
		res.Document.ID = fmt.Sprintf("%s-%d", src.Document.ID, i)
		for j, e := range src.Events {
			e.DateStart, e.DateEnd, e.EventDate = event.Date(shift(string(e.DateStart), days)), event.Date(shift(string(e.DateEnd), days)), event.Date(shift(string(e.EventDate), days))
			res.Events[j] = e
		}
		out, err := db.Ingest(ctx, res)
		if err != nil {
			b.Fatal(err)
		}
		events += out.New
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(events)/float64(b.N), "new-events/article")
}
