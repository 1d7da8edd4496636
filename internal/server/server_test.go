package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }

// fixture serves a store holding one clash whose article text carries
// markup that must never reach the page unescaped.
func fixture(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	text := `Soldiers clashed with al-Shabaab near Baidoa on Monday, killing 25. <script>alert("x")</script> Residents fled.`
	start := strings.Index(text, "clashed")
	res := &event.Result{
		Document: event.Document{ID: "doc1", Title: "Clash <b>near</b> Baidoa", Outlet: "Horn Observer", Published: "2025-04-08", Format: "text", Text: text},
		Events: []event.Event{{ID: "m1", EventType: event.Str("Battles"), SubEventType: event.Str("Armed clash"), Plover: "ASSAULT",
			Actor1: "Military Forces of Somalia (2022-)", Inter1: 1, Actor2: "Al Shabaab", Inter2: 2, ISO: "SO", Country: "Somalia",
			Location: "Baidoa", Latitude: f64(3.11), Longitude: f64(43.65), GeoPrecision: 1, EventDate: "2025-04-07",
			DateStart: "2025-04-07", DateEnd: "2025-04-07", TimePrecision: 1, Fatalities: intp(25),
			Span:     event.Span{Start: 0, End: strings.Index(text, " <script>")},
			Evidence: []event.Evidence{{Field: "event_type", Span: event.Span{Start: start, End: start + len("clashed")}, Text: "clashed"}},
			Claims:   []event.Claim{{Kind: "killed", Count: 25, Source: "defence ministry"}}}},
	}
	if _, err := db.Ingest(ctx, res); err != nil {
		t.Fatal(err)
	}
	evs, _ := db.Events(ctx, storeFilter())
	h, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, evs[0].ID
}

func get(t *testing.T, url string, accept string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestAPI(t *testing.T) {
	srv, id := fixture(t)
	tests := []struct {
		path   string
		status int
		has    string
	}{
		{"/api/events", 200, `"total":1`},
		{"/api/events?country=SO&type=Battles&actor=shabaab&bbox=40,0,50,10&q=clashed", 200, `"total":1`},
		{"/api/events?country=KE", 200, `"total":0`},
		{"/api/events?bbox=0,0,1", 400, `"status":400`},
		{"/api/events?from=yesterday", 400, `YYYY-MM-DD`},
		{"/api/events?cursor=bm90YW51bWJlcg", 400, `bad cursor`},
		{"/api/events?order=sideways", 400, `order is newest or oldest`},
		{"/api/events?order=oldest", 200, `"total":1`},
		{"/api/events/" + id, 200, `"mentions"`},
		{"/api/events/nope", 404, `"status":404`},
		{"/api/documents/doc1", 200, `"evidence":[{"field":"event_type","start":9,"end":16,"text":"clashed"}]`},
		{"/api/documents/nope", 404, `not found`},
		{"/api/aggregates?by=country", 200, `"key":"SO","events":1,"fatalities":25`},
		{"/api/aggregates?by=moon", 400, `day, country, type or admin1`},
		{"/api/openapi.json", 200, `"openapi"`},
	}
	for _, tt := range tests {
		resp, body := get(t, srv.URL+tt.path, "")
		if resp.StatusCode != tt.status || !strings.Contains(body, tt.has) {
			t.Errorf("GET %s: %d %s; want %d with %s", tt.path, resp.StatusCode, body, tt.status, tt.has)
		}
		if strings.HasPrefix(tt.path, "/api/events") && resp.Header.Get("Content-Type") != "application/json" {
			t.Errorf("GET %s: content type %q", tt.path, resp.Header.Get("Content-Type"))
		}
	}
	var p struct{ Events []json.RawMessage }
	_, body := get(t, srv.URL+"/api/events?limit=1", "")
	if err := json.Unmarshal([]byte(body), &p); err != nil || len(p.Events) != 1 {
		t.Errorf("page: %v %d", err, len(p.Events))
	}
}

func TestPagesEscapeAndHighlight(t *testing.T) {
	srv, id := fixture(t)
	resp, body := get(t, srv.URL+"/events/"+id, "text/html")
	if resp.StatusCode != 200 {
		t.Fatalf("event page: %d", resp.StatusCode)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>near</b>") {
		t.Error("article markup reached the page unescaped")
	}
	if !strings.Contains(body, "&lt;script&gt;") {
		t.Error("article text missing from the page")
	}
	if !strings.Contains(body, `<mark data-fields="event_type" title="event_type">clashed</mark>`) {
		t.Errorf("evidence not highlighted:\n%s", body)
	}
	if !strings.Contains(body, "defence ministry") {
		t.Error("claims missing")
	}
	_, dash := get(t, srv.URL+"/?country=SO", "text/html")
	if !strings.Contains(dash, `href="/events/`+id+`"`) || !strings.Contains(dash, "Battles: 1 event, 25 killed") {
		t.Errorf("dashboard:\n%s", dash)
	}
	resp, _ = get(t, srv.URL+"/static/app.css", "")
	if resp.StatusCode != 200 {
		t.Errorf("stylesheet: %d", resp.StatusCode)
	}
	resp, _ = get(t, srv.URL+"/events/nope", "text/html")
	if resp.StatusCode != 404 {
		t.Errorf("missing event page: %d", resp.StatusCode)
	}
	post, err := http.Post(srv.URL+"/api/events", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	post.Body.Close()
	if post.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405 (read-only)", post.StatusCode)
	}
}

func TestSegments(t *testing.T) {
	text := "abcdefghij"
	segs := Segments(text, []event.Evidence{
		{Field: "actor1", Span: event.Span{Start: 2, End: 5}},
		{Field: "date", Span: event.Span{Start: 4, End: 7}},
		{Field: "bad", Span: event.Span{Start: 8, End: 99}},
	})
	var b strings.Builder
	for _, s := range segs {
		if s.Fields != "" {
			b.WriteString("[" + s.Fields + ":" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	if got := b.String(); got != "ab[actor1:cd][actor1 date:e][date:fg]hij" {
		t.Errorf("segments %s", got)
	}
}

func storeFilter() store.Filter { return store.Filter{} }
