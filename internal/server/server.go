// Package server serves sitrep's event record over HTTP: a JSON API
// documented by an OpenAPI file, and server-rendered pages for analysts.
// It only reads; article text is untrusted and escaped everywhere.
package server

import (
	"context"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

//go:embed templates/*.html static openapi.json
var files embed.FS

// Server is the HTTP handler.
type Server struct {
	store store.Store
	log   *slog.Logger
	pages *template.Template
	mux   *http.ServeMux
}

// New returns a server over st.
func New(st store.Store, log *slog.Logger) (*Server, error) {
	pages, err := template.New("").Funcs(template.FuncMap{
		"deref": func(p *string) string {
			if p == nil {
				return ""
			}
			return *p
		},
		"intp": func(p *int) string {
			if p == nil {
				return "—"
			}
			return strconv.Itoa(*p)
		},
		"typeOf": typeOf,
	}).ParseFS(files, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	s := &Server{store: st, log: log, pages: pages, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /api/events", s.apiEvents)
	s.mux.HandleFunc("GET /api/events/{id}", s.apiEvent)
	s.mux.HandleFunc("GET /api/documents/{id}", s.apiDocument)
	s.mux.HandleFunc("GET /api/aggregates", s.apiAggregates)
	s.mux.HandleFunc("GET /api/openapi.json", s.openAPI)
	s.mux.Handle("GET /static/", http.FileServerFS(files))
	s.mux.HandleFunc("GET /{$}", s.dashboard)
	s.mux.HandleFunc("GET /events/{id}", s.eventPage)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, errors.New("no such page"))
	})
	return s, nil
}

// ServeHTTP sets the security headers and dispatches.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.fail(w, r, http.StatusMethodNotAllowed, errors.New("this server is read-only"))
		return
	}
	s.mux.ServeHTTP(w, r)
}

// apiError is the JSON body of every API error.
type apiError struct {
	Status int    `json:"status"`
	Error  string `json:"error"`
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	if status >= 500 {
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") || !strings.Contains(r.Header.Get("Accept"), "text/html") {
		writeJSON(w, status, apiError{Status: status, Error: err.Error()})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	s.pages.ExecuteTemplate(w, "error.html", apiError{Status: status, Error: err.Error()})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// filterFrom reads the event filters of a request.
func filterFrom(r *http.Request) (store.Filter, error) {
	q := r.URL.Query()
	f := store.Filter{From: q.Get("from"), To: q.Get("to"), Country: q.Get("country"), Admin1: q.Get("admin1"),
		EventType: q.Get("type"), Actor: q.Get("actor"), Text: q.Get("q")}
	for _, d := range []string{f.From, f.To} {
		if d != "" && (len(d) != 10 || d[4] != '-' || d[7] != '-') {
			return f, fmt.Errorf("dates are YYYY-MM-DD, not %q", d)
		}
	}
	if b := q.Get("bbox"); b != "" {
		parts := strings.Split(b, ",")
		if len(parts) != 4 {
			return f, errors.New("bbox is minLon,minLat,maxLon,maxLat")
		}
		var box [4]float64
		for i, p := range parts {
			v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return f, fmt.Errorf("bbox: %w", err)
			}
			box[i] = v
		}
		f.BBox = &box
	}
	return f, nil
}

// page is one page of a listing and the cursor to the next.
type page struct {
	Events []store.Event `json:"events"`
	Next   string        `json:"next,omitempty"`
	Total  int           `json:"total"`
}

// paginate cuts evs to one page; the cursor is the opaque offset.
func paginate(evs []store.Event, cursor string, limit int) (page, error) {
	off := 0
	if cursor != "" {
		b, err := base64.RawURLEncoding.DecodeString(cursor)
		if err == nil {
			off, err = strconv.Atoi(string(b))
		}
		if err != nil || off < 0 {
			return page{}, errors.New("bad cursor")
		}
	}
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	p := page{Total: len(evs), Events: []store.Event{}}
	if off < len(evs) {
		end := min(off+limit, len(evs))
		p.Events = evs[off:end]
		if end < len(evs) {
			p.Next = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(end)))
		}
	}
	return p, nil
}

// filtered reads a request's filters and the events that pass them; on
// failure it has answered the request and ok is false.
func (s *Server) filtered(w http.ResponseWriter, r *http.Request) (f store.Filter, evs []store.Event, ok bool) {
	f, err := filterFrom(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return f, nil, false
	}
	evs, err = s.store.Events(r.Context(), f)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return f, nil, false
	}
	return f, evs, true
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	_, evs, ok := s.filtered(w, r)
	if !ok {
		return
	}
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	p, err := paginate(evs, r.URL.Query().Get("cursor"), limit)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiEvent(w http.ResponseWriter, r *http.Request) {
	e, ms, err := s.store.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"event": e, "mentions": ms})
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	d, err := s.store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	ms, err := s.store.Mentions(r.Context(), d.ID)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"document": d, "mentions": ms})
}

func statusOf(err error) int {
	if errors.Is(err, store.ErrNotFound) {
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

// bucket is one row of an aggregate.
type bucket struct {
	Key        string `json:"key"`
	Events     int    `json:"events"`
	Fatalities int    `json:"fatalities"`
}

func (s *Server) apiAggregates(w http.ResponseWriter, r *http.Request) {
	by := r.URL.Query().Get("by")
	key := map[string]func(store.Event) string{
		"day":     func(e store.Event) string { return e.EventDate },
		"country": func(e store.Event) string { return e.ISO },
		"type":    func(e store.Event) string { return typeOf(e.Event) },
	}[by]
	if key == nil {
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("by is day, country or type, not %q", by))
		return
	}
	_, evs, ok := s.filtered(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"by": by, "buckets": aggregate(evs, key)})
}

func aggregate(evs []store.Event, key func(store.Event) string) []bucket {
	m := map[string]*bucket{}
	for _, e := range evs {
		k := key(e)
		b, ok := m[k]
		if !ok {
			b = &bucket{Key: k}
			m[k] = b
		}
		b.Events++
		if e.Fatalities != nil {
			b.Fatalities += *e.Fatalities
		}
	}
	out := make([]bucket, 0, len(m))
	for _, b := range m {
		out = append(out, *b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func typeOf(e event.Event) string {
	if e.EventType != nil {
		return *e.EventType
	}
	return e.Plover
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	data, _ := files.ReadFile("openapi.json")
	w.Header().Set("Content-Type", "application/json")
	w.Write(data)
}

// dashboard lists events with the filter bar.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	f, evs, ok := s.filtered(w, r)
	if !ok {
		return
	}
	s.render(w, r, "dashboard.html", map[string]any{"Filter": f, "Events": evs,
		"ByType": aggregate(evs, func(e store.Event) string { return typeOf(e.Event) })})
}

// segment is a piece of article text, marked when it is evidence.
type segment struct {
	Text   string
	Fields string // the fields the words support; "" for plain text
}

// source is one source article of an event page, its text cut into
// segments.
type source struct {
	Document event.Document
	Segments []segment
}

func (s *Server) eventPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	e, ms, err := s.store.Event(ctx, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	sources, err := s.sources(ctx, ms)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	s.render(w, r, "event.html", map[string]any{"Event": e, "Sources": sources})
}

func (s *Server) sources(ctx context.Context, ms []store.Mention) ([]source, error) {
	var out []source
	byDoc := map[string][]event.Evidence{}
	var order []string
	for _, m := range ms {
		if _, ok := byDoc[m.DocumentID]; !ok {
			order = append(order, m.DocumentID)
		}
		byDoc[m.DocumentID] = append(byDoc[m.DocumentID], m.Event.Evidence...)
		byDoc[m.DocumentID] = append(byDoc[m.DocumentID], event.Evidence{Field: "report", Span: m.Event.Span})
	}
	for _, id := range order {
		d, err := s.store.Document(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, source{Document: d, Segments: Segments(d.Text, byDoc[id])})
	}
	return out, nil
}

// Segments cuts text at the evidence spans: each piece is plain or names
// the fields its words support. Spans outside the text are ignored.
func Segments(text string, evidence []event.Evidence) []segment {
	cuts := map[int]bool{0: true, len(text): true}
	for _, e := range evidence {
		if e.Span.Valid(len(text)) {
			cuts[e.Start], cuts[e.End] = true, true
		}
	}
	points := make([]int, 0, len(cuts))
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)
	var out []segment
	for i := 0; i+1 < len(points); i++ {
		a, b := points[i], points[i+1]
		var fields []string
		for _, e := range evidence {
			if e.Span.Valid(len(text)) && e.Start <= a && b <= e.End && e.Field != "report" {
				fields = append(fields, e.Field)
			}
		}
		sort.Strings(fields)
		out = append(out, segment{Text: text[a:b], Fields: strings.Join(dedupe(fields), " ")})
	}
	return out
}

func dedupe(ss []string) []string {
	var out []string
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.pages.ExecuteTemplate(w, name, data); err != nil {
		s.log.Error("render", "page", name, "err", err)
	}
}
