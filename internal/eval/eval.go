// Package eval scores extracted events against gold files, by the rules of
// the gold format (shared/corpus/FORMAT.md in the project's reference
// material): one-to-one matching on type, overlapping dates and a right
// location; detection precision, recall and F1; field accuracy on matched
// pairs.
package eval

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/gold"
)

// Case is one article of an evaluation directory.
type Case struct {
	Name, TextPath, GoldPath string
}

// Discover finds every NAME.txt or NAME.html in dir with a NAME.gold.json
// beside it, sorted by name.
func Discover(dir string) ([]Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, e := range entries {
		name := e.Name()
		ext := filepath.Ext(name)
		if e.IsDir() || (ext != ".txt" && ext != ".html") {
			continue
		}
		base := strings.TrimSuffix(name, ext)
		g := filepath.Join(dir, base+".gold.json")
		if _, err := os.Stat(g); err != nil {
			continue
		}
		out = append(out, Case{Name: base, TextPath: filepath.Join(dir, name), GoldPath: g})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Article is one scored article: the clean text the predicted spans index
// into, its gold and its predictions.
type Article struct {
	Name      string
	Text      string
	Gold      *gold.File
	Predicted []event.Event
	// Err is why the article could not be read; such an article is scored
	// as all misses and named in the report.
	Err error
}

// Detection is precision, recall and F1 for one kind of event.
type Detection struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Matched   int     `json:"matched"`
	Excused   int     `json:"excused"` // predictions matched to optional gold
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Field is the accuracy of one field over matched pairs.
type Field struct {
	Right    int     `json:"right"`
	Scored   int     `json:"scored"`
	Accuracy float64 `json:"accuracy"`
}

// Report is the result of scoring; its JSON form is `sitrep eval --json`.
type Report struct {
	ACLED  Detection `json:"acled"`
	Plover Detection `json:"plover_only"`
	All    Detection `json:"all"`
	// Sources is detection over all events by the part of an article's name
	// before its first "-" (fakesdev, agdev, ...), when there are several.
	Sources  map[string]Detection `json:"sources,omitempty"`
	Fields   map[string]Field     `json:"fields"`
	MedianKm *float64             `json:"median_distance_km"`
	Articles []ArticleReport      `json:"articles"`
}

// ArticleReport is what went wrong in one article.
type ArticleReport struct {
	Name    string      `json:"name"`
	Error   string      `json:"error,omitempty"`
	Missed  []string    `json:"missed"`
	False   []string    `json:"false"`
	Matched []PairNotes `json:"matched"`
}

// PairNotes lists the wrong fields of one matched pair.
type PairNotes struct {
	Gold   string   `json:"gold"`
	Wrong  []string `json:"wrong"`
	Fields []string `json:"-"`
}

// fieldNames in report order.
var fieldNames = []string{"sub_event_type", "actor1", "actor2", "date", "fatalities", "claims"}

// Score scores every article.
func Score(articles []Article) *Report {
	r := &Report{Fields: map[string]Field{}}
	var dists []float64
	counts := map[string]*Field{}
	for _, f := range fieldNames {
		counts[f] = &Field{}
	}
	sources := map[string]*Detection{}
	for _, a := range articles {
		before := r.All
		ar := scoreArticle(a, r, counts, &dists)
		r.Articles = append(r.Articles, ar)
		src, _, _ := strings.Cut(a.Name, "-")
		d := sources[src]
		if d == nil {
			d = &Detection{}
			sources[src] = d
		}
		d.Gold += r.All.Gold - before.Gold
		d.Predicted += r.All.Predicted - before.Predicted
		d.Matched += r.All.Matched - before.Matched
		d.Excused += r.All.Excused - before.Excused
	}
	for _, d := range []*Detection{&r.ACLED, &r.Plover, &r.All} {
		d.finish()
	}
	if len(sources) > 1 {
		r.Sources = map[string]Detection{}
		for name, d := range sources {
			d.finish()
			r.Sources[name] = *d
		}
	}
	for _, f := range fieldNames {
		c := *counts[f]
		if c.Scored > 0 {
			c.Accuracy = float64(c.Right) / float64(c.Scored)
		}
		r.Fields[f] = c
	}
	if len(dists) > 0 {
		sort.Float64s(dists)
		m := dists[len(dists)/2]
		if len(dists)%2 == 0 {
			m = (dists[len(dists)/2-1] + m) / 2
		}
		r.MedianKm = &m
	}
	return r
}

func (d *Detection) finish() {
	denom := d.Predicted - d.Excused
	switch {
	case denom > 0:
		d.Precision = float64(d.Matched) / float64(denom)
	case d.Gold == 0:
		d.Precision = 1 // nothing to find and nothing claimed
	}
	switch {
	case d.Gold > 0:
		d.Recall = float64(d.Matched) / float64(d.Gold)
	case denom == 0:
		d.Recall = 1
	}
	if d.Precision+d.Recall > 0 {
		d.F1 = 2 * d.Precision * d.Recall / (d.Precision + d.Recall)
	}
}

func scoreArticle(a Article, r *Report, counts map[string]*Field, dists *[]float64) ArticleReport {
	ar := ArticleReport{Name: a.Name}
	if a.Err != nil {
		ar.Error = a.Err.Error()
		a.Predicted = nil
	}
	g := a.Gold.Events
	p := a.Predicted
	undated := a.Gold.Published == ""
	pairs := match(a.Text, g, p, undated)
	goldMatched := make([]int, len(g))
	for i := range goldMatched {
		goldMatched[i] = -1
	}
	predMatched := make([]int, len(p))
	for i := range predMatched {
		predMatched[i] = -1
	}
	for _, pr := range pairs {
		goldMatched[pr[0]] = pr[1]
		predMatched[pr[1]] = pr[0]
	}
	for i, ge := range g {
		if ge.Optional {
			continue
		}
		d := &r.ACLED
		if ge.EventType == nil {
			d = &r.Plover
		}
		d.Gold++
		r.All.Gold++
		if goldMatched[i] >= 0 {
			d.Matched++
			r.All.Matched++
		} else {
			ar.Missed = append(ar.Missed, describeGold(ge))
		}
	}
	for j, pe := range p {
		d := &r.ACLED
		if pe.EventType == nil {
			d = &r.Plover
		}
		d.Predicted++
		r.All.Predicted++
		switch gi := predMatched[j]; {
		case gi < 0:
			ar.False = append(ar.False, describePred(a.Text, pe))
		case g[gi].Optional:
			d.Excused++
			r.All.Excused++
		}
	}
	// inText reports whether a name occurs in the article's text; the text
	// is folded once, and only when an alias needs it.
	folded := ""
	inText := func(name string) bool {
		if folded == "" {
			folded = " " + Fold(a.Text) + " "
		}
		f := Fold(name)
		return f != "" && strings.Contains(folded, " "+f+" ")
	}
	for _, pr := range pairs {
		ge, pe := g[pr[0]], p[pr[1]]
		notes := PairNotes{Gold: ge.ID}
		check := func(field string, scored, right bool, detail string) {
			if !scored {
				return
			}
			counts[field].Scored++
			if right {
				counts[field].Right++
			} else {
				notes.Wrong = append(notes.Wrong, field+": "+detail)
			}
		}
		check("sub_event_type", ge.EventType != nil && pe.EventType != nil,
			ge.SubEventType != nil && pe.SubEventType != nil && *ge.SubEventType == *pe.SubEventType,
			fmt.Sprintf("gold %v, predicted %v", str(ge.SubEventType), str(pe.SubEventType)))
		check("actor1", len(ge.Actor1) > 0, actorRight(inText, pe.Actor1, pe.Actor1Aliases, ge.Actor1),
			fmt.Sprintf("gold %q, predicted %q", ge.Actor1, pe.Actor1))
		check("actor2", len(ge.Actor2) > 0, actorRight(inText, pe.Actor2, pe.Actor2Aliases, ge.Actor2),
			fmt.Sprintf("gold %q, predicted %q", ge.Actor2, pe.Actor2))
		check("date", true, dateRight(pe, ge, undated), fmt.Sprintf("gold %s..%s, predicted %s", ge.Date[0], ge.Date[1], orNull(string(pe.EventDate))))
		check("fatalities", true, fatalitiesRight(pe.Fatalities, ge.Fatalities),
			fmt.Sprintf("gold %v, predicted %v", rangeStr(ge.Fatalities), intStr(pe.Fatalities)))
		for _, gc := range ge.Claims {
			check("claims", true, claimRight(pe.Claims, gc), fmt.Sprintf("gold %v killed per %q not found", gc.Killed, gc.Source))
		}
		if ge.Point != nil && pe.Latitude != nil && pe.Longitude != nil {
			*dists = append(*dists, geo.DistanceKm(ge.Point[0], ge.Point[1], *pe.Latitude, *pe.Longitude))
		}
		if len(notes.Wrong) > 0 {
			ar.Matched = append(ar.Matched, notes)
		}
	}
	return ar
}

// admissible reports whether prediction p may match gold g. For an undated
// article (gold published null) the date is left out of matching.
func admissible(g gold.Event, p event.Event, undated bool) bool {
	if g.EventType != nil {
		if p.EventType == nil || *p.EventType != *g.EventType {
			return false
		}
	} else if p.Plover == "" || p.Plover != g.Plover {
		return false
	}
	if !undated {
		ps, pe := predRange(p)
		if ps == "" || pe == "" || ps > g.Date[1] || g.Date[0] > pe {
			return false
		}
	}
	inCountry := false
	for _, c := range g.Country {
		if strings.EqualFold(c, p.ISO) {
			inCountry = true
		}
	}
	if !inCountry {
		return false
	}
	if g.Point != nil {
		if p.Latitude == nil || p.Longitude == nil {
			return false
		}
		if geo.DistanceKm(g.Point[0], g.Point[1], *p.Latitude, *p.Longitude) > g.ToleranceKm {
			return false
		}
	}
	return true
}

func predRange(p event.Event) (string, string) {
	s, e := string(p.DateStart), string(p.DateEnd)
	if s == "" {
		s = string(p.EventDate)
	}
	if e == "" {
		e = string(p.EventDate)
	}
	return s, e
}

// match returns (gold, prediction) index pairs: as many as possible,
// preferring non-optional gold, then the most evidence overlap. The
// preferences are folded into one weight per pair so that an exact
// maximum-weight assignment honours them in that order.
func match(text string, g []gold.Event, p []event.Event, undated bool) [][2]int {
	if len(g) == 0 || len(p) == 0 {
		return nil
	}
	const (
		perPair     = 1e10
		perRequired = 1e8
	)
	w := make([][]float64, len(g))
	for i, ge := range g {
		w[i] = make([]float64, len(p))
		goldSpan := event.Span{Start: -1, End: -1}
		if k := strings.Index(text, ge.Evidence); k >= 0 && ge.Evidence != "" {
			goldSpan = event.Span{Start: k, End: k + len(ge.Evidence)}
		}
		for j, pe := range p {
			if !admissible(ge, pe, undated) {
				continue
			}
			v := perPair
			if !ge.Optional {
				v += perRequired
			}
			if goldSpan.Start >= 0 {
				v += float64(overlap(goldSpan, pe.Span))
			}
			w[i][j] = v
		}
	}
	var out [][2]int
	for i, j := range assign(w) {
		if j >= 0 && w[i][j] > 0 {
			out = append(out, [2]int{i, j})
		}
	}
	return out
}

func overlap(a, b event.Span) int {
	s, e := max(a.Start, b.Start), min(a.End, b.End)
	return max(0, min(e-s, 1e6-1))
}

// assign solves the maximum-weight assignment of rows to columns with the
// Hungarian method; it returns, for each row, its column or -1.
func assign(w [][]float64) []int {
	rows, cols := len(w), len(w[0])
	n := max(rows, cols)
	// Square cost matrix: cost = max - weight, padding cells weigh 0.
	maxW := 0.0
	for _, r := range w {
		for _, v := range r {
			maxW = math.Max(maxW, v)
		}
	}
	cost := func(i, j int) float64 {
		if i < rows && j < cols {
			return maxW - w[i][j]
		}
		return maxW
	}
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	pcol := make([]int, n+1) // pcol[j] = row assigned to column j (1-based)
	way := make([]int, n+1)
	for i := 1; i <= n; i++ {
		pcol[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := pcol[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := cost(i0-1, j-1) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[pcol[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if pcol[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			pcol[j0] = pcol[j1]
			j0 = j1
		}
	}
	out := make([]int, rows)
	for i := range out {
		out[i] = -1
	}
	for j := 1; j <= n; j++ {
		if i := pcol[j] - 1; i >= 0 && i < rows && j-1 < cols {
			out[i] = j - 1
		}
	}
	return out
}

// Fold normalises a name for comparison: lower case, punctuation and
// spacing folded to single spaces. It is the scoring rules' fold, not the
// one names are looked up by (text.Fold): the rules keep accents and read
// an apostrophe as a space.
func Fold(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// NameRight reports whether a predicted name equals a gold name or holds
// one as whole words, after folding.
func NameRight(pred string, golds []string) bool {
	p := " " + Fold(pred) + " "
	if strings.TrimSpace(p) == "" {
		return false
	}
	for _, g := range golds {
		if fg := Fold(g); fg != "" && strings.Contains(p, " "+fg+" ") {
			return true
		}
	}
	return false
}

// actorRight reports whether the predicted actor's name, or one of its
// aliases that occurs in the article's text, is right: an alias list copied
// from a dictionary is no evidence.
func actorRight(inText func(string) bool, name string, aliases, golds []string) bool {
	if NameRight(name, golds) {
		return true
	}
	for _, a := range aliases {
		if NameRight(a, golds) && inText(a) {
			return true
		}
	}
	return false
}

// dateRight reports whether the predicted day (the middle of its range) lies
// in the gold range, or, for an undated article, whether the prediction
// leaves the date unknown.
func dateRight(p event.Event, g gold.Event, undated bool) bool {
	mid := string(p.EventDate)
	if mid == "" {
		s, e := predRange(p)
		if s == "" && e == "" {
			return undated
		}
		ts, err1 := time.Parse(time.DateOnly, s)
		te, err2 := time.Parse(time.DateOnly, e)
		if err1 != nil || err2 != nil {
			return false
		}
		mid = ts.Add(te.Sub(ts) / 2).Format(time.DateOnly)
	}
	return g.Date[0] <= mid && mid <= g.Date[1]
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

func fatalitiesRight(p *int, g *[2]int) bool {
	if p == nil || g == nil {
		return p == nil && g == nil
	}
	return g[0] <= *p && *p <= g[1]
}

func claimRight(preds []event.Claim, g gold.Claim) bool {
	for _, c := range preds {
		if c.Kind != "killed" || c.Count < g.Killed[0] || c.Count > g.Killed[1] {
			continue
		}
		if NameRight(c.Source, g.Source) || NameRight(c.SourceActor, g.Source) {
			return true
		}
	}
	return false
}

func describeGold(g gold.Event) string {
	t := g.Plover
	if g.EventType != nil {
		t = *g.EventType + "/" + str(g.SubEventType)
	}
	return fmt.Sprintf("%s: %s %s..%s %s", g.ID, t, g.Date[0], g.Date[1], g.Location)
}

func describePred(text string, p event.Event) string {
	t := p.Plover
	if p.EventType != nil {
		t = *p.EventType + "/" + str(p.SubEventType)
	}
	ev := ""
	if p.Span.Valid(len(text)) {
		ev = text[p.Span.Start:p.Span.End]
		if len(ev) > 80 {
			ev = ev[:80]
			for !strings.HasSuffix(ev, " ") && len(ev) > 60 {
				ev = ev[:len(ev)-1]
			}
			ev = strings.ToValidUTF8(ev, "") + "…"
		}
	}
	return fmt.Sprintf("%s %s %s (%s): %q", t, p.EventDate, p.Location, p.ISO, ev)
}

func str(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func intStr(n *int) string {
	if n == nil {
		return "null"
	}
	return fmt.Sprint(*n)
}

func rangeStr(r *[2]int) string {
	if r == nil {
		return "null"
	}
	return fmt.Sprintf("%d..%d", r[0], r[1])
}
