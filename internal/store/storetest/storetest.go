// Package storetest is the behaviour every store.Store must have, as a
// suite of tests each store's package runs against itself, and the
// reports those tests ingest.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// AllPage is the number of events the stores' All reads at a time; a
// listing longer than it tells whether All goes on to the next page.
const AllPage = 500

// BatchIngester is a store that stores many documents in one
// transaction; the suite loads its fixtures that way when a store can.
type BatchIngester interface {
	IngestAll(ctx context.Context, results []*event.Result) (store.Outcome, error)
}

// IntegrityChecker is a store that can check its own files or tables;
// the suite runs the check after writing when a store is one.
type IntegrityChecker interface {
	IntegrityCheck(ctx context.Context) (string, error)
}

// RowSizer is a store that can tell how many bytes an event's own row
// takes, without its sources: the suite checks that merging does not
// grow it.
type RowSizer interface {
	EventRowSize(ctx context.Context, id string) (int, error)
}

// Run runs the suite. open returns a new, empty store, which it closes
// when the test that asked for it ends.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	for _, tt := range []struct {
		name string
		test func(t *testing.T, open func(t *testing.T) store.Store)
	}{
		{"MergeAcrossArticles", testMergeAcrossArticles},
		{"Filters", testFilters},
		{"MergeAppends", testMergeAppends},
		{"ConcurrentMerge", testConcurrentMerge},
		{"Cells", testCells},
		{"SubEventTypeFilter", testSubEventTypeFilter},
		{"PagesWalkTheListing", testPagesWalkTheListing},
		{"FiltersInSQL", testFiltersInSQL},
		{"Aggregate", testAggregate},
		{"NewestFirst", testNewestFirst},
		{"CountsFollowWrites", testCountsFollowWrites},
		{"LongSpans", testLongSpans},
		{"AllReadsInPages", testAllReadsInPages},
		{"Lookups", testLookups},
		{"SortedPagesOrderEveryEvent", testSortedPagesOrderEveryEvent},
		{"SortedCursors", testSortedCursors},
		{"AggregateByAdmin1", testAggregateByAdmin1},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, open) })
	}
}

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }

// Report is one article's account of a clash near Baidoa.
func Report(docID, outlet string, fatalities int, actor2 string) *event.Result {
	return &event.Result{
		Document: event.Document{ID: docID, Outlet: outlet, Published: "2025-04-08", Format: "text", Text: "text of " + docID},
		Events: []event.Event{{
			ID: "m1", EventType: event.Str("Battles"), SubEventType: event.Str("Armed clash"), Plover: "ASSAULT",
			Actor1: "Military Forces of Somalia (2022-)", Inter1: 1, Actor2: actor2, Inter2: 2,
			ISO: "SO", Country: "Somalia", Location: "Baidoa", Latitude: f64(3.11), Longitude: f64(43.65), GeoPrecision: 1,
			DateStart: "2025-04-07", DateEnd: "2025-04-07", EventDate: "2025-04-07", TimePrecision: 1,
			Fatalities: intp(fatalities),
			Claims:     []event.Claim{{Kind: "killed", Count: fatalities, Source: outlet}},
		}},
	}
}

// Spread is n clashes in different places and on different days, each
// reported once, so that none merge.
func Spread(n int) []*event.Result {
	var out []*event.Result
	for i := range n {
		r := Report(fmt.Sprintf("doc-%03d", i), "Horn Observer", i%5, "Al Shabaab")
		e := &r.Events[0]
		e.DateStart = event.Date(fmt.Sprintf("2025-04-%02d", 1+i%28))
		e.DateEnd, e.EventDate = e.DateStart, e.DateStart
		e.Latitude, e.Longitude = f64(float64(i)), f64(40)
		e.Location = fmt.Sprintf("Place %d", i)
		e.Admin1 = []string{"Bay", "Banadir"}[i%2]
		e.Notes = fmt.Sprintf("Clash number %d.", i)
		if i%3 == 0 {
			e.EventType, e.SubEventType = event.Str("Riots"), event.Str("Violent demonstration")
			e.Fatalities = nil
		}
		out = append(out, r)
	}
	return out
}

// Fill ingests rs into st, in one batch when st can, each of them a new
// event.
func Fill(t testing.TB, st store.Store, rs []*event.Result) {
	t.Helper()
	ctx := context.Background()
	var out store.Outcome
	var err error
	if b, ok := st.(BatchIngester); ok {
		out, err = b.IngestAll(ctx, rs)
	} else {
		for _, r := range rs {
			var o store.Outcome
			if o, err = st.Ingest(ctx, r); err != nil {
				break
			}
			out.New += o.New
			out.Merged += o.Merged
		}
	}
	if err != nil || out.New != len(rs) {
		t.Fatalf("ingest %d reports: %+v, %v", len(rs), out, err)
	}
}

// openWith opens a new store and fills it with rs.
func openWith(t *testing.T, open func(t *testing.T) store.Store, rs []*event.Result) store.Store {
	t.Helper()
	st := open(t)
	Fill(t, st, rs)
	return st
}

// checkIntegrity runs the store's own check, if it has one.
func checkIntegrity(t *testing.T, st store.Store) {
	t.Helper()
	c, ok := st.(IntegrityChecker)
	if !ok {
		return
	}
	if ok, err := c.IntegrityCheck(context.Background()); err != nil || ok != "ok" {
		t.Errorf("integrity check: %q, %v", ok, err)
	}
}

func testMergeAcrossArticles(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := open(t)
	if out, err := db.Ingest(ctx, Report("doc-a", "Horn Observer", 25, "Al Shabaab")); err != nil || out.New != 1 {
		t.Fatalf("first report: %+v, %v", out, err)
	}
	out, err := db.Ingest(ctx, Report("doc-b", "Mogadishu Wire", 40, "Al Shabaab"))
	if err != nil || out.Merged != 1 || out.New != 0 {
		t.Fatalf("second report of the same clash: %+v, %v", out, err)
	}
	// A clash the same day far away is another event.
	far := Report("doc-c", "Kismayo Times", 3, "Al Shabaab")
	far.Events[0].Location, far.Events[0].Latitude, far.Events[0].Longitude = "Kismayo", f64(-0.36), f64(42.55)
	if out, err := db.Ingest(ctx, far); err != nil || out.New != 1 {
		t.Fatalf("distant clash: %+v, %v", out, err)
	}
	evs, err := db.Events(ctx, store.Filter{Country: "SO", Oldest: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 {
		t.Fatalf("%d events, want 2", len(evs))
	}
	e := evs[0]
	if len(e.Sources) != 2 || e.Fatalities == nil || *e.Fatalities != 25 || !e.Contested || len(e.Claims) != 2 {
		t.Errorf("merged event: %d sources, fatalities %v, contested %v, %d claims; want 2, 25, true, 2",
			len(e.Sources), e.Fatalities, e.Contested, len(e.Claims))
	}
	// Re-ingesting changes nothing, and ids are stable.
	if out, err := db.Ingest(ctx, Report("doc-a", "Horn Observer", 25, "Al Shabaab")); err != nil || !out.Duplicate {
		t.Errorf("re-ingest: %+v, %v", out, err)
	}
	again, _ := db.Events(ctx, store.Filter{Oldest: true})
	if len(again) != 2 || again[0].ID != e.ID {
		t.Fatalf("after re-ingest: %d events, first %s (was %s)", len(again), again[0].ID, e.ID)
	}
	// Another document at the same address is the same article.
	moved := Report("doc-a2", "Horn Observer", 25, "Al Shabaab")
	moved.Document.URL = "https://example.org/a"
	if _, err := db.Ingest(ctx, moved); err != nil {
		t.Fatal(err)
	}
	moved.Document.ID = "doc-a3"
	if out, err := db.Ingest(ctx, moved); err != nil || !out.Duplicate {
		t.Errorf("same URL, another id: %+v, %v; want a duplicate", out, err)
	}
	checkIntegrity(t, db)
}

func testFilters(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := open(t)
	if _, err := db.Ingest(ctx, Report("doc-a", "Horn Observer", 25, "Al Shabaab")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f    store.Filter
		want int
	}{
		{store.Filter{}, 1},
		{store.Filter{Country: "so"}, 1},
		{store.Filter{Country: "KE"}, 0},
		{store.Filter{From: "2025-04-08"}, 0},
		{store.Filter{To: "2025-04-07"}, 1},
		{store.Filter{EventType: "Battles"}, 1},
		{store.Filter{EventType: "Riots"}, 0},
		{store.Filter{Actor: "shabaab"}, 1},
		{store.Filter{Actor: "Houthis"}, 0},
	} {
		evs, err := db.Events(ctx, tt.f)
		if err != nil || len(evs) != tt.want {
			t.Errorf("filter %+v: %d events, %v; want %d", tt.f, len(evs), err, tt.want)
		}
	}
}

// testMergeAppends merges 300 reports into one event: every source and
// claim is kept, the toll is the least reported and contested, and the
// event's row does not grow with its sources, which merging appends.
func testMergeAppends(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := openWith(t, open, []*event.Result{Report("doc-0", "Outlet 0", 30, "Al Shabaab")})
	first, err := db.Events(ctx, store.Filter{})
	if err != nil || len(first) != 1 {
		t.Fatalf("%d events, %v; want 1", len(first), err)
	}
	sizer, sized := db.(RowSizer)
	rowSize := func() int {
		n, err := sizer.EventRowSize(ctx, first[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	var size int
	if sized {
		size = rowSize()
	}
	for i := 1; i < 300; i++ {
		out, err := db.Ingest(ctx, Report(fmt.Sprintf("doc-%d", i), fmt.Sprintf("Outlet %d", i), 30-i%7, "Al Shabaab"))
		if err != nil || out.Merged != 1 {
			t.Fatalf("report %d: %+v, %v", i, out, err)
		}
	}
	if sized {
		if n := rowSize(); n > size+100 {
			t.Errorf("the event's row grew from %d to %d bytes with its sources", size, n)
		}
	}
	evs, err := db.Events(ctx, store.Filter{})
	if err != nil || len(evs) != 1 {
		t.Fatalf("%d events, %v; want 1", len(evs), err)
	}
	e, _, err := db.Event(ctx, evs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []store.Event{evs[0], e} {
		if len(got.Sources) != 300 || len(got.Claims) != 300 || *got.Fatalities != 24 || !got.Contested {
			t.Errorf("%d sources, %d claims, toll %d, contested %v; want 300, 300, 24, true", len(got.Sources), len(got.Claims), *got.Fatalities, got.Contested)
		}
		for i, s := range got.Sources {
			if s.DocumentID != fmt.Sprintf("doc-%d", i) || got.Claims[i].Source != s.Outlet {
				t.Fatalf("source %d is %s with claim by %s: not in the order of ingest", i, s.DocumentID, got.Claims[i].Source)
			}
		}
	}
}

// testConcurrentMerge has several writers report one clash at the same
// moment, round after round: each round ends as one event with a source
// per writer, however the writers interleave.
func testConcurrentMerge(t *testing.T, open func(t *testing.T) store.Store) {
	const writers, rounds = 6, 10
	ctx := context.Background()
	db := open(t)
	for round := range rounds {
		start := make(chan struct{})
		outs := make([]store.Outcome, writers)
		errs := make([]error, writers)
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				r := Report(fmt.Sprintf("doc-%d-%d", round, w), fmt.Sprintf("Outlet %d", w), 10+w, "Al Shabaab")
				e := &r.Events[0]
				// Each round's clash is on its own day and in its own
				// place, so that rounds do not merge with each other.
				e.DateStart = event.Date(fmt.Sprintf("2025-05-%02d", 1+round))
				e.DateEnd, e.EventDate = e.DateStart, e.DateStart
				e.Latitude = f64(float64(round))
				<-start
				outs[w], errs[w] = db.Ingest(ctx, r)
			})
		}
		close(start)
		wg.Wait()
		var created, merged int
		for w := range writers {
			if errs[w] != nil {
				t.Fatalf("round %d, writer %d: %v", round, w, errs[w])
			}
			created += outs[w].New
			merged += outs[w].Merged
		}
		if created != 1 || merged != writers-1 {
			t.Errorf("round %d: %d new and %d merged, want 1 and %d", round, created, merged, writers-1)
		}
	}
	evs, err := db.Events(ctx, store.Filter{Oldest: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != rounds {
		t.Fatalf("%d events, want %d: one per round", len(evs), rounds)
	}
	for i, e := range evs {
		docs := map[string]bool{}
		for _, s := range e.Sources {
			docs[s.DocumentID] = true
		}
		if len(e.Sources) != writers || len(docs) != writers || len(e.Claims) != writers || *e.Fatalities != 10 || !e.Contested {
			t.Errorf("event %d: %d sources (%d documents), %d claims, toll %d, contested %v; want %d, %d, %d, 10, true",
				i, len(e.Sources), len(docs), len(e.Claims), *e.Fatalities, e.Contested, writers, writers, writers)
		}
	}
	checkIntegrity(t, db)
}

func testCells(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	// Fifty events at latitudes 0 to 49 on one meridian, a third of
	// them riots.
	db := openWith(t, open, Spread(50))
	tests := []struct {
		size   float64
		f      store.Filter
		cells  int
		events int
	}{
		{360, store.Filter{}, 1, 50},
		{10, store.Filter{}, 5, 50},
		{1, store.Filter{}, 50, 50},
		{10, store.Filter{EventType: "Riots"}, 5, 17},
		{10, store.Filter{BBox: &[4]float64{30, 0, 50, 19.5}}, 2, 20},
	}
	for _, tt := range tests {
		cells, err := db.Cells(ctx, tt.f, tt.size)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range cells {
			n += c.Events
			typed := 0
			for _, k := range c.Types {
				typed += k
			}
			if typed != c.Events {
				t.Errorf("cell %+v: types add up to %d", c, typed)
			}
		}
		if len(cells) != tt.cells || n != tt.events {
			t.Errorf("size %v, filter %+v: %d cells of %d events; want %d of %d", tt.size, tt.f, len(cells), n, tt.cells, tt.events)
		}
	}
	one, _ := db.Cells(ctx, store.Filter{}, 360)
	if c := one[0]; c.Lat != 24.5 || c.Lon != 40 || c.Types["Riots"] != 17 || c.Types["Battles"] != 33 {
		t.Errorf("the whole world's cell: %+v", c)
	}
	for _, size := range []float64{0, -1, 361} {
		if _, err := db.Cells(ctx, store.Filter{}, size); err == nil {
			t.Errorf("cells of %v degrees: no error", size)
		}
	}
}

func testSubEventTypeFilter(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := openWith(t, open, Spread(30))
	for sub, want := range map[string]int{"Violent demonstration": 10, "Mob violence": 0, "Armed clash": 20} {
		evs, err := db.Events(ctx, store.Filter{SubEventType: sub})
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != want {
			t.Errorf("sub-type %q: %d events, want %d", sub, len(evs), want)
		}
		for _, e := range evs {
			if *e.SubEventType != sub {
				t.Errorf("sub-type %q let through %q", sub, *e.SubEventType)
			}
		}
	}
}

func testPagesWalkTheListing(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := openWith(t, open, Spread(50))
	for _, f := range []store.Filter{{}, {EventType: "Battles"}, {Admin1: "bay"}, {From: "2025-04-10", To: "2025-04-20"}} {
		all, err := db.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var walked []store.Event
		f.Limit = 7
		for pages := 0; ; pages++ {
			if pages > 50 {
				t.Fatalf("filter %+v: pages never end", f)
			}
			p, err := db.Page(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != len(all) {
				t.Errorf("filter %+v: total %d, listing has %d", f, p.Total, len(all))
			}
			if len(p.Events) > f.Limit {
				t.Errorf("filter %+v: page of %d, limit %d", f, len(p.Events), f.Limit)
			}
			walked = append(walked, p.Events...)
			if p.Next == "" {
				break
			}
			f.After = p.Next
		}
		if len(walked) != len(all) {
			t.Fatalf("filter %+v: pages hold %d events, listing %d", f, len(walked), len(all))
		}
		for i := range all {
			if walked[i].ID != all[i].ID {
				t.Fatalf("filter %+v: event %d is %s on the pages, %s in the listing", f, i, walked[i].ID, all[i].ID)
			}
		}
	}
	for _, bad := range []string{"x", "!!", "MjAyNS0wNC0wMQ", "bm90LWEtZGF0ZS8x"} {
		if _, err := db.Page(ctx, store.Filter{After: bad, Limit: 5}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("cursor %q: %v, want ErrBadCursor", bad, err)
		}
	}
}

func testFiltersInSQL(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := openWith(t, open, Spread(30))
	for _, tt := range []struct {
		f    store.Filter
		want int
	}{
		{store.Filter{Admin1: "BANADIR"}, 15},
		{store.Filter{BBox: &[4]float64{39, 10, 41, 19.5}}, 10},
		{store.Filter{BBox: &[4]float64{0, 0, 1, 1}}, 0},
		{store.Filter{Text: "NUMBER 2"}, 11}, // 2, 20-29
		{store.Filter{Text: "number 2\x1fclash"}, 0},
		{store.Filter{Actor: "somalia (2022"}, 30},
		{store.Filter{Actor: "shabaab\x1fmilitary"}, 0},
		{store.Filter{EventType: "riots", Country: "so"}, 0},
		{store.Filter{EventType: "Riots", Country: "so"}, 10},
		{store.Filter{Limit: 4}, 4},
	} {
		evs, err := db.Events(ctx, tt.f)
		if err != nil || len(evs) != tt.want {
			t.Errorf("filter %+v: %d events, %v; want %d", tt.f, len(evs), err, tt.want)
		}
	}
}

func testAggregate(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := openWith(t, open, Spread(30))
	got, err := db.Aggregate(ctx, store.Filter{}, store.ByType)
	if err != nil {
		t.Fatal(err)
	}
	// Battles are the 20 reports with i%3 != 0; their fatalities are i%5.
	var killed int
	for i := range 30 {
		if i%3 != 0 {
			killed += i % 5
		}
	}
	want := []store.Bucket{{Key: "Battles", Events: 20, Fatalities: killed}, {Key: "Riots", Events: 10}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("by type: %v, want %v", got, want)
	}
	days, err := db.Aggregate(ctx, store.Filter{To: "2025-04-02"}, store.ByDay)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(days) != fmt.Sprint([]store.Bucket{{Key: "2025-04-01", Events: 2, Fatalities: 3}, {Key: "2025-04-02", Events: 2, Fatalities: 5}}) {
		t.Errorf("by day: %v", days)
	}
	if _, err := db.Aggregate(ctx, store.Filter{}, "outlet"); err == nil {
		t.Error("aggregate by an unknown dimension: no error")
	}
}

func testNewestFirst(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := openWith(t, open, Spread(40))
	newest, err := db.Events(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	oldest, err := db.Events(ctx, store.Filter{Oldest: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(newest) != 40 || len(oldest) != 40 {
		t.Fatalf("%d and %d events, want 40", len(newest), len(oldest))
	}
	for i := range newest {
		if i > 0 && newest[i].DateStart > newest[i-1].DateStart {
			t.Errorf("newest first: %s listed after %s", newest[i].DateStart, newest[i-1].DateStart)
		}
		if newest[i].ID != oldest[len(oldest)-1-i].ID {
			t.Fatalf("oldest first is not newest first reversed at %d", i)
		}
	}
}

// testCountsFollowWrites asks for totals and aggregates, which a store
// may cache, before and after a write.
func testCountsFollowWrites(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	empty := openWith(t, open, nil)
	if p, err := empty.Page(ctx, store.Filter{}); err != nil || p.Total != 0 {
		t.Fatalf("empty store: total %d, %v", p.Total, err)
	}
	db := openWith(t, open, Spread(10))
	f := store.Filter{Country: "SO", Limit: 1}
	for want := 10; want <= 11; want++ {
		p, err := db.Page(ctx, f)
		if err != nil || p.Total != want {
			t.Fatalf("total %d, %v; want %d", p.Total, err, want)
		}
		byType, err := db.Aggregate(ctx, f, store.ByType)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, b := range byType {
			n += b.Events
		}
		if n != want {
			t.Fatalf("aggregate counts %d events, want %d", n, want)
		}
		if _, err := db.Ingest(ctx, Spread(11)[10]); err != nil {
			t.Fatal(err)
		}
	}
}

// testLongSpans finds and merges into an event that spans a quarter,
// though a store may bound date searches by the longest span stored.
func testLongSpans(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	rs := Spread(5)
	long := Report("doc-long", "Quarterly Review", 7, "Al Shabaab")
	long.Events[0].DateStart, long.Events[0].DateEnd, long.Events[0].EventDate = "2025-01-01", "2025-03-31", "2025-02-15"
	db := openWith(t, open, append(rs, long))
	evs, err := db.Events(ctx, store.Filter{From: "2025-03-30", To: "2025-03-31"})
	if err != nil || len(evs) != 1 || evs[0].Sources[0].DocumentID != "doc-long" {
		t.Fatalf("events of the quarter's last days: %d, %v; want the quarter's", len(evs), err)
	}
	// A report of the same clash in March merges into it.
	march := Report("doc-march", "Horn Observer", 7, "Al Shabaab")
	march.Events[0].DateStart, march.Events[0].DateEnd, march.Events[0].EventDate = "2025-03-20", "2025-03-20", "2025-03-20"
	out, err := db.Ingest(ctx, march)
	if err != nil || out.Merged != 1 {
		t.Fatalf("a report within the quarter: %+v, %v; want it merged", out, err)
	}
}

// testAllReadsInPages yields every event of a listing longer than a page
// of All's, in the listing's order, and stops when asked to.
func testAllReadsInPages(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	rs := Spread(AllPage + 37)
	for i, r := range rs {
		// Spread over more days than Spread's 28, so that few merge.
		r.Events[0].DateStart = event.Date(fmt.Sprintf("20%02d-04-%02d", 10+i/28, 1+i%28))
		r.Events[0].DateEnd = r.Events[0].DateStart
	}
	db := openWith(t, open, rs)
	for _, f := range []store.Filter{{}, {Oldest: true, Admin1: "bay"}, {Limit: AllPage + 1}} {
		want, err := db.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var got []store.Event
		for e, err := range db.All(ctx, f) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, e)
		}
		if len(got) != len(want) || len(got) < AllPage/2 {
			t.Fatalf("filter %+v: All yields %d events, Events %d", f, len(got), len(want))
		}
		for i := range got {
			if got[i].ID != want[i].ID || len(got[i].Sources) != len(want[i].Sources) {
				t.Fatalf("filter %+v: event %d is %s from All, %s from Events", f, i, got[i].ID, want[i].ID)
			}
		}
	}
	n := 0
	for range db.All(ctx, store.Filter{}) {
		if n++; n == 3 {
			break
		}
	}
	var errs []error
	for _, err := range db.All(ctx, store.Filter{After: "x"}) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], store.ErrBadCursor) {
		t.Errorf("bad cursor: %v, want ErrBadCursor alone", errs)
	}
}

// testLookups reads back an event with its mentions, a document and its
// mentions, and fails to find what was never stored.
func testLookups(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	first := Report("doc-a", "Horn Observer", 25, "Al Shabaab")
	first.Document.URL, first.Document.Title = "https://example.org/a", "Clash near Baidoa"
	db := openWith(t, open, []*event.Result{first})
	if _, err := db.Ingest(ctx, Report("doc-b", "Mogadishu Wire", 40, "Al Shabaab")); err != nil {
		t.Fatal(err)
	}
	evs, err := db.Events(ctx, store.Filter{})
	if err != nil || len(evs) != 1 {
		t.Fatalf("%d events, %v; want 1", len(evs), err)
	}
	e, ms, err := db.Event(ctx, evs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.ID != evs[0].ID || len(e.Sources) != 2 || e.Updated == "" || e.Sources[0].URL != first.Document.URL {
		t.Errorf("event %s: %d sources, updated %q, first source at %q", e.ID, len(e.Sources), e.Updated, e.Sources[0].URL)
	}
	if len(ms) != 2 || ms[0].DocumentID != "doc-a" || ms[1].DocumentID != "doc-b" || ms[1].EventID != e.ID || *ms[1].Event.Fatalities != 40 {
		t.Errorf("mentions of the event: %+v", ms)
	}
	d, err := db.Document(ctx, "doc-a")
	if err != nil || d.ID != "doc-a" || d.Title != first.Document.Title || d.Text != first.Document.Text || d.Published != "2025-04-08" {
		t.Errorf("document: %+v, %v", d, err)
	}
	dm, err := db.Mentions(ctx, "doc-b")
	if err != nil || len(dm) != 1 || dm[0].EventID != e.ID {
		t.Errorf("mentions of doc-b: %+v, %v", dm, err)
	}
	if dm, err := db.Mentions(ctx, "doc-none"); err != nil || len(dm) != 0 {
		t.Errorf("mentions of an unknown document: %+v, %v", dm, err)
	}
	if _, _, err := db.Event(ctx, "no-such-event"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown event: %v, want ErrNotFound", err)
	}
	if _, err := db.Document(ctx, "no-such-doc"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown document: %v, want ErrNotFound", err)
	}
}
