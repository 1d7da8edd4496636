package load

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/sitrep/sitrep/internal/event"
)

// minTruncatedText is how much text a page that ends early must still give
// to be read rather than refused.
const minTruncatedText = 500

// loadHTML removes the page's boilerplate with trafilatura and keeps the
// article's paragraphs and metadata.
func loadHTML(ctx context.Context, page string, opts Options) (*event.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("load html: %w", err)
	}
	root, err := parseHTML(page)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		ExcludeTables:   true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Fast,
		MaxTreeSize:     50_000,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	var paras []string
	for _, l := range blocks(res) {
		if isChrome(l) || isHeading(l) {
			continue
		}
		paras = append(paras, l)
	}
	// The headline is metadata, not a paragraph of the report.
	if t := strings.TrimSpace(res.Metadata.Title); t != "" && len(paras) > 0 && strings.HasPrefix(paras[0], t) {
		paras[0] = strings.TrimSpace(strings.TrimPrefix(paras[0], t))
		if paras[0] == "" {
			paras = paras[1:]
		}
	}
	text := strings.Join(paras, "\n\n")
	if len(text) < minTruncatedText && truncated(page) {
		return nil, fmt.Errorf("%w: the page ends before </body> and gives only %d bytes of text", ErrTruncated, len(text))
	}
	meta := res.Metadata
	doc := &event.Document{
		Format: string(FormatHTML),
		Title:  strings.TrimSpace(meta.Title),
		Outlet: strings.TrimSpace(meta.Sitename),
		URL:    meta.URL,
		Text:   text,
	}
	if doc.URL == "" && (strings.HasPrefix(opts.Source, "http://") || strings.HasPrefix(opts.Source, "https://")) {
		doc.URL = opts.Source
	}
	if !meta.Date.IsZero() {
		doc.Published, doc.PublishedFrom = event.DateOf(meta.Date), "html-meta"
	} else {
		lines := splitLines(res.ContentText)
		if d, _ := dateline(lines, contentLines(lines), 0); d != "" {
			doc.Published, doc.PublishedFrom = event.Date(d), "html-text"
		}
	}
	return doc, nil
}

// isHeading reports whether a block reads as a heading, not as prose: no
// stop at its end and too few words for a paragraph. Headlines, subheads,
// bylines and date lines tell no event of their own; read as sentences,
// they repeat the body's events with less of what the body says (no date,
// no actor), and the copies do not merge. The plain-text loader keeps
// out the same lines.
func isHeading(l string) bool {
	return !endsSentence(l) && countWords(l, 25) < 25
}

// parseHTML parses a page that decode has checked: UTF-8, or bytes in
// the charset the page declares. trafilatura's own parser runs a
// statistical charset detector over every page, which costs more than
// the rest of boilerplate removal and can take UTF-8 for a legacy
// charset; here the declaration decides, by the HTML standard's rules.
// Like that parser, it drops soft hyphens and composes characters (NFC),
// so "Bamako" spelt with a combining accent reads as the precomposed one.
func parseHTML(page string) (*html.Node, error) {
	var r io.Reader = strings.NewReader(page)
	valid := utf8.ValidString(page)
	if !valid {
		head := []byte(page[:min(len(page), 1024)])
		enc, _, _ := charset.DetermineEncoding(head, "text/html")
		r = transform.NewReader(r, enc.NewDecoder())
	}
	if !valid || strings.Contains(page, softHyphen) || !norm.NFC.IsNormalString(page) {
		r = transform.NewReader(r, transform.Chain(runes.Remove(runes.Predicate(isSoftHyphen)), norm.NFC))
	}
	root, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return root, nil
}

// The soft hyphen marks where a word may break and is never part of it.
const softHyphen = "\u00ad"

func isSoftHyphen(r rune) bool { return r == '\u00ad' }

// blockTags are the elements whose text is one paragraph.
var blockTags = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "td": true, "th": true, "dd": true, "dt": true, "figcaption": true}

// blocks returns the extracted article's paragraphs, one per block
// element: trafilatura's plain text sometimes runs paragraphs together,
// and a paragraph of chrome must not take the article down with it. Text
// outside any block element (a feed item's body without <p> tags) is
// one paragraph from one block boundary to the next, links and emphasis
// inside it included: read node by node, "attacked <a>a base in
// Monguno</a>, killing five" fell into three pieces, two of them no
// sentence at all.
func blocks(res *trafilatura.ExtractResult) []string {
	if res.ContentNode == nil {
		return splitLines(res.ContentText)
	}
	var out []string
	var run strings.Builder // the loose text since the last boundary
	flush := func() {
		if t := strings.Join(strings.Fields(run.String()), " "); t != "" {
			out = append(out, t)
		}
		run.Reset()
	}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			run.WriteString(n.Data)
		case n.Type != html.ElementNode && n.Type != html.DocumentNode:
		case n.Type == html.ElementNode && blockTags[n.Data]:
			flush()
			inline(n, &run)
			flush()
		default:
			// An inline element (a link, emphasis) is part of the run,
			// a block inside it still apart; any other (div, section,
			// br, a tag unknown here) ends the run before and after it.
			part := n.Type == html.ElementNode && inlineTags[n.Data]
			if !part {
				flush()
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
			if !part {
				flush()
			}
		}
	}
	visit(res.ContentNode)
	flush()
	if len(out) == 0 {
		return splitLines(res.ContentText)
	}
	return out
}

// inlineTags are the elements that sit inside a line of text.
var inlineTags = map[string]bool{"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "dfn": true, "em": true, "font": true, "i": true, "kbd": true, "mark": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strong": true, "sub": true, "sup": true,
	"time": true, "u": true, "var": true, "img": true, "wbr": true}

// inline writes the text inside a block, line breaks as spaces.
func inline(n *html.Node, b *strings.Builder) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.Data == "br":
			b.WriteByte(' ')
		case c.Type == html.ElementNode:
			inline(c, b)
		}
	}
}

// truncated reports whether a page ends before its body does.
func truncated(page string) bool {
	tail := strings.ToLower(page[max(0, len(page)-4096):])
	return !strings.Contains(tail, "</body") && !strings.Contains(tail, "</html")
}
