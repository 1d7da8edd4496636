package load

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/sitrep/sitrep/internal/pattern"
)

// pageDate returns the day a web page says its article was published,
// YYYY-MM-DD as the page writes it, or "". The page's address comes first
// ("/2025/10/14/"), pageURL or else the one the page gives itself
// (canonical, og:url): a page's metadata is as often the day it was last
// changed. Then the metadata that names the day of publication (JSON-LD's
// datePublished, the meta tags of Open Graph, Dublin Core and the
// publishing systems), then a <time> the page marks as the publication's.
// The day is the one written, not the same moment in UTC: an evening
// story in America is dated the next day in UTC.
func pageDate(root *html.Node, pageURL string) string {
	if d := urlDate(pageURL); d != "" {
		return d
	}
	// Ranks, most trusted first: JSON-LD's datePublished is 0, then the
	// meta tags by publishedNames, then a <time> marked as the
	// publication's, an element whose class says it holds the day of
	// publication, and any <time> at all.
	marked, classed, anyTime, dated := len(publishedNames)+1, len(publishedNames)+2, len(publishedNames)+3, len(publishedNames)+4
	best, rank := "", dated+1
	take := func(d string, r int) {
		if d != "" && r < rank {
			best, rank = d, r
		}
	}
	own := "" // the page's own address, when none is given
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if own == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
					own = attr(n, "href")
				}
			case atom.Meta:
				if own == "" && attr(n, "property") == "og:url" {
					own = attr(n, "content")
				}
				for _, key := range []string{"property", "name", "itemprop"} {
					if r, ok := publishedRank[strings.ToLower(strings.TrimSpace(attr(n, key)))]; ok && r < rank {
						take(metaDate(attr(n, "content")), r)
					}
				}
			case atom.Script:
				if rank > 0 && strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
					if m := jsonLDPublishedRE.FindStringSubmatch(n.FirstChild.Data); m != nil {
						take(metaDate(m[1]), 0)
					}
				}
				return
			case atom.Time:
				r := anyTime
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
					r = marked
				}
				if r < rank {
					v := attr(n, "datetime")
					if v == "" {
						v = leadingText(n)
					}
					take(metaDate(v), r)
				}
			}
			if r := classed; rank > r && publishedClass(attr(n, "class")) || rank > dated && dateClass(attr(n, "class")) {
				if !publishedClass(attr(n, "class")) {
					r = dated
				}
				for _, v := range []string{attr(n, "datetime"), attr(n, "title"), attr(n, "value"), attr(n, "content"), leadingText(n)} {
					if d := metaDate(v); d != "" {
						take(d, r)
						break
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if d := urlDate(own); d != "" {
		return d
	}
	return best
}

// publishedClass reports whether an element's class says it holds the
// day of publication ("published", "article-publish-date",
// "published_date"), not of an update.
func publishedClass(class string) bool {
	c := strings.ToLower(class)
	return strings.Contains(c, "publish") && !strings.Contains(c, "publisher") || strings.Contains(c, "article_date") || strings.Contains(c, "article-date") || strings.Contains(c, "post-date") || strings.Contains(c, "entry-date")
}

// dateClass reports whether an element's class names it a date ("date",
// "datetime", "ws-press__container__date"): the last resort, since a
// page holds the dates of other stories too.
func dateClass(class string) bool {
	for _, c := range strings.Fields(strings.ToLower(class)) {
		if c == "date" || c == "datetime" || strings.HasSuffix(c, "__date") || strings.HasSuffix(c, "-date") && !strings.Contains(c, "update") {
			return true
		}
	}
	return false
}

// leadingText returns the first text inside n, up to 80 bytes.
func leadingText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && b.Len() < 80; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
			walk(c)
		}
	}
	walk(n)
	s := b.String()
	return s[:min(len(s), 80)]
}

// publishedNames are the meta tags' names for the day of publication, most
// trusted first (after JSON-LD's datePublished).
var publishedNames = []string{
	"article:published_time", "datepublished", "og:published_time", "og:article:published_time",
	"parsely-pub-date", "sailthru.date", "publishdate", "publish-date", "publish_date", "pubdate",
	"publication_date", "article.published", "article_date_original", "original-publish-date",
	"dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
	"citation_publication_date", "date",
}

// publishedRank ranks publishedNames from 1: 0 is JSON-LD's.
var publishedRank = func() map[string]int {
	m := make(map[string]int, len(publishedNames))
	for i, n := range publishedNames {
		m[n] = i + 1
	}
	return m
}()

var jsonLDPublishedRE = pattern.MustCompile(`"datePublished"\s*:\s*"([^"]{8,40})"`)

// metaDate reads the day of a date in metadata: most often ISO 8601
// with its time ("2019-11-14T09:00:00-05:00"), whose day is the one
// written, else in one of the forms ParseDate reads.
func metaDate(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' && (len(v) == 10 || v[10] == 'T' || v[10] == ' ') {
		return validDate(v[:4], v[5:7], v[8:10])
	}
	return ParseDate(v)
}

// urlDateRE finds a day in a page's address: /2025/10/14/, -2025-10-14/,
// /2019/nov/18/, -20191115/. A month's name is cut to its first three
// letters there.
var urlDateRE = pattern.MustCompile(`[/_-]((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2]|[1-9]|` + strings.Join(monthStems, "|") + `)([/_-]?)(0[1-9]|[12]\d|3[01]|[1-9])(?:[/_.-]|$)`)

// urlDate returns the day an address names, or "".
func urlDate(u string) string {
	if !isURL(u) {
		return ""
	}
	m := urlDateRE.FindStringSubmatch(u)
	if m == nil {
		return ""
	}
	// A month or day of one digit, or a month's name, needs separators:
	// "/2025/1/5/" and "/2019/nov/18/" are days, "/202515/" is not.
	if len(m[3]) != 2 || len(m[5]) == 1 {
		if m[2] == "" || m[4] == "" {
			return ""
		}
	}
	month := m[3]
	if i := slices.Index(monthStems, m[3]); i >= 0 {
		month = strconv.Itoa(i + 1)
	}
	return validDate(m[1], month, m[5])
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
