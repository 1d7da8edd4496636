package storetest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// sortValue is what a listing sorted by key compares.
func sortValue(e store.Event, key store.SortKey) any {
	switch key {
	case store.SortDate:
		return string(e.DateStart)
	case store.SortType:
		if e.SubEventType != nil {
			return strings.ToLower(*e.SubEventType)
		}
		return strings.ToLower(e.Plover)
	case store.SortActor1:
		return strings.ToLower(e.Actor1)
	case store.SortActor2:
		return strings.ToLower(e.Actor2)
	case store.SortLocation:
		return strings.ToLower(e.Location)
	case store.SortCountry:
		return strings.ToLower(e.Country)
	case store.SortFatalities:
		if e.Fatalities == nil {
			return -1
		}
		return *e.Fatalities
	case store.SortSources:
		return len(e.Sources)
	}
	panic("no sort key " + key)
}

func compareValues(a, b any) int {
	switch a := a.(type) {
	case string:
		return cmp.Compare(a, b.(string))
	case int:
		return cmp.Compare(a, b.(int))
	}
	panic(fmt.Sprintf("%T", a))
}

// sortFixture is Spread(40) with actors and places that differ, in mixed
// case, to sort, and some events PLOVER codes alone.
func sortFixture() []*event.Result {
	rs := Spread(40)
	for i, r := range rs {
		e := &r.Events[0]
		e.Actor2 = []string{"al Shabaab", "Clan Militia", "Bandits"}[i%3]
		e.Location = []string{"baidoa", "Afgooye", "Kismayo", "Jowhar"}[i%4]
		if i%10 == 5 {
			e.EventType, e.SubEventType, e.Plover = nil, nil, "Coerce"
		}
	}
	return rs
}

func testSortedPagesOrderEveryEvent(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := openWith(t, open, sortFixture())
	filters := []store.Filter{{}, {EventType: "Battles"}, {Admin1: "bay"}}
	for _, key := range store.SortKeys() {
		for _, desc := range []bool{false, true} {
			for _, f := range filters {
				by := store.Sort{By: key, Desc: desc}
				all, err := db.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				byID := map[string]store.Event{}
				for _, e := range all {
					byID[e.ID] = e
				}
				f.Limit = 6
				seen := map[string]bool{}
				var walked []store.Event
				for pages := 0; ; pages++ {
					if pages > 40 {
						t.Fatalf("%+v %+v: pages never end", by, f)
					}
					p, err := db.Sorted(ctx, f, by)
					if err != nil {
						t.Fatalf("%+v %+v: %v", by, f, err)
					}
					if p.Total != len(all) {
						t.Errorf("%+v %+v: total %d, want %d", by, f, p.Total, len(all))
					}
					if len(p.Events) > f.Limit {
						t.Errorf("%+v %+v: page of %d events, limit %d", by, f, len(p.Events), f.Limit)
					}
					walked = append(walked, p.Events...)
					if p.Next == "" {
						break
					}
					f.After = p.Next
				}
				if len(walked) != len(all) {
					t.Fatalf("%+v %+v: pages hold %d events, want %d", by, f, len(walked), len(all))
				}
				for i, e := range walked {
					if seen[e.ID] {
						t.Errorf("%+v %+v: %s listed twice", by, f, e.ID)
					}
					seen[e.ID] = true
					// Read whole, as Events reads it.
					if !reflect.DeepEqual(e, byID[e.ID]) {
						t.Errorf("%+v %+v: event %d read as\n%+v\nEvents reads\n%+v", by, f, i, e, byID[e.ID])
					}
					if i == 0 {
						continue
					}
					prev := walked[i-1]
					c := compareValues(sortValue(prev, key), sortValue(e, key))
					if c == 0 {
						// Ties in the order they were stored, which
						// is the order of the fixture's documents.
						c = strings.Compare(prev.Sources[0].DocumentID, e.Sources[0].DocumentID)
					}
					if desc {
						c = -c
					}
					if c >= 0 {
						t.Errorf("%+v %+v: %v (%s) before %v (%s)", by, f, sortValue(prev, key), prev.Sources[0].DocumentID,
							sortValue(e, key), e.Sources[0].DocumentID)
					}
				}
			}
		}
	}
}

func testSortedCursors(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := openWith(t, open, Spread(10))
	p, err := db.Sorted(ctx, store.Filter{Limit: 3}, store.Sort{By: store.SortLocation})
	if err != nil || p.Next == "" {
		t.Fatalf("first page: %+v, %v", p, err)
	}
	// A text column's cursor does not serve a number column, nor Page's
	// cursors Sorted's.
	if _, err := db.Sorted(ctx, store.Filter{Limit: 3, After: p.Next}, store.Sort{By: store.SortFatalities}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("location cursor for fatalities: %v, want ErrBadCursor", err)
	}
	fp, err := db.Sorted(ctx, store.Filter{Limit: 3}, store.Sort{By: store.SortFatalities})
	if err != nil || fp.Next == "" {
		t.Fatalf("first page by fatalities: %+v, %v", fp, err)
	}
	dp, err := db.Page(ctx, store.Filter{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	// `["a"]`, `[1,1]`, `["a",0]`.
	for _, bad := range []string{"x", "!!", dp.Next, fp.Next, "WyJhIl0", "WzEsMV0", "WyJhIiwwXQ"} {
		if _, err := db.Sorted(ctx, store.Filter{Limit: 3, After: bad}, store.Sort{By: store.SortActor1}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("cursor %q: %v, want ErrBadCursor", bad, err)
		}
	}
	if _, err := db.Sorted(ctx, store.Filter{}, store.Sort{By: "colour"}); err == nil {
		t.Error("sort by an unknown column: no error")
	}
	// An empty listing is a page of no events and no cursor.
	if p, err := db.Sorted(ctx, store.Filter{Country: "KE", Limit: 3}, store.Sort{By: store.SortActor1}); err != nil || len(p.Events) != 0 || p.Next != "" || p.Total != 0 {
		t.Errorf("no events: %+v, %v", p, err)
	}
}

func testAggregateByAdmin1(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	db := openWith(t, open, Spread(30))
	// Riots are i%3 == 0: ten, five in each division (i%2); none has a
	// toll.
	riots, err := db.Aggregate(ctx, store.Filter{EventType: "Riots"}, store.ByAdmin1)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Bucket{{Key: "SO/banadir", Events: 5}, {Key: "SO/bay", Events: 5}}
	if fmt.Sprint(riots) != fmt.Sprint(want) {
		t.Errorf("riots by division: %v, want %v", riots, want)
	}
	// Battles' fatalities are i%5, in Bay when i is even.
	got, err := db.Aggregate(ctx, store.Filter{}, store.ByAdmin1)
	if err != nil {
		t.Fatal(err)
	}
	var killed [2]int
	for i := range 30 {
		if i%3 != 0 {
			killed[i%2] += i % 5
		}
	}
	want = []store.Bucket{{Key: "SO/banadir", Events: 15, Fatalities: killed[1]}, {Key: "SO/bay", Events: 15, Fatalities: killed[0]}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("by division: %v, want %v", got, want)
	}
}
