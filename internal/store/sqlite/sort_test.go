package sqlite

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

// sortValue is what a listing sorted by key compares, as Sorted's SQL
// reads it.
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

func TestSortedPagesOrderEveryEvent(t *testing.T) {
	ctx := context.Background()
	rs := spread(40)
	for i, r := range rs {
		// Actors and places that differ, in mixed case, to sort.
		r.Events[0].Actor2 = []string{"al Shabaab", "Clan Militia", "Bandits"}[i%3]
		r.Events[0].Location = []string{"baidoa", "Afgooye", "Kismayo", "Jowhar"}[i%4]
	}
	db := openWith(t, rs)
	filters := []store.Filter{{}, {EventType: "Battles"}, {Admin1: "bay"}}
	for _, key := range store.SortKeys() {
		for _, desc := range []bool{false, true} {
			for _, f := range filters {
				by := store.Sort{By: key, Desc: desc}
				all, err := db.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
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
					if len(e.Sources) == 0 || e.ID == "" {
						t.Errorf("%+v %+v: event %d read without its body or sources: %+v", by, f, i, e)
					}
					if i == 0 {
						continue
					}
					c := compareValues(sortValue(walked[i-1], key), sortValue(e, key))
					if desc {
						c = -c
					}
					if c > 0 {
						t.Errorf("%+v %+v: %v before %v", by, f, sortValue(walked[i-1], key), sortValue(e, key))
					}
				}
			}
		}
	}
}

func TestSortedCursors(t *testing.T) {
	ctx := context.Background()
	db := openWith(t, spread(10))
	p, err := db.Sorted(ctx, store.Filter{Limit: 3}, store.Sort{By: store.SortLocation})
	if err != nil || p.Next == "" {
		t.Fatalf("first page: %+v, %v", p, err)
	}
	// A text column's cursor does not serve a number column, nor Page's
	// cursors Sorted's.
	if _, err := db.Sorted(ctx, store.Filter{Limit: 3, After: p.Next}, store.Sort{By: store.SortFatalities}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("location cursor for fatalities: %v, want ErrBadCursor", err)
	}
	dp, err := db.Page(ctx, store.Filter{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"x", "!!", dp.Next, "WyJhIl0"} {
		if _, err := db.Sorted(ctx, store.Filter{Limit: 3, After: bad}, store.Sort{By: store.SortActor1}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("cursor %q: %v, want ErrBadCursor", bad, err)
		}
	}
	if _, err := db.Sorted(ctx, store.Filter{}, store.Sort{By: "colour"}); err == nil {
		t.Error("sort by an unknown column: no error")
	}
}
