package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/load"
)

// section builds a listing page of n linked headlines, with teasers or
// without.
func section(teasers bool) string {
	entries := [][2]string{
		{"Gunmen kill 12 villagers near Bama", "Gunmen killed at least 12 villagers in a raid on a village near Bama in Borno State on Friday, a local official said."},
		{"Suicide bomber strikes Konduga market", "A suicide bomber blew himself up at a crowded market in Konduga on Thursday, killing at least six people, police said."},
		{"Aid convoy ambushed on Dikwa road", "Gunmen ambushed an aid convoy on the road to Dikwa on Wednesday and seized two lorries of food, the agency said."},
		{"Kidnapped farmers freed in Gwoza", "Eleven farmers who were kidnapped near Gwoza last week were freed on Monday, police said."},
	}
	var b strings.Builder
	b.WriteString(`<html><head><title>Borno - Example Wire</title></head><body><main>`)
	for i, e := range entries {
		fmt.Fprintf(&b, `<div class="card"><h3><a href="/news/%d">%s</a></h3>`, i, e[0])
		if teasers {
			fmt.Fprintf(&b, `<p>%s</p>`, e[1])
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`</main></body></html>`)
	return b.String()
}

// TestListingPages checks that a listing's stories are stored one by one
// and that a listing of headlines alone is counted as skipped, with its
// reason, in a batch that goes on.
func TestListingPages(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"section.html": section(true), "tag.html": section(false), "good.html": article}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, _ := ingester(t)
	in.Published = "2025-03-03"
	sum, err := in.Paths(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 5 || total(sum.Failed) != 0 || sum.Skipped[load.ErrListing.Error()] != 1 {
		t.Errorf("summary %s; want 5 read (4 stories and an article), none failed, 1 listing skipped", sum)
	}
}
