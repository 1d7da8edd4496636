package extract

import (
	"testing"
	"time"
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
