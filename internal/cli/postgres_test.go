package cli

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store/postgres/pgtest"
)

// TestPostgres ingests the development corpus into an SQLite file and
// into a PostgreSQL database, and finds the same events in both: in
// every export format and through the server's API.
func TestPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the development corpus twice")
	}
	ctx := context.Background()
	srv, err := pgtest.Start(ctx)
	if err != nil {
		t.Skipf("no PostgreSQL to test against: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	})
	url := srv.Schema(t)
	file := filepath.Join(t.TempDir(), "t.db")
	articles := filepath.Join("..", "..", "corpus")
	var summaries []string
	for _, db := range []string{file, url} {
		code, out, stderr := run(t, "", "ingest", "--db", db, articles)
		if code != 0 {
			t.Fatalf("ingest into %s: exit %d, %q %q", dbName(db), code, out, stderr)
		}
		summaries = append(summaries, out)
	}
	if summaries[0] != summaries[1] || !strings.Contains(summaries[1], "merged") {
		t.Errorf("ingest summaries differ:\nsqlite   %q\npostgres %q", summaries[0], summaries[1])
	}
	if code, out, _ := run(t, "", "ingest", "--db", url, articles); code != 0 || !strings.Contains(out, "0 new, 0 merged") {
		t.Errorf("re-ingest into postgres: exit %d, %q", code, out)
	}
	// ACLED's timestamp is when each store last changed the event.
	stamp := regexp.MustCompile(`"updated":"[^"]*"|,\d{10},?`)
	for _, args := range [][]string{{"--format", "acled-csv"}, {"--format", "plover-jsonl"}, {"--format", "geojson"}, {"--country", "Sudan", "--type", "battles"}} {
		var outs []string
		for _, db := range []string{file, url} {
			code, out, stderr := run(t, "", append([]string{"export", "--db", db}, args...)...)
			if code != 0 {
				t.Fatalf("export %v from %s: exit %d, %q", args, dbName(db), code, stderr)
			}
			outs = append(outs, stamp.ReplaceAllString(out, "<stamp>"))
		}
		if outs[0] != outs[1] || strings.Count(outs[1], "\n") < 2 {
			t.Errorf("export %v: %d lines from sqlite, %d from postgres, or they differ", args, strings.Count(outs[0], "\n"), strings.Count(outs[1], "\n"))
		}
	}

	st, err := openStore(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h, err := server.New(st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	api := httptest.NewServer(h)
	t.Cleanup(api.Close)
	get := func(path string) []byte {
		t.Helper()
		resp, err := http.Get(api.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s, %v: %.200s", path, resp.Status, err, body)
		}
		return body
	}
	var page struct {
		Events []struct {
			ID string `json:"id"`
		} `json:"events"`
		Next  string `json:"next"`
		Total int    `json:"total"`
	}
	if err := json.Unmarshal(get("/api/events?limit=5"), &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 5 || page.Total <= 5 || page.Next == "" {
		t.Fatalf("first page: %d events of %d, next %q", len(page.Events), page.Total, page.Next)
	}
	get("/api/events/" + page.Events[0].ID)
	get("/events/" + page.Events[0].ID)
	get("/api/aggregates?by=country")
	get("/api/map?zoom=3")
	get("/api/timeline?interval=month")
	if csv := get("/api/export?format=acled-csv&country=Sudan"); strings.Count(string(csv), "\n") < 2 {
		t.Errorf("export through the API: %q", csv)
	}
	get("/")
}
