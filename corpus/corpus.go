// Package corpus holds sitrep's development corpus: wire-style articles
// written for sitrep, each with its gold coding (NAME.gold.json) in the
// format `sitrep eval` scores. They also serve as the demo's data.
package corpus

import (
	"embed"
	"io/fs"
)

//go:embed *.txt *.html
var articles embed.FS

// Articles returns the corpus's articles (NAME.txt and NAME.html files).
func Articles() fs.FS { return articles }
