package load

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/sitrep/sitrep/internal/text"
)

// A listing page (a section front, a tag, category or author page, search
// results) lists several stories, each a linked headline and most often a
// teaser. Read as one article, its teasers run together into one text and
// its headlines, when they are long enough to pass for prose, into one
// report: extraction then merges the events of different stories. Each
// story is read as its own document instead, and a listing of bare
// headlines gives none.

// story is one entry of a listing page.
type story struct {
	title, href string
	paras       []string // the teaser's prose
	published   string   // YYYY-MM-DD from the entry's own <time>, or ""
}

// listingPage is what findListing learns of a page.
type listingPage struct {
	stories []story
	// cards counts the linked headlines, stories or not.
	cards int
	// outlet is the site's name, from its metadata.
	outlet string
}

// Thresholds of the listing test, set on the 181 article pages of the
// extraction benchmark (none a listing) and on the CMS layouts of
// section and tag pages (docs/html.md).
const (
	// minCards is how many linked headlines a listing has at least;
	// minCardsSignalled where the page says it is one.
	minCards          = 4
	minCardsSignalled = 3
	// maxTeaser and maxTeaserParas are the most prose one entry may have
	// and be a teaser. An entry with more is a whole story: the page is an
	// article whose headline links somewhere (to itself, its section, its
	// author), or a list article of linked subheads, or a blog's front
	// page of whole posts, and it is read as one article.
	maxTeaser      = 1500
	maxTeaserParas = 3
	// maxOwnProse is the most prose outside the entries a listing has
	// (an introduction to a tag page, a notice); an article has more.
	maxOwnProse = 300
)

// listingPathRE matches the addresses of section, tag and archive pages.
var listingPathRE = regexp.MustCompile(`(?i)/(?:tags?|category|categories|topics?|sections?|authors?|archives?|search|latest|page/\d+)(?:/|$)`)

// skipZones are the elements whose links are the site's, not the page's.
var skipZones = map[string]bool{"nav": true, "header": true, "footer": true, "aside": true, "form": true,
	"script": true, "style": true, "noscript": true, "template": true, "menu": true, "select": true, "button": true}

var headingTags = map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

// findListing tells whether a page is a listing and, if it is, returns
// its entries. pageURL resolves the entries' links.
func findListing(root *html.Node, pageURL string) *listingPage {
	var (
		heads    []*html.Node // the linked headlines, in page order
		hrefs    []string
		outlet   string
		signal   bool // the page calls itself a listing
		article  bool // the page calls itself an article
		canon    string
		seenHref = map[string]bool{}
	)
	// In <head> only the metadata counts; a page's own <header> and
	// <footer> are chrome, but an entry's (inside an <article>) are not.
	var walk func(n *html.Node, inHead, inArticle bool)
	walk = func(n *html.Node, inHead, inArticle bool) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "meta":
				prop := strings.ToLower(attr(n, "property") + attr(n, "name"))
				content := strings.ToLower(strings.TrimSpace(attr(n, "content")))
				switch prop {
				case "og:type":
					article = article || content == "article"
				case "og:site_name":
					outlet = strings.TrimSpace(attr(n, "content"))
				case "og:url":
					canon = firstNonEmptyString(canon, attr(n, "content"))
				}
				return
			case n.Data == "link" && strings.EqualFold(attr(n, "rel"), "canonical"):
				canon = firstNonEmptyString(attr(n, "href"), canon)
				return
			case n.Data == "script" && strings.Contains(attr(n, "type"), "ld+json"):
				if n.FirstChild != nil {
					ld := n.FirstChild.Data
					signal = signal || strings.Contains(ld, `"ItemList"`) || strings.Contains(ld, `"CollectionPage"`) ||
						strings.Contains(ld, `"SearchResultsPage"`)
					article = article || strings.Contains(ld, `"articleBody"`)
				}
				return
			case n.Data == "head":
				inHead = true
			case inHead: // only the metadata above counts
			case skipZones[n.Data] && !(inArticle && (n.Data == "header" || n.Data == "footer")):
				return
			case n.Data == "article":
				inArticle = true
			case headingTags[n.Data]:
				if href := headLink(n); href != "" && !seenHref[href] {
					if w := countWords(textOf(n), 31); w >= 3 && w <= 30 {
						seenHref[href] = true
						heads = append(heads, n)
						hrefs = append(hrefs, href)
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead, inArticle)
		}
	}
	walk(root, false, false)
	if pageURL == "" {
		pageURL = canon
	}
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		signal = signal || listingPathRE.MatchString(u.Path) || u.Path == "" || u.Path == "/"
	}
	need := minCards
	if signal {
		need = minCardsSignalled
	}
	if len(heads) < need {
		return nil
	}

	// Each headline's entry is its highest ancestor that holds no other
	// headline; the teaser is in it, or in the siblings after it up to
	// the next headline where the page sets its entries out flat.
	count := map[*html.Node]int{}
	for _, h := range heads {
		for a := h; a != nil; a = a.Parent {
			count[a]++
		}
	}
	inEntry := map[*html.Node]int{} // the nodes of entry i, +1
	lp := &listingPage{cards: len(heads), outlet: outlet}
	whole := 0 // entries that are whole stories
	for i, h := range heads {
		box := h
		for p := box.Parent; p != nil && count[p] == 1 && p.Data != "body" && p.Data != "main"; p = box.Parent {
			box = p
		}
		parts := []*html.Node{box}
		for s := box.NextSibling; s != nil && count[s] == 0; s = s.NextSibling {
			if s.Type == html.ElementNode && (headingTags[s.Data] || skipZones[s.Data]) {
				break
			}
			parts = append(parts, s)
		}
		st := story{title: strings.Join(strings.Fields(textOf(h)), " "), href: resolve(pageURL, hrefs[i])}
		prose := 0
		for _, part := range parts {
			inEntry[part] = i + 1
			runs(part, func(*html.Node, bool) bool { return false }, func(b string) {
				if b == st.title || isChrome(b) || !isTeaser(b) {
					return
				}
				st.paras = append(st.paras, b)
				prose += len(b)
			})
			if st.published == "" {
				st.published = entryDate(part)
			}
		}
		if prose > maxTeaser || len(st.paras) >= maxTeaserParas {
			whole++
		}
		lp.stories = append(lp.stories, st)
	}

	if whole > 0 {
		return nil
	}

	// Prose outside the entries is the page's own: an article has plenty,
	// a listing next to none.
	own := ownProse(root, inEntry)
	limit := maxOwnProse
	if article && !signal {
		limit /= 3
	}
	if own > limit {
		return nil
	}
	return lp
}

// ownProse counts the bytes of prose outside the entries, the chrome and
// the links, run by run, so that a page that sets its article out with
// <br> and no <p> counts as much as one that does.
func ownProse(root *html.Node, inEntry map[*html.Node]int) int {
	own := 0
	skip := func(n *html.Node, inArticle bool) bool {
		return inEntry[n] > 0 || n.Data == "a" || n.Data == "head" ||
			skipZones[n.Data] && !(inArticle && (n.Data == "header" || n.Data == "footer"))
	}
	runs(root, skip, func(t string) {
		if isTeaser(t) && !isChrome(t) {
			own += len(t)
		}
	})
	return own
}

// runs calls each with every run of text in n, whitespace folded: text
// between the edges of any element that is not inline, so that nested
// blocks (paragraphs in a caption in a link) come apart. skip leaves out
// an element and what it holds.
func runs(n *html.Node, skip func(n *html.Node, inArticle bool) bool, each func(string)) {
	var run strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(run.String()), " "); t != "" {
			each(t)
		}
		run.Reset()
	}
	var visit func(n *html.Node, inArticle bool)
	visit = func(n *html.Node, inArticle bool) {
		switch {
		case n.Type == html.TextNode:
			run.WriteString(n.Data)
			return
		case n.Type != html.ElementNode && n.Type != html.DocumentNode:
			return
		case n.Type == html.ElementNode && (skip(n, inArticle) || n.Data == "script" || n.Data == "style"):
			return
		case n.Data == "br":
			flush()
			return
		}
		inArticle = inArticle || n.Data == "article"
		// Links and emphasis are part of a run, except a link that
		// holds blocks, as a card's does.
		part := n.Type == html.ElementNode && inlineTags[n.Data] && !(n.Data == "a" && holdsBlock(n))
		if !part {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, inArticle)
		}
		if !part {
			flush()
		}
	}
	visit(n, false)
	flush()
}

// holdsBlock reports whether n holds an element that is not inline.
func holdsBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (!inlineTags[c.Data] || holdsBlock(c)) {
			return true
		}
	}
	return false
}

// isTeaser reports whether a block reads as prose, a sentence or most of
// one: a teaser is often cut off with an ellipsis.
func isTeaser(b string) bool {
	words := countWords(b, 15)
	trimmed := strings.TrimRight(b, " .…")
	cut := len(trimmed) < len(b) && (strings.HasSuffix(b, "…") || strings.HasSuffix(b, "..."))
	last, _ := utf8.DecodeLastRuneInString(b)
	stop := endsSentence(b) || cut || strings.ContainsRune(cjkStops+"।", last)
	// Scripts without capitals (Bengali, Arabic) have no lower-case
	// words: there length alone tells prose.
	return stop && words >= 8 || words >= 15 && (lowerWords(b)*2 >= words || !text.IsASCII(b) && countWords(b, 25) >= 25)
}

// entryOf returns which entry, +1, holds n, or 0.
func entryOf(n *html.Node, inEntry map[*html.Node]int) int {
	for a := n; a != nil; a = a.Parent {
		if i := inEntry[a]; i > 0 {
			return i
		}
	}
	return 0
}

// headLink returns the address a heading links to: a link inside it that
// holds most of its text, or a link around it.
func headLink(h *html.Node) string {
	for a, up := h.Parent, 0; a != nil && up < 3; a, up = a.Parent, up+1 {
		if a.Type == html.ElementNode && a.Data == "a" {
			return attr(a, "href")
		}
	}
	total := len(strings.TrimSpace(textOf(h)))
	var found string
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode && n.Data == "a" {
			if href := attr(n, "href"); href != "" && !strings.HasPrefix(href, "#") &&
				2*len(strings.TrimSpace(textOf(n))) >= total {
				found = href
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(h)
	if found != "" {
		return found
	}
	// A card that links its picture and teaser, its heading apart (and
	// often for screen readers only): the first link of its <article>.
	for a, up := h.Parent, 0; a != nil && up < 2; a, up = a.Parent, up+1 {
		if a.Type == html.ElementNode && a.Data == "article" {
			return firstLink(a)
		}
	}
	return ""
}

// firstLink returns the address of the first link in n.
func firstLink(n *html.Node) string {
	if n.Type == html.ElementNode && n.Data == "a" {
		if href := attr(n, "href"); href != "" && !strings.HasPrefix(href, "#") {
			return href
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if href := firstLink(c); href != "" {
			return href
		}
	}
	return ""
}

// entryDate reads the day of an entry's <time>: its datetime, metadata
// most often written with its time ("2019-11-14T14:00:00Z"), else its
// text.
func entryDate(n *html.Node) string {
	if n.Type == html.ElementNode && n.Data == "time" {
		if d := metaDate(attr(n, "datetime")); d != "" {
			return d
		}
		if d := ParseDate(textOf(n)); d != "" {
			return d
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if d := entryDate(c); d != "" {
			return d
		}
	}
	return ""
}

// textOf returns the text inside n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style"):
			return
		case n.Type == html.ElementNode && n.Data == "br":
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// resolve makes an entry's link absolute against the page's address,
// when the page has one.
func resolve(base, href string) string {
	b, err := url.Parse(base)
	if err != nil || base == "" {
		return href
	}
	r, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return href
	}
	return b.ResolveReference(r).String()
}

func firstNonEmptyString(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
