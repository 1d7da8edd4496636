package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "FILE|- ...", "Reads each article (HTML page or plain text, detected by content) and prints one JSON\nobject per article: its document metadata, then its events with their evidence spans.",
		`sitrep extract article.html
sitrep extract --compact --published 2025-06-17 a.txt b.txt
curl -s https://example.org/story | sitrep extract -`)
	published := fs.String("published", "", "publication date `YYYY-MM-DD`, overriding what the article says")
	compact := fs.Bool("compact", false, "print each article's JSON on one line")
	maxBytes := fs.Int("max-bytes", load.DefaultMaxBytes, "largest input accepted, in bytes")
	if err := parse(fs, args, -1); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: no input: give a file name or - for standard input", errUsage)
	}
	if *published != "" {
		if _, err := time.Parse(time.DateOnly, *published); err != nil {
			return fmt.Errorf("%w: --published %q is not a YYYY-MM-DD date", errUsage, *published)
		}
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
		res, err := extractOne(ctx, p, path, e, *published, *maxBytes)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "sitrep extract: %s: %v\n", path, err)
			continue
		}
		if err := enc.Encode(res); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%s of %d failed", plural(failed, "input"), fs.NArg())
	}
	return nil
}

func extractOne(ctx context.Context, p *pipeline.Pipeline, path string, e *env, published string, maxBytes int) (any, error) {
	data, err := pipeline.ReadInput(path, e.stdin, maxBytes)
	if err != nil {
		return nil, err
	}
	source := path
	if path == "-" {
		source = ""
	}
	return p.Process(ctx, data, pipeline.Options{Load: load.Options{Published: published, Source: source, MaxBytes: maxBytes}})
}
