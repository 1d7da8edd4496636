package server

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/sitrep/sitrep/internal/gazetteer"
)

type outline struct {
	ISO   string         `json:"iso"`
	Name  string         `json:"name"`
	Rings [][][2]float64 `json:"rings"`
}

// TestOutlinesServed checks that the divisions' outlines reach a browser
// that takes gzip as they are embedded, and one that does not unpacked.
func TestOutlinesServed(t *testing.T) {
	srv, _ := fixture(t)
	// A transport of its own: the default one asks for gzip and unpacks
	// it, which would hide what the server sends.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, tc := range []struct {
		accept, encoding string
	}{
		{"gzip, deflate, br", "gzip"},
		{"", ""},
	} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/static/admin1.json", nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != tc.encoding || resp.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("Accept-Encoding %q: status %d, encoding %q, type %q", tc.accept, resp.StatusCode, resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"))
		}
		// Asked again with its tag, the server says the browser's copy
		// holds.
		req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
		again, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		again.Body.Close()
		if resp.Header.Get("ETag") == "" || again.StatusCode != http.StatusNotModified {
			t.Errorf("Accept-Encoding %q: ETag %q, asked again %d", tc.accept, resp.Header.Get("ETag"), again.StatusCode)
		}
		if tc.encoding == "" {
			var out []outline
			if err := json.Unmarshal(b, &out); err != nil || len(out) == 0 {
				t.Fatalf("unpacked outlines: %d, %v", len(out), err)
			}
		} else if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Fatalf("gzipped outlines do not start as gzip does: % x", b[:min(len(b), 2)])
		}
	}
}

// TestOutlinesJoinGazetteer checks that every outline is filed under a
// first-level division of the gazetteer, in its country, as the map looks
// it up, and that most of the gazetteer's divisions have one.
func TestOutlinesJoinGazetteer(t *testing.T) {
	b, err := files.ReadFile("static/admin1.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := fixture(t)
	resp, err := http.Get(srv.URL + "/static/admin1.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out []outline
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("outlines (%d bytes gzipped): %v", len(b), err)
	}
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, o := range out {
		key := o.ISO + "/" + o.Name
		if seen[key] {
			t.Errorf("%s has two outlines", key)
		}
		seen[key] = true
		found := false
		for _, p := range g.Lookup(o.Name) {
			if p.Kind == gazetteer.Admin1 && p.CountryCode == o.ISO && p.Name == o.Name {
				found = true
			}
		}
		if !found {
			t.Errorf("outline %s names no first-level division of the gazetteer", key)
		}
		if len(o.Rings) == 0 {
			t.Errorf("outline %s has no rings", key)
		}
		for _, r := range o.Rings {
			if len(r) < 4 {
				t.Errorf("outline %s has a ring of %d points", key, len(r))
			}
			for _, p := range r {
				if p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 {
					t.Fatalf("outline %s has a point off the globe: %v", key, p)
				}
			}
		}
	}
	total := g.Counts()[gazetteer.Admin1]
	t.Logf("%d outlines for the gazetteer's %d first-level divisions, %d bytes gzipped", len(out), total, len(b))
	if len(out)*10 < total*8 {
		t.Errorf("only %d of the gazetteer's %d first-level divisions have an outline", len(out), total)
	}
	for _, key := range []string{"SY/Rif-dimashq", "SY/Damascus Governorate", "PK/Balochistan", "UA/Donetsk", "SD/Northern Darfur"} {
		if !seen[key] {
			t.Errorf("no outline for %s", key)
		}
	}
}
