// Package query turns the filters a person types ("battles", "Sudan",
// "RSF", "armed clash") into the store.Filter the store matches exactly,
// and says clearly what it cannot understand. The CLI and the server share
// it, so that both accept the same words.
package query

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/taxonomy"
	"github.com/sitrep/sitrep/internal/text"
)

// ErrInvalid marks a filter value that names nothing; the message says
// what was expected.
var ErrInvalid = errors.New("invalid filter")

// invalid is an error that is ErrInvalid and says why in its own words.
type invalid string

func (e invalid) Error() string      { return string(e) }
func (invalid) Is(target error) bool { return target == ErrInvalid }

func invalidf(format string, a ...any) error { return invalid(fmt.Sprintf(format, a...)) }

// Resolver resolves filters. Its gazetteer and actor dictionary load on
// first use, each when a filter needs it, since most filters need
// neither and the gazetteer takes a second or more; it is safe for
// concurrent use.
type Resolver struct {
	placesOnce, actorsOnce sync.Once
	places                 *gazetteer.Gazetteer
	actors                 *actor.Dictionary
	placesErr, actorsErr   error
}

// New returns a Resolver.
func New() *Resolver { return &Resolver{} }

// loadPlaces loads the gazetteer, for country names.
func (r *Resolver) loadPlaces() error {
	r.placesOnce.Do(func() { r.places, r.placesErr = gazetteer.Load() })
	return r.placesErr
}

// loadActors loads the actor dictionary, for aliases.
func (r *Resolver) loadActors() error {
	r.actorsOnce.Do(func() { r.actors, r.actorsErr = actor.Load() })
	return r.actorsErr
}

// Gazetteer returns the gazetteer the resolver reads country names from.
func (r *Resolver) Gazetteer() (*gazetteer.Gazetteer, error) {
	if err := r.loadPlaces(); err != nil {
		return nil, err
	}
	return r.places, nil
}

// Warm loads the resolver's data now, so that the first filter by name
// does not wait for it.
func (r *Resolver) Warm() error {
	return errors.Join(r.loadPlaces(), r.loadActors())
}

// Resolve checks f and puts its values in the store's terms: dates are
// real YYYY-MM-DD days in order, the type is an ACLED type, sub-type or
// PLOVER type in any case, the country a code or a name, and an actor
// named by one of its aliases becomes its canonical name.
func (r *Resolver) Resolve(f store.Filter) (store.Filter, error) {
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return f, invalidf("%s %q is not a YYYY-MM-DD date", d.name, d.v)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, invalidf("from %s is after to %s", f.From, f.To)
	}
	var err error
	if f.EventType, f.SubEventType, err = EventType(f.EventType, f.SubEventType); err != nil {
		return f, err
	}
	if f.Country, err = r.Country(f.Country); err != nil {
		return f, err
	}
	if f.Actor != "" {
		f.Actor = r.Actor(f.Actor)
	}
	f.Admin1 = r.Admin1(f.Admin1, f.Country)
	f.Text = strings.TrimSpace(f.Text)
	return f, nil
}

// EventType resolves a type and a sub-type as typed: an ACLED event type
// or sub-event type, or a PLOVER type, in any case. A sub-type given as the
// type sets both.
func EventType(typ, sub string) (string, string, error) {
	typ, sub = strings.TrimSpace(typ), strings.TrimSpace(sub)
	if sub != "" {
		t, s, ok := subType(sub)
		if !ok {
			return typ, sub, invalidf("sub-type %q is not an ACLED sub-event type", sub)
		}
		if typ != "" && !strings.EqualFold(typ, t) {
			return typ, sub, invalidf("sub-type %q is not of type %q", s, typ)
		}
		return t, s, nil
	}
	if typ == "" {
		return "", "", nil
	}
	for _, t := range taxonomy.EventTypes() {
		if strings.EqualFold(t, typ) {
			return t, "", nil
		}
	}
	for _, t := range taxonomy.PloverTypes() {
		if strings.EqualFold(t, typ) {
			return t, "", nil
		}
	}
	if t, s, ok := subType(typ); ok {
		return t, s, nil
	}
	return typ, "", invalidf("type %q is none of ACLED's event types (%s), their sub-types or PLOVER's types",
		typ, strings.Join(taxonomy.EventTypes(), ", "))
}

func subType(s string) (typ, sub string, ok bool) {
	for _, t := range taxonomy.EventTypes() {
		for _, st := range taxonomy.SubEventTypes(t) {
			if strings.EqualFold(st, s) {
				return t, st, true
			}
		}
	}
	return "", "", false
}

var isoCode = regexp.MustCompile(`^[A-Za-z]{2}$`)

// commonNames are the names people type for countries that are neither
// their codes nor names the gazetteer knows them by.
var commonNames = map[string]string{
	"uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
	"usa": "US", "u.s.": "US", "u.s.a.": "US", "america": "US",
	"uae": "AE", "drc": "CD", "dr congo": "CD", "turkey": "TR",
}

// Country resolves an ISO alpha-2 code or a country's name, alias or
// demonym to its code; "" stays "".
func (r *Resolver) Country(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if code, ok := commonNames[strings.ToLower(s)]; ok {
		return code, nil
	}
	// Two letters are a code, taken as given: a code no event has finds
	// nothing, and the gazetteer is not loaded for it.
	if isoCode.MatchString(s) {
		return strings.ToUpper(s), nil
	}
	if err := r.loadPlaces(); err != nil {
		return s, err
	}
	if p, ok := r.places.CountryOf(s); ok {
		return p.CountryCode, nil
	}
	return s, invalidf("country %q is neither an ISO code nor a country's name", s)
}

// Admin1 returns the gazetteer's name of the first-level division s
// names, in the country with ISO code country if it is not "": typed
// without its accents ("Tillaberi Region") or by another of its names.
// A name of no division is kept as typed, to match as the store matches.
func (r *Resolver) Admin1(s, country string) string {
	s = strings.TrimSpace(s)
	if s == "" || r.loadPlaces() != nil {
		return s
	}
	other := ""
	for _, p := range r.places.Lookup(s) {
		if p.Kind != gazetteer.Admin1 || (country != "" && p.CountryCode != country) {
			continue
		}
		// A division of that very name comes before one that has it
		// as another name.
		if text.Fold(p.Name) == text.Fold(s) {
			return p.Name
		}
		if other == "" {
			other = p.Name
		}
	}
	if other != "" {
		return other
	}
	return s
}

// CountryName returns the name of the country with an ISO alpha-2 code,
// or the code when it names none.
func (r *Resolver) CountryName(code string) string {
	if r.loadPlaces() != nil {
		return code
	}
	if p, ok := r.places.Country(code); ok {
		return p.Name
	}
	return code
}

// period is the "(2022-)" that tells apart an actor's names in its
// successive roles.
var period = regexp.MustCompile(`\s*\(\d{4}-(\d{4})?\)$`)

// Actor returns the canonical name of the actor s names by a name or an
// alias, without the period of its role, so that the match finds every
// period; text that names no actor is kept, to match as a substring.
func (r *Resolver) Actor(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || r.loadActors() != nil {
		return s
	}
	if a, ok := r.actors.Lookup(s, time.Time{}); ok {
		return period.ReplaceAllString(a.Name, "")
	}
	return s
}

// ActorInfo returns the actor a name or an alias denotes.
func (r *Resolver) ActorInfo(s string) (actor.Actor, bool) {
	if r.loadActors() != nil {
		return actor.Actor{}, false
	}
	a, ok := r.actors.Lookup(strings.TrimSpace(s), time.Time{})
	if !ok {
		return actor.Actor{}, false
	}
	return *a, true
}

// Suggestion is an actor the suggestions offer: its canonical name and
// the alias that matched, if it was not the name.
type Suggestion struct {
	Name  string `json:"name"`
	Alias string `json:"alias,omitempty"`
}

// Actors suggests at most limit actors whose name or an alias contains
// prefix as the start of a word, names before aliases.
func (r *Resolver) Actors(prefix string, limit int) []Suggestion {
	p := strings.ToLower(strings.TrimSpace(prefix))
	if p == "" || r.loadActors() != nil {
		return nil
	}
	var names, aliases []Suggestion
	seen := map[string]bool{}
	for _, a := range r.actors.Actors() {
		name := period.ReplaceAllString(a.Name, "")
		if seen[name] {
			continue
		}
		if wordPrefix(strings.ToLower(name), p) {
			seen[name] = true
			names = append(names, Suggestion{Name: name})
			continue
		}
		for _, al := range a.Aliases {
			if wordPrefix(strings.ToLower(al), p) {
				seen[name] = true
				aliases = append(aliases, Suggestion{Name: name, Alias: al})
				break
			}
		}
	}
	out := append(names, aliases...)
	return out[:min(limit, len(out))]
}

// wordPrefix reports whether p starts s or one of its words.
func wordPrefix(s, p string) bool {
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], p) {
			return true
		}
		j := strings.IndexAny(s[i:], " -(/")
		if j < 0 {
			return false
		}
		i += j + 1
	}
	return false
}
