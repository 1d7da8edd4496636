// Command htmlbench measures how sitrep finds the article in a web page:
// it loads each page of the article-extraction benchmark kept beside the
// repository (../shared/data/article-extraction, not shipped) with every
// way of finding the article, scores the bodies with the benchmark's own
// evaluate.py, unchanged, and prints F1, precision, recall, the pages
// loaded a second, and how many pages gave a title, a date and an outlet.
//
//	go run ./scripts/htmlbench [-data dir] [-rounds 3] [-cpu 1] [-extract] [-only regexp]
//
// Speed is the best of the timed rounds after one to warm up, every option taking its turn in each
// round so that a busy machine slows them alike; it is a measure of one
// core when -cpu is 1.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
)

// option is one way of loading HTML pages.
type option struct {
	name string
	opts load.Options
}

// options are every extractor with every rule for the blocks that read
// as headings.
var options = func() []option {
	var out []option
	for _, x := range []load.HTMLExtractor{load.HTMLTrafilatura, load.HTMLTrafilaturaAlone, load.HTMLReadability,
		load.HTMLTrafilaturaThenReadability, load.HTMLReadabilityThenTrafilatura} {
		for _, r := range []struct {
			name string
			rule load.HTMLBlocks
		}{{"headings of the body", load.HTMLBlocksOfBody}, {"headings dropped", load.HTMLBlocksProse}, {"headings kept", load.HTMLBlocksAll}} {
			out = append(out, option{x.String() + ", " + r.name, load.Options{HTML: x, HTMLBlocks: r.rule}})
		}
	}
	return out
}()

// page is one page of the benchmark.
type page struct {
	id, url string
	data    []byte
}

// result is what one option gave.
type result struct {
	bodies               map[string]string
	meta                 map[string][3]string // title, date, outlet
	refused              int
	best                 time.Duration // the fastest round over all pages
	extractBest          time.Duration // the same through the whole pipeline
	title, date, outlet  int
	dateMeta, dateInText int
}

func main() {
	dir := flag.String("data", filepath.Join("..", "shared", "data", "article-extraction"), "the benchmark's folder")
	rounds := flag.Int("rounds", 3, "timed rounds; speed is the best")
	cpu := flag.Int("cpu", 1, "cores to use (GOMAXPROCS)")
	bootstrap := flag.Int("bootstrap", 200, "evaluate.py's --n-bootstrap")
	extract := flag.Bool("extract", false, "also time each option through the whole pipeline (loading and event extraction)")
	keep := flag.String("keep", "", "write the predictions and evaluate.py's results to this folder")
	only := flag.String("only", "", "measure only the options whose name matches this regular expression")
	flag.Parse()
	if *only != "" {
		re, err := regexp.Compile(*only)
		if err != nil {
			fmt.Fprintln(os.Stderr, "htmlbench: -only:", err)
			os.Exit(2)
		}
		options = slices.DeleteFunc(options, func(o option) bool { return !re.MatchString(o.name) })
	}
	if err := run(*dir, *rounds, *cpu, *bootstrap, *extract, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "htmlbench:", err)
		os.Exit(1)
	}
}

func run(dir string, rounds, cpu, bootstrap int, extract bool, keep string) error {
	evaluate := filepath.Join(dir, "evaluate.py")
	if _, err := os.Stat(evaluate); err != nil {
		return fmt.Errorf("the benchmark is not present (%w): it is only available beside the repository", err)
	}
	pages, err := readPages(dir)
	if err != nil {
		return err
	}
	runtime.GOMAXPROCS(cpu)
	var p *pipeline.Pipeline
	if extract {
		if p, err = pipeline.New(); err != nil {
			return err
		}
	}
	ctx := context.Background()
	results := make([]*result, len(options))
	for i := range results {
		results[i] = &result{bodies: map[string]string{}, meta: map[string][3]string{}}
	}
	// The first round keeps the bodies and warms up; the others are timed.
	for round := 0; round <= max(1, rounds); round++ {
		for i, o := range options {
			r := results[i]
			start := time.Now()
			for _, pg := range pages {
				opts := o.opts
				opts.Source = pg.url
				doc, err := load.Load(ctx, pg.data, opts)
				if round > 0 {
					continue
				}
				if err != nil {
					r.refused++
					r.bodies[pg.id] = ""
					fmt.Fprintf(os.Stderr, "htmlbench: %s: %s refused: %v\n", o.name, pg.id[:12], err)
					continue
				}
				r.bodies[pg.id] = doc.Text
				r.meta[pg.id] = [3]string{doc.Title, string(doc.Published) + " " + doc.PublishedFrom, doc.Outlet}
				r.count(doc)
			}
			if d := time.Since(start); round > 0 && (r.best == 0 || d < r.best) {
				r.best = d
			}
			if p == nil {
				continue
			}
			start = time.Now()
			for _, pg := range pages {
				opts := o.opts
				opts.Source = pg.url
				// A refused page is part of the work, as in a batch.
				_, _ = p.Process(ctx, pg.data, pipeline.Options{Load: opts})
			}
			if d := time.Since(start); round > 0 && (r.extractBest == 0 || d < r.extractBest) {
				r.extractBest = d
			}
		}
	}
	scores, err := score(evaluate, dir, results, bootstrap, keep)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "option\tF1\tprecision\trecall\trefused\tpages/s\t"
	if p != nil {
		head += "extract pages/s\t"
	}
	fmt.Fprintln(tw, head+"title\tdate (meta+text)\toutlet\t")
	n := len(pages)
	for i, o := range options {
		r, s := results[i], scores[o.name]
		line := fmt.Sprintf("%s\t%.3f ± %.3f\t%.3f\t%.3f\t%d\t%.0f\t", o.name, s.F1, s.F1Std, s.Precision, s.Recall,
			r.refused, float64(n)/r.best.Seconds())
		if p != nil {
			line += fmt.Sprintf("%.0f\t", float64(n)/r.extractBest.Seconds())
		}
		fmt.Fprintf(tw, "%s%d\t%d (%d+%d)\t%d\t\n", line, r.title, r.date, r.dateMeta, r.dateInText, r.outlet)
	}
	tw.Flush()
	fmt.Printf("%d pages, %d round(s), GOMAXPROCS %d; F1 ± its bootstrap deviation\n", n, rounds, cpu)
	return nil
}

// count notes what the page said of itself.
func (r *result) count(doc *event.Document) {
	if strings.TrimSpace(doc.Title) != "" {
		r.title++
	}
	if strings.TrimSpace(doc.Outlet) != "" {
		r.outlet++
	}
	switch doc.PublishedFrom {
	case "html-meta":
		r.date++
		r.dateMeta++
	case "html-text":
		r.date++
		r.dateInText++
	}
}

// readPages reads the benchmark's pages in the order of its ground truth.
func readPages(dir string) ([]page, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("ground-truth.json: %w", err)
	}
	var pages []page
	for id, t := range truth {
		data, err := gunzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		pages = append(pages, page{id: id, url: t.URL, data: data})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	if len(pages) == 0 {
		return nil, errors.New("ground-truth.json lists no page")
	}
	return pages, nil
}

func gunzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// scores are evaluate.py's figures for one option.
type scores struct {
	F1        float64 `json:"f1"`
	F1Std     float64 `json:"f1_std"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// score runs evaluate.py as the benchmark means it to be run: from a
// folder holding ground-truth.json and output/<name>.json, each a JSON
// object of {"articleBody": ...} keyed by page id.
func score(evaluate, dir string, results []*result, bootstrap int, keep string) (map[string]scores, error) {
	work := keep
	if work == "" {
		tmp, err := os.MkdirTemp("", "htmlbench")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		work = tmp
	}
	if err := os.MkdirAll(filepath.Join(work, "output"), 0o755); err != nil {
		return nil, err
	}
	truth, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(work, "ground-truth.json"), truth, 0o644); err != nil {
		return nil, err
	}
	for i, o := range options {
		out := map[string]map[string]string{}
		for id, body := range results[i].bodies {
			out[id] = map[string]string{"articleBody": body}
		}
		data, err := json.Marshal(out)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(work, "output", o.name+".json"), data, 0o644); err != nil {
			return nil, err
		}
		if keep == "" {
			continue
		}
		// What each page said of itself, to check by hand.
		var tsv strings.Builder
		for id, m := range results[i].meta {
			fmt.Fprintf(&tsv, "%s\t%s\t%s\t%s\n", id, m[0], m[1], m[2])
		}
		if err := os.WriteFile(filepath.Join(work, o.name+".meta.tsv"), []byte(tsv.String()), 0o644); err != nil {
			return nil, err
		}
	}
	abs, err := filepath.Abs(evaluate)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("python3", abs, "--n-bootstrap", fmt.Sprint(bootstrap), "--output", "results.json")
	cmd.Dir = work
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("evaluate.py: %w: %s", err, stderr.String())
	}
	raw, err := os.ReadFile(filepath.Join(work, "results.json"))
	if err != nil {
		return nil, err
	}
	var s map[string]scores
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("evaluate.py's results: %w", err)
	}
	return s, nil
}
