package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/gold"
	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "DIR", "Extracts every NAME.txt or NAME.html in DIR that has a NAME.gold.json beside it and\nscores the events against the gold, by the rules of the gold format: detection\nprecision, recall and F1, field accuracy on matched events, and per-article diffs.",
		`sitrep eval corpus/
sitrep eval --json corpus/ > report.json`)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: give one directory", errUsage)
	}
	cases, err := eval.Discover(fs.Arg(0))
	if err != nil {
		return err
	}
	if len(cases) == 0 {
		return fmt.Errorf("no NAME.txt or NAME.html with a NAME.gold.json in %s", fs.Arg(0))
	}
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	articles := make([]eval.Article, 0, len(cases))
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return err
		}
		art, err := evalCase(ctx, p, c)
		if err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
		if art.Err != nil {
			fmt.Fprintf(e.stderr, "sitrep eval: %s: %v (scored as all misses)\n", c.Name, art.Err)
		}
		articles = append(articles, art)
	}
	report := eval.Score(articles)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	}
	return report.WriteText(e.stdout)
}

func evalCase(ctx context.Context, p *pipeline.Pipeline, c eval.Case) (eval.Article, error) {
	g, err := gold.ReadFile(c.GoldPath)
	if err != nil {
		return eval.Article{}, err
	}
	data, err := os.ReadFile(c.TextPath)
	if err != nil {
		return eval.Article{}, err
	}
	res, err := p.Process(ctx, data, pipeline.Options{Load: load.Options{Source: c.TextPath}})
	if err != nil {
		if ctx.Err() != nil {
			return eval.Article{}, err
		}
		// An article that cannot be read costs its events, not the run.
		return eval.Article{Name: c.Name, Gold: g, Err: err}, nil
	}
	return eval.Article{Name: c.Name, Text: res.Document.Text, Gold: g, Predicted: res.Events}, nil
}
