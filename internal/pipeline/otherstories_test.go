package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/load"
)

// TestOtherStoriesLeftOut checks that an article page that shows another
// story's headline or teaser, as pages do (a linked line between the
// paragraphs, a rail of stories set into the body, a list of links, cards
// after the body), gives the article's events and none of the other
// story's.
func TestOtherStoriesLeftOut(t *testing.T) {
	const (
		other  = "Drone strike hits market in El Fasher as shelling pounds displacement camp"
		teaser = "A drone struck a crowded market in El Fasher on Sunday, killing twelve people, aid workers said."
	)
	page := func(inside, after string) string {
		return `<!DOCTYPE html><html><head><title>Gunmen attack army base in Monguno</title></head><body><main><article>
<h1>Gunmen attack army base in Monguno</h1>
<p>MAIDUGURI, June 20 — Gunmen attacked a military base in Monguno in Borno State late on Thursday, killing five soldiers in a gun battle that lasted several hours, the army said.</p>
<h2>Reinforcements arrive</h2>
<p>Troops from Maiduguri reached the town before dawn and drove the attackers towards Lake Chad, an army spokesman said in a statement on Friday.</p>` + inside + `
<p>Residents said the attackers burned shops and a clinic near the base before they withdrew, and that many families had fled to Maiduguri.</p>
</article>` + after + `</main></body></html>`
	}
	tests := []struct{ name, inside, after string }{
		{"linked line", `<p><a href="/sudan/el-fasher-market">` + other + `</a></p>`, ""},
		{"rail in the body", `<div class="rail"><div class="item"><div class="text"><h3>‘MARKET ABLAZE’</h3><p>` + other + `</p></div></div></div>`, ""},
		{"list of links", `<p>More stories</p><ul><li>Sudan: <a href="/a">` + other + `</a></li><li>Kenya: <a href="/b">police fire tear gas at protesters in Nairobi</a></li></ul>`, ""},
		{"cards after the body", "", `<section><article><h2><a href="/sudan/el-fasher-market">` + other + `</a></h2><p>` + teaser + `</p></article>` +
			`<article><h2><a href="/kenya/nairobi">Police fire tear gas at protesters in Nairobi</a></h2><p>Police fired tear gas at thousands of protesters in Nairobi on Thursday as they marched against a finance bill.</p></article></section>`},
	}
	p := pipe(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := p.Process(context.Background(), []byte(page(tt.inside, tt.after)), Options{Load: load.Options{Published: "2025-06-20"}})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(res.Document.Text, "El Fasher") || strings.Contains(res.Document.Text, "Nairobi") {
				t.Errorf("another story in the text:\n%s", res.Document.Text)
			}
			if len(res.Events) == 0 {
				t.Error("no event")
			}
			for _, ev := range res.Events {
				if strings.Contains(ev.Location, "El Fasher") || strings.Contains(ev.Location, "Nairobi") || ev.ISO != "NG" {
					t.Errorf("an event of another story: %s, %s", ev.Location, res.Document.Text[ev.Span.Start:ev.Span.End])
				}
			}
		})
	}
}
