// Command realbench measures sitrep on the real labelled data sets kept
// beside the repository (../shared/data), none of which is shipped, and
// prints one table: reading and dating of real texts, date resolution on
// TimeBank, detection on MUC-4 and WikiEvents by the mappings written
// below, arrests and police killings on IndiaPoliceEvents, and place
// resolution on the geoparsing corpora.
//
//	go run ./scripts/realbench [-shared ../shared] [-only name,...]
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/timex"
)

type row struct{ set, measure, value, note string }

func main() {
	shared := flag.String("shared", filepath.Join("..", "shared"), "the folder of real data beside the repository")
	only := flag.String("only", "", "comma-separated measures to run (texts,timebank,muc4,wikievents,police,toponyms); all when empty")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*shared, "data")); err != nil {
		fmt.Fprintf(os.Stderr, "realbench: %s/data not present (%v): the real data sets are only available beside the repository\n", *shared, err)
		os.Exit(2)
	}
	p, err := pipeline.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, "realbench:", err)
		os.Exit(1)
	}
	want := func(name string) bool { return *only == "" || strings.Contains(","+*only+",", ","+name+",") }
	data := filepath.Join(*shared, "data")
	var rows []row
	for _, m := range []struct {
		name string
		run  func(*pipeline.Pipeline, string) ([]row, error)
	}{
		{"texts", texts}, {"timebank", timebank}, {"muc4", muc4}, {"wikievents", wikievents},
		{"police", police}, {"toponyms", toponyms},
	} {
		if !want(m.name) {
			continue
		}
		start := time.Now()
		rs, err := m.run(p, data)
		if err != nil {
			fmt.Fprintf(os.Stderr, "realbench: %s: %v\n", m.name, err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "realbench: %s done in %s\n", m.name, time.Since(start).Round(time.Second))
		rows = append(rows, rs...)
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "data set\tmeasure\tvalue\tnote")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.set, r.measure, r.value, r.note)
	}
	tw.Flush()
}

// lines calls f with each JSON line of path.
func lines(path string, f func([]byte) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if err := f(sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}

func share(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f (%d/%d)", float64(n)/float64(d), n, d)
}

func prf(tp, fp, fn int) string {
	p, r := 0.0, 0.0
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f", p, r, f)
}

// texts: every unlabelled real text read; FA-KES dates found; MUC-4
// date lines read.
func texts(p *pipeline.Pipeline, data string) ([]row, error) {
	var rows []row
	ctx := context.Background()
	for _, name := range []string{"fakes", "agnews-world"} {
		read, refused, dated := 0, 0, 0
		err := lines(filepath.Join(data, "unlabelled", name+".jsonl"), func(b []byte) error {
			var it struct{ ID, Text string }
			if err := json.Unmarshal(b, &it); err != nil {
				return err
			}
			doc, err := load.Load(ctx, []byte(it.Text), load.Options{})
			if err != nil {
				refused++
				return nil
			}
			read++
			if doc.Published != "" {
				dated++
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		rows = append(rows, row{"unlabelled/" + name, "refused", share(refused, read+refused), ""},
			row{"unlabelled/" + name, "publication date found", share(dated, read+refused), "FA-KES: most state one; AG News items: few"})
	}
	refused, withLine, right := 0, 0, 0
	err := lines(filepath.Join(data, "muc4", "docs.jsonl"), func(b []byte) error {
		var d struct {
			Text         string  `json:"text"`
			DatelineDate *string `json:"dateline_date"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		doc, err := load.Load(ctx, []byte(d.Text), load.Options{})
		if err != nil {
			refused++
			return nil
		}
		if d.DatelineDate != nil {
			withLine++
			if string(doc.Published) == *d.DatelineDate {
				right++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rows = append(rows, row{"muc4", "refused", share(refused, 1500), ""},
		row{"muc4", "date-line date read right", share(right, withLine), "of messages whose date line has a date"})
	return rows, nil
}

// timebank: the share of DATE expressions whose resolved value equals the
// gold normalised value, given the document's date.
func timebank(p *pipeline.Pipeline, data string) ([]row, error) {
	f := timex.NewFinder()
	total, found, right := 0, 0, 0
	err := lines(filepath.Join(data, "timebank", "tbaq.jsonl"), func(b []byte) error {
		var d struct {
			DCT struct {
				Value string `json:"value"`
			} `json:"dct"`
			Text    string `json:"text"`
			Timexes []struct {
				Type, Value string
				Start, End  int
			} `json:"timexes"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		pub, err := time.Parse(time.DateOnly, d.DCT.Value[:min(10, len(d.DCT.Value))])
		if err != nil {
			return nil
		}
		byteOf := runeOffsets(d.Text)
		exprs := f.Find(d.Text)
		for _, tx := range d.Timexes {
			if tx.Type != "DATE" {
				continue
			}
			total++
			s, e := byteOf(tx.Start), byteOf(tx.End)
			for _, x := range exprs {
				if x.End <= s || x.Start >= e {
					continue
				}
				found++
				if sameValue(x.Resolve(pub, timex.Range{}), tx.Value) {
					right++
				}
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []row{
		{"timebank", "DATE expressions found", share(found, total), ""},
		{"timebank", "DATE value right", share(right, total), "resolved against the document date; of all DATE expressions"},
	}, nil
}

// sameValue compares a resolved range with an ISO-TimeML value: a day,
// a month, a year or a week.
func sameValue(r timex.Range, v string) bool {
	if r.IsZero() {
		return false
	}
	switch {
	case len(v) == 10:
		return r.Days() == 1 && r.Start.Format(time.DateOnly) == v
	case len(v) == 7 && v[4] == '-':
		return r.Start.Format("2006-01") == v && r.End.Format("2006-01") == v
	case len(v) == 4:
		return r.Start.Format("2006") == v && r.End.Format("2006") == v
	case len(v) == 8 && v[5] == 'W':
		y, w := r.Start.ISOWeek()
		y2, w2 := r.End.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w) == v && y == y2 && w == w2
	}
	return false
}

// runeOffsets converts code-point offsets (as Python counts) into byte
// offsets of s.
func runeOffsets(s string) func(int) int {
	idx := make([]int, 0, len(s)+1)
	for i := range s {
		idx = append(idx, i)
	}
	idx = append(idx, len(s))
	return func(r int) int {
		if r < 0 {
			return 0
		}
		if r >= len(idx) {
			return len(s)
		}
		return idx[r]
	}
}

// muc4: a template is found when the message yields an event of the
// ACLED type its hint gives, on a day in the template's range where it
// has one. Predictions outside MUC's scope (Battles, protests, riots,
// strategic developments) are neither right nor wrong.
func muc4(p *pipeline.Pipeline, data string) ([]row, error) {
	type tmpl struct {
		typ         string
		first, last string
		deaths      *int
	}
	templates := map[string][]tmpl{}
	err := lines(filepath.Join(data, "muc4", "templates.jsonl"), func(b []byte) error {
		var t struct {
			MessageID    string `json:"message_id"`
			Optional     bool   `json:"optional"`
			IncidentDate struct {
				First, Last *string
			} `json:"incident_date"`
			Hint struct {
				EventType *string `json:"event_type"`
			} `json:"acled_hint"`
			Deaths *struct{ Min, Max *int } `json:"deaths_from_key"`
		}
		if err := json.Unmarshal(b, &t); err != nil {
			return err
		}
		if t.Optional || t.Hint.EventType == nil {
			return nil
		}
		x := tmpl{typ: *t.Hint.EventType}
		if t.IncidentDate.First != nil {
			x.first = *t.IncidentDate.First
		}
		if t.IncidentDate.Last != nil {
			x.last = *t.IncidentDate.Last
		}
		if t.Deaths != nil && t.Deaths.Min != nil {
			x.deaths = t.Deaths.Min
		}
		templates[t.MessageID] = append(templates[t.MessageID], x)
		return nil
	})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	tp, fp, fn, typed := 0, 0, 0, 0
	err = lines(filepath.Join(data, "muc4", "docs.jsonl"), func(b []byte) error {
		var d struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		res, err := p.Process(ctx, []byte(d.Text), pipeline.Options{})
		var evs []event.Event
		if err == nil {
			evs = res.Events
		}
		used := make([]bool, len(evs))
		for _, t := range templates[d.ID] {
			hit := false
			for i, e := range evs {
				if used[i] || e.EventType == nil || *e.EventType != t.typ {
					continue
				}
				if t.first != "" && e.DateEnd != "" && string(e.DateEnd) < t.first || t.last != "" && e.DateStart != "" && string(e.DateStart) > t.last {
					continue
				}
				used[i], hit = true, true
				break
			}
			if hit {
				tp++
			} else {
				fn++
			}
		}
		for i, e := range evs {
			if used[i] || e.EventType == nil {
				continue
			}
			switch *e.EventType {
			case "Violence against civilians", "Explosions/Remote violence":
				typed++
				fp++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []row{{"muc4", "incident detection (type + date)", prf(tp, fp, fn), "templates' acled_hint types; MUC-scope predictions (VAC, explosions) only count against precision"}}, nil
}

// wikievents: a conflict event mention (attack, explosion, arrest,
// demonstration) is found when an event of the mapped ACLED type covers
// its sentence; a predicted event is right when its passage holds such a
// mention.
func wikievents(p *pipeline.Pipeline, data string) ([]row, error) {
	type mention struct{ typ, sentence string }
	byDoc := map[string][]mention{}
	err := lines(filepath.Join(data, "wikievents", "events_flat.jsonl"), func(b []byte) error {
		var m struct {
			DocID    string `json:"doc_id"`
			Kairos   string `json:"kairos_type"`
			Sentence string `json:"sentence"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		t := ""
		switch {
		case strings.HasPrefix(m.Kairos, "Conflict.Attack.DetonateExplode"):
			t = "Explosions/Remote violence"
		case strings.HasPrefix(m.Kairos, "Conflict.Attack"):
			t = "attack" // Battles or Violence against civilians
		case strings.HasPrefix(m.Kairos, "Justice.ArrestJailDetain"):
			t = "Strategic developments"
		case strings.HasPrefix(m.Kairos, "Conflict.Demonstrate"):
			t = "Protests"
		default:
			return nil
		}
		byDoc[m.DocID] = append(byDoc[m.DocID], mention{t, m.Sentence})
		return nil
	})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	tp, fn, right, predicted := 0, 0, 0, 0
	err = lines(filepath.Join(data, "wikievents", "original", "dev.jsonl"), func(b []byte) error {
		var d struct {
			DocID string `json:"doc_id"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		res, err := p.Process(ctx, []byte(d.Text), pipeline.Options{})
		if err != nil {
			fn += len(byDoc[d.DocID])
			return nil
		}
		text := res.Document.Text
		fits := func(e event.Event, typ string) bool {
			if e.EventType == nil {
				return false
			}
			if typ == "attack" {
				return *e.EventType == "Battles" || *e.EventType == "Violence against civilians" || *e.EventType == "Explosions/Remote violence"
			}
			return *e.EventType == typ || typ == "Protests" && *e.EventType == "Riots"
		}
		covers := func(e event.Event, sentence string) bool {
			if !e.Span.Valid(len(text)) {
				return false
			}
			passage := text[e.Span.Start:e.Span.End]
			probe := sentence[:min(len(sentence), 40)]
			return strings.Contains(passage, probe) || strings.Contains(sentence, passage[:min(len(passage), 40)])
		}
		for _, m := range byDoc[d.DocID] {
			hit := false
			for _, e := range res.Events {
				if fits(e, m.typ) && covers(e, m.sentence) {
					hit = true
					break
				}
			}
			if hit {
				tp++
			} else {
				fn++
			}
		}
		for _, e := range res.Events {
			predicted++
			for _, m := range byDoc[d.DocID] {
				if fits(e, m.typ) && covers(e, m.sentence) {
					right++
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []row{
		{"wikievents", "mention recall (attack, explosion, arrest, protest)", share(tp, tp+fn), "a mention is found when an event of its type covers its sentence"},
		{"wikievents", "event precision", share(right, predicted), "events whose passage holds a gold mention of their type"},
	}, nil
}

// police: each sentence alone, with its article's date: an arrest event
// for ARREST, a killing with the police as actor1 for KILL.
func police(p *pipeline.Pipeline, data string) ([]row, error) {
	dates := map[int]string{}
	err := lines(filepath.Join(data, "indiapoliceevents", "docs.jsonl"), func(b []byte) error {
		var d struct {
			DocID int    `json:"doc_id"`
			Date  string `json:"date"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		dates[d.DocID] = d.Date
		return nil
	})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	var arrest, kill [3]int // tp, fp, fn
	err = lines(filepath.Join(data, "indiapoliceevents", "sents.jsonl"), func(b []byte) error {
		var s struct {
			DocID  int      `json:"doc_id"`
			Text   string   `json:"sent_text"`
			Labels []string `json:"sent_labels"`
		}
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		gotArrest, gotKill := false, false
		if utf8.ValidString(s.Text) && len(strings.Fields(s.Text)) >= 3 {
			res, err := p.Process(ctx, []byte(s.Text), pipeline.Options{Load: load.Options{Published: dates[s.DocID]}})
			if err == nil {
				for _, e := range res.Events {
					if e.SubEventType != nil && *e.SubEventType == "Arrests" {
						gotArrest = true
					}
					if e.Fatalities != nil && *e.Fatalities > 0 && strings.Contains(strings.ToLower(e.Actor1), "police") {
						gotKill = true
					}
				}
			}
		}
		has := func(l string) bool {
			for _, x := range s.Labels {
				if x == l {
					return true
				}
			}
			return false
		}
		count := func(c *[3]int, got, want bool) {
			switch {
			case got && want:
				c[0]++
			case got:
				c[1]++
			case want:
				c[2]++
			}
		}
		count(&arrest, gotArrest, has("ARREST"))
		count(&kill, gotKill, has("KILL"))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []row{
		{"indiapoliceevents", "arrests, by sentence", prf(arrest[0], arrest[1], arrest[2]), "each sentence extracted alone, with its article's date"},
		{"indiapoliceevents", "killings by police, by sentence", prf(kill[0], kill[1], kill[2]), "an event with deaths and the police as actor1"},
	}, nil
}

// toponyms: the share of gold place names with coordinates that sitrep
// finds and resolves to within 161 km (100 miles), as geoparsing papers
// report accuracy@161km.
func toponyms(p *pipeline.Pipeline, data string) ([]row, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	type stat struct{ total, found, within int }
	by := map[string]*stat{}
	all := &stat{}
	err = lines(filepath.Join(data, "geo", "toponyms.jsonl"), func(b []byte) error {
		var d struct {
			Corpus   string `json:"corpus"`
			Text     string `json:"text"`
			Toponyms []struct {
				Start, End int
				Lat, Lon   *float64
				OffsetOK   bool `json:"offset_ok"`
			} `json:"toponyms"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		st := by[d.Corpus]
		if st == nil {
			st = &stat{}
			by[d.Corpus] = st
		}
		byteOf := runeOffsets(d.Text)
		resolved := g.Resolve(d.Text, g.Find(d.Text), nil)
		for _, t := range d.Toponyms {
			if t.Lat == nil || t.Lon == nil || !t.OffsetOK {
				continue
			}
			st.total++
			all.total++
			s, e := byteOf(t.Start), byteOf(t.End)
			for _, r := range resolved {
				if r.End <= s || r.Start >= e {
					continue
				}
				st.found++
				all.found++
				if geo.DistanceKm(*t.Lat, *t.Lon, r.Place.Lat, r.Place.Lon) <= 161 {
					st.within++
					all.within++
				}
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rows := []row{{"geo/toponyms", "all: within 161 km", share(all.within, all.total), fmt.Sprintf("found %s", share(all.found, all.total))}}
	for _, c := range []string{"LGL", "GeoWebNews", "TR-News", "GeoVirus"} {
		if st := by[c]; st != nil {
			rows = append(rows, row{"geo/toponyms", c + ": within 161 km", share(st.within, st.total), fmt.Sprintf("found %s", share(st.found, st.total))})
		}
	}
	return rows, nil
}
