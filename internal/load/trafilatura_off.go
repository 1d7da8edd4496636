//go:build !trafilatura

package load

import (
	"errors"

	"golang.org/x/net/html"
)

// fromTrafilatura is not built in: see trafilatura.go.
func fromTrafilatura(*html.Node, bool) (*extracted, error) {
	return nil, errors.New("go-trafilatura is not built in: build with -tags trafilatura")
}
