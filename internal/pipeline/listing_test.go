package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/load"
)

// listingPage builds a section page of linked headlines, each with its
// teaser, or none when teasers is false.
func listingPage(entries [][2]string, teasers bool) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Latest - Example Wire</title></head><body><nav><a href="/">Home</a></nav><main>`)
	for i, e := range entries {
		fmt.Fprintf(&b, `<article><h2><a href="/story/%d">%s</a></h2>`, i, e[0])
		if teasers {
			fmt.Fprintf(&b, `<p>%s</p>`, e[1])
		}
		b.WriteString(`</article>`)
	}
	b.WriteString(`</main></body></html>`)
	return b.String()
}

var listingEntries = [][2]string{
	{"Gunmen attack army base in Monguno, killing five soldiers and wounding eleven others in a raid before dawn",
		"Gunmen attacked a military base in Monguno in Borno State on Tuesday, killing five soldiers, the army said."},
	{"Car bomb explodes at checkpoint in Mogadishu, killing seven people including two police officers on duty there",
		"A car bomb exploded at a police checkpoint in Mogadishu on Monday, killing seven people, police said."},
	{"Shelling hits camp for displaced people outside El Fasher, wounding twenty as fighting continues in North Darfur",
		"Shells struck a camp for displaced people outside El Fasher on Sunday, wounding twenty people, aid workers said."},
	{"Police fire tear gas at protesters in Nairobi as thousands march against a new finance bill in the capital",
		"Police fired tear gas at thousands of protesters in Nairobi on Thursday as they marched against a finance bill."},
}

// TestListingStoriesApart checks that a listing page gives each story
// its own result, whose events come from its own teaser, and that a
// listing of headlines alone, long as they are, gives none.
func TestListingStoriesApart(t *testing.T) {
	p := pipe(t)
	ctx := context.Background()
	opts := Options{Load: load.Options{Published: "2025-06-20"}}

	results, err := p.ProcessAll(ctx, []byte(listingPage(listingEntries, true)), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(listingEntries) {
		t.Fatalf("%d results, want one for each of %d stories", len(results), len(listingEntries))
	}
	places := []string{"Monguno", "Mogadishu", "El Fasher", "Nairobi"}
	for i, res := range results {
		if res.Document.Title != listingEntries[i][0] || res.Document.Text != listingEntries[i][1] {
			t.Errorf("story %d: title %q, text %q", i, res.Document.Title, res.Document.Text)
		}
		if len(res.Events) == 0 {
			t.Errorf("story %d (%s): no event", i, places[i])
		}
		for _, ev := range res.Events {
			for j, other := range places {
				if j != i && (strings.Contains(ev.Location, other) || strings.Contains(ev.Admin1, other)) {
					t.Errorf("story %d (%s) has an event in %s, another story's place", i, places[i], ev.Location)
				}
			}
		}
	}
	if _, err := p.Process(ctx, []byte(listingPage(listingEntries, true)), opts); !errors.Is(err, load.ErrListing) {
		t.Errorf("Process of a listing: %v, want ErrListing", err)
	}

	for _, call := range []string{"ProcessAll", "Process"} {
		var err error
		page := []byte(listingPage(listingEntries, false))
		if call == "Process" {
			_, err = p.Process(ctx, page, opts)
		} else {
			_, err = p.ProcessAll(ctx, page, opts)
		}
		if !errors.Is(err, load.ErrListing) {
			t.Errorf("%s of a listing of headlines: %v, want ErrListing", call, err)
		}
	}
}
