package extract

import (
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/text"
)

func TestDay(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(2024, 2, 29, 12, 0, 0, 0, time.FixedZone("x", 5*3600)),
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(7, 10, 9, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 6, 15, 0, 0, 0, 0, time.UTC),
		{},
	} {
		if got, want := day(tm), tm.Format(time.DateOnly); got != want {
			t.Errorf("day(%v) = %q, want %q", tm, got, want)
		}
	}
}

// TestAliasReader holds the SetReader usedAliases reads with to
// text.Doc's Written, over the development articles and the aliases of
// every actor of the dictionary that any of them names.
func TestAliasReader(t *testing.T) {
	x := extractor(t)
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	hits := 0
	for _, s := range texts {
		d := text.Split(s)
		r := text.NewSetReader(d)
		for _, m := range x.actors.FindIn(d, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
			if m.Actor == nil {
				continue
			}
			set := x.aliasSet(m.Actor)
			got, want := r.Written(set), d.Written(set)
			if !slices.Equal(got, want) {
				t.Errorf("aliases of %s: SetReader %q, Doc %q", m.Actor.Name, got, want)
			}
			hits += len(want)
		}
	}
	if hits < 10 {
		t.Errorf("only %d aliases written: the test proves little", hits)
	}
}
