package server

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/query"
	"github.com/sitrep/sitrep/internal/store"
)

// division is a first-level division (province, state, governorate) and
// the events in it that pass the filters, at the division's point in the
// gazetteer: its seat, or the centre of its places. Place is the
// gazetteer's name for it, under which its outline is filed.
type division struct {
	ISO        string   `json:"iso"`
	Country    string   `json:"country"`
	Name       string   `json:"name"`
	Place      string   `json:"place,omitempty"`
	Lat        *float64 `json:"lat"`
	Lon        *float64 `json:"lon"`
	Events     int      `json:"events"`
	Fatalities int      `json:"fatalities"`
}

// divisions counts the events that pass f by first-level division, most
// events first; events placed in no division are left out.
func (s *Server) divisions(ctx context.Context, f store.Filter) ([]division, error) {
	buckets, err := s.store.Aggregate(ctx, f, store.ByAdmin1)
	if err != nil {
		return nil, err
	}
	g, err := s.resolve.Gazetteer()
	if err != nil {
		return nil, err
	}
	out := []division{}
	for _, b := range buckets {
		iso, name, _ := strings.Cut(b.Key, "/")
		if name == "" {
			continue
		}
		d := division{ISO: iso, Country: s.resolve.CountryName(iso), Name: titled(name), Events: b.Events, Fatalities: b.Fatalities}
		for _, p := range g.Lookup(name) {
			if p.Kind != gazetteer.Admin1 || p.CountryCode != iso {
				continue
			}
			if strings.ToLower(p.Name) == name {
				d.Name = p.Name
			}
			d.Place = p.Name
			d.Lat, d.Lon = &p.Lat, &p.Lon
			break
		}
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(a, b division) int { return cmp.Compare(b.Events, a.Events) })
	return out, nil
}

// titled capitalises the words of a division's name kept in lower case,
// for one the gazetteer does not spell.
func titled(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if w != "al" && w != "of" && w != "and" && w != "el" {
			r := []rune(w)
			words[i] = strings.ToUpper(string(r[0])) + string(r[1:])
		}
	}
	return strings.Join(words, " ")
}

// apiAdmin1 counts the events that pass the filters by first-level
// division, each at its point, for the map's shading by division.
func (s *Server) apiAdmin1(w http.ResponseWriter, r *http.Request) {
	f, err := s.filter(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	ds, err := s.divisions(r.Context(), f)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	placed := 0
	for _, d := range ds {
		placed += d.Events
	}
	total := 0
	byType, err := s.store.Aggregate(r.Context(), f, store.ByType)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	for _, b := range byType {
		total += b.Events
	}
	writeJSON(w, http.StatusOK, map[string]any{"divisions": ds, "matched": total, "without_division": total - placed})
}

// suggestAdmin1 offers the divisions the record holds events in whose
// name has a word that begins with q, in the country named if one is, most
// events first.
func (s *Server) suggestAdmin1(w http.ResponseWriter, r *http.Request, q string) {
	var f store.Filter
	if c := r.URL.Query().Get("country"); c != "" {
		// A country still being typed limits nothing.
		if code, err := s.resolve.Country(c); err == nil {
			f.Country = code
		} else if !errors.Is(err, query.ErrInvalid) {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
	}
	ds, err := s.divisions(r.Context(), f)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	out := []suggestion{}
	for _, d := range ds {
		if q == "" || wordStarts(strings.ToLower(d.Name), q) {
			out = append(out, suggestion{Value: d.Name, Label: fmt.Sprintf("%s, %s · %s", d.Name, d.Country, eventsWord(d.Events))})
		}
		if len(out) == maxSuggestions*4 {
			break
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// wordStarts says whether a word of s, or s itself, begins with p.
func wordStarts(s, p string) bool {
	if strings.HasPrefix(s, p) {
		return true
	}
	for i := 0; i < len(s); i++ {
		if (s[i] == ' ' || s[i] == '-') && strings.HasPrefix(s[i+1:], p) {
			return true
		}
	}
	return false
}

// serveOutlines serves the divisions' outlines, embedded gzipped: as they
// are to a browser that takes gzip, unpacked for one that does not. The
// ETag lets a browser keep them across the dashboard's pages.
func (s *Server) serveOutlines(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	gz := strings.Contains(r.Header.Get("Accept-Encoding"), "gzip")
	// Each encoding is its own representation, with its own tag.
	tag := `"` + s.outlinesSum + `"`
	if gz {
		tag = `"` + s.outlinesSum + `-gzip"`
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Type", "application/json")
	h.Set("ETag", tag)
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	if strings.Contains(r.Header.Get("If-None-Match"), tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if gz {
		h.Set("Content-Length", fmt.Sprint(len(s.outlines)))
		w.Write(s.outlines)
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(s.outlines))
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, fmt.Errorf("division outlines: %w", err))
		return
	}
	if _, err := io.Copy(w, zr); err != nil {
		s.log.WarnContext(r.Context(), "division outlines", "err", err)
	}
}
