package merge

import (
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/taxonomy"
)

// Within one article, the mentions that report one event are grouped by
// the rules below, over Reports: what a mention says of its type, days,
// place and sides. They differ from SameEvent's where one article is
// surer than two: it names one place with one name, so places apart by
// more than a town's width are two; and it tells its events in order, so
// a mention may join the event told just before it.

// Kind is how much of the map a place covers, as far as the rules tell
// places apart.
type Kind uint8

// Kinds of place.
const (
	// Local is a town, village or district: somewhere an event happens.
	Local Kind = iota
	// Admin1 is a first-level division, a province or state.
	Admin1
	// Country is a whole country, which names no place an event happens
	// at.
	Country
	// Area is a region not bound to one country ("the Sahel").
	Area
)

// Place is where a report places an event.
type Place struct {
	// ID is the gazetteer's: one ID is one place.
	ID   int
	Name string
	Kind Kind
	// Country is the ISO alpha-2 code of the place's country.
	Country string
	// Admin1 is the first-level division the place lies in.
	Admin1   string
	Lat, Lon float64
	// Precision is ACLED's geo_precision: 1 a town, 2 a district or
	// small region, 3 a province or wider.
	Precision int
	// Unlocated marks a place the gazetteer lacks, given the point of
	// the place that holds it.
	Unlocated bool
}

// DistanceKm is the great-circle distance between p and q.
func (p Place) DistanceKm(q Place) float64 {
	return geo.DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon)
}

// Days are the days a report places an event on, first and last.
type Days struct {
	Start, End time.Time
}

// Overlaps reports whether d and o share a day.
func (d Days) Overlaps(o Days) bool { return !d.Start.After(o.End) && !o.Start.After(d.End) }

// nests reports whether one of d and o holds the other.
func (d Days) nests(o Days) bool {
	return (!d.Start.After(o.Start) && !d.End.Before(o.End)) || (!o.Start.After(d.Start) && !o.End.Before(d.End))
}

// Side is an actor a report names.
type Side struct {
	Name string
	// Vague marks a side that tells no two events apart: civilians,
	// unidentified attackers, forces named without their country
	// ("militants", "soldiers").
	Vague bool
}

// sidesAgree reports whether the sides named fit the names known of an
// event: each is known or vague, or fewer than two are known, too few
// to contradict anyone. Both uses share it; they differ in what they
// count as known and as vague.
func sidesAgree(known map[string]bool, named []Side) bool {
	if len(known) < 2 {
		return true
	}
	for _, s := range named {
		if !s.Vague && !known[s.Name] {
			return false
		}
	}
	return true
}

// Report is one mention of an event within an article, as the in-article
// rules read it.
type Report struct {
	// Type and Sub are the ACLED type and sub-type, empty for an event
	// ACLED does not code; Plover the PLOVER type.
	Type, Sub, Plover string
	// Class is the class of the trigger word ("attack", "kill"), empty
	// for one that names its kind of event outright ("drone strike").
	Class string
	Days  Days
	// OwnTime is set when the mention's own sentence dates it, rather
	// than the article or a sentence before.
	OwnTime bool
	// Place is nil when the mention has none.
	Place *Place
	// OwnPlace is set when the mention's own sentence names its place.
	OwnPlace bool
	// Doer is the dictionary name of the actor that does the event, ""
	// when the doer is not in the dictionary or not named.
	Doer string
	// Sides are the sides the mention names, the doer's first.
	Sides []Side
}

// sameType reports whether two reports are of one type: one ACLED type,
// or for events ACLED does not code, one PLOVER type.
func sameType(acled1, plover1, acled2, plover2 string) bool {
	return acled1 == acled2 && (acled1 != "" || plover1 == plover2)
}

// SameType reports whether r and o are of one type: one ACLED type, or
// for events ACLED does not code, one PLOVER type.
func SameType(r, o Report) bool { return sameType(r.Type, r.Plover, o.Type, o.Plover) }

// articleRadiusKm is how far apart two places one article names may lie
// and still be one place: a town's width. An article names the place of
// an event with one name; two names further apart are two places, where
// reports from two articles may place one event by different towns.
const articleRadiusKm = 10

// SamePlace reports whether p and q, named in one article, are the same
// place: one gazetteer place, or points under 10 km apart. Either is
// the same as no place at all. Two places the gazetteer lacks, placed at
// the seat of the province that holds them, are the same only by name.
func SamePlace(p, q *Place) bool {
	if p == nil || q == nil {
		return true
	}
	if p.Unlocated || q.Unlocated {
		return strings.EqualFold(p.Name, q.Name)
	}
	if p.ID == q.ID {
		return true
	}
	return p.DistanceKm(*q) < articleRadiusKm
}

// countryOnly reports whether p is a whole country.
func countryOnly(p *Place) bool { return p != nil && p.Kind == Country }

// PlacesAgree reports whether q is p, lies within it, or holds it, where
// a country holds its places and a province those of its name, and an
// area holds any place.
func PlacesAgree(p, q *Place) bool {
	if p == nil || q == nil || SamePlace(p, q) {
		return true
	}
	if p.Country != q.Country {
		return p.Kind == Area || q.Kind == Area
	}
	holds := func(big, small *Place) bool {
		switch big.Kind {
		case Country, Area:
			return true
		case Admin1:
			return small.Admin1 == big.Name || small.Admin1 == big.Admin1
		}
		return false
	}
	return holds(p, q) || holds(q, p)
}

// Placing returns the index of the report whose place is the event's:
// the most precise place a report names itself, or else the first place
// any report has. It is -1 when none has one.
func Placing(rs []Report) int {
	best := -1
	for i, r := range rs {
		if r.Place == nil {
			continue
		}
		if best < 0 || (r.OwnPlace && r.Place.Precision < rs[best].Place.Precision) {
			best = i
		}
	}
	return best
}

// placeOf is the place of the event that rs report, nil when none has
// one.
func placeOf(rs []Report) *Place {
	if i := Placing(rs); i >= 0 {
		return rs[i].Place
	}
	return nil
}

// SidesFit reports whether m's sides fit those the reports rs name: no
// side of m is missing from rs when rs name two sides or more, unless it
// is vague. Within an article the names are compared as the dictionary
// spells them, a person's name as the text does.
func SidesFit(rs []Report, m Report) bool {
	known := map[string]bool{}
	for _, o := range rs {
		for _, s := range o.Sides {
			known[s.Name] = true
		}
	}
	return sidesAgree(known, m.Sides)
}

// sameDoer reports whether m names as its doer a dictionary actor that
// one of rs names as its doer.
func sameDoer(rs []Report, m Report) bool {
	if m.Doer == "" {
		return false
	}
	for _, o := range rs {
		if o.Doer == m.Doer {
			return true
		}
	}
	return false
}

// InArticle reports whether m, a mention of an article, reports the same
// event as the mentions rs of the same article, told before it: same
// type, days that overlap and, when both are dated by their own
// sentences, nest; places that agree; sides that fit. A mention with
// neither time nor place of its own needs only fitting sides.
func InArticle(rs []Report, m Report) bool {
	f := rs[0]
	if !SameType(f, m) {
		return false
	}
	if f.Type == taxonomy.Explosions && f.Sub != m.Sub && m.Class == "" && f.Class == "" && (m.OwnTime || m.OwnPlace) {
		// A drone strike and a shelling the same day are two events.
		return false
	}
	if !m.OwnTime && !m.OwnPlace {
		return SidesFit(rs, m)
	}
	// Days: they must overlap, and two explicit times must nest: "in
	// recent days" holds "overnight", but "the following day" is another
	// day than "overnight".
	for _, o := range rs {
		if !o.Days.Overlaps(m.Days) {
			return false
		}
		if o.OwnTime && m.OwnTime && !o.Days.nests(m.Days) {
			return false
		}
	}
	// Places: the same, or one holds the other when either is inherited
	// or is only a country (which names no place an event happens at).
	for _, o := range rs {
		if o.OwnPlace && m.OwnPlace && !SamePlace(o.Place, m.Place) && !(countryOnly(o.Place) || countryOnly(m.Place)) {
			return false
		}
	}
	p := placeOf(rs)
	if !PlacesAgree(p, m.Place) {
		return false
	}
	if f.Type == taxonomy.Explosions && f.Sub == m.Sub && sameDoer(rs, m) && SamePlace(p, m.Place) && !countryOnly(m.Place) {
		// "The US missile strike on the airbase killed four children"
		// and "the United States launched 59 missiles at the airfield":
		// one strike, whoever each report counts among its victims.
		return true
	}
	return SidesFit(rs, m)
}

// AtProtest reports whether m is an arrest made at the protest or riot
// rs report: same days, same place. ACLED codes such arrests as part of
// the protest.
func AtProtest(rs []Report, m Report) bool {
	if m.Sub != taxonomy.Arrests {
		return false
	}
	f := rs[0]
	return (f.Type == taxonomy.Protests || f.Type == taxonomy.Riots) && f.Days.Overlaps(m.Days) && SamePlace(placeOf(rs), m.Place)
}

// Recalls reports whether m, which names an event told before ("the
// attack", "Tuesday's bombing"), can name the event rs report: its days,
// when it has its own, overlap, and its own place agrees with the event's.
func Recalls(rs []Report, m Report) bool {
	return (rs[0].Days.Overlaps(m.Days) || !m.OwnTime) && (!m.OwnPlace || PlacesAgree(placeOf(rs), m.Place))
}

// Retells reports whether m, an attack no weapon word typed, can tell
// again the violent event rs report: days that overlap, places that
// agree and sides that fit.
func Retells(rs []Report, m Report) bool {
	return rs[0].Days.Overlaps(m.Days) && PlacesAgree(placeOf(rs), m.Place) && SidesFit(rs, m)
}
