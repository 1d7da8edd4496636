package sqlite

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/synth"
)

// oddReports are events the synthetic record lacks: one of unknown date,
// one without a place, one spanning ten days, and three reports of one
// clash that merge.
func oddReports() []*event.Result {
	undated := report("odd-undated", "Wire", 2, "Al Shabaab")
	e := &undated.Events[0]
	e.DateStart, e.DateEnd, e.EventDate = "", "", ""
	nowhere := report("odd-nowhere", "Wire", 1, "Al Shabaab")
	nowhere.Events[0].Latitude, nowhere.Events[0].Longitude = nil, nil
	nowhere.Events[0].ISO, nowhere.Events[0].Country = "KE", "Kenya"
	long := report("odd-long", "Wire", 3, "Al Shabaab")
	long.Events[0].DateStart, long.Events[0].ISO = "2023-03-01", "ET"
	long.Events[0].DateEnd, long.Events[0].EventDate = "2023-03-11", "2023-03-11"
	return []*event.Result{undated, nowhere, long,
		report("odd-a", "Horn Observer", 5, "Al Shabaab"),
		report("odd-b", "Mogadishu Times", 7, "Al Shabaab"),
		report("odd-c", "Radio Baidoa", 6, "Clan Militia (Somalia)")}
}

// filters are random combinations of the filters, a few of them asking
// for what no event has.
func filters(r *rand.Rand, n int) []store.Filter {
	w := synth.World()
	var out []store.Filter
	for range n {
		c := w[r.IntN(len(w))]
		p := c.Provinces[r.IntN(len(c.Provinces))]
		var f store.Filter
		if r.IntN(3) == 0 {
			f.Country = []string{c.ISO, "so", "ZZ"}[r.IntN(3)]
		}
		if r.IntN(3) == 0 {
			f.EventType = []string{synth.Types[r.IntN(len(synth.Types))].Type, "consult", "Battles", "Nothing"}[r.IntN(4)]
		}
		if r.IntN(3) == 0 {
			from := synth.Start.AddDate(0, 0, r.IntN(synth.Days))
			f.From = from.Format(time.DateOnly)
			if r.IntN(2) == 0 {
				f.To = from.AddDate(0, 0, r.IntN(400)).Format(time.DateOnly)
			}
		} else if r.IntN(4) == 0 {
			f.To = synth.Start.AddDate(0, 0, r.IntN(synth.Days)).Format(time.DateOnly)
		}
		if r.IntN(5) == 0 {
			f.Admin1 = []string{p.Name, "BAY", "nowhere"}[r.IntN(3)]
		}
		if r.IntN(5) == 0 {
			f.Actor = []string{c.Rebels[0], "shabaab", "militia", "protesters", "nobody at all"}[r.IntN(5)]
		}
		if r.IntN(6) == 0 {
			f.BBox = &[4]float64{p.Lon - 3, p.Lat - 3, p.Lon + 3, p.Lat + 3}
		}
		if r.IntN(6) == 0 {
			f.Text = []string{fmt.Sprintf("town %d,", r.IntN(200)), "clash", "TUESDAY", "text\x1fof"}[r.IntN(4)]
		}
		if r.IntN(10) == 0 {
			f.SubEventType = "Armed clash"
		}
		out = append(out, f)
	}
	return append(out, store.Filter{}, store.Filter{Country: "SO"}, store.Filter{From: "2023-03-05", Country: "ET"},
		store.Filter{BBox: &[4]float64{-180, -90, 180, 90}}, store.Filter{BBox: &[4]float64{43, 3, 44, 4}, EventType: "Battles"},
		store.Filter{BBox: &[4]float64{10, 10, -10, -10}}, store.Filter{SubEventType: "No such thing"},
		store.Filter{EventType: "Riots", SubEventType: "Violent demonstration", To: "2024-01-01"})
}

// sameAnswers checks that the facets in memory answer as SQLite does.
func sameAnswers(t *testing.T, mem, plain *DB, fs []store.Filter) {
	t.Helper()
	ctx := context.Background()
	for _, f := range fs {
		for _, oldest := range []bool{false, true} {
			f := f
			f.Oldest, f.Limit = oldest, 7
			for page := 0; page < 3; page++ {
				a, errA := mem.Page(ctx, f)
				b, errB := plain.Page(ctx, f)
				if errA != nil || errB != nil {
					t.Fatalf("filter %+v: %v, %v", f, errA, errB)
				}
				if a.Total != b.Total || a.Next != b.Next || !slices.Equal(ids(a.Events), ids(b.Events)) {
					t.Errorf("filter %+v: in memory %d %q %v, in SQLite %d %q %v", f, a.Total, a.Next, ids(a.Events), b.Total, b.Next, ids(b.Events))
				}
				if !reflect.DeepEqual(a.Events, b.Events) {
					t.Errorf("filter %+v: the events read differ", f)
				}
				enc, err := mem.PageJSON(ctx, f)
				if err != nil {
					t.Fatalf("filter %+v: %v", f, err)
				}
				if enc.Total != b.Total || enc.Next != b.Next || len(enc.Events) != len(b.Events) {
					t.Errorf("filter %+v: encoded %d %q %d events, in SQLite %d %q %d", f, enc.Total, enc.Next, len(enc.Events), b.Total, b.Next, len(b.Events))
				}
				for i := range min(len(enc.Events), len(b.Events)) {
					if want, _ := json.Marshal(b.Events[i]); string(enc.Events[i]) != string(want) {
						t.Errorf("filter %+v: event %s encoded\n%s\nnot\n%s", f, b.Events[i].ID, enc.Events[i], want)
					}
				}
				if a.Next == "" {
					break
				}
				f.After = a.Next
			}
		}
		for _, by := range []store.Dimension{store.ByDay, store.ByCountry, store.ByType, store.ByAdmin1} {
			a, errA := mem.Aggregate(ctx, f, by)
			b, errB := plain.Aggregate(ctx, f, by)
			if errA != nil || errB != nil {
				t.Fatalf("filter %+v by %s: %v, %v", f, by, errA, errB)
			}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("filter %+v by %s: in memory %v, in SQLite %v", f, by, a, b)
			}
		}
		a, errA := mem.Cells(ctx, f, 5)
		b, errB := plain.Cells(ctx, f, 5)
		if errA != nil || errB != nil {
			t.Fatalf("filter %+v cells: %v, %v", f, errA, errB)
		}
		if len(a) != len(b) {
			t.Errorf("filter %+v: %d cells in memory, %d in SQLite", f, len(a), len(b))
			continue
		}
		for i := range a {
			ca, cb := a[i], b[i]
			if ca.Events != cb.Events || ca.Fatalities != cb.Fatalities || !reflect.DeepEqual(ca.Types, cb.Types) ||
				math.Abs(ca.Lat-cb.Lat) > 1e-9 || math.Abs(ca.Lon-cb.Lon) > 1e-9 {
				t.Errorf("filter %+v: cell %d in memory %+v, in SQLite %+v", f, i, ca, cb)
			}
		}
	}
}

func ids(evs []store.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

// totalOf counts the events with SQL alone.
func totalOf(t *testing.T, db *DB) int {
	t.Helper()
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM events`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestFacetsInMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a synthetic record")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	mem, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if _, err := synth.Fill(ctx, mem, 3000, 3, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := mem.IngestAll(ctx, oddReports()); err != nil {
		t.Fatal(err)
	}
	plain, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if err := mem.KeepFacets(ctx, nil); err != nil {
		t.Fatal(err)
	}
	sn, err := mem.snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sn.mem == nil {
		t.Fatal("the facets just loaded are not read")
	}
	sn.tx.Rollback()
	fs := filters(rand.New(rand.NewPCG(1, 2)), 300)
	// Sub-event types are read on the first filter that asks: answered
	// by SQLite until then.
	sameAnswers(t, mem, plain, fs)
	if err := mem.loadSubtypes(ctx, mem.mem.current); err != nil {
		t.Fatal(err)
	}
	sameAnswers(t, mem, plain, fs)

	// New events and merges into old ones: until the facets are loaded
	// again, answers come from SQLite, and then from the new facets.
	w := synth.World()
	r := rand.New(rand.NewPCG(3, 3))
	var more []*event.Result
	for n := range 2000 {
		a := synth.Article(r, w, n)
		if n%2 == 1 {
			// A second report of the event of the first synthetic
			// articles: merged, with a higher toll.
			a.Document.ID, a.Document.URL = fmt.Sprintf("again-%d", n), ""
			if a.Events[0].Fatalities != nil {
				a.Events[0].Fatalities = intp(*a.Events[0].Fatalities + 10)
			}
		}
		more = append(more, a)
	}
	more = append(more, report("odd-d", "Wire", 9, "Al Shabaab"))
	out, err := mem.IngestAll(ctx, more)
	if err != nil {
		t.Fatal(err)
	}
	if out.Merged == 0 {
		t.Fatalf("no report merged: %+v", out)
	}
	sameAnswers(t, mem, plain, fs[:30])
	if err := mem.KeepFacets(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := mem.loadSubtypes(ctx, mem.mem.current); err != nil {
		t.Fatal(err)
	}
	sameAnswers(t, mem, plain, fs)
	byType, err := mem.Aggregate(ctx, store.Filter{}, store.ByType)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, b := range byType {
		sum += b.Events
	}
	if p, err := mem.Page(ctx, store.Filter{Limit: 1}); err != nil || p.Total != totalOf(t, mem) || sum != p.Total {
		t.Errorf("after merges: total %d, by type %d, SQL count %d (%v)", p.Total, sum, totalOf(t, mem), err)
	}

	// Rows numbered anew (as by a VACUUM) are found by their seq.
	m := mem.mem.current
	for p := range m.rowid {
		m.rowid[p] = (m.rowid[p] + 7) % int64(len(m.rowid)+1)
	}
	sameAnswers(t, mem, plain, fs[:30])
}

// TestFacetsReloadInBackground checks that a read after a write starts a
// reload, whose facets later reads use.
func TestFacetsReloadInBackground(t *testing.T) {
	ctx := context.Background()
	db := openWith(t, spread(20))
	if err := db.KeepFacets(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.IngestAll(ctx, oddReports()); err != nil {
		t.Fatal(err)
	}
	want := totalOf(t, db)
	// The first load was quick: a reload is due at once, or after four
	// times as long.
	deadline := time.Now().Add(time.Minute)
	for {
		p, err := db.Page(ctx, store.Filter{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != want {
			t.Fatalf("total %d, want %d", p.Total, want)
		}
		sn, err := db.snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		loaded := sn.mem != nil
		sn.tx.Rollback()
		if loaded {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the facets were never loaded again")
		}
		time.Sleep(10 * time.Millisecond)
	}
	// A sub-event type filter, answered by SQLite, starts reading them.
	armed, err := db.Page(ctx, store.Filter{SubEventType: "Armed clash", Limit: 1})
	if err != nil || armed.Total == 0 {
		t.Fatalf("armed clashes: %+v, %v", armed, err)
	}
	for {
		p, err := db.Page(ctx, store.Filter{SubEventType: "Armed clash", Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != armed.Total {
			t.Fatalf("armed clashes: %d, then %d", armed.Total, p.Total)
		}
		db.mem.mu.Lock()
		m := db.mem.current
		db.mem.mu.Unlock()
		if m.subtypes.Load() != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the sub-event types were never read")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestNeedle checks the search of text against bytes.Contains, whichever
// byte of the needle it looks for first.
func TestNeedle(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 5))
	word := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = "town 12,ab"[r.IntN(10)]
		}
		return b
	}
	for range 20000 {
		hay, s := word(r.IntN(40)), word(1+r.IntN(5))
		if r.IntN(3) == 0 && len(hay) > len(s) {
			at := r.IntN(len(hay) - len(s) + 1)
			copy(hay[at:], s)
		}
		n := needle{s: s, rare: r.IntN(len(s))}
		if got, want := n.in(hay), bytes.Contains(hay, s); got != want {
			t.Fatalf("%q in %q looking for byte %d first: %v, want %v", s, hay, n.rare, got, want)
		}
	}
}
