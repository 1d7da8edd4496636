// Package e2e drives the dashboard in a real headless Chromium over the
// demo data: filter by country, open an event, see its evidence
// highlighted. Screenshots go to $SITREP_ARTIFACTS (default: a temporary
// directory) for people to look at.
package e2e

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

func browser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on this machine: install Debian's chromium package to run the browser tests (.ci/run does)")
	return ""
}

// profile makes Chromium's user data directory. It is not t.TempDir:
// Chromium's helper processes can go on writing to it for a moment after
// the browser has exited, and t.TempDir's removal fails the test then.
// The directory is removed once the helpers let go, or left in the
// system's temporary directory with a note in the log.
func profile(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "sitrep-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		deadline := time.Now().Add(10 * time.Second)
		for {
			err := os.RemoveAll(dir)
			if err == nil {
				return
			}
			if time.Now().After(deadline) {
				t.Logf("Chromium profile left in %s: %v", dir, err)
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	return dir
}

func TestDashboardInBrowser(t *testing.T) {
	exe := browser(t)
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&ingest.Ingester{Pipeline: p, Store: db, Log: log}).FS(ctx, corpus.Articles()); err != nil {
		t.Fatal(err)
	}
	h, err := server.New(db, log)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	artifacts := os.Getenv("SITREP_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile(t)), chromedp.WindowSize(1280, 1400))
	actx, cancel := chromedp.NewExecAllocator(ctx, opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	bctx, cancel = context.WithTimeout(bctx, 90*time.Second)
	defer cancel()

	var shot []byte
	var rows, dots int
	var countries, query string
	// Fill the filter bar and read the query its form submits; then load
	// that page. Navigate waits for the load, which a click does not.
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`#events tbody tr`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=country]`, "PK", chromedp.ByQuery),
		chromedp.Evaluate(`new URLSearchParams(new FormData(document.querySelector('form.filters'))).toString()`, &query),
	)
	if err != nil {
		t.Fatalf("dashboard: %v", err)
	}
	if !strings.Contains(query, "country=PK") {
		t.Fatalf("filter form submits %q", query)
	}
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/?"+query),
		chromedp.WaitVisible(`#map circle.event`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#events tbody tr').length`, &rows),
		chromedp.Evaluate(`document.querySelectorAll('#map circle.event').length`, &dots),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#events tbody tr')).map(r => r.dataset.country).join(',')`, &countries),
		chromedp.FullScreenshot(&shot, 100),
	)
	if err != nil {
		t.Fatalf("filtered dashboard: %v", err)
	}
	if err := os.WriteFile(filepath.Join(artifacts, "dashboard.png"), shot, 0o644); err != nil {
		t.Fatal(err)
	}
	if rows == 0 || dots == 0 {
		t.Fatalf("filtered dashboard shows %d rows and %d map points", rows, dots)
	}
	for _, c := range strings.Split(countries, ",") {
		if c != "PK" {
			t.Errorf("country filter let through %q", c)
		}
	}

	// Open the first event and check that its evidence is highlighted.
	var marks int
	var title, href string
	err = chromedp.Run(bctx,
		chromedp.AttributeValue(`#events tbody tr td a`, "href", &href, nil, chromedp.ByQuery),
	)
	if err != nil || !strings.HasPrefix(href, "/events/") {
		t.Fatalf("event link %q: %v", href, err)
	}
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+href),
		chromedp.WaitVisible(`article.source mark`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('article.source mark').length`, &marks),
		chromedp.Text(`h1`, &title, chromedp.ByQuery),
		chromedp.FullScreenshot(&shot, 100),
	)
	if err != nil {
		t.Fatalf("event page: %v", err)
	}
	if err := os.WriteFile(filepath.Join(artifacts, "event.png"), shot, 0o644); err != nil {
		t.Fatal(err)
	}
	if marks == 0 || !strings.Contains(title, "Pakistan") {
		t.Errorf("event page %q has %d highlighted passages", title, marks)
	}
	t.Logf("screenshots in %s", artifacts)
}
