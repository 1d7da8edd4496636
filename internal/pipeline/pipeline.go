// Package pipeline runs sitrep's stages on one article: load the raw bytes
// into a clean document, then extract its events.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/extract"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/load"
)

// Pipeline holds the loaded knowledge base. It is safe for concurrent use.
type Pipeline struct {
	ex *extract.Extractor
}

// New loads the embedded gazetteer and actor dictionary, side by side:
// a command that codes one article waits for them.
func New() (*Pipeline, error) {
	var (
		g    *gazetteer.Gazetteer
		gErr error
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		g, gErr = gazetteer.Load()
	}()
	d, err := actor.Load()
	<-done
	if gErr != nil {
		return nil, fmt.Errorf("load gazetteer: %w", gErr)
	}
	if err != nil {
		return nil, fmt.Errorf("load actor dictionary: %w", err)
	}
	return &Pipeline{ex: extract.New(g, d)}, nil
}

// Options tune one run.
type Options struct {
	Load load.Options
	// Now anchors relative dates when an article has no date.
	Now time.Time
	// Explain records the rule behind each field of each event.
	Explain bool
}

// Process loads one article and extracts its events.
func (p *Pipeline) Process(ctx context.Context, data []byte, opts Options) (*event.Result, error) {
	doc, err := load.Load(ctx, data, opts.Load)
	if err != nil {
		return nil, err
	}
	return p.Extract(ctx, doc, opts)
}

// ProcessAll loads an input that may hold several stories (a listing page
// gives each of its stories) and extracts the events of each.
func (p *Pipeline) ProcessAll(ctx context.Context, data []byte, opts Options) ([]*event.Result, error) {
	docs, err := load.LoadAll(ctx, data, opts.Load)
	if err != nil {
		return nil, err
	}
	out := make([]*event.Result, 0, len(docs))
	for _, doc := range docs {
		res, err := p.Extract(ctx, doc, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

// Extract codes the events of an already loaded document.
func (p *Pipeline) Extract(ctx context.Context, doc *event.Document, opts Options) (*event.Result, error) {
	evs, err := p.ex.Extract(ctx, doc, extract.Options{Now: opts.Now, Explain: opts.Explain})
	if err != nil {
		return nil, err
	}
	if evs == nil {
		evs = []event.Event{}
	}
	return &event.Result{Document: *doc, Events: evs}, nil
}

// ErrTooLarge is returned by ReadInput for input over the limit.
var ErrTooLarge = errors.New("input too large")

// ReadInput reads at most limit bytes from path, or from standard input
// when path is "-"; larger input is an error rather than a truncation.
func ReadInput(path string, stdin io.Reader, limit int) ([]byte, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("%s is a directory", path)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > limit {
		return nil, fmt.Errorf("read %s: %w: more than %d bytes", path, ErrTooLarge, limit)
	}
	return data, nil
}
