package load

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"

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
	res, err := trafilatura.Extract(strings.NewReader(page), trafilatura.Options{
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
	for _, l := range splitLines(res.ContentText) {
		if captionRE.MatchString(l) || chromeRE.MatchString(l) {
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
	if truncated(page) && len(text) < minTruncatedText {
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
		doc.Published, doc.PublishedFrom = meta.Date.UTC().Format(time.DateOnly), "html-meta"
	} else if d, _ := dateline(splitLines(res.ContentText), 0); d != "" {
		doc.Published, doc.PublishedFrom = d, "html-text"
	}
	return doc, nil
}

// truncated reports whether a page ends before its body does.
func truncated(page string) bool {
	tail := strings.ToLower(page[max(0, len(page)-4096):])
	return !strings.Contains(tail, "</body") && !strings.Contains(tail, "</html")
}
