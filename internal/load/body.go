package load

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/sitrep/sitrep/internal/text"
)

// HTMLBlocks says which of the extracted blocks that are not plainly
// prose make the article's text. The zero value is the rule chosen by
// measure (docs/html.md); the others are kept to measure it again.
type HTMLBlocks int

// The rules for blocks that are not plainly prose.
const (
	HTMLBlocksDefault HTMLBlocks = iota
	// HTMLBlocksOfBody keeps a block that reads as a heading where it
	// sits in the body, between its paragraphs and beside them (a
	// subhead, a list item, a table's cell), and drops wherever they
	// are link text, lists of links, cards of other stories, captions,
	// the article's header and its headline set again.
	HTMLBlocksOfBody
	// HTMLBlocksProse drops every block that reads as a heading.
	HTMLBlocksProse
	// HTMLBlocksAll keeps every block but chrome.
	HTMLBlocksAll
)

// defaultBlocks is what HTMLBlocksDefault means.
const defaultBlocks = HTMLBlocksOfBody

// bodyText returns the blocks of the article's text by rule; title is
// the page's headline.
func bodyText(bs []block, rule HTMLBlocks, title string) []string {
	var out []string
	for i, k := range keepBlocks(bs, rule, title) {
		if k {
			out = append(out, bs[i].text)
		}
	}
	return out
}

// keepBlocks says which blocks make the article's text by rule.
func keepBlocks(bs []block, rule HTMLBlocks, title string) []bool {
	if rule == HTMLBlocksDefault {
		rule = defaultBlocks
	}
	keep := make([]bool, len(bs))
	switch rule {
	case HTMLBlocksProse, HTMLBlocksAll:
		for i, b := range bs {
			keep[i] = !isChrome(b.text) && (rule == HTMLBlocksAll || !isHeading(b.text))
		}
		return keep
	}
	drop := make([]bool, len(bs))
	linky := make([]bool, len(bs)) // dropped as a link or a list of links
	heading := make([]bool, len(bs))
	titleWords := map[string]bool{}
	for _, t := range text.Tokens(title) {
		titleWords[t.Key] = true
	}
	for i, b := range bs {
		heading[i] = readsAsHeading(b)
		linky[i] = isLinkText(b)
		// The page's own headline again (over a video, a gallery) tells
		// nothing the body does not, and its events would not merge.
		again := heading[i] && sameHeadline(b.text, titleWords)
		drop[i] = linky[i] || again || isChrome(b.text) || b.caption || b.header
	}
	linkLists(bs, heading, linky, drop)
	cards(bs, heading, drop)
	first, last := -1, -1
	// The elements that hold the body's paragraphs.
	holders := map[*html.Node]bool{}
	for i, b := range bs {
		if drop[i] || heading[i] {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		if b.node != nil {
			holders[b.node.Parent] = true
		}
	}
	for i, b := range bs {
		// A heading right before links ("Read more", "Don't miss")
		// introduces them.
		leadIn := i+1 < len(bs) && linky[i+1]
		keep[i] = !drop[i] && (!heading[i] || first < i && i < last && !leadIn && inBody(b.node, holders))
	}
	return keep
}

// readsAsHeading reports whether a block reads as a heading: by its
// words (isHeading), by its element, or as a headline that ends on a
// quote with no stop inside it ("Minister ‘knew of the sale’").
func readsAsHeading(b block) bool {
	if isHeading(b.text) || b.node != nil && headingTags[b.node.Data] {
		return true
	}
	r, size := utf8.DecodeLastRuneInString(b.text)
	if !strings.ContainsRune(closingQuotes, r) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(b.text[:len(b.text)-size])
	return !strings.ContainsRune(".!?…,;:", before) && countWords(b.text, 25) < 25
}

// sameHeadline reports whether a block is the page's headline, title,
// again: all but a fifth of its words, four or more, are the title's
// ("'We got her!' Video shows rescue of kidnapped girl" under "'We Got
// Her!': Video Shows Rescue of Kidnapped Fort Worth Girl").
func sameHeadline(block string, title map[string]bool) bool {
	words := text.Tokens(block)
	if len(words) < 4 || len(title) == 0 {
		return false
	}
	in := 0
	for _, w := range words {
		if title[w.Key] {
			in++
		}
	}
	return 5*in >= 4*len(words)
}

// closingQuotes end a quotation.
const closingQuotes = "”\"’»"

// linkLists drops the lists whose every item holds a link and most read
// as headings: "more stories", a site's sections.
func linkLists(bs []block, heading, linky, drop []bool) {
	type list struct{ items, headings int }
	lists := map[*html.Node]*list{}
	for i, b := range bs {
		if b.node == nil || b.node.Data != "li" {
			continue
		}
		l := lists[b.node.Parent]
		if l == nil {
			l = &list{}
			lists[b.node.Parent] = l
		}
		if b.linked == 0 {
			l.items = -len(bs) // an item without a link
		}
		l.items++
		if heading[i] {
			l.headings++
		}
	}
	for i, b := range bs {
		if b.node == nil || b.node.Data != "li" {
			continue
		}
		if l := lists[b.node.Parent]; l.items > 0 && 2*l.headings > l.items {
			drop[i], linky[i] = true, true
		}
	}
}

// cards drops the <article>s inside the article that hold a linked
// headline and no more than a teaser: other stories. Where nothing but
// such cards has prose, the page is much like a listing and the cards
// are its text.
func cards(bs []block, heading, drop []bool) {
	type card struct {
		linked       bool
		prose, paras int
	}
	cs := map[*html.Node]*card{}
	allProse := 0
	for i, b := range bs {
		if !heading[i] && !drop[i] {
			allProse += len(b.text)
		}
		if b.article == nil {
			continue
		}
		c := cs[b.article]
		if c == nil {
			c = &card{}
			cs[b.article] = c
		}
		if heading[i] && isLinkText(b) {
			c.linked = true
		}
		if !heading[i] && !drop[i] {
			c.prose += len(b.text)
			c.paras++
		}
	}
	isCard := func(c *card) bool { return c.linked && c.prose <= maxTeaser && c.paras < maxTeaserParas }
	inCards := 0
	for _, c := range cs {
		if isCard(c) {
			inCards += c.prose
		}
	}
	if allProse-inCards < maxOwnProse {
		return
	}
	for i, b := range bs {
		if b.article != nil && isCard(cs[b.article]) {
			drop[i] = true
		}
	}
}

// isLinkText reports whether most of a block's text is a link's: the
// headline of another story or a link to one.
func isLinkText(b block) bool { return 2*b.linked >= len(b.text) }

// inBody reports whether a block sits among the body's paragraphs: a
// sibling of one, or inside a list, a table or a quote that is. A block
// of a box set into the body (a rail of other stories, a "read more")
// sits deeper, under a wrapper that holds no paragraph of the body.
func inBody(n *html.Node, holders map[*html.Node]bool) bool {
	if n == nil {
		return false
	}
	for top := n; top.Parent != nil; top = top.Parent {
		if !holders[top.Parent] {
			continue
		}
		if top == n {
			return true
		}
		switch top.Data {
		case "ul", "ol", "dl", "table", "blockquote":
			return true
		}
		return false
	}
	return false
}
