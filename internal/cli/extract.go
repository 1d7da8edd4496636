package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "FILE|- ...", "Reads each article (HTML page or plain text, detected by content) and prints one JSON\nobject per article: its document metadata, then its events with their evidence spans.\nWith --explain it prints, for each event, each field's value, the rule that gave it\nand the words it rests on, for a reader rather than a program.",
		`sitrep extract article.html
sitrep extract --compact --published 2025-06-17 a.txt b.txt
sitrep extract --explain article.txt
curl -s https://example.org/story | sitrep extract -`)
	published := publishedFlag(fs)
	compact := fs.Bool("compact", false, "print each article's JSON on one line")
	explain := fs.Bool("explain", false, "print why each field of each event has its value, as text, instead of JSON")
	maxBytes := fs.Int("max-bytes", load.DefaultMaxBytes, "largest input accepted, in bytes")
	if err := parse(fs, args, -1); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: no input: give a file name or - for standard input", errUsage)
	}
	day, err := publishedDay(*published)
	if err != nil {
		return err
	}
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	if !*compact {
		enc.SetIndent("", "  ")
	}
	failed := 0
	for _, path := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		results, err := extractOne(ctx, p, path, e, day, *maxBytes, *explain)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "sitrep extract: %s: %v\n", path, err)
			continue
		}
		// A listing page gives one object for each of its stories.
		for _, res := range results {
			if res.Document.Published == "" {
				fmt.Fprintf(e.stderr, "sitrep extract: %s: warning: no publication date found; relative dates are left unknown (--published sets one)\n", path)
			}
			if *explain {
				err = writeExplanation(e.stdout, path, res)
			} else {
				err = enc.Encode(res)
			}
			if err != nil {
				return fmt.Errorf("write output: %w", err)
			}
		}
	}
	if failed > 0 {
		return fmt.Errorf("%s of %d failed", plural(failed, "input"), fs.NArg())
	}
	return nil
}

// publishedFlag adds --published.
func publishedFlag(fs *flag.FlagSet) *string {
	return fs.String("published", "", "publication date `YYYY-MM-DD` of every article, above what sources and pages say; \"now\" for today")
}

// publishedDay checks --published; "now" and "today" anchor to today's
// date, an explicit choice rather than a silent default.
func publishedDay(s string) (string, error) {
	switch s {
	case "":
		return "", nil
	case "now", "today":
		return time.Now().UTC().Format(time.DateOnly), nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", fmt.Errorf("%w: --published %q is not a YYYY-MM-DD date or \"now\"", errUsage, s)
	}
	return s, nil
}

func extractOne(ctx context.Context, p *pipeline.Pipeline, path string, e *env, published string, maxBytes int, explain bool) ([]*event.Result, error) {
	data, err := pipeline.ReadInput(path, e.stdin, maxBytes)
	if err != nil {
		return nil, err
	}
	source := path
	if path == "-" {
		source = ""
	}
	return p.ProcessAll(ctx, data, pipeline.Options{Load: load.Options{Published: published, Source: source, MaxBytes: maxBytes}, Explain: explain})
}
