package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/gold"
	"github.com/sitrep/sitrep/internal/load"
)

var (
	once   sync.Once
	shared *Pipeline
	errNew error
)

func pipe(t testing.TB) *Pipeline {
	t.Helper()
	once.Do(func() { shared, errNew = New() })
	if errNew != nil {
		t.Fatal(errNew)
	}
	return shared
}

// scoreDir extracts and scores every gold-coded article in dir, and checks
// each gold file against the article's clean text.
func scoreDir(t *testing.T, dir string) *eval.Report { return score(t, dir, true) }

// score extracts and scores every gold-coded article in dir; strict
// checks each gold file against the clean text, which real articles'
// gold, whose passages may lie in the chrome left out, need not fit.
func score(t *testing.T, dir string, strict bool) *eval.Report {
	t.Helper()
	cases, err := eval.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	var arts []eval.Article
	for _, c := range cases {
		g, err := gold.ReadFile(c.GoldPath)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(c.TextPath)
		if err != nil {
			t.Fatal(err)
		}
		res, err := pipe(t).Process(context.Background(), data, Options{Load: load.Options{Source: c.TextPath}})
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
			continue
		}
		if err := g.Validate(res.Document.Text); strict && err != nil {
			t.Errorf("%s: gold does not fit the clean text: %v", c.Name, err)
		}
		arts = append(arts, eval.Article{Name: c.Name, Text: res.Document.Text, Gold: g, Predicted: res.Events})
	}
	return eval.Score(arts)
}

// TestSharedCorpus holds extraction to the reference article: every
// non-optional gold event found, with its date, place and fatalities
// right, and no false event.
func TestSharedCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/corpus not present (%v): the reference corpus is only available beside the repository", err)
	}
	r := scoreDir(t, dir)
	var sb strings.Builder
	_ = r.WriteText(&sb)
	t.Log("\n" + sb.String())
	if r.All.Recall != 1 || r.All.Precision != 1 {
		t.Errorf("detection P=%.3f R=%.3f, want 1 and 1", r.All.Precision, r.All.Recall)
	}
	for _, f := range []string{"date", "fatalities"} {
		if r.Fields[f].Accuracy != 1 {
			t.Errorf("%s accuracy %.3f, want 1", f, r.Fields[f].Accuracy)
		}
	}
	// The clash's two sourced tolls: ISPR's 23 and Salam's 200.
	if c := r.Fields["claims"]; c.Right < 2 {
		t.Errorf("claims %d/%d right, want at least the clash's two", c.Right, c.Scored)
	}
}

func TestEvidenceSpans(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "kashmir-2025-05-07-strikes.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipe(t).Process(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) == 0 {
		t.Fatal("no events in the sample")
	}
	text := res.Document.Text
	for _, ev := range res.Events {
		if !ev.Span.Valid(len(text)) {
			t.Errorf("event %s: span %+v outside the text", ev.ID, ev.Span)
		}
		fields := map[string]bool{}
		for _, e := range ev.Evidence {
			fields[e.Field] = true
			if !e.Span.Valid(len(text)) || text[e.Start:e.End] != e.Text {
				t.Errorf("event %s: evidence %+v does not quote the text", ev.ID, e)
			}
		}
		if !fields["event_type"] {
			t.Errorf("event %s has no evidence for its type", ev.ID)
		}
		if ev.Fatalities != nil && !fields["fatalities"] {
			t.Errorf("event %s: fatalities %d without evidence", ev.ID, *ev.Fatalities)
		}
		if ev.Actor1 != "" && !fields["actor1"] {
			t.Errorf("event %s: actor1 %q without evidence", ev.ID, ev.Actor1)
		}
	}
}

func TestReadInput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(path, make([]byte, 101), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadInput(path, nil, 100); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadInput over the limit = %v", err)
	}
	if _, err := ReadInput(dir, nil, 100); err == nil {
		t.Error("ReadInput of a directory succeeded")
	}
	if _, err := ReadInput(filepath.Join(dir, "missing"), nil, 100); err == nil {
		t.Error("ReadInput of a missing file succeeded")
	}
	got, err := ReadInput("-", strings.NewReader("abc"), 100)
	if err != nil || string(got) != "abc" {
		t.Errorf("ReadInput(-) = %q, %v", got, err)
	}
}

// TestDevCorpus holds extraction to the development corpus's targets:
// event F1 at least 0.80, and date and fatality accuracy on matched events
// at least 0.85.
func TestDevCorpus(t *testing.T) {
	r := scoreDir(t, filepath.Join("..", "..", "corpus"))
	if len(r.Articles) < 60 {
		t.Errorf("development corpus has %d articles, want at least 60", len(r.Articles))
	}
	t.Logf("events P=%.3f R=%.3f F1=%.3f; date %.3f, fatalities %.3f, actor1 %.3f, claims %.3f",
		r.All.Precision, r.All.Recall, r.All.F1, r.Fields["date"].Accuracy, r.Fields["fatalities"].Accuracy,
		r.Fields["actor1"].Accuracy, r.Fields["claims"].Accuracy)
	if r.All.F1 < 0.80 {
		t.Errorf("event F1 %.3f, want at least 0.80", r.All.F1)
	}
	for _, f := range []string{"date", "fatalities"} {
		if r.Fields[f].Accuracy < 0.85 {
			t.Errorf("%s accuracy %.3f, want at least 0.85", f, r.Fields[f].Accuracy)
		}
	}
}
