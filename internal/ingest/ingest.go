// Package ingest reads articles from files and directories into a store:
// each through the pipeline, each in its own transaction, so that one bad
// document never stops a batch and the same article twice changes nothing.
// Documents are extracted on several workers and stored one at a time in
// the order they came, so that the record is the one a single worker
// would make.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/sitrep/sitrep/internal/store"
)

// Summary counts what an ingest did.
type Summary struct {
	Read       int            // documents read and stored
	Duplicates int            // documents already in the store
	Skipped    map[string]int // files passed over, by reason
	Failed     map[string]int // documents that could not be read, by reason
	New        int            // events created
	Merged     int            // mentions merged into existing events
	Queued     int            // documents queued for workers
	Requeued   int            // documents the queue had already
}

func (s Summary) String() string {
	if s.Queued > 0 || s.Requeued > 0 {
		return fmt.Sprintf("%d documents queued, %d queued before, %d skipped%s, %d failed%s",
			s.Queued, s.Requeued, total(s.Skipped), reasons(s.Skipped), total(s.Failed), reasons(s.Failed))
	}
	return fmt.Sprintf("%d documents read, %d already stored, %d skipped%s, %d failed%s; events: %d new, %d merged",
		s.Read, s.Duplicates, total(s.Skipped), reasons(s.Skipped), total(s.Failed), reasons(s.Failed), s.New, s.Merged)
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func reasons(m map[string]int) string {
	if len(m) == 0 {
		return ""
	}
	var parts []string
	for k, v := range m {
		parts = append(parts, fmt.Sprintf("%s: %d", k, v))
	}
	sort.Strings(parts)
	return " (" + strings.Join(parts, ", ") + ")"
}

// Ingester runs articles through the pipeline into a store.
type Ingester struct {
	Pipeline *pipeline.Pipeline
	Store    store.Store
	Log      *slog.Logger
	// MaxBytes bounds one document; 0 means load.DefaultMaxBytes.
	MaxBytes int
	// Progress, when set, is called after each file of a walk is read
	// (a WARC file or a feed counts as one), with the number of files
	// the walk found.
	Progress func(done, total int, path string)
	// Fetcher downloads URLs given as paths and feed items' links; nil
	// means no network.
	Fetcher *Fetcher
	// Workers is how many documents are extracted at once; 0 means one
	// per CPU.
	Workers int
	// Queue, when set, takes the documents in place of the pipeline and
	// the store: workers elsewhere extract and store them.
	Queue Enqueuer

	// read holds the feed items' links fetched so far, so that watch
	// does not download a stored page again on every poll.
	readMu sync.Mutex
	read   map[string]bool
	// Published (YYYY-MM-DD), when set, is the publication date of every
	// document, above what sources and pages say.
	Published string
}

// Enqueuer takes documents for workers to extract and store.
type Enqueuer interface {
	Put(ctx context.Context, d queue.Doc) (duplicate bool, err error)
}

// readBefore reports whether a feed item's link was fetched before.
func (in *Ingester) readBefore(link string) bool {
	in.readMu.Lock()
	defer in.readMu.Unlock()
	return in.read[link]
}

// markRead remembers a fetched link.
func (in *Ingester) markRead(link string) {
	in.readMu.Lock()
	defer in.readMu.Unlock()
	if in.read == nil {
		in.read = map[string]bool{}
	}
	in.read[link] = true
}

// articleExt are the file endings ingest reads in a directory.
var articleExt = map[string]bool{".txt": true, ".html": true, ".htm": true, "": true, ".warc": true, ".xml": true, ".rss": true, ".atom": true}

// Paths ingests files and, recursively, directories.
func (in *Ingester) Paths(ctx context.Context, paths []string) (sum Summary, err error) {
	sum = Summary{Skipped: map[string]int{}, Failed: map[string]int{}}
	r := in.start(ctx, &sum)
	defer r.finish()
	var files []string
	for _, p := range paths {
		if strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
			in.url(ctx, p, r)
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			sum.Failed[reason(err)]++
			in.Log.Warn("cannot read", "path", p, "err", err)
			continue
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				sum.Failed[reason(err)]++
				return nil
			}
			if d.IsDir() {
				return nil
			}
			name := d.Name()
			if strings.HasSuffix(name, ".gold.json") || !articleExt[strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))] || strings.HasPrefix(name, ".") {
				sum.Skipped["not an article file"]++
				return nil
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			return sum, err
		}
	}
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		in.file(ctx, f, r)
		if in.Progress != nil {
			in.Progress(i+1, len(files), f)
		}
	}
	return sum, nil
}

func (in *Ingester) file(ctx context.Context, path string, r *run) {
	sum, limit := r.Summary, r.limit
	head, err := readHead(path, 4096)
	if err != nil {
		sum.Failed[reason(err)]++
		in.Log.Warn("cannot read", "path", path, "err", err)
		return
	}
	switch sniff(head) {
	case kindWARC:
		if err := in.warcDocs(ctx, path, limit, sum, r.submit); err != nil {
			why := "bad WARC file"
			if errors.Is(err, ErrRecordTooLarge) {
				why = ErrRecordTooLarge.Error()
			}
			sum.Failed[why]++
			in.Log.Warn("stopped reading WARC", "path", path, "err", err)
		}
		return
	case kindFeed:
		data, err := pipeline.ReadInput(path, nil, maxFeedBytes)
		if err == nil {
			err = in.feedDocs(ctx, data, path, sum, r.submit)
		}
		if err != nil {
			sum.Failed["bad feed"]++
			in.Log.Warn("cannot read feed", "path", path, "err", err)
		}
		return
	}
	data, err := pipeline.ReadInput(path, nil, limit)
	if err != nil {
		sum.Failed[reason(err)]++
		in.Log.Warn("cannot read", "path", path, "err", err)
		return
	}
	r.submit(doc{data: data, source: path})
}

// url ingests a page or a feed at an http(s) URL.
func (in *Ingester) url(ctx context.Context, raw string, r *run) {
	sum := r.Summary
	if in.Fetcher == nil {
		sum.Skipped["URL given without network access"]++
		return
	}
	data, dates, err := in.Fetcher.GetDated(ctx, raw)
	if err != nil {
		sum.Failed[fetchReason(err)]++
		in.Log.Warn("cannot fetch", "url", raw, "err", err)
		return
	}
	if sniff(data) == kindFeed {
		if err := in.feedDocs(ctx, data, raw, sum, r.submit); err != nil {
			sum.Failed["bad feed"]++
			in.Log.Warn("cannot read feed", "url", raw, "err", err)
		}
		return
	}
	r.submit(doc{data: data, source: raw, dates: dates})
}

// reason names an error for the summary.
func reason(err error) string {
	for _, e := range []error{load.ErrEmpty, load.ErrBinary, load.ErrTooLarge, load.ErrEncoding, load.ErrTruncated, load.ErrNoText, load.ErrListing, pipeline.ErrTooLarge, fs.ErrNotExist, fs.ErrPermission} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	return "other error"
}

// Watch polls the feeds every interval, ingesting what is new, until ctx
// ends; each round's summary goes to round. Ingest is idempotent, so
// items seen before change nothing.
func (in *Ingester) Watch(ctx context.Context, feeds []string, every time.Duration, round func(Summary)) error {
	for {
		sum, err := in.Paths(ctx, feeds)
		if err != nil && ctx.Err() == nil {
			return err
		}
		if round != nil && ctx.Err() == nil {
			round(sum)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(every):
		}
	}
}

// FS ingests every article file of fsys: the embedded demo corpus.
func (in *Ingester) FS(ctx context.Context, fsys fs.FS) (sum Summary, err error) {
	sum = Summary{Skipped: map[string]int{}, Failed: map[string]int{}}
	r := in.start(ctx, &sum)
	defer r.finish()
	// The walk comes first, so that progress knows the total.
	var paths []string
	err = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && articleExt[strings.ToLower(filepath.Ext(path))] {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	for i, path := range paths {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			sum.Failed[reason(err)]++
		} else {
			r.submit(doc{data: data, source: path})
		}
		if in.Progress != nil {
			in.Progress(i+1, len(paths), path)
		}
	}
	return sum, err
}
