package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/cputime"
	"github.com/sitrep/sitrep/internal/load"
)

// realistic returns the corpus's articles made 3-8 KB long.
func realistic(b *testing.B) []string {
	b.Helper()
	texts, err := corpus.Lengthened()
	if err != nil {
		b.Fatal(err)
	}
	return texts
}

// warmUp is how many articles a benchmark reads before it times.
const warmUp = 320

func benchmark(b *testing.B, docs []string) {
	p := pipe(b)
	ctx := context.Background()
	var bytes int64
	// Converted once: a copy of each page on each round is the
	// benchmark's cost, not the pipeline's.
	data := make([][]byte, len(docs))
	for i, d := range docs {
		bytes += int64(len(d))
		data[i] = []byte(d)
	}
	b.SetBytes(bytes / int64(len(docs)))
	// A pattern works out its search tables only after its 64th text,
	// which for the rarer ones comes a few hundred articles into a
	// batch: read every article, and at least warmUp of them, untimed,
	// so that what is timed is the steady state of a long batch.
	for i := 0; i < max(len(docs), warmUp); i++ {
		if _, err := p.Process(ctx, data[i%len(data)], Options{Load: load.Options{Published: "2025-01-01"}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	m := cputime.Start()
	i := 0
	for b.Loop() {
		if _, err := p.Process(ctx, data[i%len(data)], Options{Load: load.Options{Published: "2025-01-01"}}); err != nil {
			b.Fatal(err)
		}
		i++
	}
	m.Report(b, b.N, "articles")
}

// BenchmarkExtractText runs plain-text articles of 3-8 KB through load and
// extraction.
func BenchmarkExtractText(b *testing.B) { benchmark(b, realistic(b)) }

// BenchmarkExtractUnlabelled runs the 2,476 real texts kept beside the
// repository (../shared/data/unlabelled: FA-KES reports on Syria and AG
// News world stories) through load and extraction.
func BenchmarkExtractUnlabelled(b *testing.B) {
	dir := sharedDir(b, "data", "unlabelled")
	var texts []string
	for _, name := range []string{"fakes.jsonl", "agnews-world.jsonl"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		for line := range bytes.Lines(data) {
			var item struct{ Text string }
			if err := json.Unmarshal(line, &item); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
			texts = append(texts, item.Text)
		}
	}
	benchmark(b, texts)
}

// BenchmarkExtractHTML runs the same articles as HTML pages with the usual
// navigation, sidebar and footer around them.
func BenchmarkExtractHTML(b *testing.B) {
	var pages []string
	for i, t := range realistic(b) {
		var body strings.Builder
		for _, para := range strings.Split(t, "\n") {
			if strings.TrimSpace(para) != "" {
				fmt.Fprintf(&body, "<p>%s</p>\n", html.EscapeString(para))
			}
		}
		pages = append(pages, fmt.Sprintf(`<!DOCTYPE html><html><head><title>Article %d</title><meta property="og:site_name" content="Wire"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article>%s</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Other story</a></li></ul></aside></main><footer>Copyright Wire</footer></body></html>`, i, body.String()))
	}
	benchmark(b, pages)
}

// BenchmarkExtractWebPages runs the 181 real web pages of the
// article-extraction benchmark beside the repository through load and
// extraction. One round reads every page: the pages differ a hundredfold
// in the time they take, and a round of some of them measured which.
func BenchmarkExtractWebPages(b *testing.B) {
	p := pipe(b)
	ctx := context.Background()
	var pages [][]byte
	var size int64
	for _, data := range webPages(b) {
		pages = append(pages, data)
		size += int64(len(data))
	}
	slices.SortFunc(pages, bytes.Compare)
	// A first round, untimed, does what is done once (the patterns'
	// prefilters are worked out on first use).
	for _, data := range pages {
		if _, err := p.Process(ctx, data, Options{Load: load.Options{Published: "2025-01-01"}}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(size)
	b.ResetTimer()
	m := cputime.Start()
	for b.Loop() {
		for _, data := range pages {
			if _, err := p.Process(ctx, data, Options{Load: load.Options{Published: "2025-01-01"}}); err != nil {
				b.Fatal(err)
			}
		}
	}
	m.Report(b, b.N*len(pages), "pages")
}
