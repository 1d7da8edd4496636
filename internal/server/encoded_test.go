package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

// TestEncodedListings checks that a listing the store encodes reads
// byte for byte as one the server encodes from the events, with the
// facets in SQLite and in memory, and so does the dashboard's table.
func TestEncodedListings(t *testing.T) {
	db := synthStore(t, filepath.Join(t.TempDir(), "e.db"), 400)
	defer db.Close()
	serve := func(st store.Store) *httptest.Server {
		h, err := New(st, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		return srv
	}
	// The wrapper hides PageJSON: its listings are encoded by the server.
	encoded, decoded := serve(db), serve(struct{ store.Store }{db})
	fetch := func(base, path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(body)
	}
	paths := []string{"/api/events", "/api/events?limit=7", "/api/events?limit=5&order=oldest",
		"/api/events?limit=3&sort=-date", "/api/events?limit=3&sort=date", "/api/events?limit=4&sort=fatalities",
		"/api/events?country=SO&limit=20", "/api/events?type=Battles&from=2023-01-01&limit=9",
		"/api/events?country=ZZ", "/api/events?cursor=nonsense", "/api/events?q=town&limit=6",
		"/api/events?bbox=-180,-90,180,90&limit=2",
		// The dashboard's table, from encoded events or from events.
		"/?limit=5", "/?country=SO&limit=30", "/?limit=4&sort=fatalities", "/?limit=3&order=oldest"}
	for _, inMemory := range []bool{false, true} {
		if inMemory {
			if err := db.KeepFacets(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
		}
		for _, path := range paths {
			// Follow each listing a few pages on.
			for range 3 {
				codeA, a := fetch(encoded.URL, path)
				codeB, b := fetch(decoded.URL, path)
				if codeA != codeB || a != b {
					t.Fatalf("in memory %v, %s:\nencoded by the store: %d %.300s\nby the server: %d %.300s", inMemory, path, codeA, a, codeB, b)
				}
				var p page
				if codeA != http.StatusOK || decodeJSON(a, &p) != nil || p.Next == "" {
					break
				}
				path = addCursor(path, p.Next)
			}
		}
	}
}

func decodeJSON(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// addCursor sets the cursor of a listing's path.
func addCursor(path, cursor string) string {
	u, err := url.Parse(path)
	if err != nil {
		panic(err)
	}
	q := u.Query()
	q.Set("cursor", cursor)
	u.RawQuery = q.Encode()
	return u.String()
}
