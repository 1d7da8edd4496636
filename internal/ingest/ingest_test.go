package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

var (
	once sync.Once
	pipe *pipeline.Pipeline
	perr error
)

func ingester(t *testing.T) (*Ingester, *sqlite.DB) {
	t.Helper()
	once.Do(func() { pipe, perr = pipeline.New() })
	if perr != nil {
		t.Fatal(perr)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &Ingester{Pipeline: pipe, Store: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}, db
}

const article = `<html><head><title>Gunmen kill 12 in Borno</title></head><body><article>
<p>MAIDUGURI, March 2 (SMN) — Gunmen killed at least 12 villagers in a raid on a village near Bama in Borno State late on Friday, a local official said.</p>
<p>The attackers arrived on motorcycles and set fire to several homes before fleeing into the bush, residents told reporters on Saturday.</p>
</article></body></html>`

func warcRecord(uri, body string) string {
	http := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + fmt.Sprint(len(body)) + "\r\n\r\n" + body
	return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: 2024-03-02T10:00:00Z\r\n" +
		"WARC-Record-ID: <urn:uuid:" + fmt.Sprintf("%08d", len(uri)) + "-0000-0000-0000-000000000000>\r\n" +
		"Content-Type: application/http;msgtype=response\r\nContent-Length: " + fmt.Sprint(len(http)) + "\r\n\r\n" + http + "\r\n\r\n"
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	plain := warcRecord("https://example.org/a", article) + warcRecord("https://example.org/b", strings.Replace(article, "12 villagers", "14 villagers", 1))
	if err := os.WriteFile(filepath.Join(dir, "crawl.warc"), []byte(plain), 0o644); err != nil {
		t.Fatal(err)
	}
	// The same records again, gzipped one member per record.
	var gz bytes.Buffer
	for _, r := range []string{warcRecord("https://example.org/a", article)} {
		zw := gzip.NewWriter(&gz)
		zw.Write([]byte(r))
		zw.Close()
	}
	if err := os.WriteFile(filepath.Join(dir, "crawl2.warc.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	in, _ := ingester(t)
	sum, err := in.Paths(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 2 || sum.Duplicates != 1 {
		t.Errorf("summary %s; want 2 read and the gzipped copy a duplicate", sum)
	}
	if sum.Merged == 0 {
		t.Errorf("the two reports of the raid did not merge: %s", sum)
	}
}

func TestFeedsAndFetching(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n") })
	mux.HandleFunc("/news/raid", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, article) })
	mux.HandleFunc("/private/x", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, article) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Monitor</title>
<item><title>Raid</title><link>` + srv.URL + `/news/raid</link><pubDate>Sat, 02 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Blocked</title><link>` + srv.URL + `/private/x</link></item>
<item><title>Loop</title><link>` + srv.URL + `/loop</link></item>
</channel></rss>`
	path := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(path, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}

	in, _ := ingester(t)
	in.Fetcher = NewFetcher(1<<20, false)
	sum, _ := in.Paths(context.Background(), []string{path})
	if sum.Read != 0 || sum.Failed[ErrForbiddenAddress.Error()] == 0 {
		t.Errorf("loopback fetched without permission: %s", sum)
	}

	in, _ = ingester(t)
	in.Fetcher = NewFetcher(1<<20, true)
	sum, _ = in.Paths(context.Background(), []string{path})
	if sum.Read != 1 || sum.Failed[ErrRobots.Error()] != 1 || sum.Failed["fetch failed"] != 1 {
		t.Errorf("summary %s; want the raid read, robots.txt respected, the redirect loop stopped", sum)
	}
}

// TestFeedItemsOwnText reads a short wire item whole, a description when
// an item has no content, and an item's own text when its link fails.
func TestFeedItemsOwnText(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	wire := "Gunmen killed 12 villagers in an attack on Bama in Borno state on Monday, the army said in a statement on Tuesday."
	other := strings.Replace(wire, "Bama", "Dikwa", 1)
	feed := `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Bama</title><description>` + wire + `</description><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Dikwa</title><link>` + srv.URL + `/gone</link><description>` + other + `</description><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Teaser</title><link>` + srv.URL + `/gone</link><description>Read more.</description></item>
</channel></rss>`
	path := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(path, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	in, _ := ingester(t)
	in.Fetcher = NewFetcher(1<<20, true)
	sum, _ := in.Paths(context.Background(), []string{path})
	if sum.Read != 2 || sum.Failed[ErrHTTPStatus.Error()] != 1 {
		t.Errorf("summary %s; want both wire items read and the teaser's dead link failed", sum)
	}
}

func TestBadFilesDoNotStopABatch(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.txt":   nil,
		"binary.txt":  {0, 1, 2, 3, 4},
		"bad.html":    []byte("<html><body><div><p>cut"),
		"good.html":   []byte(article),
		"x.gold.json": []byte("{}"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, _ := ingester(t)
	sum, err := in.Paths(context.Background(), []string{dir, filepath.Join(dir, "missing.txt")})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 1 || total(sum.Failed) != 4 || sum.Skipped["not an article file"] != 1 {
		t.Errorf("summary %s; want 1 read, 4 failed, 1 skipped", sum)
	}
}

func TestParseRobots(t *testing.T) {
	r := parseRobots("User-agent: googlebot\nDisallow: /a\n\nUser-agent: *\nDisallow: /b # comment\nAllow: /c\n")
	if len(r.disallow) != 1 || r.disallow[0] != "/b" {
		t.Errorf("disallow = %q", r.disallow)
	}
}

func FuzzSniffAndFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss><channel><item><title>x</title></item></channel></rss>`))
	f.Add([]byte("WARC/1.0\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &Ingester{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		sum := Summary{Skipped: map[string]int{}, Failed: map[string]int{}}
		if sniff(data) == kindFeed {
			_ = in.feedDocs(context.Background(), data, "fuzz", &sum, func(doc) {})
		}
	})
}

func TestWatch(t *testing.T) {
	var mu sync.Mutex
	items := `<item><title>Raid</title><link>LINK/news/raid</link></item>`
	mux := http.NewServeMux()
	mux.HandleFunc("/news/raid", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, article) })
	mux.HandleFunc("/news/second", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Replace(strings.Replace(article, "Bama", "Dikwa", 1), "12 villagers", "3 herders", 1))
	})
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`+strings.ReplaceAll(items, "LINK", srv.URL)+`</channel></rss>`)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	in, db := ingester(t)
	in.Fetcher = NewFetcher(1<<20, true)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var rounds []Summary
	err := in.Watch(ctx, []string{srv.URL + "/feed"}, 50*time.Millisecond, func(s Summary) {
		rounds = append(rounds, s)
		switch len(rounds) {
		case 1: // a new item appears after the first poll
			mu.Lock()
			items += `<item><title>Second</title><link>LINK/news/second</link></item>`
			mu.Unlock()
		case 3:
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// A page fetched once is not downloaded again.
	if len(rounds) < 3 || rounds[0].Read != 1 || rounds[1].Read != 1 || rounds[1].Skipped["feed item already read"] != 1 ||
		rounds[2].Read != 0 || rounds[2].Skipped["feed item already read"] != 2 {
		t.Errorf("rounds %v; want the first item, then only the new one, then nothing new", rounds)
	}
	evs, _ := db.Events(context.Background(), store.Filter{})
	if len(evs) < 2 {
		t.Errorf("%d events after watching, want at least 2", len(evs))
	}
}

// TestTwoReportsOneEvent ingests two differently worded reports of the
// same clash: they become one event with both sources and a contested toll.
func TestTwoReportsOneEvent(t *testing.T) {
	dir := t.TempDir()
	a := "Sahel Monitor\nPublished: 8 April 2025\n\nBAIDOA, Somalia, April 8 — Somali troops clashed with al-Shabaab fighters near Baidoa on Monday, killing 25 militants, the defence ministry said.\n\nThe fighting lasted several hours, residents said.\n"
	b := "Horn Observer\nApril 8, 2025\n\nMOGADISHU — Al-Shabaab militants attacked a Somali army base outside Baidoa on Monday, and the clashes killed at least 40 people, a local elder told reporters on Tuesday.\n\nThe army said it had repelled the attack.\n"
	for name, text := range map[string]string{"a.txt": a, "b.txt": b} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, db := ingester(t)
	sum, err := in.Paths(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := db.Events(context.Background(), store.Filter{EventType: "Battles"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 2 || len(evs) != 1 {
		t.Fatalf("summary %s, %d battle events; want both read and one event", sum, len(evs))
	}
	e := evs[0]
	if len(e.Sources) != 2 || !e.Contested || e.Fatalities == nil || *e.Fatalities != 25 {
		t.Errorf("merged clash: %d sources, contested %v, fatalities %v; want 2, true, 25", len(e.Sources), e.Contested, e.Fatalities)
	}
}

// TestWorkersDoNotChangeTheRecord ingests the development corpus with one
// worker and with four: the events, their ids and their sources must be
// the same, since results are stored in the order documents came.
func TestWorkersDoNotChangeTheRecord(t *testing.T) {
	var records [2]string
	for i, workers := range []int{1, 4} {
		in, db := ingester(t)
		in.Workers = workers
		sum, err := in.FS(context.Background(), corpus.Articles())
		if err != nil {
			t.Fatal(err)
		}
		evs, err := db.Events(context.Background(), store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, e := range evs {
			killed := -1
			if e.Fatalities != nil {
				killed = *e.Fatalities
			}
			fmt.Fprintf(&b, "%s %s %s %d sources %d killed\n", e.ID, e.EventDate, e.Location, len(e.Sources), killed)
		}
		records[i] = b.String()
		t.Logf("%d workers: %s", workers, sum)
		if sum.Read < 50 {
			t.Fatalf("%d workers: %s", workers, sum)
		}
	}
	if records[0] != records[1] {
		t.Errorf("one worker:\n%s\nfour workers:\n%s", records[0], records[1])
	}
}
