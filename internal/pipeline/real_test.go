package pipeline

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/gold"
	"github.com/sitrep/sitrep/internal/load"
)

// sharedDir returns a folder of the real texts kept beside the repository,
// or skips: they are for measuring and are not shipped.
func sharedDir(t testing.TB, parts ...string) string {
	t.Helper()
	dir := filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not present (%v): the real articles are only available beside the repository", dir, err)
	}
	return dir
}

// TestRealCorpus holds the figures on real articles nobody here wrote
// (../shared/corpus/real) at floors a little under what they reach.
func TestRealCorpus(t *testing.T) {
	dir := sharedDir(t, "corpus", "real")
	r := score(t, dir, false)
	t.Logf("real: P %.3f R %.3f F1 %.3f", r.All.Precision, r.All.Recall, r.All.F1)
	if r.All.F1 < 0.70 {
		t.Errorf("real-article event F1 %.3f, below the floor 0.70", r.All.F1)
	}
	for name, d := range r.Sources {
		t.Logf("%s: F1 %.3f", name, d.F1)
		if d.F1 < 0.68 {
			t.Errorf("%s articles: event F1 %.3f, below the floor 0.68", name, d.F1)
		}
	}
	floors := map[string]float64{
		"sub_event_type": 0.92, "actor1": 0.74, "actor2": 0.68, "date": 0.92, "fatalities": 0.73, "claims": 0.64,
	}
	for field, floor := range floors {
		f := r.Fields[field]
		t.Logf("%s: %.3f", field, f.Accuracy)
		if f.Accuracy < floor {
			t.Errorf("%s accuracy on matched real events %.3f, below the floor %.2f", field, f.Accuracy, floor)
		}
	}
}

// TestRealDates checks that every FA-KES article's publication date is
// read from its own date line, in whatever form it comes.
func TestRealDates(t *testing.T) {
	dir := sharedDir(t, "corpus", "real")
	files, _ := filepath.Glob(filepath.Join(dir, "fakesdev-*.txt"))
	if len(files) == 0 {
		t.Fatal("no fakesdev articles")
	}
	for _, f := range files {
		g, err := gold.ReadFile(strings.TrimSuffix(f, ".txt") + ".gold.json")
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := load.Load(context.Background(), data, load.Options{})
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if string(doc.Published) != g.Published {
			t.Errorf("%s: published %q, gold %q", filepath.Base(f), doc.Published, g.Published)
		}
	}
}

// TestRealTextsRead loads every unlabelled real text: none may be refused.
func TestRealTextsRead(t *testing.T) {
	dir := sharedDir(t, "data", "unlabelled")
	for _, name := range []string{"fakes.jsonl", "agnews-world.jsonl"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		n := 0
		for sc.Scan() {
			var item struct{ ID, Text string }
			if err := json.Unmarshal(sc.Bytes(), &item); err != nil {
				t.Fatal(err)
			}
			n++
			if _, err := load.Load(context.Background(), []byte(item.Text), load.Options{}); err != nil {
				t.Errorf("%s: %v", item.ID, err)
			}
		}
		f.Close()
		if n == 0 {
			t.Errorf("%s: no texts", name)
		}
	}
}

// webPages returns the pages of the article-extraction benchmark beside
// the repository, decompressed, in a fixed order.
func webPages(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(t, "data", "article-extraction", "html"), "*.html.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages (%v)", err)
	}
	pages := map[string][]byte{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		z, err := gzip.NewReader(fh)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		data, err := io.ReadAll(z)
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		pages[strings.TrimSuffix(filepath.Base(f), ".html.gz")] = data
	}
	return pages
}

// TestWebPagesRead loads the article-extraction benchmark's 181 real web
// pages: none may be refused, and each names its title and nearly each
// its publication date and outlet (scripts/htmlbench.sh scores the text).
func TestWebPagesRead(t *testing.T) {
	pages := webPages(t)
	var titled, dated, named int
	for name, data := range pages {
		doc, err := load.Load(context.Background(), data, load.Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if doc.Title != "" {
			titled++
		}
		if doc.Published != "" {
			dated++
		}
		if doc.Outlet != "" {
			named++
		}
	}
	n := len(pages)
	// Floors a little under what the pages give: 181, 176 and 160 of 181.
	if titled < n || dated*100 < n*95 || named*100 < n*85 {
		t.Errorf("of %d pages, %d have a title, %d a date, %d an outlet", n, titled, dated, named)
	}
}
