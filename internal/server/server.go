// Package server serves sitrep's event record over HTTP: a JSON API
// documented by an OpenAPI file, and server-rendered pages for analysts.
// It only reads; article text is untrusted and escaped everywhere.
package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/query"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/taxonomy"
)

//go:embed templates/*.html static openapi.json
var files embed.FS

// Server is the HTTP handler.
type Server struct {
	store store.Store
	log   *slog.Logger
	pages *template.Template
	mux   *http.ServeMux
	// resolve reads filters as people type them.
	resolve *query.Resolver
	// outlines are the divisions' outlines, gzipped, and their digest.
	outlines    []byte
	outlinesSum string
	// bufs are buffers answers are written into, for buffer.
	bufs sync.Pool
}

// pageFuncs are the functions the pages' templates call.
func pageFuncs() template.FuncMap {
	return template.FuncMap{
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
		"typeOf":  typeOf,
		"isACLED": taxonomy.IsEventType,
		"dates":   dates,
		"inter":   interName,
		"coord": func(p *float64) string {
			if p == nil {
				return ""
			}
			return strconv.FormatFloat(*p, 'f', 3, 64)
		},
		"geoPrecision":  geoPrecision,
		"timePrecision": timePrecision,
	}
}

// New returns a server over st.
func New(st store.Store, log *slog.Logger) (*Server, error) {
	pages, err := template.New("").Funcs(pageFuncs()).ParseFS(files, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	s := &Server{store: st, log: log, pages: pages, mux: http.NewServeMux(), resolve: query.New()}
	if s.outlines, err = files.ReadFile("static/admin1.json.gz"); err != nil {
		return nil, fmt.Errorf("division outlines: %w", err)
	}
	sum := sha256.Sum256(s.outlines)
	s.outlinesSum = fmt.Sprintf("%x", sum[:12])
	s.mux.HandleFunc("GET /api/events", s.apiEvents)
	s.mux.HandleFunc("GET /api/events/{id}", s.apiEvent)
	s.mux.HandleFunc("GET /api/documents/{id}", s.apiDocument)
	s.mux.HandleFunc("GET /api/aggregates", s.apiAggregates)
	s.mux.HandleFunc("GET /api/openapi.json", s.openAPI)
	s.mux.HandleFunc("GET /api/timeline", s.apiTimeline)
	s.mux.HandleFunc("GET /api/map", s.apiMap)
	s.mux.HandleFunc("GET /api/export", s.apiExport)
	s.mux.HandleFunc("GET /api/suggest", s.apiSuggest)
	s.mux.HandleFunc("GET /api/admin1", s.apiAdmin1)
	s.mux.HandleFunc("GET /static/admin1.json", s.serveOutlines)
	s.mux.Handle("GET /static/", http.FileServerFS(files))
	s.mux.HandleFunc("GET /{$}", s.dashboard)
	s.mux.HandleFunc("GET /events/{id}", s.eventPage)
	s.mux.HandleFunc("GET /actors/{name...}", s.actorPage)
	s.mux.HandleFunc("GET /countries/{code}", s.countryPage)
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

// Page sizes: the API's default and most, and what the dashboard's table
// shows, so that no request reads or renders the whole record.
const (
	defaultLimit   = 100
	maxLimit       = 500
	dashboardLimit = 200
)

// listing reads the filters, order and cursor of a listing of at most
// limit events; on failure it has answered the request and ok is false.
func (s *Server) listing(w http.ResponseWriter, r *http.Request, limit int) (f store.Filter, by store.Sort, ok bool) {
	f, err := s.filter(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return f, by, false
	}
	f.After, f.Limit = r.URL.Query().Get("cursor"), limit
	switch order := r.URL.Query().Get("order"); order {
	case "", "newest":
	case "oldest":
		f.Oldest = true
	default:
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("order is newest or oldest, not %q", order))
		return f, by, false
	}
	if by, err = sortFrom(r.URL.Query()); err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return f, by, false
	}
	if by.By == store.SortDate {
		// The date order is the listing's own, newest first by default.
		f.Oldest = f.Oldest || !by.Desc
	}
	return f, by, true
}

// listed reads one page of the events that pass a request's filters,
// at most limit; on failure it has answered the request and ok is false.
func (s *Server) listed(w http.ResponseWriter, r *http.Request, limit int) (f store.Filter, p page, ok bool) {
	f, by, ok := s.listing(w, r, limit)
	if !ok {
		return f, p, false
	}
	sp, ok := s.page(w, r, f, by)
	if !ok {
		return f, p, false
	}
	p = page{Events: sp.Events, Next: sp.Next, Total: sp.Total}
	if p.Events == nil {
		p.Events = []store.Event{}
	}
	return f, p, true
}

// page reads the page of events f and by ask for; on failure it has
// answered the request and ok is false.
func (s *Server) page(w http.ResponseWriter, r *http.Request, f store.Filter, by store.Sort) (store.Page, bool) {
	var sp store.Page
	var err error
	if by.By == store.SortDate {
		sp, err = s.store.Page(r.Context(), f)
	} else {
		sp, err = s.store.Sorted(r.Context(), f, by)
	}
	return sp, s.listFailed(w, r, err)
}

// listFailed answers a listing that failed with err; it is true when
// err is nil.
func (s *Server) listFailed(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case errors.Is(err, store.ErrBadCursor):
		s.fail(w, r, http.StatusBadRequest, err)
		return false
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, err)
		return false
	}
	return true
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	limit := defaultLimit
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 {
			s.fail(w, r, http.StatusBadRequest, fmt.Errorf("limit is a positive number, not %q", l))
			return
		}
		limit = min(n, maxLimit)
	}
	if jp, ok := s.store.(store.JSONPager); ok {
		// Events the store has encoded already are copied, not decoded
		// and encoded again: most of the cost of a page otherwise.
		f, by, ok := s.listing(w, r, limit)
		if !ok {
			return
		}
		if by.By == store.SortDate {
			p, err := jp.PageJSON(r.Context(), f)
			if !s.listFailed(w, r, err) {
				return
			}
			s.writeJSONPage(w, p)
			return
		}
	}
	_, p, ok := s.listed(w, r, limit)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// writeJSONPage writes what writeJSON writes of the page p holds, its
// events as they are.
func (s *Server) writeJSONPage(w http.ResponseWriter, p store.JSONPage) {
	b := s.buffer()
	defer s.bufs.Put(b)
	b.WriteString(`{"events":[`)
	for i, e := range p.Events {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(e)
	}
	b.WriteByte(']')
	if p.Next != "" {
		next, _ := json.Marshal(p.Next)
		b.WriteString(`,"next":`)
		b.Write(next)
	}
	b.WriteString(`,"total":`)
	b.WriteString(strconv.Itoa(p.Total))
	b.WriteString("}\n")
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(b.Bytes())
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

func (s *Server) apiAggregates(w http.ResponseWriter, r *http.Request) {
	by := store.Dimension(r.URL.Query().Get("by"))
	switch by {
	case store.ByDay, store.ByCountry, store.ByType, store.ByAdmin1:
	default:
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("by is day, country, type or admin1, not %q", by))
		return
	}
	f, err := s.filter(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	buckets, err := s.store.Aggregate(r.Context(), f, by)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"by": by, "buckets": buckets})
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

// dashboard lists the first events that pass the filters, with the
// filter bar, totals by type and a link to the next page.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	if f, err := s.filter(r); err != nil {
		// The form stays as typed, with what is wrong with it.
		w.WriteHeader(http.StatusBadRequest)
		s.render(w, r, "dashboard.html", s.dashboardData(r, f, map[string]any{"Error": err.Error(), "Total": 0}))
		return
	}
	limit := dashboardLimit
	if n, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && n > 0 {
		limit = min(n, maxLimit)
	}
	f, by, ok := s.listing(w, r, limit)
	if !ok {
		return
	}
	rows, p, ok := s.table(w, r, f, by)
	if !ok {
		return
	}
	byType, err := s.store.Aggregate(r.Context(), f, store.ByType)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	var next string
	if p.Next != "" {
		q := r.URL.Query()
		q.Set("cursor", p.Next)
		next = "/?" + q.Encode()
	}
	s.render(w, r, "dashboard.html", s.dashboardData(r, f, map[string]any{"Filter": f, "Events": rows, "Rows": tableHTML(rows),
		"Total": p.Total, "Next": next, "ByType": inTypeOrder(byType)}))
}

// tableRow is what the dashboard's table shows of an event. It is flat:
// a template looks a field of an embedded struct, as store.Event's are,
// up anew on every use, which made rendering a page of events cost more
// than reading it.
type tableRow struct {
	ID           string     `json:"id"`
	SubEventType *string    `json:"sub_event_type"`
	Plover       string     `json:"plover"`
	Actor1       string     `json:"actor1"`
	Actor2       string     `json:"actor2"`
	ISO          string     `json:"iso"`
	Country      string     `json:"country"`
	Location     string     `json:"location"`
	DateStart    event.Date `json:"date_start"`
	DateEnd      event.Date `json:"date_end"`
	Fatalities   *int       `json:"fatalities"`
	Contested    bool       `json:"contested"`
	// Sources are counted only.
	Sources []struct{} `json:"sources"`
}

// table reads the rows of one page of a listing; on failure it has
// answered the request and ok is false. Its page holds no events.
func (s *Server) table(w http.ResponseWriter, r *http.Request, f store.Filter, by store.Sort) (rows []tableRow, p store.Page, ok bool) {
	if jp, isJP := s.store.(store.JSONPager); isJP && by.By == store.SortDate {
		// Decoding the few fields shown costs less than decoding events.
		jpage, err := jp.PageJSON(r.Context(), f)
		if !s.listFailed(w, r, err) {
			return nil, p, false
		}
		rows = make([]tableRow, len(jpage.Events))
		for i, e := range jpage.Events {
			if err := json.Unmarshal(e, &rows[i]); err != nil {
				s.fail(w, r, http.StatusInternalServerError, fmt.Errorf("read listed event: %w", err))
				return nil, p, false
			}
		}
		return rows, store.Page{Next: jpage.Next, Total: jpage.Total}, true
	}
	p, ok = s.page(w, r, f, by)
	if !ok {
		return nil, p, false
	}
	rows = make([]tableRow, len(p.Events))
	for i, e := range p.Events {
		rows[i] = tableRow{ID: e.ID, SubEventType: e.SubEventType, Plover: e.Plover, Actor1: e.Actor1, Actor2: e.Actor2,
			ISO: e.ISO, Country: e.Country, Location: e.Location, DateStart: e.DateStart, DateEnd: e.DateEnd,
			Fatalities: e.Fatalities, Contested: e.Contested, Sources: make([]struct{}, len(e.Sources))}
	}
	p.Events = nil
	return rows, p, true
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
	b := s.buffer()
	defer s.bufs.Put(b)
	err := s.pages.ExecuteTemplate(b, name, data)
	w.Write(b.Bytes())
	if err != nil {
		s.log.Error("render", "page", name, "err", err)
	}
}

// buffer is an empty buffer to write an answer into before it is sent:
// written piece by piece, an answer went out in a system call for each
// 4 KB. Put it back in s.bufs once sent.
func (s *Server) buffer() *bytes.Buffer {
	if b, ok := s.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}
