package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/load"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden holds the whole result of every development article, and of
// the lengthened articles the benchmarks read, against golden files: work
// on speed must not change a byte of what sitrep writes. Run with -update
// after a deliberate change to extraction, and read the diff.
func TestGolden(t *testing.T) {
	inputs := map[string][]byte{}
	published := map[string]string{} // as the benchmarks give it
	err := fs.WalkDir(corpus.Articles(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".gold.json") || path.Ext(p) == ".go" {
			return err
		}
		data, err := fs.ReadFile(corpus.Articles(), p)
		inputs[strings.ReplaceAll(p, "/", "_")] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	long, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range long {
		name := fmt.Sprintf("lengthened-%02d.txt", i)
		inputs[name], published[name] = []byte(text), "2025-01-01"
	}
	if len(inputs) < 50 {
		t.Fatalf("only %d inputs: the corpus is missing", len(inputs))
	}
	for name, data := range inputs {
		res, err := pipe(t).Process(context.Background(), data, Options{Load: load.Options{Source: name, Published: published[name]}})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		got, err := json.MarshalIndent(res, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		file := filepath.Join("testdata", "golden", name+".json")
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: %v (run go test -run TestGolden -update)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: result differs from %s; diff it against the output of -update", name, file)
		}
	}
}
