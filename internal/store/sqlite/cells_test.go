package sqlite

import (
	"context"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

func TestCells(t *testing.T) {
	ctx := context.Background()
	// Fifty events at latitudes 0 to 49 on one meridian, a third of
	// them riots.
	db := openWith(t, spread(50))
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

func TestSubEventTypeFilter(t *testing.T) {
	ctx := context.Background()
	db := openWith(t, spread(30))
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
