package cli

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/event"
)

// writeExplanation prints, for each event of res, each field's value, the
// rule that gave it and the words of the article it rests on.
func writeExplanation(w io.Writer, path string, res *event.Result) error {
	bw := bufio.NewWriter(w)
	pub := res.Document.Published
	if pub == "" {
		pub = "no publication date"
	}
	fmt.Fprintf(bw, "%s (%s): %d events\n", path, pub, len(res.Events))
	for i, ev := range res.Events {
		fmt.Fprintf(bw, "\nevent %d: %s\n", i+1, quote(ev.Span, res.Document.Text, 160))
		rules := map[string]string{}
		for _, r := range ev.Reasons {
			rules[r.Field] = r.Rule
		}
		words := map[string][]string{}
		for _, e := range ev.Evidence {
			words[e.Field] = append(words[e.Field], strconv.Quote(e.Text))
		}
		field := func(name, value string) {
			if value == "" {
				return
			}
			fmt.Fprintf(bw, "  %-11s %s\n", name, value)
			if r := rules[name]; r != "" {
				fmt.Fprintf(bw, "  %-11s   rule: %s\n", "", r)
			}
			if ws := words[name]; len(ws) > 0 {
				fmt.Fprintf(bw, "  %-11s   from: %s\n", "", strings.Join(ws, ", "))
			}
		}
		typ := ev.Plover
		if ev.SubEventType != nil {
			typ = *ev.EventType + " / " + *ev.SubEventType + " (PLOVER " + ev.Plover + ")"
		}
		field("event_type", typ)
		field("actor1", ev.Actor1)
		field("actor2", ev.Actor2)
		field("location", place(ev))
		field("date", dates(ev))
		if ev.Fatalities != nil {
			field("fatalities", strconv.Itoa(*ev.Fatalities))
		}
		for k, c := range ev.Claims {
			src := c.Source
			if src == "" {
				src = "no source named"
			}
			count := strconv.Itoa(c.Count)
			if c.Qualifier != "" && c.Qualifier != "exact" {
				count = c.Qualifier + " " + count
			}
			field(fmt.Sprintf("claims[%d]", k), fmt.Sprintf("%s %s, per %s", count, c.Kind, src))
		}
		if n := len(words["mention"]); n > 0 {
			field("mention", fmt.Sprintf("told %d more times", n))
		}
	}
	fmt.Fprintln(bw)
	return bw.Flush()
}

func place(ev event.Event) string {
	if ev.Location == "" {
		return ""
	}
	s := ev.Location
	if ev.Admin1 != "" && ev.Admin1 != ev.Location {
		s += ", " + ev.Admin1
	}
	if ev.Country != ev.Location {
		s += ", " + ev.Country
	}
	return s + " (precision " + strconv.Itoa(ev.GeoPrecision) + ")"
}

func dates(ev event.Event) string {
	switch {
	case ev.EventDate == "":
		return "unknown"
	case ev.DateStart == ev.DateEnd:
		return string(ev.EventDate)
	}
	return fmt.Sprintf("%s (between %s and %s)", ev.EventDate, ev.DateStart, ev.DateEnd)
}

// quote returns the passage s of text, cut to n bytes at a word.
func quote(s event.Span, text string, n int) string {
	if !s.Valid(len(text)) {
		return ""
	}
	q := strings.Join(strings.Fields(text[s.Start:s.End]), " ")
	if len(q) > n {
		if i := strings.LastIndexByte(q[:n], ' '); i > 0 {
			q = q[:i] + " …"
		}
	}
	return strconv.Quote(q)
}
