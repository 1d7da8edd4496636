// Command longnews writes a stream of realistic articles for measuring
// ingest: the development corpus's articles made 3-8 KB long, again and
// again, each round published a day after the one before (the
// "Published:" line rewritten), so that stories dated relative to the
// publication day fall on new days and the rest merge as repeated
// reports do. A closing line numbers each article, so that none is a
// duplicate of another.
//
//	go run ./scripts/longnews -n 100000 -dir /tmp/news
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/sitrep/sitrep/corpus"
)

var publishedRE = regexp.MustCompile(`(?m)^Published: [^\n|]*`)

func main() {
	n := flag.Int("n", 100000, "number of articles")
	dir := flag.String("dir", "", "directory to write them to (created)")
	flag.Parse()
	if *dir == "" {
		log.Fatal("longnews: -dir is required")
	}
	texts, err := corpus.Lengthened()
	if err != nil {
		log.Fatal(err)
	}
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range *n {
		round := i / len(texts)
		sub := filepath.Join(*dir, fmt.Sprintf("%04d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				log.Fatal(err)
			}
		}
		day := start.AddDate(0, 0, round).Format("2 January 2006")
		text := publishedRE.ReplaceAllLiteralString(texts[i%len(texts)], "Published: "+day)
		if text == texts[i%len(texts)] {
			text = "Published: " + day + "\n\n" + text
		}
		// Articles are told apart by their text, chrome aside.
		text += fmt.Sprintf("\n\nFiled as item %d of the desk's archive.\n", i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%06d.txt", i)), []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
