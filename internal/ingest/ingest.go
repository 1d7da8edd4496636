// Package ingest reads articles from files and directories into a store:
// each through the pipeline, each in its own transaction, so that one bad
// document never stops a batch and the same article twice changes nothing.
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

	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
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
}

func (s Summary) String() string {
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
	// Progress, when set, is called after each document.
	Progress func(done int, path string)
}

// articleExt are the file endings ingest reads in a directory.
var articleExt = map[string]bool{".txt": true, ".html": true, ".htm": true, "": true}

// Paths ingests files and, recursively, directories.
func (in *Ingester) Paths(ctx context.Context, paths []string) (Summary, error) {
	sum := Summary{Skipped: map[string]int{}, Failed: map[string]int{}}
	var files []string
	for _, p := range paths {
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
			if strings.HasSuffix(name, ".gold.json") || !articleExt[strings.ToLower(filepath.Ext(name))] || strings.HasPrefix(name, ".") {
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
		in.file(ctx, f, &sum)
		if in.Progress != nil {
			in.Progress(i+1, f)
		}
	}
	return sum, nil
}

func (in *Ingester) file(ctx context.Context, path string, sum *Summary) {
	limit := in.MaxBytes
	if limit <= 0 {
		limit = load.DefaultMaxBytes
	}
	data, err := pipeline.ReadInput(path, nil, limit)
	if err != nil {
		sum.Failed[reason(err)]++
		in.Log.Warn("cannot read", "path", path, "err", err)
		return
	}
	res, err := in.Pipeline.Process(ctx, data, pipeline.Options{Load: load.Options{Source: path, MaxBytes: limit}})
	if err != nil {
		sum.Failed[reason(err)]++
		in.Log.Warn("cannot extract", "path", path, "err", err)
		return
	}
	out, err := in.Store.Ingest(ctx, res)
	if err != nil {
		sum.Failed["store error"]++
		in.Log.Error("cannot store", "path", path, "err", err)
		return
	}
	if out.Duplicate {
		sum.Duplicates++
		return
	}
	sum.Read++
	sum.New += out.New
	sum.Merged += out.Merged
}

// reason names an error for the summary.
func reason(err error) string {
	for _, e := range []error{load.ErrEmpty, load.ErrBinary, load.ErrTooLarge, load.ErrEncoding, load.ErrTruncated, load.ErrNoText, pipeline.ErrTooLarge, fs.ErrNotExist, fs.ErrPermission} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	return "other error"
}
