package sqlite

import (
	"context"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

func TestAggregateByAdmin1(t *testing.T) {
	ctx := context.Background()
	db := openWith(t, spread(30))
	got, err := db.Aggregate(ctx, store.Filter{EventType: "Riots"}, store.ByAdmin1)
	if err != nil {
		t.Fatal(err)
	}
	// Riots are i%3 == 0: ten, five in each division (i%2).
	want := []store.Bucket{{Key: "SO/banadir", Events: 5}, {Key: "SO/bay", Events: 5}}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("bucket %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
