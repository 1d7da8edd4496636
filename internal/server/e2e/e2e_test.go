// Package e2e drives the dashboard in a real headless Chromium over the
// demo data: the time axis has dates, zooming changes the map, a filter
// chosen from the choices gives the API's rows and the view's download
// holds them, an event's evidence is highlighted. Screenshots go to $SITREP_ARTIFACTS (default: a temporary
// directory) for people to look at.
package e2e

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
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
	save := func(name string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(artifacts, name), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The time axis has real dates on it.
	var dateLabels, yearLabels, bars int
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`#timeline svg text.tick.date`, chromedp.ByQuery),
		chromedp.WaitVisible(`#map g.cell`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#timeline text.tick.date').length`, &dateLabels),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#timeline text.tick.year')).filter(e => /^20\d\d$/.test(e.textContent)).length`, &yearLabels),
		chromedp.Evaluate(`document.querySelectorAll('#timeline rect.bar').length`, &bars),
		chromedp.FullScreenshot(&shot, 100),
	)
	if err != nil {
		t.Fatalf("dashboard: %v", err)
	}
	save("dashboard.png")
	if dateLabels < 3 || yearLabels < 1 || bars == 0 {
		t.Errorf("time axis: %d date labels, %d year labels, %d bars", dateLabels, yearLabels, bars)
	}

	// Zooming in changes what the map draws: fewer events in view, in
	// circles computed for the new zoom.
	var before, after struct{ Cells, Shown int }
	readMap := `({cells: +document.getElementById('map').dataset.cells, shown: +document.getElementById('map').dataset.shown})`
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/?view=1/30/10"),
		chromedp.WaitVisible(`#map g.cell`, chromedp.ByQuery),
		chromedp.Evaluate(readMap, &before),
		chromedp.Click(`#map button[data-zoom="1"]`, chromedp.ByQuery),
		chromedp.Click(`#map button[data-zoom="1"]`, chromedp.ByQuery),
		chromedp.Poll(`document.getElementById('map').dataset.shown != `+"\"\""+` && new URLSearchParams(location.search).get('view').startsWith('3/')`, nil),
		chromedp.Sleep(500*time.Millisecond),
		chromedp.Evaluate(readMap, &after),
	)
	if err != nil {
		t.Fatalf("map zoom: %v", err)
	}
	t.Logf("map at zoom 1: %+v; at zoom 3: %+v", before, after)
	if before.Shown == 0 || after.Shown >= before.Shown {
		t.Errorf("zooming in from %+v drew %+v; want fewer events in view", before, after)
	}

	// A type chosen from the choices gives the rows the API gives, and
	// the view's download holds them.
	var rows int
	var search string
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`#f-type`, chromedp.ByQuery),
		chromedp.SetValue(`#f-type`, "Battles", chromedp.ByQuery),
		chromedp.Click(`#filters button[type=submit]`, chromedp.ByQuery),
		waitFor(`location.search.includes('type=') && document.querySelector('#map g.cell') !== null`),
		chromedp.Evaluate(`document.querySelectorAll('#events tbody tr[data-country]').length`, &rows),
		chromedp.Evaluate(`location.search`, &search),
	)
	if err != nil {
		t.Fatalf("filter from the choices: %v", err)
	}
	var api struct {
		Events []struct {
			ID  string `json:"id"`
			ISO string `json:"iso"`
		}
		Total int
	}
	getJSON(t, srv.URL+"/api/events?limit=500&type=Battles", &api)
	if rows == 0 || rows != api.Total || search != "?type=Battles" {
		t.Errorf("choosing Battles (%s) shows %d rows; the API has %d", search, rows, api.Total)
	}
	var csvText string
	err = chromedp.Run(bctx,
		chromedp.Evaluate(`fetch(document.querySelector('a[href*="format=acled-csv"]').href).then(r => r.text())`, &csvText,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	recs, err := csv.NewReader(strings.NewReader(csvText)).ReadAll()
	if err != nil || len(recs) < 1 {
		t.Fatalf("export is not CSV: %v", err)
	}
	exported := map[string]bool{}
	for _, r := range recs[1:] {
		// event_id_cnty ends with the first 8 characters of the id.
		exported[r[0][len(r[0])-8:]] = true
	}
	t.Logf("Battles: %d rows on the page, %d from the API, %d in the download", rows, api.Total, len(exported))
	if len(exported) != api.Total {
		t.Errorf("export has %d rows, the API %d", len(exported), api.Total)
	}
	for _, e := range api.Events {
		if !exported[strings.ToUpper(e.ID[:8])] {
			t.Errorf("event %s is not in the export", e.ID)
		}
	}

	// A country chosen from the suggestions by its name gives its rows.
	var suggested bool
	var countries string
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`input[name=country]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=country]`, "Paki", chromedp.ByQuery),
		chromedp.Poll(`Array.from(document.querySelectorAll('#countries option')).some(o => o.value === 'Pakistan')`, &suggested),
		chromedp.SetValue(`input[name=country]`, "Pakistan", chromedp.ByQuery),
		chromedp.Click(`#filters button[type=submit]`, chromedp.ByQuery),
		waitFor(`location.search.includes('country=') && document.querySelector('#map g.cell') !== null`),
		chromedp.Evaluate(`document.querySelectorAll('#events tbody tr[data-country]').length`, &rows),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#events tbody tr')).map(r => r.dataset.country).join(',')`, &countries),
		chromedp.Evaluate(`location.search`, &search),
	)
	if err != nil {
		t.Fatalf("country from the suggestions: %v", err)
	}
	getJSON(t, srv.URL+"/api/events?limit=500&country=PK", &api)
	if rows == 0 || rows != api.Total || search != "?country=Pakistan" {
		t.Errorf("choosing Pakistan (%s) shows %d rows; the API has %d for PK", search, rows, api.Total)
	}
	for _, c := range strings.Split(countries, ",") {
		if c != "PK" {
			t.Errorf("country filter let through %q", c)
		}
	}

	// Shading countries fills the outlines of the countries with events.
	var shaded int
	err = chromedp.Run(bctx,
		chooseShade("country"),
		waitFor(`document.querySelectorAll('#map path.country[style*="fill"]').length > 0`),
		chromedp.Evaluate(`document.querySelectorAll('#map path.country[style*="fill"]').length`, &shaded),
	)
	if err != nil || shaded != 1 {
		t.Errorf("shading Pakistan's events filled %d countries (%v), want 1", shaded, err)
	}

	// Shading by first-level division fills the outline of each division
	// with events, or draws a shaded disc at the point of one without an
	// outline, in place of the event circles, and keeps the choice in the
	// URL.
	var divs struct {
		Outlines, Discs, Filled, Cells int
		Shade                          string
	}
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`#map g.cell`, chromedp.ByQuery),
		chooseShade("admin1"),
		waitFor(`document.getElementById('map').dataset.divisions > 0`),
		chromedp.Evaluate(`({outlines: Array.from(document.querySelectorAll('#map g.division path')).filter(p => /^#[0-9a-f]{6}$/.test(p.getAttribute('fill')) && p.getBoundingClientRect().width > 0).length,
			discs: document.querySelectorAll('#map g.division circle').length,
			filled: Array.from(document.querySelectorAll('#map g.division circle')).filter(c => /^#[0-9a-f]{6}$/.test(c.getAttribute('fill')) && +c.getAttribute('r') > 0).length,
			cells: Array.from(document.querySelectorAll('#map g.cell')).filter(c => c.getBoundingClientRect().width > 0).length,
			shade: new URLSearchParams(location.search).get('shade')})`, &divs),
		chromedp.FullScreenshot(&shot, 100),
	)
	if err != nil {
		t.Fatalf("shade by admin1: %v", err)
	}
	save("dashboard-admin1.png")
	var byDiv struct {
		Divisions []struct {
			ISO, Name, Place string
			Lat              *float64
		}
	}
	getJSON(t, srv.URL+"/api/admin1", &byDiv)
	var outlines []struct{ ISO, Name string }
	getJSON(t, srv.URL+"/static/admin1.json", &outlines)
	filed := map[string]bool{}
	for _, o := range outlines {
		filed[o.ISO+"/"+o.Name] = true
	}
	withOutline, withPoint := 0, 0
	var without []string
	for _, d := range byDiv.Divisions {
		switch {
		case d.Place != "" && filed[d.ISO+"/"+d.Place]:
			withOutline++
		case d.Lat != nil:
			withPoint++
			without = append(without, d.ISO+"/"+d.Name)
		default:
			without = append(without, d.ISO+"/"+d.Name)
		}
	}
	t.Logf("shaded by admin1: %+v; of the API's %d divisions %d have an outline, %d only a point; without an outline: %v",
		divs, len(byDiv.Divisions), withOutline, withPoint, without)
	if withOutline == 0 || divs.Outlines != withOutline || divs.Discs != withPoint || divs.Filled != withPoint || divs.Cells != 0 || divs.Shade != "admin1" {
		t.Errorf("shading by admin1 drew %+v; want %d filled outlines, %d filled discs and no event circles", divs, withOutline, withPoint)
	}

	// Zoomed in, the outlines stay drawn and a click on one lists its
	// events.
	var zoomed struct {
		Outlines int
		Search   string
	}
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/?shade=admin1&view=5/67.000/30.000"),
		waitFor(`document.getElementById('map').dataset.outlines > 0`),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#map g.division path')).filter(p => { const r = p.getBoundingClientRect(); return r.width > 20 && r.height > 20; }).length`, &zoomed.Outlines),
		chromedp.FullScreenshot(&shot, 100),
	)
	if err != nil {
		t.Fatalf("zoomed admin1 shading: %v", err)
	}
	save("dashboard-admin1-zoomed.png")
	err = chromedp.Run(bctx,
		chromedp.Evaluate(`(() => { const g = document.querySelector('#map g.division[data-name="Balochistan"]'); g.dispatchEvent(new MouseEvent('click', {bubbles: true})); return true; })()`, nil),
		waitFor(`location.search.includes('admin1=')`),
		chromedp.Evaluate(`location.search`, &zoomed.Search),
	)
	if err != nil {
		t.Fatalf("click on Balochistan's outline: %v", err)
	}
	t.Logf("zoomed admin1 shading: %+v", zoomed)
	if zoomed.Outlines == 0 || !strings.Contains(zoomed.Search, "admin1=Balochistan") {
		t.Errorf("zoomed in on Pakistan the map shows %d outlines wider than 20 pixels, and a click on Balochistan goes to %q", zoomed.Outlines, zoomed.Search)
	}

	// A division chosen from the suggestions, typed in another case,
	// gives the rows the API gives for it.
	var admin1Rows []string
	var suggestedAdmin1 bool
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`input[name=admin1]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=admin1]`, "baLO", chromedp.ByQuery),
		chromedp.Poll(`Array.from(document.querySelectorAll('#admin1s option')).some(o => o.value === 'Balochistan')`, &suggestedAdmin1),
		chromedp.SetValue(`input[name=admin1]`, "Balochistan", chromedp.ByQuery),
		chromedp.Click(`#filters button[type=submit]`, chromedp.ByQuery),
		waitFor(`location.search.includes('admin1=') && document.querySelector('#map g.cell') !== null`),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#events tbody tr[data-country] td:nth-child(2) a')).map(a => a.getAttribute('href').slice(8))`, &admin1Rows),
		chromedp.Evaluate(`location.search`, &search),
	)
	if err != nil {
		t.Fatalf("admin1 from the suggestions: %v", err)
	}
	getJSON(t, srv.URL+"/api/events?limit=500&admin1=BALOCHISTAN", &api)
	t.Logf("admin1 Balochistan: %d rows on the page, %d from the API", len(admin1Rows), api.Total)
	if len(admin1Rows) == 0 || len(admin1Rows) != api.Total || search != "?admin1=Balochistan" {
		t.Errorf("choosing Balochistan (%s) shows %d rows; the API has %d", search, len(admin1Rows), api.Total)
	}
	for i, e := range api.Events {
		if i < len(admin1Rows) && admin1Rows[i] != e.ID {
			t.Errorf("row %d is %s; the API lists %s", i, admin1Rows[i], e.ID)
		}
	}

	// Sorting by a column orders every matching event, across pages: the
	// first page sorted by fatalities starts with the largest toll of all,
	// and the next page goes on in order, as the API lists them.
	var firstPage, secondPage []string
	var firstTolls, secondTolls []int
	readRows := `Array.from(document.querySelectorAll('#events tbody tr[data-country] td:nth-child(2) a')).map(a => a.getAttribute('href').slice(8))`
	readTolls := `Array.from(document.querySelectorAll('#events tbody tr[data-country] td:nth-child(7)')).map(td => { const n = parseInt(td.textContent, 10); return isNaN(n) ? -1 : n; })`
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/?limit=10"),
		chromedp.WaitVisible(`#events thead a`, chromedp.ByQuery),
		chromedp.Click(`//table[@id="events"]//th/a[text()="Fatalities"]`, chromedp.BySearch),
		waitFor(`location.search.includes('sort=fatalities') && document.querySelector('#events th[aria-sort="descending"]') !== null`),
		chromedp.Evaluate(readRows, &firstPage),
		chromedp.Evaluate(readTolls, &firstTolls),
		chromedp.Click(`a[rel=next]`, chromedp.ByQuery),
		waitFor(`location.search.includes('cursor=') && document.querySelector('#events tbody tr') !== null`),
		chromedp.Evaluate(readRows, &secondPage),
		chromedp.Evaluate(readTolls, &secondTolls),
	)
	if err != nil {
		t.Fatalf("sort by fatalities: %v", err)
	}
	var sorted struct {
		Events []struct {
			ID         string
			Fatalities *int
		}
	}
	getJSON(t, srv.URL+"/api/events?limit=20&sort=fatalities", &sorted)
	rows2 := append(append([]string{}, firstPage...), secondPage...)
	tolls := append(append([]int{}, firstTolls...), secondTolls...)
	t.Logf("sorted by fatalities: %v then %v", firstTolls, secondTolls)
	if len(firstPage) != 10 || len(secondPage) != 10 {
		t.Fatalf("sorted pages of %d and %d rows, want 10 each", len(firstPage), len(secondPage))
	}
	for i := 1; i < len(tolls); i++ {
		if tolls[i] > tolls[i-1] {
			t.Errorf("row %d's toll %d follows %d", i, tolls[i], tolls[i-1])
		}
	}
	for i, e := range sorted.Events {
		if rows2[i] != e.ID {
			t.Errorf("sorted row %d is %s; the API lists %s", i, rows2[i], e.ID)
		}
	}
	// The largest toll of all the events, from the listing by date.
	var all struct {
		Events []struct{ Fatalities *int }
	}
	getJSON(t, srv.URL+"/api/events?limit=500", &all)
	most := 0
	for _, e := range all.Events {
		if e.Fatalities != nil {
			most = max(most, *e.Fatalities)
		}
	}
	if firstTolls[0] != most || most == 0 {
		t.Errorf("the first sorted row's toll is %d; the largest is %d", firstTolls[0], most)
	}

	// An actor's page shows its trend and its counterparts.
	var counterparts, actorBars int
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/actors/Baloch%20Liberation%20Army"),
		chromedp.WaitVisible(`#timeline rect.bar`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#counterparts tbody a').length`, &counterparts),
		chromedp.Evaluate(`document.querySelectorAll('#timeline rect.bar').length`, &actorBars),
		chromedp.FullScreenshot(&shot, 100),
	)
	if err != nil {
		t.Fatalf("actor page: %v", err)
	}
	save("actor.png")
	if counterparts == 0 || actorBars == 0 {
		t.Errorf("actor page: %d counterparts, %d bars", counterparts, actorBars)
	}

	// The phone-sized page keeps its axis and map readable.
	err = chromedp.Run(bctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(srv.URL+"/?country=Sudan"),
		chromedp.WaitVisible(`#map g.cell`, chromedp.ByQuery),
		chromedp.FullScreenshot(&shot, 100),
	)
	if err != nil {
		t.Fatalf("phone: %v", err)
	}
	save("dashboard-phone.png")
	var phoneOutlines int
	err = chromedp.Run(bctx,
		chromedp.Navigate(srv.URL+"/?shade=admin1"),
		waitFor(`document.getElementById('map').dataset.outlines > 0`),
		chromedp.Evaluate(`document.querySelectorAll('#map g.division path').length`, &phoneOutlines),
		chromedp.FullScreenshot(&shot, 100),
	)
	if err != nil || phoneOutlines == 0 {
		t.Fatalf("phone, shaded by admin1: %d outlines, %v", phoneOutlines, err)
	}
	save("dashboard-phone-admin1.png")
	err = chromedp.Run(bctx, chromedp.EmulateViewport(1280, 1400), chromedp.Navigate(srv.URL+"/?country=Pakistan"),
		chromedp.WaitVisible(`#events tbody tr td a`, chromedp.ByQuery))
	if err != nil {
		t.Fatalf("back to the filtered dashboard: %v", err)
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
	save("event.png")
	if marks == 0 || !strings.Contains(title, "Pakistan") {
		t.Errorf("event page %q has %d highlighted passages", title, marks)
	}
	t.Logf("screenshots in %s", artifacts)
}

// chooseShade picks what the map is shaded by, as a person does.
func chooseShade(value string) chromedp.Action {
	return chromedp.Evaluate(`(() => { const s = document.getElementById('shade'); s.value = '`+value+`'; s.dispatchEvent(new Event('change')); return true; })()`, nil)
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// waitFor waits until expr is true on the page, across the navigation a
// click starts, when the page being left can no longer answer.
func waitFor(expr string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		for {
			var ok bool
			if err := chromedp.Evaluate(expr, &ok).Do(ctx); err == nil && ok {
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("waiting for %s: %w", expr, ctx.Err())
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
}
