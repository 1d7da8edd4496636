// Package corpus holds sitrep's development corpus: wire-style articles
// written for sitrep, each with its gold coding (NAME.gold.json) in the
// format `sitrep eval` scores. They also serve as the demo's data.
package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed *.txt *.html
var articles embed.FS

// Articles returns the corpus's articles (NAME.txt and NAME.html files).
func Articles() fs.FS { return articles }

// Lengthened returns the corpus's plain-text articles made 3 to 8 KB
// long, as long wire reports are, for measuring speed on input of
// realistic size: each article is followed by the bodies of the next ones
// until it reaches its length, which steps from 3,000 to 7,000 bytes.
func Lengthened() ([]string, error) {
	var texts []string
	err := fs.WalkDir(articles, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := fs.ReadFile(articles, path)
		texts = append(texts, string(data))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	out := make([]string, len(texts))
	for i, t := range texts {
		a := t
		for j := 1; len(a) < 3000+(i%6)*800; j++ {
			a += "\n\n" + texts[(i+j)%len(texts)]
		}
		out[i] = a
	}
	return out, nil
}
