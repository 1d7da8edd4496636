// Package event holds sitrep's output record: a document's metadata and the
// events coded from it, each field traceable to a byte span of the document's
// clean text, and the merged events that reports from several documents
// make.
//
// The JSON form of these types is sitrep's public schema (docs/schema.md).
// Fields may be added; existing JSON names never change.
package event

import (
	"encoding/json"
	"time"
)

// Span is a half-open byte range [Start, End) into a document's clean text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether s is a non-empty range inside a text of length n.
func (s Span) Valid(n int) bool { return s.Start >= 0 && s.Start < s.End && s.End <= n }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// Document is what sitrep knows of one article.
type Document struct {
	// ID is the hex SHA-256 of Text: the same clean text always has the same ID.
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	URL    string `json:"url,omitempty"`
	// Published is the publication day, YYYY-MM-DD, or "" (null in JSON)
	// when it is not known.
	Published Date `json:"published"`
	// PublishedFrom says where Published came from: "flag" (the user),
	// "feed", "warc", "http" (the source's metadata), "html-meta",
	// "html-text", "dateline" (the article's own date line) or "none".
	PublishedFrom string `json:"published_from,omitempty"`
	// Dateline is the span of the article's own date line in Text, and
	// Headline that of a headline that runs into the body, when loading
	// found them.
	Dateline *Span `json:"dateline,omitempty"`
	Headline *Span `json:"headline,omitempty"`
	// Datelines are the wire date lines that open paragraphs
	// ("MAIDUGURI, March 26 (LCH) —"), Dateline among them: they say
	// where and when a report was filed, not where and when its events
	// happened. A text that joins several reports has several.
	Datelines []Span `json:"datelines,omitempty"`
	// OutletTag is the span of an agency's tag in the opening ("(Reuters)",
	// "AFP" before the date line).
	OutletTag *Span `json:"outlet_tag,omitempty"`
	// Lead is the span of the article's first paragraph after its
	// headline and date line: what the story is about.
	Lead *Span `json:"lead,omitempty"`
	// Encoding names the character encoding the input was decoded from
	// when it was not UTF-8; InvalidBytes counts the bytes that were not
	// valid in it and were replaced by U+FFFD.
	Encoding     string `json:"encoding,omitempty"`
	InvalidBytes int    `json:"invalid_bytes,omitempty"`
	// Language is an ISO 639-1 code.
	Language string `json:"language,omitempty"`
	// Format is the input kind the document was read as: "text" or "html".
	Format string `json:"format"`
	// Source is the file name or URL the document was read from.
	Source string `json:"source,omitempty"`
	// Text is the clean article text; every Span indexes into it.
	Text string `json:"text"`
}

// Date is a day, YYYY-MM-DD, or "" when it is not known: null in JSON.
type Date string

// DateOf returns the day of t, in UTC.
func DateOf(t time.Time) Date { return Date(t.UTC().Format(time.DateOnly)) }

// Time returns the day as midnight UTC; ok is false for an unknown or
// malformed date.
func (d Date) Time() (t time.Time, ok bool) {
	t, err := time.Parse(time.DateOnly, string(d))
	return t, err == nil
}

// MarshalJSON writes an unknown date as null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(d))
}

// Result is the output of extraction for one document: `sitrep extract`
// prints one Result per article.
type Result struct {
	Document Document `json:"document"`
	Events   []Event  `json:"events"`
}

// Event is one coded event: ACLED's fields, the PLOVER type, the claims
// behind its numbers and the evidence behind every field.
type Event struct {
	// ID is stable for the same document and event.
	ID string `json:"id"`

	// EventType and SubEventType are spelled as in ACLED's codebook; both are
	// empty (null in JSON) for an event that ACLED does not code.
	EventType    *string `json:"event_type"`
	SubEventType *string `json:"sub_event_type"`
	// Plover is the PLOVER event type (ASSAULT, AGREE, ...), PloverMode its
	// mode (aerial, firearms, visit, ...).
	Plover     string `json:"plover,omitempty"`
	PloverMode string `json:"plover_mode,omitempty"`

	Actor1 string `json:"actor1"`
	// Actor1Aliases are other names of Actor1, including the words the
	// article used for it.
	Actor1Aliases []string `json:"actor1_aliases,omitempty"`
	AssocActor1   string   `json:"assoc_actor_1"`
	Inter1        int      `json:"inter1"`
	Actor2        string   `json:"actor2"`
	Actor2Aliases []string `json:"actor2_aliases,omitempty"`
	AssocActor2   string   `json:"assoc_actor_2"`
	Inter2        int      `json:"inter2"`
	// Interaction is ACLED's two-digit code, lower inter code first.
	Interaction int `json:"interaction"`

	// ISO is the ISO 3166-1 alpha-2 code of the country where it happened.
	ISO      string `json:"iso"`
	Country  string `json:"country"`
	Admin1   string `json:"admin1"`
	Admin2   string `json:"admin2"`
	Location string `json:"location"`
	// Latitude and Longitude are nil when the place is not known.
	Latitude  *float64 `json:"latitude"`
	Longitude *float64 `json:"longitude"`
	// GeoPrecision is ACLED's code: 1 the town itself, 2 near a town or a
	// small part of a region, 3 a larger region or the country.
	GeoPrecision int `json:"geo_precision"`

	// EventDate is the middle day of [DateStart, DateEnd], YYYY-MM-DD.
	// All three are "" (null in JSON) when the article gives no way to
	// tell when the event happened.
	EventDate Date `json:"event_date"`
	DateStart Date `json:"date_start"`
	DateEnd   Date `json:"date_end"`
	// TimePrecision is ACLED's code: 1 the day is known, 2 within a week,
	// 3 within a month.
	TimePrecision int `json:"time_precision"`

	// Fatalities follows ACLED's rule: the most conservative total the
	// article reports. Nil when it reports none.
	Fatalities *int `json:"fatalities"`
	// Contested is true when the claims disagree about the toll.
	Contested bool `json:"contested,omitempty"`
	// Injured is kept apart from Fatalities; nil when not reported.
	Injured *int `json:"injured,omitempty"`

	Claims []Claim `json:"claims"`

	// Notes is a short ACLED-style summary of the event.
	Notes string `json:"notes"`
	// Modes lists PLOVER auxiliary modes that apply (historical, ...).
	Modes []string `json:"modes,omitempty"`

	// Span is the passage (usually a sentence) that reports the event.
	Span Span `json:"span"`
	// Evidence lists, for each field taken from the text, the words that
	// support it.
	Evidence []Evidence `json:"evidence"`
	// Reasons names, for each field, the rule that gave its value; only
	// when asked for (sitrep extract --explain).
	Reasons []Reason `json:"reasons,omitempty"`
}

// Merged is an event as reports from several articles make it: the
// fields of its first and most precise reports, the sources that report
// it and every claim they make.
type Merged struct {
	Event
	// Sources are the documents reporting the event, in the order they
	// were ingested.
	Sources []Source `json:"sources"`
	// Updated is when the event last changed, RFC 3339 (ACLED's
	// timestamp).
	Updated string `json:"updated,omitempty"`
}

// Source is one document's report of a merged event.
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

// Reason names the rule that gave a field its value: "weapon words in the
// sentence before" for an event type, "the outlet, where no one is quoted"
// for a claim's source.
type Reason struct {
	// Field is the JSON name of the field, as in Evidence.
	Field string `json:"field"`
	Rule  string `json:"rule"`
}

// Evidence ties one field of an event to the words that support it.
type Evidence struct {
	// Field is the JSON name of the event field ("event_type", "actor1",
	// "location", "date", "fatalities", "claims[0]", ...).
	Field string `json:"field"`
	Span
	// Text is the supported words, copied from the document for readers.
	Text string `json:"text"`
}

// Claim is a number the article attributes to someone.
type Claim struct {
	// Kind is what is counted: killed, injured, captured, arrested,
	// abducted, displaced or seized.
	Kind string `json:"kind"`
	// Count is the number as ACLED reads it ("dozens" is 12, "more than
	// 200" is 200).
	Count int `json:"count"`
	// Qualifier is the hedge on the number itself: "exact", "at least",
	// "more than", "up to", "about", "dozens", "hundreds", ...
	Qualifier string `json:"qualifier"`
	// Of says who was counted ("Pakistani soldiers").
	Of string `json:"of,omitempty"`
	// Source is who says so, as named in the text; SourceActor the actor
	// that source speaks for, when known.
	Source      string `json:"source,omitempty"`
	SourceActor string `json:"source_actor,omitempty"`
	// Hedge is how the claim is made: confirmed, claimed, estimated,
	// reportedly, unacknowledged, or "" for plain statements.
	Hedge string `json:"hedge,omitempty"`
	Span  Span   `json:"span"`
}

// Str returns a pointer to s, for the nullable string fields.
func Str(s string) *string { return &s }
