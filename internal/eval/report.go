package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// WriteText writes the human report: detection, fields, then what went
// wrong article by article.
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "events\tgold\tpredicted\tmatched\tprecision\trecall\tF1\t")
	for _, row := range []struct {
		name string
		d    Detection
	}{{"ACLED", r.ACLED}, {"PLOVER-only", r.Plover}, {"all", r.All}} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", row.name, row.d.Gold, row.d.Predicted, row.d.Matched, row.d.Precision, row.d.Recall, row.d.F1)
	}
	names := make([]string, 0, len(r.Sources))
	for name := range r.Sources {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		d := r.Sources[name]
		fmt.Fprintf(tw, "all: %s-*\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, d.Gold, d.Predicted, d.Matched, d.Precision, d.Recall, d.F1)
	}
	fmt.Fprintln(tw, "\t\t\t\t\t\t\t")
	fmt.Fprintln(tw, "field\tright\tscored\taccuracy\t")
	for _, f := range fieldNames {
		c := r.Fields[f]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t\n", f, c.Right, c.Scored, c.Accuracy)
	}
	if r.MedianKm != nil {
		fmt.Fprintf(tw, "median distance\t%.1f km\t\t\t\n", *r.MedianKm)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, a := range r.Articles {
		if a.Error == "" && len(a.Missed) == 0 && len(a.False) == 0 && len(a.Matched) == 0 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "\n%s\n", a.Name)
		if a.Error != "" {
			fmt.Fprintf(&b, "  unread  %s\n", a.Error)
		}
		for _, m := range a.Missed {
			fmt.Fprintf(&b, "  missed  %s\n", m)
		}
		for _, f := range a.False {
			fmt.Fprintf(&b, "  false   %s\n", f)
		}
		for _, m := range a.Matched {
			for _, wr := range m.Wrong {
				fmt.Fprintf(&b, "  wrong   %s %s\n", m.Gold, wr)
			}
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}
