package ingest

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/queue"
)

// A run takes one call's documents through the pipeline: workers extract
// them side by side, and one storer stores the results in the order the
// documents were submitted. The submitting side counts into Summary; the
// storer into stored, added to it when the run finishes.
type run struct {
	*Summary
	in     *Ingester
	ctx    context.Context
	limit  int       // bytes a document may have
	jobs   chan *job // to the workers
	order  chan *job // to the storer, in submission order
	stored Summary
	wg     sync.WaitGroup
	done   chan struct{}
}

// A job is one document and, once ready is closed, its extraction.
type job struct {
	d     doc
	res   []*event.Result // one for each story the document holds
	err   error
	ready chan struct{}
}

// start begins a run counting into sum.
func (in *Ingester) start(ctx context.Context, sum *Summary) *run {
	n := in.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	// Twice the workers in flight keeps them busy while the storer
	// writes, and bounds the documents held in memory.
	limit := in.MaxBytes
	if limit <= 0 {
		limit = load.DefaultMaxBytes
	}
	r := &run{Summary: sum, in: in, ctx: ctx, limit: limit, jobs: make(chan *job, 2*n), order: make(chan *job, 2*n),
		stored: Summary{Skipped: map[string]int{}, Failed: map[string]int{}}, done: make(chan struct{})}
	if in.Queue != nil {
		// Workers elsewhere extract and store: submit queues.
		close(r.done)
		return r
	}
	r.wg.Add(n)
	for range n {
		go r.extract()
	}
	go r.store()
	return r
}

// submit queues a document; it blocks while the queue is full.
func (r *run) submit(d doc) {
	if q := r.in.Queue; q != nil {
		dup, err := q.Put(r.ctx, queue.Doc{Data: d.data, Source: d.source, Published: r.in.Published, Dates: d.dates})
		switch {
		case err != nil:
			r.Failed["queue error"]++
			r.in.Log.Error("cannot queue", "source", d.source, "err", err)
		case dup:
			r.Requeued++
		default:
			r.Queued++
		}
		return
	}
	j := &job{d: d, ready: make(chan struct{})}
	r.order <- j
	r.jobs <- j
}

// finish waits for every submitted document to be stored and adds up
// the counts.
func (r *run) finish() {
	close(r.jobs)
	close(r.order)
	r.wg.Wait()
	<-r.done
	r.Read += r.stored.Read
	r.Duplicates += r.stored.Duplicates
	r.New += r.stored.New
	r.Merged += r.stored.Merged
	for k, v := range r.stored.Failed {
		r.Failed[k] += v
	}
	for k, v := range r.stored.Skipped {
		r.Skipped[k] += v
	}
}

func (r *run) extract() {
	defer r.wg.Done()
	for j := range r.jobs {
		opts := pipeline.Options{Load: load.Options{Source: j.d.source, MaxBytes: r.limit, Published: r.in.Published, Dates: j.d.dates}}
		j.res, j.err = r.in.Pipeline.ProcessAll(r.ctx, j.d.data, opts)
		close(j.ready)
	}
}

func (r *run) store() {
	defer close(r.done)
	in, sum := r.in, &r.stored
	for j := range r.order {
		<-j.ready
		if errors.Is(j.err, load.ErrListing) {
			// A listing of headlines tells no story of its own: nothing
			// is wrong with it, and nothing is to be read.
			sum.Skipped[load.ErrListing.Error()]++
			in.Log.Info("skipped a listing page", "source", j.d.source, "err", j.err)
			continue
		}
		if j.err != nil {
			sum.Failed[reason(j.err)]++
			in.Log.Warn("cannot extract", "source", j.d.source, "err", j.err)
			continue
		}
		for _, res := range j.res {
			if err := in.keep(r.ctx, res, j.d.source, sum); err != nil {
				sum.Failed["store error"]++
				in.Log.Error("cannot store", "source", j.d.source, "err", err)
			}
		}
	}
}

// keep stores an extracted document, counting into sum what it did.
func (in *Ingester) keep(ctx context.Context, res *event.Result, source string, sum *Summary) error {
	if res.Document.Published == "" {
		in.Log.Warn("no publication date found; relative dates are left unknown (--published sets one)", "source", source)
	}
	if strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://") {
		res.Document.URL = firstNonEmpty(res.Document.URL, source)
	}
	out, err := in.Store.Ingest(ctx, res)
	if err != nil {
		return err
	}
	if out.Duplicate {
		sum.Duplicates++
		return nil
	}
	sum.Read++
	sum.New += out.New
	sum.Merged += out.Merged
	return nil
}
