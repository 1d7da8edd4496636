package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/text"
)

// minTruncatedText is how much text a page that ends early must still give
// to be read rather than refused.
const minTruncatedText = 500

// tooLittle is how much text, in bytes, the first of two extractors must
// find for the second not to be asked.
const tooLittle = 500

// HTMLExtractor names how the article is found in a web page. The zero
// value is the one chosen by measure, go-readability (docs/html.md); the
// others are kept so the choice can be measured again
// (scripts/htmlbench.sh). No command sets it.
type HTMLExtractor int

// The ways to find the article.
const (
	HTMLDefault HTMLExtractor = iota
	// HTMLTrafilatura is go-trafilatura with its fallback on: it also runs
	// go-readability and go-domdistiller and keeps the better text.
	HTMLTrafilatura
	// HTMLTrafilaturaAlone is go-trafilatura without its fallback.
	HTMLTrafilaturaAlone
	// HTMLReadability is readeck's go-readability.
	HTMLReadability
	// HTMLTrafilaturaThenReadability asks go-readability only where
	// go-trafilatura alone finds too little.
	HTMLTrafilaturaThenReadability
	// HTMLReadabilityThenTrafilatura asks go-trafilatura alone only
	// where go-readability finds too little.
	HTMLReadabilityThenTrafilatura
)

// defaultHTML is what HTMLDefault means.
const defaultHTML = HTMLReadability

var htmlExtractorNames = map[HTMLExtractor]string{
	HTMLDefault: "default", HTMLTrafilatura: "trafilatura", HTMLTrafilaturaAlone: "trafilatura-alone",
	HTMLReadability: "readability", HTMLTrafilaturaThenReadability: "trafilatura-then-readability",
	HTMLReadabilityThenTrafilatura: "readability-then-trafilatura",
}

func (e HTMLExtractor) String() string {
	if n, ok := htmlExtractorNames[e]; ok {
		return n
	}
	return fmt.Sprintf("HTMLExtractor(%d)", int(e))
}

// extracted is what an extractor found: the article's paragraphs and
// what the page says of itself.
type extracted struct {
	blocks             []block
	plain              string // the article as the extractor renders it as text
	title, outlet, url string
	published          time.Time
}

func (x *extracted) size() int {
	n := 0
	for _, b := range x.blocks {
		n += len(b.text)
	}
	return n
}

// loadHTML removes the page's boilerplate and keeps the article's
// paragraphs and metadata; a listing page gives its stories instead.
func loadHTML(ctx context.Context, page []byte, opts Options) ([]*event.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("load html: %w", err)
	}
	root, err := parseHTML(page)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	pageURL := ""
	if isURL(opts.Source) {
		pageURL = opts.Source
	}
	// Before the extractors: go-readability changes the tree.
	if lp := findListing(root, pageURL); lp != nil {
		return storyDocs(lp)
	}
	doc, err := articleDoc(root, page, opts)
	if err != nil {
		return nil, err
	}
	return []*event.Document{doc}, nil
}

func isURL(s string) bool { return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") }

// storyDocs makes a document of each story of a listing whose teaser is
// prose; the headlines of the others tell no event with its date and
// actors, and a listing of nothing else is ErrListing.
func storyDocs(lp *listingPage) ([]*event.Document, error) {
	var docs []*event.Document
	for _, st := range lp.stories {
		if len(st.paras) == 0 {
			continue
		}
		doc := &event.Document{
			Format: string(FormatHTML),
			Title:  st.title,
			Outlet: lp.outlet,
			URL:    st.href,
			Text:   strings.Join(st.paras, "\n\n"),
		}
		if st.published != "" {
			doc.Published, doc.PublishedFrom = event.Date(st.published), "html-text"
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%w: %d headlines and no story text", ErrListing, lp.cards)
	}
	return docs, nil
}

// articleDoc reads the page as one article.
func articleDoc(root *html.Node, page []byte, opts Options) (*event.Document, error) {
	var err error
	how := opts.HTML
	if how == HTMLDefault {
		how = defaultHTML
	}
	var x *extracted
	switch how {
	case HTMLTrafilatura:
		x, err = fromTrafilatura(root, true)
	case HTMLTrafilaturaAlone:
		x, err = fromTrafilatura(root, false)
	case HTMLReadability:
		// Nothing reads root after go-readability: it may change it.
		x, err = fromReadability(root, opts.Source, true)
	case HTMLTrafilaturaThenReadability:
		x, err = fromTrafilatura(root, false)
		if err != nil || x.size() < tooLittle {
			if y, yerr := fromReadability(root, opts.Source, false); yerr == nil && (err != nil || y.size() > x.size()) {
				x, err = y, nil
			}
		}
	case HTMLReadabilityThenTrafilatura:
		x, err = fromReadability(root, opts.Source, false)
		if err != nil || x.size() < tooLittle {
			if y, yerr := fromTrafilatura(root, false); yerr == nil && (err != nil || y.size() > x.size()) {
				x, err = y, nil
			}
		}
	default:
		return nil, fmt.Errorf("load html: unknown extractor %v", opts.HTML)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	paras := bodyText(x.blocks, opts.HTMLBlocks, x.title)
	// The headline is metadata, not a paragraph of the report.
	if t := x.title; t != "" && len(paras) > 0 && strings.HasPrefix(paras[0], t) {
		paras[0] = strings.TrimSpace(strings.TrimPrefix(paras[0], t))
		if paras[0] == "" {
			paras = paras[1:]
		}
	}
	text := strings.Join(paras, "\n\n")
	if len(text) < minTruncatedText && truncated(page) {
		return nil, fmt.Errorf("%w: the page ends before </body> and gives only %d bytes of text", ErrTruncated, len(text))
	}
	doc := &event.Document{
		Format: string(FormatHTML),
		Title:  x.title,
		Outlet: x.outlet,
		URL:    x.url,
		Text:   text,
	}
	if doc.URL == "" && isURL(opts.Source) {
		doc.URL = opts.Source
	}
	if !x.published.IsZero() {
		doc.Published, doc.PublishedFrom = event.DateOf(x.published), "html-meta"
	} else {
		lines := splitLines(x.plain)
		if d, _ := publishedLine(lines, contentLines(lines), 0); d != "" {
			doc.Published, doc.PublishedFrom = event.Date(d), "html-text"
		}
	}
	return doc, nil
}

// fromReadability finds the article with readeck's go-readability, and
// the publication date with pageDate. It changes root where mutate is
// set, which spares a copy of the page.
func fromReadability(root *html.Node, pageURL string, mutate bool) (*extracted, error) {
	// The date first, on the page as it was: go-readability reads the
	// metadata's time and gives the day in UTC, a day late for an
	// evening story in America, and it knows neither the day a page's
	// address names nor the marks of most publishing systems.
	var published time.Time
	if d := pageDate(root, pageURL); d != "" {
		published, _ = time.Parse(time.DateOnly, d)
	}
	p := readability.NewParser()
	var art readability.Article
	var err error
	if mutate {
		art, err = p.ParseAndMutate(root, nil)
	} else {
		art, err = p.ParseDocument(root, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("readability: %w", err)
	}
	if art.Node == nil {
		return nil, errors.New("readability: no article found")
	}
	x := &extracted{
		blocks:    blocks(art.Node, ""),
		title:     strings.TrimSpace(art.Title()),
		outlet:    strings.TrimSpace(art.SiteName()),
		published: published,
	}
	if x.published.IsZero() {
		if t, err := art.PublishedTime(); err == nil {
			// A date in a form go-readability does not understand is no date.
			x.published = t
		}
	}
	// The plain text is wanted only to look for a date line or where
	// no element held the text; rendering it costs.
	if x.published.IsZero() || len(x.blocks) == 0 {
		var plain strings.Builder
		if err := art.RenderText(&plain); err != nil {
			return nil, fmt.Errorf("readability: %w", err)
		}
		x.plain = plain.String()
		if len(x.blocks) == 0 {
			x.blocks = plainBlocks(x.plain)
		}
	}
	return x, nil
}

// isHeading reports whether a block reads as a heading, not as prose: no
// stop at its end and too few words for a paragraph. Headlines, bylines
// and date lines tell no event of their own, and another story's headline
// tells another story's; in a web page such a block is kept only where it
// sits in the body, as a subhead, a list item or a table's cell do
// (keepBlocks).
//
// Chinese and Japanese end a sentence with their own stops and put no
// space between words, so there a character of those scripts counts as
// half a word: without that, every paragraph of a Japanese page read as
// a heading and the page was refused.
func isHeading(l string) bool {
	if endsSentence(l) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	if strings.ContainsRune(cjkStops, last) {
		return false
	}
	words := countWords(l, 25)
	if words < 25 && !text.IsASCII(l) {
		words += cjkChars(l, 2*(25-words)) / 2
	}
	return words < 25
}

// cjkStops end a sentence in Chinese and Japanese, closing brackets
// and quotes after one included.
const cjkStops = "。！？」』）"

// cjkChars counts the characters of Chinese and Japanese in s, up to most.
func cjkChars(s string, most int) int {
	n := 0
	for _, r := range s {
		if n >= most {
			break
		}
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			n++
		}
	}
	return n
}

// parseHTML parses a page that decode has checked: UTF-8, or bytes in
// the charset the page declares. trafilatura's own parser runs a
// statistical charset detector over every page, which costs more than
// the rest of boilerplate removal and can take UTF-8 for a legacy
// charset; here the declaration decides, by the HTML standard's rules.
// Like that parser, it drops soft hyphens and composes characters (NFC),
// so "Bamako" spelt with a combining accent reads as the precomposed one.
func parseHTML(page []byte) (*html.Node, error) {
	var r io.Reader = bytes.NewReader(page)
	valid := utf8.Valid(page)
	if !valid {
		enc, _, _ := charset.DetermineEncoding(page[:min(len(page), 1024)], "text/html")
		r = transform.NewReader(r, enc.NewDecoder())
	}
	root, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	// Text and attributes are mended after parsing, not the page before
	// it: most of a page is markup and script, and a transformer reading
	// it all cost more than the rest of parsing.
	if !valid || needsMending(page) {
		mend(root)
	}
	return root, nil
}

// needsMending reports whether a page has soft hyphens, written as such
// or as entities, or characters to compose.
func needsMending(page []byte) bool {
	for _, s := range [][]byte{[]byte(softHyphen), []byte("&shy;"), []byte("&#173;"), []byte("&#xad;"), []byte("&#xAD;")} {
		if bytes.Contains(page, s) {
			return true
		}
	}
	return !norm.NFC.IsNormal(page)
}

// mend drops the soft hyphens of n's text and attributes and composes
// their characters.
func mend(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		n.Data = mended(n.Data)
	case html.ElementNode:
		for i := range n.Attr {
			n.Attr[i].Val = mended(n.Attr[i].Val)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		mend(c)
	}
}

func mended(s string) string {
	if strings.Contains(s, softHyphen) {
		s = strings.ReplaceAll(s, softHyphen, "")
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// The soft hyphen marks where a word may break and is never part of it.
const softHyphen = "\u00ad"

// blockTags are the elements whose text is one paragraph.
var blockTags = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "td": true, "th": true, "dd": true, "dt": true, "figcaption": true}

// block is one paragraph of the extracted article and where it sits in
// the extractor's tree, which tells a subhead of the article from the
// headline of another story.
type block struct {
	text string
	// node is the block element, or the element that holds a run of
	// loose text; nil where the extractor gave only plain text.
	node *html.Node
	// linked is how many bytes of text are inside a link.
	linked int
	// header and caption say the block is inside a <header> or a
	// <figcaption> of the article.
	header, caption bool
	// article is the innermost <article> inside the extracted content
	// that holds the block: an article in the article is most often
	// another story's card.
	article *html.Node
}

// blocks returns the extracted article's paragraphs, one per block
// element: trafilatura's plain text sometimes runs paragraphs together,
// and a paragraph of chrome must not take the article down with it. Text
// outside any block element (a feed item's body without <p> tags) is
// one paragraph from one block boundary to the next, links and emphasis
// inside it included: read node by node, "attacked <a>a base in
// Monguno</a>, killing five" fell into three pieces, two of them no
// sentence at all.
func blocks(content *html.Node, plain string) []block {
	if content == nil {
		return plainBlocks(plain)
	}
	var out []block
	var run strings.Builder // the loose text since the last boundary
	var cur block           // what is known of the run
	flush := func() {
		if t := strings.Join(strings.Fields(run.String()), " "); t != "" {
			cur.text = t
			out = append(out, cur)
		}
		run.Reset()
		cur = block{}
	}
	var visit func(n *html.Node, in where)
	visit = func(n *html.Node, in where) {
		switch {
		case n.Type == html.TextNode:
			if cur.node == nil {
				cur.node, cur.header, cur.caption, cur.article = n.Parent, in.header, in.caption, in.article
			}
			run.WriteString(n.Data)
			if in.link {
				cur.linked += len(strings.TrimSpace(n.Data))
			}
		case n.Type != html.ElementNode && n.Type != html.DocumentNode:
		case n.Type == html.ElementNode && blockTags[n.Data]:
			flush()
			in = in.enter(n)
			cur.node, cur.header, cur.caption, cur.article = n, in.header, in.caption, in.article
			cur.linked = inline(n, &run, in.link)
			flush()
		default:
			// An inline element (a link, emphasis) is part of the run,
			// a block inside it still apart; any other (div, section,
			// br, a tag unknown here) ends the run before and after it.
			part := n.Type == html.ElementNode && inlineTags[n.Data]
			if !part {
				flush()
			}
			in = in.enter(n)
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c, in)
			}
			if !part {
				flush()
			}
		}
	}
	visit(content, where{root: content})
	flush()
	if len(out) == 0 {
		return plainBlocks(plain)
	}
	return out
}

// where says what a node of the article is inside.
type where struct {
	root                  *html.Node // the extracted content
	link, header, caption bool
	article               *html.Node
}

func (w where) enter(n *html.Node) where {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "a":
			w.link = w.link || attr(n, "href") != ""
		case "header":
			w.header = true
		case "figcaption":
			w.caption = true
		case "article":
			if n != w.root {
				w.article = n
			}
		}
	}
	return w
}

// plainBlocks makes a block of each line of an extractor's plain text.
func plainBlocks(plain string) []block {
	lines := splitLines(plain)
	out := make([]block, len(lines))
	for i, l := range lines {
		out[i] = block{text: l}
	}
	return out
}

// inlineTags are the elements that sit inside a line of text.
var inlineTags = map[string]bool{"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "dfn": true, "em": true, "font": true, "i": true, "kbd": true, "mark": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strong": true, "sub": true, "sup": true,
	"time": true, "u": true, "var": true, "img": true, "wbr": true}

// inline writes the text inside a block, line breaks as spaces, and
// returns how many bytes of it are inside a link.
func inline(n *html.Node, b *strings.Builder, link bool) int {
	linked := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
			if link {
				linked += len(strings.TrimSpace(c.Data))
			}
		case c.Type == html.ElementNode && c.Data == "br":
			b.WriteByte(' ')
		case c.Type == html.ElementNode:
			linked += inline(c, b, link || c.Data == "a" && attr(c, "href") != "")
		}
	}
	return linked
}

// truncated reports whether a page ends before its body does.
func truncated(page []byte) bool {
	tail := bytes.ToLower(page[max(0, len(page)-4096):])
	return !bytes.Contains(tail, []byte("</body")) && !bytes.Contains(tail, []byte("</html"))
}
