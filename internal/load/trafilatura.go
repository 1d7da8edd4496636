//go:build trafilatura

package load

import (
	"fmt"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// The go-trafilatura options are built in only with the build tag
// "trafilatura": go-trafilatura's date parser compiles some 4,000
// regular expressions when the program starts, 0.3 s and 95 MB before
// the first article, for options the default does not use
// (docs/html.md).

// fromTrafilatura finds the article with go-trafilatura, which leaves root
// as it was.
func fromTrafilatura(root *html.Node, fallback bool) (*extracted, error) {
	res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		EnableFallback:  fallback,
		ExcludeComments: true,
		ExcludeTables:   true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Fast,
		MaxTreeSize:     50_000,
	})
	if err != nil {
		return nil, fmt.Errorf("trafilatura: %w", err)
	}
	meta := res.Metadata
	return &extracted{
		blocks:    blocks(res.ContentNode, res.ContentText),
		plain:     res.ContentText,
		title:     strings.TrimSpace(meta.Title),
		outlet:    strings.TrimSpace(meta.Sitename),
		url:       meta.URL,
		published: meta.Date,
	}, nil
}
