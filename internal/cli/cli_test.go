package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExtractSample(t *testing.T) {
	code, out, stderr := run(t, "", "extract", "--compact", filepath.Join("..", "..", "testdata", "samples", "kashmir-2025-05-07-strikes.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res event.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Document.Published != "2025-05-07" || res.Document.Outlet != "Indus Wire" || len(res.Events) == 0 {
		t.Errorf("document %+v with %d events", res.Document.Published, len(res.Events))
	}
}

// TestExtractExplain: --explain tells, for each field, the rule that
// gave its value and the words it rests on.
func TestExtractExplain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "raids.txt")
	text := "Air raids also continued in the countryside west of Aleppo on Tuesday. An attack on the village of Kafr Naha killed at least 12 people, the monitor said.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "", "extract", "--explain", "--published", "2016-11-16", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"event 2:",
		"Air/drone strike",
		"rule: air weapon words in the sentence before",
		"rule: no time of its own: the time of the event told before",
		`from: "Kafr Naha"`,
		"rule: the toll told",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Soldiers clashed with rebels near Goma in North Kivu on Monday, killing 5 people, the army said.\n"))
	tests := []struct {
		name, path, want string
	}{
		{"empty", write("empty.txt", nil), "empty input"},
		{"binary", write("bin.dat", []byte("\x00\x01\x02\x03")), "binary"},
		{"invalid utf-8", write("bad.txt", []byte("\u00e9\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4")), "UTF-8"},
		{"missing", filepath.Join(dir, "nope.txt"), "no such file"},
		{"truncated html", write("t.html", []byte("<!DOCTYPE html><html><body><div><p>Soldiers clashed")), "truncated HTML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := run(t, "", "extract", "--compact", tt.path, good)
			if code != 1 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, tt.want)
			}
			// The good file in the same batch still comes out.
			if strings.Count(out, "\n") != 1 || !strings.Contains(out, "Goma") {
				t.Errorf("batch output %q", out)
			}
		})
	}
	big := write("big.txt", bytes.Repeat([]byte("a "), 100))
	if code, _, stderr := run(t, "", "extract", "--max-bytes", "50", big); code != 1 || !strings.Contains(stderr, "too large") {
		t.Errorf("over --max-bytes: exit %d, %q", code, stderr)
	}
}

func TestUsage(t *testing.T) {
	if code, _, _ := run(t, ""); code != 2 {
		t.Errorf("no args: exit %d", code)
	}
	if code, _, stderr := run(t, "", "frobnicate"); code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Errorf("unknown command: exit %d %q", code, stderr)
	}
	if code, _, _ := run(t, "", "extract"); code != 2 {
		t.Errorf("extract with no input: exit %d", code)
	}
	if code, _, _ := run(t, "", "extract", "--published", "yesterday", "-"); code != 2 {
		t.Errorf("bad --published: exit %d", code)
	}
	if code, out, stderr := run(t, "", "--help"); code != 0 || !strings.Contains(out, "Examples:") || stderr != "" {
		t.Errorf("--help: exit %d, stdout %q, stderr %q; want usage on stdout", code, out, stderr)
	}
	if code, out, _ := run(t, "", "--version"); code != 0 || !strings.HasPrefix(out, "sitrep ") || !strings.Contains(out, "commit") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "sitrep ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	for name := range commands() {
		code, out, stderr := run(t, "", name, "-h")
		if code != 0 || !strings.Contains(out, "Usage: sitrep "+name) || !strings.Contains(out, "Examples:\n  sitrep "+name) || stderr != "" {
			t.Errorf("%s -h: exit %d, stdout %q, stderr %q; want usage with examples on stdout", name, code, out, stderr)
		}
	}
	if _, out, _ := run(t, "", "serve", "-h"); !strings.Contains(out, "/api/export") || !strings.Contains(out, "country") {
		t.Errorf("serve -h lists no endpoints or filters: %q", out)
	}
	if code, _, stderr := run(t, "", "export", "--nope"); code != 2 || !strings.Contains(stderr, "not defined") || !strings.Contains(stderr, "sitrep export -h") {
		t.Errorf("unknown flag: exit %d, %q", code, stderr)
	}
}

func TestEvalShared(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/corpus not present (%v)", err)
	}
	code, out, stderr := run(t, "", "eval", "--json", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		All struct{ F1 float64 } `json:"all"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.All.F1 != 1 {
		t.Errorf("F1 = %v", r.All.F1)
	}
}

func TestIngestExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	samples := filepath.Join("..", "..", "testdata", "samples")
	code, out, stderr := run(t, "", "ingest", "--db", db, samples)
	if code != 0 || !strings.Contains(out, "1 documents read") {
		t.Fatalf("ingest: exit %d, %q %q", code, out, stderr)
	}
	// Off a terminal, progress is a log line.
	if !strings.Contains(stderr, "msg=ingest done=1 total=1") {
		t.Errorf("ingest progress on a non-terminal: %q", stderr)
	}
	code, out, _ = run(t, "", "ingest", "--db", db, samples)
	if code != 0 || !strings.Contains(out, "0 documents read, 1 already stored") || !strings.Contains(out, "0 new, 0 merged") {
		t.Errorf("re-ingest: exit %d, %q", code, out)
	}
	code, out, stderr = run(t, "", "export", "--db", db, "--format", "acled-csv", "--country", "PK")
	if code != 0 || !strings.HasPrefix(out, "event_id_cnty,event_date") || strings.Count(out, "\n") < 2 {
		t.Errorf("export: exit %d, %q %q", code, out, stderr)
	}
	if code, _, stderr := run(t, "", "export", "--db", db, "--format", "xml"); code != 2 || !strings.Contains(stderr, "unknown format") {
		t.Errorf("bad format: exit %d %q", code, stderr)
	}
	// Names, aliases and lower case find what codes and exact names do.
	for _, args := range [][]string{{"--country", "Pakistan"}, {"--country", "pk"}, {"--type", "explosions/remote violence"}, {"--type", "armed clash"}} {
		code, out, stderr := run(t, "", append([]string{"export", "--db", db}, args...)...)
		if code != 0 || strings.Count(out, "\n") < 2 {
			t.Errorf("export %v: exit %d, %d lines, %q", args, code, strings.Count(out, "\n"), stderr)
		}
	}
	for _, args := range [][]string{{"--from", "yesterday"}, {"--from", "2025-13-01"}, {"--to", "2025-02-30"}, {"--type", "skirmish"},
		{"--country", "Narnia"}, {"--from", "2025-02-01", "--to", "2025-01-01"}, {"extra"}, {"--format", "geojson", "extra"}} {
		code, out, stderr := run(t, "", append([]string{"export", "--db", db}, args...)...)
		if code != 2 || out != "" || stderr == "" {
			t.Errorf("export %v: exit %d, stdout %q, stderr %q; want exit 2 and an error", args, code, out, stderr)
		}
	}
	// A sub-type selects its own events only.
	_, shell, _ := run(t, "", "export", "--db", db, "--type", "shelling/artillery/missile attack")
	if strings.Contains(shell, "Armed clash") || !strings.Contains(shell, "Shelling/artillery/missile attack") {
		t.Errorf("sub-type export %q", shell)
	}
	file := filepath.Join(t.TempDir(), "out.geojson")
	code, out, stderr = run(t, "", "export", "--db", db, "--format", "geojson", "-o", file)
	data, err := os.ReadFile(file)
	if code != 0 || out != "" || err != nil || !strings.HasPrefix(string(data), `{"type":"FeatureCollection","features":[{`) || !strings.Contains(stderr, "written to "+file) {
		t.Errorf("export -o: exit %d, stdout %q, stderr %q, file %.60q %v", code, out, stderr, data, err)
	}
	if code, _, _ := run(t, "", "ingest", "--db", db, filepath.Join(t.TempDir(), "missing")); code != 1 {
		t.Errorf("ingest of nothing readable: exit %d, want 1", code)
	}
}

func TestLoopbackRefusalNamesTheFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	code, _, stderr := run(t, "", "ingest", "--db", db, "http://127.0.0.1:9/feed.xml")
	if code != 1 || !strings.Contains(stderr, "--allow-private") {
		t.Errorf("loopback URL: exit %d, stderr %q; want 1 and the flag that allows it", code, stderr)
	}
}
