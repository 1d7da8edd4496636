// Package store keeps sitrep's living event record: documents, the event
// mentions extracted from each, and the events those mentions are merged
// into across articles. Store is the interface the pipeline writes to and
// the exporters and server read from; package store/sqlite implements it
// in one file, package store/postgres in a server several processes share.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"iter"

	"github.com/sitrep/sitrep/internal/event"
)

// Store is a persistent event record.
type Store interface {
	// Ingest stores a document and its event mentions, merging each
	// mention into the event it reports or creating a new one. It is
	// idempotent: a document already stored (same ID, or same URL)
	// changes nothing and reports Duplicate.
	Ingest(ctx context.Context, res *event.Result) (Outcome, error)
	// Events returns merged events that pass the filter, newest first
	// (by first day, then by when they were stored) unless f.Oldest: those
	// after f.After, at most f.Limit of them when it is positive.
	Events(ctx context.Context, f Filter) ([]Event, error)
	// All yields what Events returns, one event at a time, as of one
	// moment, reading a page at a time: what it holds in memory does not
	// grow with the number of events. f.Limit caps the events yielded.
	// An error ends the sequence.
	All(ctx context.Context, f Filter) iter.Seq2[Event, error]
	// Page returns what Events does, the cursor of the page that follows
	// it and the number of events the filter passes in all, read at one
	// moment. A cursor the store did not make is ErrBadCursor.
	Page(ctx context.Context, f Filter) (Page, error)
	// Aggregate counts the events that pass the filter, and adds up their
	// fatalities, per day, country or type; buckets are ordered by key.
	// It ignores f.After, f.Limit and f.Oldest.
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
	// Sorted returns what Page does with the events in the order by asks
	// for, ties broken by when they were stored, across all the events
	// the filter passes: its cursors are Sorted's own, not Page's.
	Sorted(ctx context.Context, f Filter, by Sort) (Page, error)
	// Close releases the store.
	Close() error
}

// JSONPager is a Store that also lists events already encoded as JSON,
// which spares a server decoding events only to encode them again.
type JSONPager interface {
	// PageJSON returns what Page does, each event as encoding/json
	// encodes an Event.
	PageJSON(ctx context.Context, f Filter) (JSONPage, error)
}

// JSONPage is a Page whose events are JSON.
type JSONPage struct {
	Events []json.RawMessage
	Next   string
	Total  int
}

// Values yields the events of a slice as Store.All yields a store's.
func Values(evs []Event) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		for _, e := range evs {
			if !yield(e, nil) {
				return
			}
		}
	}
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
	// Oldest lists the oldest events first instead of the newest.
	Oldest bool
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

// SortKey is a column a listing can be sorted by.
type SortKey string

// The columns of Sorted: an event's first day, its sub-event type (its
// PLOVER type when ACLED codes none), actors, location, country name,
// fatalities (unknown below zero) and number of sources. Text sorts
// without regard to case.
const (
	SortDate       SortKey = "date"
	SortType       SortKey = "type"
	SortActor1     SortKey = "actor1"
	SortActor2     SortKey = "actor2"
	SortLocation   SortKey = "location"
	SortCountry    SortKey = "country"
	SortFatalities SortKey = "fatalities"
	SortSources    SortKey = "sources"
)

// SortKeys lists the columns of Sorted.
func SortKeys() []SortKey {
	return []SortKey{SortDate, SortType, SortActor1, SortActor2, SortLocation, SortCountry, SortFatalities, SortSources}
}

// Sort is the order of a listing: a column, ascending unless Desc.
type Sort struct {
	By   SortKey
	Desc bool
}

// Dimension is what Aggregate groups events by.
type Dimension string

// The dimensions of Aggregate: an event's EventDate, its ISO country code,
// its ACLED type (its PLOVER type when ACLED codes none), and its country
// and first-level division.
const (
	ByDay     Dimension = "day"
	ByCountry Dimension = "country"
	ByType    Dimension = "type"
	// ByAdmin1 keys are the country's ISO code, a slash and the
	// first-level division's name in lower case ("SD/khartoum").
	ByAdmin1 Dimension = "admin1"
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

// Event is a merged event, as the store keeps and lists it. It is
// event.Merged, which package merge folds reports into without depending
// on storage.
type Event = event.Merged

// Source is one document's report of an event.
type Source = event.Source
