package extract

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestTriggerFixtures runs testdata/triggers.txt: each sentence must give
// an event of the sub-event (or PLOVER) type written before it.
func TestTriggerFixtures(t *testing.T) {
	f, err := os.Open("testdata/triggers.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x := extractor(t)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		want, text, ok := strings.Cut(line, " | ")
		if !ok {
			t.Fatalf("line %d: no \" | \" between the type and the sentence", n)
		}
		var got []string
		for _, e := range extract(t, x, text, "2025-03-10") {
			typ := e.Plover
			if e.SubEventType != nil {
				typ = *e.SubEventType
			}
			if typ == want {
				got = nil
				break
			}
			got = append(got, typ)
		}
		if got != nil || len(extract(t, x, text, "2025-03-10")) == 0 {
			t.Errorf("line %d: %q gives %q, want a %s", n, text, got, want)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
