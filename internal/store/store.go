// Package store keeps sitrep's living event record: documents, the event
// mentions extracted from each, and the events those mentions are merged
// into across articles. Store is the interface the pipeline writes to and
// the exporters and server read from; package store/sqlite implements it.
package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
)

// Store is a persistent event record.
type Store interface {
	// Ingest stores a document and its event mentions, merging each
	// mention into the event it reports or creating a new one. It is
	// idempotent: a document already stored (same ID, or same URL)
	// changes nothing and reports Duplicate.
	Ingest(ctx context.Context, res *event.Result) (Outcome, error)
	// Events returns merged events that pass the filter, oldest first:
	// those after f.After, at most f.Limit of them when it is positive.
	Events(ctx context.Context, f Filter) ([]Event, error)
	// Page returns what Events does, the cursor of the page that follows
	// it and the number of events the filter passes in all, read at one
	// moment. A cursor the store did not make is ErrBadCursor.
	Page(ctx context.Context, f Filter) (Page, error)
	// Aggregate counts the events that pass the filter, and adds up their
	// fatalities, per day, country or type; buckets are ordered by key.
	// It ignores f.After and f.Limit.
	Aggregate(ctx context.Context, f Filter, by Dimension) ([]Bucket, error)
	// Event returns one merged event and the mentions it was merged from.
	Event(ctx context.Context, id string) (Event, []Mention, error)
	// Document returns a stored document.
	Document(ctx context.Context, id string) (event.Document, error)
	// Mentions returns the event mentions coded from a document, each
	// with the id of the event it was merged into.
	Mentions(ctx context.Context, documentID string) ([]Mention, error)
	// Cells counts the located events that pass the filter in the cells
	// of a grid of size degrees, for a map at any zoom; it ignores
	// f.After and f.Limit.
	Cells(ctx context.Context, f Filter, size float64) ([]Cell, error)
	// Close releases the store.
	Close() error
}

// ErrNotFound is returned for an unknown event or document.
var ErrNotFound = errors.New("not found")

// ErrBadCursor is returned for a Filter.After the store did not make.
var ErrBadCursor = errors.New("bad cursor")

// Mention is one document's coding of an event, with its evidence spans
// into that document's text.
type Mention struct {
	DocumentID string      `json:"document_id"`
	EventID    string      `json:"event_id"`
	Event      event.Event `json:"event"`
}

// Outcome says what one Ingest did.
type Outcome struct {
	Duplicate bool
	// New and Merged count the mentions that created events and those
	// that joined existing ones.
	New, Merged int
}

// Filter selects events; zero fields select everything.
type Filter struct {
	From, To  string // YYYY-MM-DD, inclusive, on the event's date range
	Country   string // ISO alpha-2
	EventType string // ACLED event type, or a PLOVER type for PLOVER-only events
	Actor     string // case-insensitive substring of actor1, actor2 or their associates
	Admin1    string // first-level division, case-insensitive
	// BBox is minLon, minLat, maxLon, maxLat; nil means anywhere.
	BBox *[4]float64
	// SubEventType is an ACLED sub-event type, spelled as ACLED spells it.
	SubEventType string
	// Text is a case-insensitive substring of the notes or of an
	// evidence passage.
	Text string
	// After is a Page.Next: the listing resumes after the event it marks,
	// so a late page costs what the first does.
	After string
	// Limit caps the events listed; 0 lists them all.
	Limit int
}

// Page is one page of a listing of events.
type Page struct {
	Events []Event
	// Next is the cursor of the following page, for Filter.After; empty
	// on the last page.
	Next string
	// Total is how many events the filter passes, on all pages.
	Total int
}

// Dimension is what Aggregate groups events by.
type Dimension string

// The dimensions of Aggregate: an event's EventDate, its ISO country code,
// and its ACLED type (its PLOVER type when ACLED codes none).
const (
	ByDay     Dimension = "day"
	ByCountry Dimension = "country"
	ByType    Dimension = "type"
)

// Bucket is the events of one day, country or type.
type Bucket struct {
	Key        string `json:"key"`
	Events     int    `json:"events"`
	Fatalities int    `json:"fatalities"`
}

// Cell is the located events of one cell of a grid: how many, their
// fatalities, their mean position and their counts by type (ACLED's, or
// PLOVER's for PLOVER-only events).
type Cell struct {
	Lat        float64        `json:"lat"`
	Lon        float64        `json:"lon"`
	Events     int            `json:"events"`
	Fatalities int            `json:"fatalities"`
	Types      map[string]int `json:"types"`
}

// Event is a merged event: the fields of its first and most precise
// reports, the sources that report it and every claim they make.
type Event struct {
	event.Event
	// Sources are the documents reporting the event, in the order they
	// were ingested.
	Sources []Source `json:"sources"`
	// Updated is when the event last changed, RFC 3339 (ACLED's
	// timestamp).
	Updated string `json:"updated,omitempty"`
}

// Source is one document's report of an event.
type Source struct {
	DocumentID string `json:"document_id"`
	MentionID  string `json:"mention_id"`
	Outlet     string `json:"outlet,omitempty"`
	URL        string `json:"url,omitempty"`
	Title      string `json:"title,omitempty"`
	Published  string `json:"published,omitempty"`
	// Fatalities is this source's own toll for the event.
	Fatalities *int `json:"fatalities"`
}

// SameEvent reports whether mention m, from another article, reports the
// same event as the merged event e: same type, overlapping days, places
// within a distance that fits their precision, and actors that do not
// contradict each other.
func SameEvent(e, m event.Event) bool {
	if !sameType(e, m) {
		return false
	}
	if e.DateStart > m.DateEnd || m.DateStart > e.DateEnd {
		return false
	}
	if e.ISO != m.ISO {
		return false
	}
	if e.Latitude != nil && m.Latitude != nil {
		if gazetteer.DistanceKm(*e.Latitude, *e.Longitude, *m.Latitude, *m.Longitude) > MergeRadiusKm(e.GeoPrecision, m.GeoPrecision) {
			return false
		}
	}
	return actorsCompatible(e, m)
}

func sameType(e, m event.Event) bool {
	if e.EventType == nil || m.EventType == nil {
		return e.EventType == nil && m.EventType == nil && e.Plover == m.Plover
	}
	return *e.EventType == *m.EventType
}

// MergeRadiusKm is how far apart two reports of one event may place it:
// a town is a town, a province is wide.
func MergeRadiusKm(p1, p2 int) float64 {
	p := max(p1, p2)
	switch p {
	case 1:
		return 30
	case 2:
		return 60
	default:
		return 250
	}
}

// actorsCompatible reports whether the named sides of e and m can be the
// same: every actor m names is one of e's, or e names too few to tell.
func actorsCompatible(e, m event.Event) bool {
	known := map[string]bool{}
	for _, a := range []string{e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2} {
		if a != "" {
			known[strings.ToLower(a)] = true
		}
	}
	if len(known) < 2 {
		return true
	}
	for _, a := range []string{m.Actor1, m.Actor2} {
		if a != "" && !known[strings.ToLower(a)] && !strings.HasPrefix(a, "Civilians") && !strings.HasPrefix(a, "Unidentified") {
			return false
		}
	}
	return true
}

// midDay returns the middle day of a range, the later of two.
func midDay(start, end string) string {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	if err1 != nil || err2 != nil {
		return start
	}
	days := int(e.Sub(s).Hours()/24) + 1
	return s.AddDate(0, 0, days/2).Format(time.DateOnly)
}

// Merge folds mention m, reported by source s, into event e: the most
// precise place and narrowest dates win, every claim is kept, and the
// fatalities follow ACLED's rule: the most conservative toll any source
// reports, contested when the sources disagree.
func Merge(e *Event, m event.Event, s Source) {
	e.Sources = append(e.Sources, s)
	if m.GeoPrecision != 0 && (e.GeoPrecision == 0 || m.GeoPrecision < e.GeoPrecision) {
		e.Admin1, e.Admin2, e.Location = m.Admin1, m.Admin2, m.Location
		e.Latitude, e.Longitude, e.GeoPrecision = m.Latitude, m.Longitude, m.GeoPrecision
	}
	if m.DateStart > e.DateStart && m.DateStart <= e.DateEnd {
		e.DateStart = m.DateStart
	}
	if m.DateEnd < e.DateEnd && m.DateEnd >= e.DateStart {
		e.DateEnd = m.DateEnd
	}
	if e.Actor1 == "" {
		e.Actor1, e.Inter1, e.Actor1Aliases = m.Actor1, m.Inter1, m.Actor1Aliases
	}
	if e.Actor2 == "" && m.Actor2 != e.Actor1 {
		e.Actor2, e.Inter2, e.Actor2Aliases = m.Actor2, m.Inter2, m.Actor2Aliases
	}
	e.EventDate = event.Date(midDay(string(e.DateStart), string(e.DateEnd)))
	e.Claims = append(e.Claims, m.Claims...)
	e.Fatalities, e.Contested = nil, false
	for _, src := range e.Sources {
		if src.Fatalities == nil {
			continue
		}
		if e.Fatalities == nil {
			n := *src.Fatalities
			e.Fatalities = &n
			continue
		}
		if *src.Fatalities != *e.Fatalities {
			e.Contested = true
		}
		if *src.Fatalities < *e.Fatalities {
			n := *src.Fatalities
			e.Fatalities = &n
		}
	}
	e.Contested = e.Contested || m.Contested
}
