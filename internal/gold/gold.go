// Package gold reads gold annotation files: the events a careful analyst
// codes from one article, in the format sitrep's evaluation scores against.
package gold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/taxonomy"
)

// File is one gold file.
type File struct {
	Published string  `json:"published"`
	Outlet    string  `json:"outlet"`
	Events    []Event `json:"events"`
}

// Event is one gold event.
type Event struct {
	ID           string      `json:"id"`
	EventType    *string     `json:"event_type"`
	SubEventType *string     `json:"sub_event_type"`
	Plover       string      `json:"plover,omitempty"`
	Date         [2]string   `json:"date"`
	Country      []string    `json:"country"`
	Location     string      `json:"location"`
	Point        *[2]float64 `json:"point,omitempty"`
	ToleranceKm  float64     `json:"tolerance_km,omitempty"`
	Actor1       []string    `json:"actor1"`
	Actor2       []string    `json:"actor2"`
	Fatalities   *[2]int     `json:"fatalities"`
	Claims       []Claim     `json:"claims"`
	Evidence     string      `json:"evidence"`
	Optional     bool        `json:"optional"`
}

// Claim is a number the article attributes to a source.
type Claim struct {
	Source []string `json:"source"`
	Killed [2]int   `json:"killed"`
	Of     string   `json:"of"`
}

// Parse reads a gold file strictly: unknown fields are errors.
func Parse(data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	if dec.More() {
		return nil, errors.New("gold: trailing data after the JSON object")
	}
	return &f, nil
}

// ReadFile reads and parses a gold file.
func ReadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// Validate checks the file against the format's rules and the article's
// text, and returns every problem found.
func (f *File) Validate(articleText string) error {
	var errs []error
	bad := func(id, format string, args ...any) {
		errs = append(errs, fmt.Errorf("event %q: %s", id, fmt.Sprintf(format, args...)))
	}
	if f.Published != "" {
		if _, err := time.Parse(time.DateOnly, f.Published); err != nil {
			errs = append(errs, fmt.Errorf("published %q is not YYYY-MM-DD", f.Published))
		}
	}
	seen := map[string]bool{}
	for _, e := range f.Events {
		if e.ID == "" {
			bad(e.ID, "no id")
		} else if seen[e.ID] {
			bad(e.ID, "duplicate id")
		}
		seen[e.ID] = true
		switch {
		case e.EventType == nil:
			if e.SubEventType != nil {
				bad(e.ID, "sub_event_type without event_type")
			}
			if e.Plover == "" {
				bad(e.ID, "null event_type needs a plover type")
			}
		case !taxonomy.IsEventType(*e.EventType):
			bad(e.ID, "event_type %q is not one of ACLED's", *e.EventType)
		case e.SubEventType == nil || !taxonomy.IsSubEventType(*e.EventType, *e.SubEventType):
			bad(e.ID, "sub_event_type %v is not one of %q's", deref(e.SubEventType), *e.EventType)
		}
		if e.Plover != "" && !taxonomy.IsPlover(e.Plover) {
			bad(e.ID, "plover %q is not a PLOVER type", e.Plover)
		}
		d0, err0 := time.Parse(time.DateOnly, e.Date[0])
		d1, err1 := time.Parse(time.DateOnly, e.Date[1])
		switch {
		case err0 != nil || err1 != nil:
			bad(e.ID, "date %q is not two YYYY-MM-DD days", e.Date)
		case d1.Before(d0):
			bad(e.ID, "date range %q ends before it starts", e.Date)
		}
		if len(e.Country) == 0 {
			bad(e.ID, "no country")
		}
		for _, c := range e.Country {
			if len(c) != 2 || strings.ToUpper(c) != c {
				bad(e.ID, "country %q is not an ISO alpha-2 code", c)
			}
		}
		if e.Point != nil {
			if e.ToleranceKm <= 0 {
				bad(e.ID, "point without a positive tolerance_km")
			}
			if e.Point[0] < -90 || e.Point[0] > 90 || e.Point[1] < -180 || e.Point[1] > 180 {
				bad(e.ID, "point %v out of range", *e.Point)
			}
		}
		if e.Fatalities != nil && (e.Fatalities[0] > e.Fatalities[1] || e.Fatalities[0] < 0) {
			bad(e.ID, "fatalities range %v", *e.Fatalities)
		}
		for i, c := range e.Claims {
			if len(c.Source) == 0 || c.Killed[0] > c.Killed[1] {
				bad(e.ID, "claim %d needs a source and an ordered killed range", i)
			}
		}
		if e.Evidence == "" || !strings.Contains(articleText, e.Evidence) {
			bad(e.ID, "evidence %q does not occur in the article", e.Evidence)
		}
	}
	return errors.Join(errs...)
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
