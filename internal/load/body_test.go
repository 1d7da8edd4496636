package load

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Paragraphs of a made-up report, long enough to read as prose.
const (
	para1 = "<p>Fighters attacked a military base in Monguno, Borno State, late on Monday, sparking a gun battle that lasted several hours, military sources said.</p>"
	para2 = "<p>The army said in a statement on Tuesday that five soldiers were killed and that troops repelled the attackers after air support arrived.</p>"
	para3 = "<p>Residents said the insurgents burned shops and a clinic before they withdrew towards the lake, and many families fled to Maiduguri.</p>"
)

// bodyOf runs the body rule over the blocks of content, the extractor's
// article, and returns the kept blocks' first words.
func bodyOf(t *testing.T, content string, rule HTMLBlocks, title string) []string {
	t.Helper()
	root, err := html.Parse(strings.NewReader("<html><body><div id=content>" + content + "</div></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	var div *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "div" && attr(n, "id") == "content" {
			div = n
		}
		for c := n.FirstChild; c != nil && div == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	var out []string
	for _, p := range bodyText(blocks(div, ""), rule, title) {
		out = append(out, strings.Join(strings.Fields(p)[:min(3, len(strings.Fields(p)))], " "))
	}
	return out
}

// TestBodyBlocks checks each rule that tells the article's own blocks that
// read as headings (subheads, list items, table cells) from other
// stories' headlines, links, captions and the article's header.
func TestBodyBlocks(t *testing.T) {
	body := []string{"Fighters attacked a", "The army said", "Residents said the"}
	tests := []struct {
		name, content, title string
		want                 []string
	}{
		{
			name:    "subhead between paragraphs",
			content: para1 + "<h2>Air force strikes back</h2>" + para2 + para3,
			want:    []string{"Fighters attacked a", "Air force strikes", "The army said", "Residents said the"},
		},
		{
			name:    "subhead set as a bold paragraph",
			content: para1 + "<p><strong>Air force strikes back</strong></p>" + para2 + para3,
			want:    []string{"Fighters attacked a", "Air force strikes", "The army said", "Residents said the"},
		},
		{
			name:    "list in the body",
			content: para1 + "<ul><li>Five soldiers killed</li><li>Two trucks burned</li></ul>" + para2 + para3,
			want:    []string{"Fighters attacked a", "Five soldiers killed", "Two trucks burned", "The army said", "Residents said the"},
		},
		{
			name:    "table in the body",
			content: para1 + "<table><tr><th>Town</th><th>Dead</th></tr><tr><td>Monguno</td><td>5</td></tr></table>" + para2 + para3,
			want:    []string{"Fighters attacked a", "Town", "Dead", "Monguno", "5", "The army said", "Residents said the"},
		},
		{
			name:    "another story's headline as a link",
			content: para1 + `<p><a href="/sudan/el-fasher">Drone strike hits market in El Fasher as shelling pounds displacement camp</a></p>` + para2 + para3,
			want:    body,
		},
		{
			name:    "a link with a few words before it",
			content: para1 + `<p>Read also: <a href="/sudan/el-fasher">Drone strike hits market in El Fasher as shelling pounds displacement camp</a></p>` + para2 + para3,
			want:    body,
		},
		{
			name:    "headline, kicker and byline before the body",
			content: "<h1>Insurgents storm army base</h1><p>SECURITY</p><p>By Amina Bello</p>" + para1 + para2 + para3,
			want:    body,
		},
		{
			name:    "dek and date line in the article's header",
			content: "<header><p>The attack is the third on the base this year, and the deadliest</p><p>26 March 2025</p></header>" + para1 + para2 + para3,
			want:    body,
		},
		{
			name:    "related stories after the body",
			content: para1 + para2 + para3 + "<h3>More from the region</h3><p>Drone strike hits market in El Fasher</p><p>Floods displace thousands in Maiduguri</p>",
			want:    body,
		},
		{
			name: "a rail of other stories set into the body",
			content: para1 + `<div class="rail"><div class="item"><div class="text"><h3>‘MARKET ABLAZE’</h3><p>Drone strike hits market in El Fasher as shelling pounds camp</p></div></div>` +
				`<div class="item"><div class="text"><h3>FLOODS</h3><p>Minister ‘knew of the dam’s cracks’</p></div></div></div>` + para2 + para3,
			want: body,
		},
		{
			name: "a list of links to other stories, its lead-in with it",
			content: para1 + para2 + "<p>More stories</p><ul><li>Why the drone war in Sudan <a href=\"/a\">reached El Fasher</a></li>" +
				"<li>How the floods <a href=\"/b\">came to Maiduguri</a></li><li>Want our picks? <a href=\"/c\">Sign up for the daily briefing, sent every morning to your inbox.</a></li></ul>" + para3,
			want: body,
		},
		{
			name: "cards of other stories with teasers",
			content: para1 + para2 + para3 + `<article><h2><a href="/x">Drone strike hits market in El Fasher</a></h2><p>Shelling pounded a displacement camp on the edge of the city on Sunday, aid workers said.</p></article>` +
				`<article><h2><a href="/y">Floods displace thousands</a></h2><p>The river burst its banks after a week of rain, leaving thousands without shelter, officials said.</p></article>`,
			want: body,
		},
		{
			name: "cards with nothing else are the text",
			content: `<article><h2><a href="/x">Drone strike hits market in El Fasher</a></h2><p>Shelling pounded a displacement camp on the edge of the city on Sunday, aid workers said.</p></article>` +
				`<article><h2><a href="/y">Floods displace thousands</a></h2><p>The river burst its banks after a week of rain, leaving thousands without shelter, officials said.</p></article>`,
			want: []string{"Shelling pounded a", "The river burst"},
		},
		{
			name:    "captions",
			content: para1 + "<figure><img src=x.jpg><figcaption>Soldiers patrol Monguno after the attack, which killed five of their comrades on Monday night.</figcaption></figure>" + para2 + para3,
			want:    body,
		},
		{
			name:    "the page's headline again over a video",
			content: para1 + "<p>'We repelled them!' Video shows battle for Monguno base</p>" + para2 + para3,
			title:   "'We repelled them!': Video shows battle for Monguno army base",
			want:    body,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := bodyOf(t, tt.content, HTMLBlocksDefault, tt.title); !slices.Equal(got, tt.want) {
				t.Errorf("body %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestBodyRules checks the rules kept for measure: every block but chrome,
// or only the blocks that do not read as headings.
func TestBodyRules(t *testing.T) {
	content := "<h1>Insurgents storm army base</h1>" + para1 + "<h2>Air force strikes back</h2>" + para2 + para3
	if got, want := bodyOf(t, content, HTMLBlocksAll, ""), []string{"Insurgents storm army", "Fighters attacked a", "Air force strikes", "The army said", "Residents said the"}; !slices.Equal(got, want) {
		t.Errorf("all: %q, want %q", got, want)
	}
	if got, want := bodyOf(t, content, HTMLBlocksProse, ""), []string{"Fighters attacked a", "The army said", "Residents said the"}; !slices.Equal(got, want) {
		t.Errorf("prose: %q, want %q", got, want)
	}
}
