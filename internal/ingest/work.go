package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/queue"
)

// Tally adds up what a worker's documents did, from many goroutines.
type Tally struct {
	mu  sync.Mutex
	sum Summary
}

// Summary is what the tally holds at the moment.
func (t *Tally) Summary() Summary {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.sum
	s.Skipped, s.Failed = map[string]int{}, map[string]int{}
	for k, v := range t.sum.Failed {
		s.Failed[k] = v
	}
	return s
}

// Handler is a worker's queue.Handler: it extracts a queued document and
// stores it, counting into t. A document that cannot be read is counted
// and logged, and done with; one that cannot be stored is tried again.
func (in *Ingester) Handler(t *Tally) queue.Handler {
	return func(ctx context.Context, d queue.Doc) error {
		limit := in.MaxBytes
		if limit <= 0 {
			limit = load.DefaultMaxBytes
		}
		opts := pipeline.Options{Load: load.Options{Source: d.Source, MaxBytes: limit, Published: d.Published, Dates: d.Dates}}
		results, err := in.Pipeline.ProcessAll(ctx, d.Data, opts)
		if errors.Is(err, load.ErrListing) {
			// A listing of headlines tells no story of its own.
			in.Log.Info("skipped a listing page", "source", d.Source, "err", err)
			t.mu.Lock()
			if t.sum.Skipped == nil {
				t.sum.Skipped = map[string]int{}
			}
			t.sum.Skipped[load.ErrListing.Error()]++
			t.mu.Unlock()
			return nil
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			in.Log.Warn("cannot extract", "source", d.Source, "err", err)
			t.mu.Lock()
			if t.sum.Failed == nil {
				t.sum.Failed = map[string]int{}
			}
			t.sum.Failed[reason(err)]++
			t.mu.Unlock()
			return nil
		}
		var sum Summary
		for _, res := range results {
			// The store takes a story it holds already as a no-op, so a
			// page delivered again after a partial store completes.
			if err := in.keep(ctx, res, d.Source, &sum); err != nil {
				return fmt.Errorf("store %s: %w", d.Source, err)
			}
		}
		t.mu.Lock()
		t.sum.Read += sum.Read
		t.sum.Duplicates += sum.Duplicates
		t.sum.New += sum.New
		t.sum.Merged += sum.Merged
		t.mu.Unlock()
		return nil
	}
}
