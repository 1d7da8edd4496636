package server

import (
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/internal/store"
)

// Profiles read at most profileScan of an actor's or a country's events
// to rank counterparts, so that a page costs the same on any record, and
// list profileEvents of them.
const (
	profileScan   = 2000
	profileEvents = 50
	topN          = 12
)

// ranked is an actor and the events and fatalities it shares with the
// page's subject.
type ranked struct {
	Name       string
	Events     int
	Fatalities int
}

// actorPage shows one actor: its events, their trend and the actors it
// most often meets.
func (s *Server) actorPage(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	f, err := s.filter(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	f.Actor = s.resolve.Actor(name)
	facts := []string{}
	if a, ok := s.resolve.ActorInfo(name); ok {
		if a.Inter > 0 {
			facts = append(facts, interName(a.Inter))
		}
		if a.Country != "" {
			facts = append(facts, s.resolve.CountryName(a.Country))
		}
		if len(a.Aliases) > 0 {
			facts = append(facts, "also "+strings.Join(a.Aliases[:min(4, len(a.Aliases))], ", "))
		}
	}
	s.profile(w, r, f, f.Actor, facts, func(e store.Event, add func(string, *int)) {
		self := strings.ToLower(f.Actor)
		for _, a := range []string{e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2} {
			if a != "" && !strings.Contains(strings.ToLower(a), self) {
				add(a, e.Fatalities)
			}
		}
	}, "Top counterparts", "Actor")
}

// countryPage shows one country: its events, their trend and the actors
// most often in them.
func (s *Server) countryPage(w http.ResponseWriter, r *http.Request) {
	f, err := s.filter(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	code, err := s.resolve.Country(r.PathValue("code"))
	if err != nil {
		s.fail(w, r, http.StatusNotFound, err)
		return
	}
	f.Country = code
	s.profile(w, r, f, s.resolve.CountryName(code), []string{code}, func(e store.Event, add func(string, *int)) {
		for _, a := range []string{e.Actor1, e.Actor2} {
			if a != "" {
				add(a, e.Fatalities)
			}
		}
	}, "Most active actors", "Actor")
}

// profile renders a page about the events f passes; count ranks the
// actors of each event.
func (s *Server) profile(w http.ResponseWriter, r *http.Request, f store.Filter, title string, facts []string,
	count func(store.Event, func(string, *int)), counterTitle, counterHead string) {
	ctx := r.Context()
	byType, err := s.store.Aggregate(ctx, f, store.ByType)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	scan := f
	scan.Limit = profileScan
	p, err := s.store.Page(ctx, scan)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	tally := map[string]*ranked{}
	for _, e := range p.Events {
		count(e, func(name string, killed *int) {
			t := tally[name]
			if t == nil {
				t = &ranked{Name: name}
				tally[name] = t
			}
			t.Events++
			if killed != nil {
				t.Fatalities += *killed
			}
		})
	}
	var top []ranked
	for _, t := range tally {
		top = append(top, *t)
	}
	slices.SortFunc(top, func(a, b ranked) int {
		return cmp.Or(b.Events-a.Events, b.Fatalities-a.Fatalities, strings.Compare(a.Name, b.Name))
	})
	note := ""
	if p.Total > len(p.Events) {
		note = fmt.Sprintf("in %d of the %d events", len(p.Events), p.Total)
	}
	// The newest events, whatever order the store lists them in.
	latest := slices.Clone(p.Events)
	slices.SortStableFunc(latest, func(a, b store.Event) int { return cmp.Compare(b.DateStart, a.DateStart) })
	q := filterQuery(f)
	more := ""
	if p.Total > profileEvents {
		more = "/?" + q
	}
	dated := ""
	if f.From != "" || f.To != "" {
		dated = "from " + cmp.Or(f.From, "the first") + " to " + cmp.Or(f.To, "the last")
	}
	s.render(w, r, "profile.html", map[string]any{
		"Title": title, "Facts": facts, "Total": p.Total, "Dated": dated, "ByType": byType,
		"Counterparts": top[:min(topN, len(top))], "CounterTitle": counterTitle, "CounterHead": counterHead, "CounterNote": note,
		"Events": latest[:min(profileEvents, len(latest))], "More": more, "Query": template.URL(q), "Filters": q,
	})
}

// filterQuery writes a filter back as the query parameters that select it.
func filterQuery(f store.Filter) string {
	q := url.Values{}
	for k, v := range map[string]string{"from": f.From, "to": f.To, "country": f.Country, "type": f.EventType,
		"subtype": f.SubEventType, "actor": f.Actor, "admin1": f.Admin1, "q": f.Text} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if b := f.BBox; b != nil {
		q.Set("bbox", fmt.Sprintf("%g,%g,%g,%g", b[0], b[1], b[2], b[3]))
	}
	return q.Encode()
}
