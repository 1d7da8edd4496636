package load

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestRealArticlesAreNoListings reads the 181 article pages of the
// extraction benchmark beside the repository: every one is an article
// with a body a person marked, so none may be taken for a listing.
func TestRealArticlesAreNoListings(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "article-extraction")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Skipf("../shared/data/article-extraction not present (%v): the benchmark pages are only available beside the repository", err)
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	for id, page := range truth {
		data, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		root, err := parseHTML(data)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if lp := findListing(root, page.URL); lp != nil {
			t.Errorf("%s (%s): an article taken for a listing of %d headlines", id, page.URL, lp.cards)
		}
	}
}

func readGzip(path string) ([]byte, error) {
	f, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(f))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
