package extract

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the expected output of testdata/steps from what the extractor gives")

// stepFields are the fields each step decides, the only ones its fixtures
// print: a fixture breaks when its own step changes, not another.
var stepFields = map[string][]string{
	"type from the trigger":            {"event_type"},
	"time":                             {"date"},
	"place":                            {"location"},
	"vague time stays in its sentence": {"date"},
	"roles":                            {"actor1", "actor2"},
	"doer of the event before":         {"actor1", "actor2"},
	"claims":                           {"claims"},
	"side of the victims":              {"actor2"},
	"type by roles":                    {"event_type", "actor2"},
	"toll of the event before":         {"fatalities", "claims"},
	"weapon of the event before":       {"event_type"},
	"an event worth coding":            {"event_type"},
	"one event per place":              {"place", "fatalities"},
}

// stepFile is the fixture file of a step: its name, words joined by
// hyphens.
func stepFile(name string) string {
	return filepath.Join("testdata", "steps", strings.ReplaceAll(name, " ", "-")+".txt")
}

// TestStepFixtures runs, for each step of the extraction, the cases of
// its file in testdata/steps. A case is a command line ("extract", with
// an optional published=YYYY-MM-DD, 2025-03-10 by default, "none" for an
// undated article), the article,
// one paragraph a line, then "----" and what the extractor gives: the
// number of events and, for each, the fields the step decides with the
// rule that --explain names for each. A blank line ends a case; lines
// that open with # between cases are comments. go test -rewrite writes
// the expected output anew.
func TestStepFixtures(t *testing.T) {
	x := extractor(t)
	for _, s := range steps {
		fields, ok := stepFields[s.name]
		if !ok {
			t.Errorf("step %q: no fields listed in stepFields", s.name)
			continue
		}
		t.Run(strings.ReplaceAll(s.name, " ", "_"), func(t *testing.T) {
			runStepFile(t, x, stepFile(s.name), fields)
		})
	}
}

// stepCase is one case of a fixture file: its lines, and where its
// expected output lies among the file's lines.
type stepCase struct {
	line      int // of the command, from 1
	cmd       string
	input     []string
	out       []string
	outAt     int // index in the file's lines of the first output line
	outEnd    int // index after the last
	published string
}

func runStepFile(t *testing.T, x *Extractor, path string, fields []string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("each step needs its fixtures: %v", err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	cases, err := parseStepCases(lines)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	got := make([][]string, len(cases))
	for i, c := range cases {
		got[i] = runStepCase(t, x, c, fields)
		if !*rewrite && strings.Join(got[i], "\n") != strings.Join(c.out, "\n") {
			t.Errorf("%s:%d: %s\n%s\ngot:\n%s\nwant:\n%s", path, c.line, c.cmd, strings.Join(c.input, "\n"),
				strings.Join(got[i], "\n"), strings.Join(c.out, "\n"))
		}
	}
	if !*rewrite {
		return
	}
	var b strings.Builder
	prev := 0
	for i, c := range cases {
		for _, l := range lines[prev:c.outAt] {
			b.WriteString(l + "\n")
		}
		for _, l := range got[i] {
			b.WriteString(l + "\n")
		}
		prev = c.outEnd
	}
	for _, l := range lines[prev:] {
		b.WriteString(l + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// parseStepCases reads the cases of a fixture file.
func parseStepCases(lines []string) ([]stepCase, error) {
	var cases []stepCase
	for i := 0; i < len(lines); {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "#") {
			i++
			continue
		}
		c := stepCase{line: i + 1, cmd: l, published: "2025-03-10"}
		words := strings.Fields(l)
		if words[0] != "extract" {
			return nil, fmt.Errorf("line %d: unknown command %q", i+1, words[0])
		}
		for _, arg := range words[1:] {
			v, ok := strings.CutPrefix(arg, "published=")
			if !ok {
				return nil, fmt.Errorf("line %d: unknown argument %q", i+1, arg)
			}
			if v == "none" {
				v = ""
			}
			c.published = v
		}
		i++
		for i < len(lines) && lines[i] != "----" {
			c.input = append(c.input, lines[i])
			i++
		}
		if i == len(lines) {
			return nil, fmt.Errorf("line %d: no ---- after the article", c.line)
		}
		if len(c.input) == 0 {
			return nil, fmt.Errorf("line %d: no article", c.line)
		}
		i++
		c.outAt = i
		for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
			c.out = append(c.out, lines[i])
			i++
		}
		c.outEnd = i
		cases = append(cases, c)
	}
	return cases, nil
}

// runStepCase extracts the events of a case's article and prints the
// fields asked for.
func runStepCase(t *testing.T, x *Extractor, c stepCase, fields []string) []string {
	t.Helper()
	doc := &event.Document{ID: "step", Text: strings.Join(c.input, "\n\n"), Published: event.Date(c.published), Format: "text"}
	evs, err := x.Extract(context.Background(), doc, Options{Explain: true})
	if err != nil {
		t.Fatalf("line %d: %v", c.line, err)
	}
	out := []string{fmt.Sprintf("events: %d", len(evs))}
	for i, ev := range evs {
		if len(evs) > 1 {
			out = append(out, fmt.Sprintf("event %d:", i+1))
		}
		for _, f := range fields {
			out = append(out, printField(ev, f)...)
		}
	}
	return out
}

// printField prints one field of ev and the rule that gave it, if any; a
// field with no value prints nothing, save claims which print "none".
func printField(ev event.Event, field string) []string {
	rules := map[string]string{}
	for _, r := range ev.Reasons {
		rules[r.Field] = r.Rule
	}
	with := func(name, value string) []string {
		out := []string{name + ": " + value}
		if r := rules[name]; r != "" {
			out = append(out, "  rule: "+r)
		}
		return out
	}
	switch field {
	case "event_type":
		if ev.EventType == nil {
			return with("event_type", "PLOVER "+ev.Plover)
		}
		return with("event_type", *ev.EventType+" / "+*ev.SubEventType)
	case "date":
		if ev.EventDate == "" {
			return with("date", "unknown")
		}
		v := string(ev.EventDate)
		if ev.DateStart != ev.DateEnd {
			v += fmt.Sprintf(" (%s to %s)", ev.DateStart, ev.DateEnd)
		}
		return with("date", v+" precision="+strconv.Itoa(ev.TimePrecision))
	case "location":
		if ev.Location == "" {
			return with("location", "none")
		}
		return with("location", fmt.Sprintf("%s admin1=%s country=%s precision=%d", ev.Location, ev.Admin1, ev.Country, ev.GeoPrecision))
	case "place":
		// The place alone, for the steps that choose among places but
		// leave their precision to "place".
		if ev.Location == "" {
			return with("location", "none")
		}
		return with("location", ev.Location+", "+ev.Country)
	case "actor1":
		if ev.Actor1 == "" {
			return nil
		}
		return with("actor1", ev.Actor1)
	case "actor2":
		if ev.Actor2 == "" {
			return nil
		}
		return with("actor2", ev.Actor2)
	case "fatalities":
		if ev.Fatalities == nil {
			return []string{"fatalities: none reported"}
		}
		return with("fatalities", strconv.Itoa(*ev.Fatalities))
	case "claims":
		if len(ev.Claims) == 0 {
			return []string{"claims: none"}
		}
		var out []string
		for i, c := range ev.Claims {
			name := fmt.Sprintf("claims[%d]", i)
			v := fmt.Sprintf("%s %d", c.Kind, c.Count)
			if c.Qualifier != "" && c.Qualifier != "exact" {
				v += " (" + c.Qualifier + ")"
			}
			if c.Of != "" {
				v += " of " + strconv.Quote(c.Of)
			}
			if c.Source != "" {
				v += " per " + strconv.Quote(c.Source)
			}
			if c.Hedge != "" {
				v += " hedge=" + c.Hedge
			}
			out = append(out, with(name, v)...)
		}
		return out
	}
	panic("unknown field " + field)
}

// TestStepFilesKnown keeps testdata/steps to the steps there are: a
// renamed step leaves no file behind that no test reads.
func TestStepFilesKnown(t *testing.T) {
	known := map[string]bool{}
	for _, s := range steps {
		known[stepFile(s.name)] = true
	}
	files, err := filepath.Glob(filepath.Join("testdata", "steps", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !known[f] {
			t.Errorf("%s names no step of the extraction", f)
		}
	}
}
