package load

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// story is what a test expects of one document.
type wantStory struct {
	title, url, published, text string
}

func TestListingPages(t *testing.T) {
	tests := []struct {
		file, source string
		want         []wantStory // nil: wantErr
		wantErr      error
	}{
		{
			file: "category.html", // a CMS category archive: entries in <article>, headings in their <header>
			want: []wantStory{
				{"Gunmen attack army base in Monguno, five soldiers killed", "https://sahel.example/2025/03/04/gunmen-attack-base-monguno/", "2025-03-04", "Gunmen stormed a military base in Monguno on Tuesday and killed five soldiers, an army spokesman said."},
				{"Hundreds march in Niamey over fuel prices", "https://sahel.example/2025/03/03/protest-niamey-fuel/", "2025-03-03", "Hundreds of people marched through Niamey"},
				{"Mediators open talks in Ouagadougou", "https://sahel.example/2025/03/02/talks-ouagadougou/", "2025-03-02", "Regional mediators opened a new round of talks in Ouagadougou on Sunday …"},
				{"Supply convoy reaches Timbuktu after two weeks", "https://sahel.example/2025/03/01/convoy-timbuktu/", "2025-03-01", "A convoy of forty lorries"},
			},
		},
		{
			file: "section-cards.html", source: "https://horn.example/africa", // cards whose link holds the heading; the last has no teaser
			want: []wantStory{
				{"Blast at Mogadishu checkpoint kills seven", "https://horn.example/africa/mogadishu-checkpoint-blast-2025-06-17", "", "A car bomb exploded at a police checkpoint in Mogadishu on Tuesday morning, killing seven people."},
				{"M23 and Kinshasa agree to meet in Doha", "https://horn.example/africa/goma-m23-talks-2025-06-16", "", "Representatives of the M23 rebels"},
				{"Shelling hits camp outside El Fasher", "https://horn.example/africa/el-fasher-shelling-2025-06-16", "", "Shells struck a camp"},
				{"Students rally in Addis Ababa", "https://horn.example/africa/addis-rally-2025-06-15", "", "Several thousand students"},
			},
		},
		{file: "tag-headlines.html", source: "https://lakechad.example/tag/borno", wantErr: ErrListing},
		{file: "tag-headlines.html", wantErr: ErrListing}, // no address: the page's shape alone
		{
			file: "flat.html", source: "https://levant.example/latest", // headings and teasers side by side in one block
			want: []wantStory{
				{"Two wounded as shells land in Homs", "https://levant.example/news/2025/05/10/homs-shelling", "", "Two people were wounded on Saturday when shells landed on a residential street in Homs, a police source said."},
				{"Roadside bomb damages bridge near Daraa", "https://levant.example/news/2025/05/10/daraa-ied", "", "A roadside bomb damaged a bridge"},
				{"Air strike hits village in Idlib countryside", "https://levant.example/news/2025/05/09/idlib-strike", "", "An air strike hit a village"},
				{"Rocket falls near Quneitra village", "https://levant.example/news/2025/05/09/quneitra-rocket", "", "A rocket fell near a village"},
			},
		},
		{
			file: "itemlist.html", // three entries: enough where schema.org calls the page a list
			want: []wantStory{
				{"Missiles strike Kharkiv power station", "https://dnipro.example/a1", "", "Russian missiles struck a power station in Kharkiv"},
				{"Kharkiv schools move classes underground", "https://dnipro.example/a2", "", "Schools in Kharkiv"},
				{"Drone debris injures two in Kharkiv suburb", "https://dnipro.example/a3", "", "Falling debris"},
			},
		},
		{
			file: "screen-reader-cards.html", source: "https://caribbean.example/haiti/", // headings for screen readers, the card's link beside them
			want: []wantStory{
				{"Gangs attack Kenscoff police station", "https://caribbean.example/haiti/kenscoff-police-station", "2025-04-01", "Armed gangs attacked the police station in Kenscoff on Tuesday, and two officers were wounded in the fighting."},
				{"Port-au-Prince airport reopens", "https://caribbean.example/haiti/airport-reopens", "2025-03-30", "The international airport"},
				{"Thousands flee fighting in Mirebalais", "https://caribbean.example/haiti/mirebalais-flight", "2025-03-28", "Thousands of residents"},
				{"Transition council names new minister", "https://caribbean.example/haiti/new-minister", "2025-03-27", "The transition council"},
			},
		},
		{
			file: "article-related.html", source: "https://lakechad.example/news/bama-raid", // an article beside four teasers is one article
			want: []wantStory{{"Gunmen kill 12 villagers near Bama", "https://lakechad.example/news/bama-raid", "2025-03-02", "MAIDUGURI, March 2 (LCH) — Gunmen killed at least 12 villagers"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.source, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "listing", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			docs, err := LoadAll(context.Background(), data, Options{Source: tt.source})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("LoadAll: %d documents, error %v; want %v", len(docs), err, tt.wantErr)
				}
				if _, err := Load(context.Background(), data, Options{Source: tt.source}); !errors.Is(err, tt.wantErr) {
					t.Errorf("Load: error %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != len(tt.want) {
				for _, d := range docs {
					t.Logf("got %q: %q", d.Title, d.Text)
				}
				t.Fatalf("%d documents, want %d", len(docs), len(tt.want))
			}
			for i, w := range tt.want {
				d := docs[i]
				if !strings.HasPrefix(d.Title, w.title) && !strings.HasSuffix(d.Title, w.title) {
					t.Errorf("story %d: title %q, want %q", i, d.Title, w.title)
				}
				if d.URL != w.url {
					t.Errorf("story %d: URL %q, want %q", i, d.URL, w.url)
				}
				if string(d.Published) != w.published && w.published != "" {
					t.Errorf("story %d: published %q, want %q", i, d.Published, w.published)
				}
				if !strings.HasPrefix(d.Text, w.text) {
					t.Errorf("story %d: text %q, want it to start with %q", i, d.Text, w.text)
				}
				// A story's text is its own teaser: no other story's
				// headline or teaser, and not its own headline.
				for j, o := range tt.want {
					if j != i && len(tt.want) > 1 && (strings.Contains(d.Text, o.title) || strings.Contains(d.Text, o.text)) {
						t.Errorf("story %d holds story %d's words: %q", i, j, d.Text)
					}
				}
				if len(tt.want) > 1 && strings.Contains(d.Text, w.title) {
					t.Errorf("story %d repeats its headline in its text: %q", i, d.Text)
				}
				if d.Source != tt.source || d.ID == "" || d.Format != string(FormatHTML) {
					t.Errorf("story %d: source %q, ID %q, format %q", i, d.Source, d.ID, d.Format)
				}
			}
			if len(tt.want) > 1 {
				if _, err := Load(context.Background(), data, Options{Source: tt.source}); !errors.Is(err, ErrListing) {
					t.Errorf("Load of a listing: error %v, want ErrListing", err)
				}
			}
		})
	}
}

func TestIsTeaser(t *testing.T) {
	tests := []struct {
		block string
		want  bool
	}{
		{"Gunmen stormed a military base in Monguno on Tuesday and killed five soldiers.", true},
		{"Regional mediators opened a new round of talks in Ouagadougou on Sunday …", true},
		{"Regional mediators opened a new round of talks in Ouagadougou on Sunday...", true},
		{"Gunmen attack army base in Monguno, five soldiers killed", false},
		{"Read more", false},
		{"2 hours ago", false},
		{"Five killed.", false},
		// No stop, but a lead cut short: long, and most words lower case.
		{"A car bomb exploded at a police checkpoint in Mogadishu on Tuesday morning killing seven people and wounding", true},
	}
	for _, tt := range tests {
		if got := isTeaser(tt.block); got != tt.want {
			t.Errorf("isTeaser(%q) = %v, want %v", tt.block, got, tt.want)
		}
	}
}

func FuzzFindListing(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "listing", "*.html"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(string(data), "https://example.org/tag/x")
		}
	}
	f.Add(`<h2><a href="%zz">a b c</a></h2><h2><a href="/x">d e f</a></h2>`, "::bad url")
	f.Fuzz(func(t *testing.T, page, source string) {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		lp := findListing(root, source)
		if lp == nil {
			return
		}
		if len(lp.stories) != lp.cards {
			t.Errorf("%d stories of %d entries", len(lp.stories), lp.cards)
		}
		for _, st := range lp.stories {
			if strings.TrimSpace(st.title) == "" {
				t.Errorf("a story without a headline: %+v", st)
			}
			for _, p := range st.paras {
				if !isTeaser(p) {
					t.Errorf("a teaser that is no prose: %q", p)
				}
			}
		}
	})
}

func TestHeadlineList(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"headlines", "Borno news\n\nGunmen kill 12 villagers near Bama\nSuicide bomber strikes Konduga market, several dead\n" +
			"Army repels attack on Monguno base\nAid convoy ambushed on Dikwa road\nKidnapped farmers freed in Gwoza\n", 5},
		{"headlines with dates between", "Gunmen kill 12 villagers near Bama\n2 March 2025\nSuicide bomber strikes Konduga market\n27 Feb 2025\n" +
			"Army repels attack on Monguno base\n20 Feb 2025\nAid convoy ambushed on Dikwa road\n14 Feb 2025\n", 4},
		{"feed item", "Gunmen kill 12 villagers near Bama\n\nGunmen killed at least 12 villagers in a raid near Bama on Friday, an official said", 0},
		{"three headlines", "Gunmen kill 12 villagers near Bama\nSuicide bomber strikes Konduga market\nArmy repels attack on Monguno base\n", 0},
		{"hard-wrapped prose", "Gunmen killed at least 12 villagers in a raid on a village near\nBama in Borno State late on Friday, a local official said. The\n" +
			"attackers arrived on motorcycles and set fire to several homes\nbefore fleeing into the bush, residents told reporters on\nSaturday", 0},
		{"wire in capitals", "   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE]\nTHE ARMY COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS OF\n" +
			"VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS IN THE\nNORTHERN DEPARTMENT OF CHALATENANGO [PASSAGE OMITTED]\n", 0},
		{"stories with headlines", "Gunmen kill 12 villagers near Bama\nGunmen killed at least 12 villagers near Bama on Friday.\n" +
			"Army repels attack on Monguno base\nSoldiers repelled an attack on a base in Monguno, the army said.\n" +
			"Aid convoy ambushed on Dikwa road\nGunmen ambushed an aid convoy on the road to Dikwa.\nKidnapped farmers freed in Gwoza\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := headlineList(rawLines(tt.text)); got != tt.want {
				t.Errorf("headlineList = %d, want %d", got, tt.want)
			}
			_, err := Load(context.Background(), []byte(tt.text), Options{})
			if listing := errors.Is(err, ErrListing); listing != (tt.want > 0) {
				t.Errorf("Load: error %v, listing %v, want %v", err, listing, tt.want > 0)
			}
		})
	}
}

func TestEntryDate(t *testing.T) {
	for _, tt := range []struct{ html, want string }{
		{`<div><time datetime="2019-11-14T14:00:00Z">2 hours ago</time></div>`, "2019-11-14"},
		{`<time datetime="2025-03-04T23:30:00-05:00">March 4</time>`, "2025-03-04"}, // the day written, not UTC's
		{`<p><time datetime="2025-04-01 10:00:00">01.04.2025</time></p>`, "2025-04-01"},
		{`<time datetime="soon">March 3, 2025</time>`, "2025-03-03"},
		{`<time>yesterday</time>`, ""},
	} {
		doc, err := html.Parse(strings.NewReader(tt.html))
		if err != nil {
			t.Fatal(err)
		}
		if got := entryDate(doc); got != tt.want {
			t.Errorf("entryDate(%s) = %q, want %q", tt.html, got, tt.want)
		}
	}
}
