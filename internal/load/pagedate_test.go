package load

import (
	"strings"
	"testing"
)

func TestPageDate(t *testing.T) {
	for _, tt := range []struct {
		name, url, page, want string
	}{
		{"address first", "https://example.org/world/2025/10/14/clashes-at-border/",
			`<meta property="article:published_time" content="2025-10-15T01:30:00Z">`, "2025-10-14"},
		{"address with a month's name", "https://example.org/statements/2019/nov/18/story/", ``, "2019-11-18"},
		{"address ending in the day", "https://example.org/news/story-about-goma-20250614/", ``, "2025-06-14"},
		{"address with a month only", "https://example.org/2019/11/story.html",
			`<meta name="pubdate" content="2019-11-19">`, "2019-11-19"},
		{"no day in an id", "https://example.org/news/202515/story", ``, ""},
		{"JSON-LD before meta", "",
			`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-09T22:10:00-05:00"}</script>
			<meta name="date" content="2025-03-11">`, "2025-03-09"},
		{"the day as written, not in UTC", "",
			`<meta property="article:published_time" content="2025-03-09T22:10:00-05:00">`, "2025-03-09"},
		{"trusted meta over a plain date", "",
			`<meta name="date" content="2025-03-11"><meta property="article:published_time" content="2025-03-10T08:00:00Z">`, "2025-03-10"},
		{"a date in words", "", `<meta name="sailthru.date" content="Tue, 14 Oct 2025 21:00:00 GMT">`, "2025-10-14"},
		{"time marked as the publication's", "",
			`<p>Updated <time datetime="2025-04-02">2 April</time></p><time itemprop="datePublished" datetime="2025-04-01T09:00">1 April</time>`, "2025-04-01"},
		{"a class that says published", "", `<abbr class="published" title="2019-11-18 17:19:53 GMT">Nov 18</abbr>`, "2019-11-18"},
		{"any time last", "", `<span>Posted <time datetime="2024-12-30 10:00">yesterday</time></span>`, "2024-12-30"},
		{"the page's own address", "",
			`<link rel="canonical" href="https://example.org/2025/06/02/story/"><meta name="date" content="2025-06-03">`, "2025-06-02"},
		{"a class that says date, last", "",
			`<span class="datetime">Monday, November 18, 2019</span><time datetime="2019-11-17">`, "2019-11-17"},
		{"a class that says date", "", `<div class="story-date">November 18, 2019</div>`, "2019-11-18"},
		{"nothing", "", `<p>Fighting went on near Goma.</p>`, ""},
		{"a publisher is no date", "", `<div class="publisher">Wire 2025-01-01 Ltd</div>`, ""},
	} {
		root, err := parseHTML([]byte("<html><head></head><body>" + tt.page + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := pageDate(root, tt.url); got != tt.want {
			t.Errorf("%s: pageDate = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func FuzzPageDate(f *testing.F) {
	f.Add("https://example.org/2025/10/14/x", `<meta name="date" content="2025-10-14T01:00:00Z"><time datetime="x">`)
	f.Fuzz(func(t *testing.T, url, page string) {
		root, err := parseHTML([]byte(page))
		if err != nil {
			return
		}
		d := pageDate(root, url)
		if d != "" && (len(d) != 10 || !strings.HasPrefix(d, "19") && !strings.HasPrefix(d, "20") && !strings.HasPrefix(d, "21")) {
			t.Fatalf("pageDate = %q", d)
		}
	})
}
