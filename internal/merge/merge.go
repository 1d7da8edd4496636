// Package merge holds the rules by which reports become one event: the
// mentions of one article that tell of one event (InArticle and the
// rules beside it), and reports from different articles: whether a
// mention reports an event already stored (SameEvent), and how it folds
// into it (Into). Extraction groups an article's mentions by the first;
// stores find the candidates (those that share a mention's blocking key
// and overlap its days) and keep the result of the second.
//
// Both uses share what is the same: the type test, distance, and the fit
// of sides; they keep apart, by name, what one article can be surer of
// than two.
package merge

import (
	"strings"

	"github.com/sitrep/sitrep/internal/event"
)

// Key is the blocking key of an event: only events with the same key
// can be the same, and a store looks among them for a mention's event.
// It is the ACLED type, or the PLOVER type marked as such for events that
// ACLED does not code.
func Key(e event.Event) string {
	if e.EventType != nil {
		return *e.EventType
	}
	return "PLOVER:" + e.Plover
}

// SameEvent reports whether mention m, from another article, reports the
// same event as the merged event e: same type, overlapping days, places
// within a distance that fits their precision, and actors that do not
// contradict each other.
func SameEvent(e, m event.Event) bool {
	if !sameType(eventType(e), e.Plover, eventType(m), m.Plover) {
		return false
	}
	if e.DateStart == "" || m.DateStart == "" {
		// An undated report cannot be told to be of the same day as
		// another: it stands alone.
		return false
	}
	if e.DateStart > m.DateEnd || m.DateStart > e.DateEnd {
		return false
	}
	if e.ISO != m.ISO {
		return false
	}
	if e.Latitude != nil && m.Latitude != nil && !Near(point(e), point(m)) {
		return false
	}
	return actorsCompatible(e, m)
}

// eventType is e's ACLED type, "" when ACLED does not code it.
func eventType(e event.Event) string {
	if e.EventType == nil {
		return ""
	}
	return *e.EventType
}

// point is the place of a located event, as far as Near reads it.
func point(e event.Event) Place {
	return Place{Lat: *e.Latitude, Lon: *e.Longitude, Precision: e.GeoPrecision}
}

// Near reports whether two reports from different articles place one
// event close enough to be one: within RadiusKm of their precisions.
// Two articles may name one event's place by different towns, or one by
// a town and the other by its province, where one article names it by
// one name (SamePlace).
func Near(p, q Place) bool {
	return p.DistanceKm(q) <= RadiusKm(p.Precision, q.Precision)
}

// RadiusKm is how far apart two reports of one event may place it, by
// their geo precisions: a town is a town, a province is wide.
func RadiusKm(p1, p2 int) float64 {
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
// Unlike within an article (SidesFit), names are compared without regard
// to case, the merged event's associate actors count among its known
// sides, and only civilians and unidentified groups are vague: a stored
// event keeps names, not the dictionary entries behind them.
func actorsCompatible(e, m event.Event) bool {
	known := map[string]bool{}
	for _, a := range []string{e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2} {
		if a != "" {
			known[strings.ToLower(a)] = true
		}
	}
	named := make([]Side, 0, 2)
	for _, a := range []string{m.Actor1, m.Actor2} {
		if a != "" {
			named = append(named, Side{Name: strings.ToLower(a), Vague: strings.HasPrefix(a, "Civilians") || strings.HasPrefix(a, "Unidentified")})
		}
	}
	return sidesAgree(known, named)
}

// midDay returns the middle day of a range, the later of two.
func midDay(start, end event.Date) event.Date {
	s, ok1 := start.Time()
	e, ok2 := end.Time()
	if !ok1 || !ok2 {
		return start
	}
	days := int(e.Sub(s).Hours()/24) + 1
	return event.DateOf(s.AddDate(0, 0, days/2))
}

// Into folds mention m, reported by source s, into event e: s joins
// e.Sources and m's claims e.Claims, the most precise place and narrowest
// dates win, and the fatalities follow ACLED's rule: the most conservative
// toll any source reports, contested when the sources disagree or a
// source says its toll is. It reads none of the sources e has already, so
// a store may hand it e without them and store what it appends: merging
// into an event with a thousand sources costs what merging into one with
// one does.
func Into(e *event.Merged, m event.Event, s event.Source) {
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
	e.EventDate = midDay(e.DateStart, e.DateEnd)
	e.Claims = append(e.Claims, m.Claims...)
	// The event's toll is already the least of its sources' and contested
	// if they differ: the new source only has to be compared with it.
	if f := s.Fatalities; f != nil {
		switch {
		case e.Fatalities == nil:
			n := *f
			e.Fatalities = &n
		case *f != *e.Fatalities:
			e.Contested = true
			if *f < *e.Fatalities {
				n := *f
				e.Fatalities = &n
			}
		}
	}
	e.Contested = e.Contested || m.Contested
}
