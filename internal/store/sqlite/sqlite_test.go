package sqlite

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }

// report is one article's account of a clash near Baidoa.
func report(docID, outlet string, fatalities int, actor2 string) *event.Result {
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

func TestMergeAcrossArticles(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if out, err := db.Ingest(ctx, report("doc-a", "Horn Observer", 25, "Al Shabaab")); err != nil || out.New != 1 {
		t.Fatalf("first report: %+v, %v", out, err)
	}
	out, err := db.Ingest(ctx, report("doc-b", "Mogadishu Wire", 40, "Al Shabaab"))
	if err != nil || out.Merged != 1 || out.New != 0 {
		t.Fatalf("second report of the same clash: %+v, %v", out, err)
	}
	// A clash the same day far away is another event.
	far := report("doc-c", "Kismayo Times", 3, "Al Shabaab")
	far.Events[0].Location, far.Events[0].Latitude, far.Events[0].Longitude = "Kismayo", f64(-0.36), f64(42.55)
	if out, err := db.Ingest(ctx, far); err != nil || out.New != 1 {
		t.Fatalf("distant clash: %+v, %v", out, err)
	}
	evs, err := db.Events(ctx, store.Filter{Country: "SO"})
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
	if out, err := db.Ingest(ctx, report("doc-a", "Horn Observer", 25, "Al Shabaab")); err != nil || !out.Duplicate {
		t.Errorf("re-ingest: %+v, %v", out, err)
	}
	again, _ := db.Events(ctx, store.Filter{})
	if len(again) != 2 || again[0].ID != e.ID {
		t.Errorf("after re-ingest: %d events, first %s (was %s)", len(again), again[0].ID, e.ID)
	}
	if ok, err := db.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Errorf("integrity check: %q, %v", ok, err)
	}
}

func TestFilters(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Ingest(ctx, report("doc-a", "Horn Observer", 25, "Al Shabaab")); err != nil {
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

// TestHelperIngestForever is not a test on its own: TestKilledDuringIngest
// runs it in a child process, which ingests until it is killed.
func TestHelperIngestForever(t *testing.T) {
	path := os.Getenv("SITREP_HELPER_DB")
	if path == "" {
		t.Skip("runs only as the child of TestKilledDuringIngest")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		r := report(fmt.Sprintf("doc-%d", i), fmt.Sprintf("Outlet %d", i%7), i%50, "Al Shabaab")
		r.Events[0].DateStart = event.Date(fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28))
		r.Events[0].DateEnd = r.Events[0].DateStart
		if _, err := db.Ingest(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKilledDuringIngest kills a process in the middle of ingesting
// (SIGKILL, no chance to clean up) and checks that the database opens,
// passes SQLite's integrity check, and takes more documents.
func TestKilledDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "killed.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIngestForever$")
	cmd.Env = append(os.Environ(), "SITREP_HELPER_DB="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	if ok, err := db.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Fatalf("integrity check after kill: %q, %v", ok, err)
	}
	before, err := db.Events(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(before) == 0 {
		t.Fatal("the child stored nothing before it was killed; the test proves nothing")
	}
	if _, err := db.Ingest(ctx, report("after-kill", "Late Wire", 1, "Al Shabaab")); err != nil {
		t.Fatalf("ingest after kill: %v", err)
	}
	t.Logf("%d events survived the kill", len(before))
}
