package pipeline

import (
	"context"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/load"
)

// TestExplainChangesNothing: asking for the rules behind the fields adds
// them and changes no field, and every event names the rules behind its
// type, place and date.
func TestExplainChangesNothing(t *testing.T) {
	n := 0
	err := fs.WalkDir(corpus.Articles(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".gold.json") || path.Ext(p) == ".go" {
			return err
		}
		data, err := fs.ReadFile(corpus.Articles(), p)
		if err != nil {
			return err
		}
		opts := Options{Load: load.Options{Source: p}}
		plain, err := pipe(t).Process(context.Background(), data, opts)
		if err != nil {
			return err
		}
		opts.Explain = true
		explained, err := pipe(t).Process(context.Background(), data, opts)
		if err != nil {
			return err
		}
		for i := range explained.Events {
			ev := &explained.Events[i]
			have := map[string]bool{}
			for _, r := range ev.Reasons {
				have[r.Field] = true
			}
			for _, f := range []string{"event_type", "location", "date"} {
				if !have[f] && (f != "location" || ev.Location != "") {
					t.Errorf("%s: event %d (%s) names no rule for %s", p, i, ev.Plover, f)
				}
			}
			ev.Reasons = nil
			n++
		}
		a, _ := json.Marshal(plain)
		b, _ := json.Marshal(explained)
		if string(a) != string(b) {
			t.Errorf("%s: --explain changed the events", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("only %d events read: the corpus is missing", n)
	}
}
