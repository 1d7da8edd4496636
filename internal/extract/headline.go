package extract

import (
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/taxonomy"
)

// foldHeadline folds each event told in the headline into the first event
// of the same type that the body tells: a headline announces the lead's
// event, it is not a second one. The headline becomes one more piece of
// the body event's evidence, and gives it what the body leaves out (a
// place named only in the headline, a toll). An event that only the
// headline tells stands as it is.
func foldHeadline(evs []event.Event, head *event.Span, text string) []event.Event {
	if head == nil || head.Len() <= 0 {
		return evs
	}
	in := func(s event.Span) bool { return s.Start >= head.Start && s.End <= head.End }
	inHead := func(e event.Event) bool { return in(e.Span) }
	// The body's event a headline event h tells: one of the same kind;
	// failing that, for a violent headline, the body's first violent
	// event in the same country: a headline's "bombing" is often the
	// lead's air strike.
	fits := []func(h, b event.Event) bool{
		func(h, b event.Event) bool { return sameKind(h, b) },
		func(h, b event.Event) bool { return violent(h.EventType) && violent(b.EventType) && b.ISO == h.ISO },
	}
	bodyEvent := func(h event.Event) bool {
		for _, b := range evs {
			for _, fit := range fits {
				if !inHead(b) && fit(h, b) {
					return true
				}
			}
		}
		return false
	}
	for i := range evs {
		e := &evs[i]
		if !inHead(*e) || bodyEvent(*e) {
			// A headline event the body tells on its own is folded
			// into it below, whatever body mention it took.
			continue
		}
		// Merged already with the body's report of it: the body's
		// passage is the event's, the headline its evidence.
		for _, ev := range e.Evidence {
			if ev.Field == "mention" && !in(ev.Span) {
				e.Evidence = append(e.Evidence, event.Evidence{Field: "headline", Span: e.Span, Text: text[e.Span.Start:e.Span.End]})
				e.Span = ev.Span
				break
			}
		}
	}
	out := evs[:0:0]
	folded := make([]bool, len(evs))
	for i, h := range evs {
		if !inHead(h) {
			continue
		}
		for _, fit := range fits {
			for j := range evs {
				b := &evs[j]
				if j == i || folded[j] || inHead(*b) || !fit(h, *b) {
					continue
				}
				mergeHeadline(b, h, text)
				b.Notes = notes(*b)
				folded[i] = true
				break
			}
			if folded[i] {
				break
			}
		}
	}
	for i, e := range evs {
		if !folded[i] {
			out = append(out, e)
		}
	}
	return out
}

// sameKind reports whether two events have the same ACLED type, or, for
// events ACLED does not code, the same PLOVER type.
func sameKind(a, b event.Event) bool {
	if a.EventType == nil || b.EventType == nil {
		return a.EventType == nil && b.EventType == nil && a.Plover == b.Plover
	}
	return *a.EventType == *b.EventType
}

// mergeHeadline adds headline event h to body event b.
func mergeHeadline(b *event.Event, h event.Event, text string) {
	if h.Span.Valid(len(text)) {
		b.Evidence = append(b.Evidence, event.Evidence{Field: "headline", Span: h.Span, Text: text[h.Span.Start:h.Span.End]})
	}
	// A place the headline names that is finer than the body's, in the
	// same country: "Car bomb kills marines in Fallujah" over "Iraq".
	if h.Latitude != nil && h.ISO == b.ISO && (b.Latitude == nil || h.GeoPrecision < b.GeoPrecision) {
		b.Admin1, b.Admin2, b.Location = h.Admin1, h.Admin2, h.Location
		b.Latitude, b.Longitude, b.GeoPrecision = h.Latitude, h.Longitude, h.GeoPrecision
		for _, ev := range h.Evidence {
			if ev.Field == "location" {
				b.Evidence = append(b.Evidence, ev)
			}
		}
	}
	if b.Fatalities == nil && h.Fatalities != nil {
		b.Fatalities = h.Fatalities
		for _, ev := range h.Evidence {
			if ev.Field == "fatalities" {
				b.Evidence = append(b.Evidence, ev)
			}
		}
	}
	if b.Actor1 == "" && h.Actor1 != "" {
		b.Actor1, b.Actor1Aliases, b.Inter1 = h.Actor1, h.Actor1Aliases, h.Inter1
		b.Interaction = interaction(b.Inter1, b.Inter2)
	}
	if b.Actor2 == "" && h.Actor2 != "" && h.Actor2 != b.Actor1 {
		b.Actor2, b.Actor2Aliases, b.Inter2 = h.Actor2, h.Actor2Aliases, h.Inter2
		b.Interaction = interaction(b.Inter1, b.Inter2)
	}
}

// headlinePlace gives the events that the body places only in a country
// the finer place the headline names in that country ("Marines die in
// Fallujah car bombing" over "BAGHDAD, Iraq -- ... killed in a car-bomb
// explosion"): a headline says where, when the lead takes it as known.
func (a *analysis) headlinePlace(evs []event.Event, head *event.Span) {
	if head == nil || head.Len() <= 0 {
		return
	}
	var inHead []gazetteer.Resolved
	for i := range a.places {
		if p := &a.places[i]; p.Start >= head.Start && p.End <= head.End && p.Place.Kind != gazetteer.Country && p.Place.Kind != gazetteer.Area {
			inHead = append(inHead, *p)
		}
	}
	if len(inHead) != 1 {
		return // none, or several that the headline does not tell apart
	}
	p := inHead[0]
	for i := range evs {
		e := &evs[i]
		if e.ISO != p.Place.CountryCode || e.GeoPrecision < 3 || e.Location != e.Country && e.Location != "" {
			continue
		}
		a.placeAt(e, p, p.Precision)
	}
}

// placeFromNext gives an event that its own sentence places only in a
// country ("air strikes on a town in eastern Syria") the one finer place of
// that country that the next two sentences name: reports name the town
// after the lead, and ACLED codes the most precise place the report gives.
func (a *analysis) placeFromNext(evs []event.Event) {
	for i := range evs {
		e := &evs[i]
		if e.GeoPrecision < 3 || e.ISO == "" || e.Location != "" && e.Location != e.Country ||
			e.EventType == nil || *e.EventType == taxonomy.StrategicDevelopments {
			continue // statements and developments are placed where they are made
		}
		k := a.sentenceOf(e.Span.Start)
		if k >= len(a.sents) {
			continue
		}
		last := min(len(a.sents)-1, a.sentenceOf(max(e.Span.Start, e.Span.End-1))+2)
		from, to := e.Span.End, a.sents[last].End
		var found []gazetteer.Resolved
		for i := range a.places {
			p := &a.places[i]
			if p.Start < from || p.End > to || p.Place.CountryCode != e.ISO ||
				p.Place.Kind == gazetteer.Country || p.Place.Kind == gazetteer.Area {
				continue
			}
			if len(found) > 0 && found[0].Place.ID == p.Place.ID {
				continue
			}
			found = append(found, *p)
		}
		if len(found) != 1 {
			continue // none, or several the text does not tell apart
		}
		p := found[0]
		a.placeAt(e, p, max(p.Precision, 2))
	}
}

// placeAt places a country-level event e at p, with p's words as the
// location's evidence.
func (a *analysis) placeAt(e *event.Event, p gazetteer.Resolved, precision int) {
	lat, lon := p.Place.Lat, p.Place.Lon
	e.Admin1, e.Admin2, e.Location = p.Place.Admin1, p.Place.Admin2, p.Place.Name
	e.Latitude, e.Longitude, e.GeoPrecision = &lat, &lon, precision
	e.Evidence = append(e.Evidence, event.Evidence{Field: "location", Span: event.Span{Start: p.Start, End: p.End}, Text: a.text[p.Start:p.End]})
	e.Notes = notes(*e)
}
