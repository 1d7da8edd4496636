package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/taxonomy"
	"github.com/sitrep/sitrep/internal/text"
)

// build writes the event a cluster reports.
func (a *analysis) build(c *cluster) event.Event {
	f := c.first()
	ev := event.Event{
		Plover:     f.plover,
		PloverMode: f.mode,
		Span:       f.span,
		// Most events cite eight spans or fewer: one allocation, not four.
		Evidence: make([]event.Evidence, 0, 8),
	}
	evidence := func(field string, s event.Span) {
		if s.Valid(len(a.text)) {
			ev.Evidence = append(ev.Evidence, event.Evidence{Field: field, Span: s, Text: a.text[s.Start:s.End]})
		}
	}
	// because names the rule behind a field, when reasons were asked for.
	because := func(field, rule string) {
		if a.explain && rule != "" {
			ev.Reasons = append(ev.Reasons, event.Reason{Field: field, Rule: rule})
		}
	}
	if f.typ != "" {
		ev.EventType, ev.SubEventType = event.Str(f.typ), event.Str(f.sub)
	}
	evidence("event_type", f.trig.Span)
	because("event_type", f.reason("event_type"))

	// Actors: the first mention that names each role; mentions that only
	// refer back to the event ("the strikes came two weeks after ...")
	// fill a role last.
	ordered := make([]*mention, 0, len(c.ms))
	for _, m := range c.ms {
		if m.ownTime || m.ownPlace || len(m.claims) > 0 {
			ordered = append(ordered, m)
		}
	}
	for _, m := range c.ms {
		if !(m.ownTime || m.ownPlace || len(m.claims) > 0) {
			ordered = append(ordered, m)
		}
	}
	var a1, a2, s1, s2 *role
	var a1From, a2From *mention
	for _, m := range ordered {
		if a1 == nil && m.actor1 != nil {
			a1, a1From = m.actor1, m
		}
		if s1 == nil && m.assoc1 != nil {
			s1 = m.assoc1
		}
	}
	for _, m := range ordered {
		if a2 == nil && m.actor2 != nil && m.actor2.name() != a1.name() {
			a2, a2From = m.actor2, m
		}
		if s2 == nil && m.assoc2 != nil {
			s2 = m.assoc2
		}
	}
	if f.sub == taxonomy.AirDroneStrike && (a1 == nil || a1.Bare == actor.Unidentified) {
		if r := a.airForce(c, a1); r != a1 {
			a1, a1From = r, nil
			because("actor1", "an air strike with no air force named: the forces of the country struck")
		}
	}
	if a2 == nil {
		if a2 = a.strikeTarget(c, a1); a2 != nil {
			because("actor2", "remote violence on a town or village acts on its civilians")
		}
	}
	if a1 != nil {
		ev.Actor1, ev.Inter1, ev.Actor1Aliases = a.describe(a1, c)
		evidence("actor1", a1.Span)
		if a1From != nil {
			because("actor1", roleReason(a1From, "actor1", "the doer its sentence names"))
		}
	}
	if a2 != nil {
		ev.Actor2, ev.Inter2, ev.Actor2Aliases = a.describe(a2, c)
		evidence("actor2", a2.Span)
		if a2From != nil {
			because("actor2", roleReason(a2From, "actor2", "the side acted on its sentence names"))
		}
	}
	if s1 != nil && s1.name() != ev.Actor1 {
		ev.AssocActor1 = s1.name()
		evidence("assoc_actor_1", s1.Span)
	}
	if s2 != nil && s2.name() != ev.Actor2 {
		ev.AssocActor2 = s2.name()
		evidence("assoc_actor_2", s2.Span)
	}
	ev.Interaction = interaction(ev.Inter1, ev.Inter2)

	// Place: the most precise place a mention names itself.
	var placeFrom *mention
	for _, m := range c.ms {
		if m.place == nil {
			continue
		}
		if placeFrom == nil || (m.ownPlace && (!placeFrom.ownPlace || precision(m.place) < precision(placeFrom.place))) {
			placeFrom = m
		}
	}
	if placeFrom != nil {
		p := placeFrom.place
		ev.ISO, ev.Country = p.Place.CountryCode, p.Place.Country
		ev.Admin1, ev.Admin2 = p.Place.Admin1, p.Place.Admin2
		ev.Location = p.Place.Name
		lat, lon := p.Place.Lat, p.Place.Lon
		ev.Latitude, ev.Longitude = &lat, &lon
		ev.GeoPrecision = p.Precision
		if ev.GeoPrecision == 0 {
			ev.GeoPrecision = p.Place.Precision()
		}
		if p.End > p.Start {
			evidence("location", event.Span{Start: p.Start, End: p.End})
		}
		because("location", placeFrom.reason("location"))
	}

	// Date: the narrowest explicit time, else the inherited one.
	when, whenFrom := f.when, (*mention)(nil)
	for _, m := range c.ms {
		if m.ownTime && (whenFrom == nil || m.when.Days() < when.Days()) {
			when, whenFrom = m.when, m
		}
	}
	if !when.IsZero() {
		// A day's range formats one string for all three: the same
		// time.Time value formats the same.
		ev.DateStart = event.Date(day(when.Start))
		if ev.DateEnd = ev.DateStart; when.End != when.Start {
			ev.DateEnd = event.Date(day(when.End))
		}
		if ev.EventDate = ev.DateStart; when.Mid() != when.Start {
			ev.EventDate = event.Date(day(when.Mid()))
		}
		ev.TimePrecision = when.Precision()
	}
	if whenFrom != nil && whenFrom.whenExpr != nil {
		evidence("date", whenFrom.whenExpr.Span)
	}
	if whenFrom == nil {
		whenFrom = f
	}
	because("date", whenFrom.reason("date"))

	a.tally(&ev, c, evidence, because)
	for _, m := range c.ms[1:] {
		if m.trig.Span != f.trig.Span {
			evidence("mention", m.span)
			because("mention", "told again: the same type, days, place and sides")
		}
	}
	ev.Notes = notes(ev)
	ev.ID = eventID(a.doc.ID, ev)
	return ev
}

// describe returns an actor's name, inter code and aliases, the words the
// article used for it first among them.
func (a *analysis) describe(r *role, c *cluster) (string, int, []string) {
	var aliases []string
	for _, m := range c.ms {
		for _, o := range []*role{m.actor1, m.actor2} {
			if o != nil && o.name() == r.name() {
				aliases = addAlias(aliases, o.Text, r.name(), len(aliases))
			}
		}
	}
	if r.Actor == nil {
		return r.Name, 0, aliases
	}
	// The dictionary's aliases differ from each other already (see
	// actor.Dictionary): each needs comparing only with the article's.
	// Only those the article itself uses are kept: a list of every name
	// the dictionary knows says nothing of this report.
	written := len(aliases)
	for _, al := range a.usedAliases(r.Actor) {
		aliases = addAlias(aliases, al, r.name(), written)
	}
	return r.Actor.Name, r.Actor.Inter, aliases
}

// addAlias appends s to aliases unless it is empty, is the actor's name,
// or differs only in case from one of the first n aliases.
func addAlias(aliases []string, s, name string, n int) []string {
	s = strings.TrimSpace(s)
	if s == "" || s == name || slices.ContainsFunc(aliases[:n], func(have string) bool { return strings.EqualFold(have, s) }) {
		return aliases
	}
	return append(aliases, s)
}

// interaction is ACLED's two-digit code, lower inter first; a sole actor
// gives its code times ten.
func interaction(i1, i2 int) int {
	if i1 == 0 {
		i1, i2 = i2, 0
	}
	if i2 == 0 {
		return i1 * 10
	}
	if i2 < i1 {
		i1, i2 = i2, i1
	}
	return i1*10 + i2
}

// tally sets fatalities, injuries and claims by ACLED's rule: for each
// group of people counted, the lowest figure any source gives; the groups
// summed; disagreeing figures flag the event as contested.
func (a *analysis) tally(ev *event.Event, c *cluster, evidence func(string, event.Span), because func(field, rule string)) {
	type fig struct {
		min, max int
		span     event.Span
		source   string
	}
	// The groups of people counted, in the order first told, and the
	// claims read: few an event, searched in full rather than hashed.
	var groups []*fig
	var order []string
	var injured *fig
	type seenKey struct {
		kind         string
		value, start int
	}
	var seen []seenKey
	whole := false // a toll told, of which counts of part of the dead are parts
	for _, m := range c.ms {
		for _, cl := range m.claims {
			whole = whole || cl.kind == "killed" && !cl.part
		}
	}
	for _, m := range c.ms {
		for _, cl := range m.claims {
			if cl.part && whole {
				continue
			}
			key := seenKey{cl.kind, cl.q.Value, cl.q.Start}
			if slices.Contains(seen, key) {
				continue
			}
			seen = append(seen, key)
			ev.Claims = append(ev.Claims, a.claimOf(cl))
			field := "claims[" + strconv.Itoa(len(ev.Claims)-1) + "]"
			evidence(field, cl.span)
			if cl.source != nil {
				because(field, cl.source.Rule)
			}
			if cl.kind != "killed" {
				continue
			}
			k := slices.Index(order, cl.group)
			if k < 0 {
				groups = append(groups, &fig{min: cl.q.Value, max: cl.q.Value, span: cl.q.Span, source: sourceName(cl)})
				order = append(order, cl.group)
				continue
			}
			g := groups[k]
			if cl.q.Value < g.min {
				g.min, g.span, g.source = cl.q.Value, cl.q.Span, sourceName(cl)
			}
			g.max = max(g.max, cl.q.Value)
		}
		for _, cl := range m.injured {
			key := seenKey{cl.kind, cl.q.Value, cl.q.Start}
			if slices.Contains(seen, key) {
				continue
			}
			seen = append(seen, key)
			ev.Claims = append(ev.Claims, a.claimOf(cl))
			field := "claims[" + strconv.Itoa(len(ev.Claims)-1) + "]"
			evidence(field, cl.span)
			if cl.source != nil {
				because(field, cl.source.Rule)
			}
			if injured == nil || cl.q.Value < injured.min {
				injured = &fig{min: cl.q.Value, span: cl.q.Span}
			}
		}
	}
	if len(groups) > 0 && ev.EventType != nil {
		// Only ACLED-coded events carry fatalities; an accusation's
		// figures are the accused event's.
		known, unknown := 0, -1
		var bySource []sourceToll
		for i, k := range order {
			g := groups[i]
			if g.min != g.max {
				ev.Contested = true
			}
			if k == "" {
				unknown = g.min
				continue
			}
			bySource = addToll(bySource, g.source, g.min)
			evidence("fatalities", g.span)
		}
		// Tolls of several groups add up when one source gives them
		// ("five soldiers and three civilians"); different sources'
		// counts of different groups are estimates of one toll, of which
		// ACLED keeps the most conservative.
		for i, t := range bySource {
			if i == 0 || t.n < known {
				known = t.n
			}
		}
		if unknown >= 0 {
			evidence("fatalities", groups[slices.Index(order, "")].span)
		}
		// Most conservative: a total from one source and a sum by
		// groups from others are two estimates of one toll.
		total := known
		switch {
		case unknown >= 0 && len(order) == 1:
			total = unknown
		case unknown >= 0 && known > 0:
			total = min(known, unknown)
		case unknown >= 0:
			total = unknown
		}
		ev.Fatalities = &total
		switch {
		case len(bySource) > 1 || unknown >= 0 && len(order) > 1:
			because("fatalities", "the most conservative total the sources give (ACLED)")
		case len(order) > 1:
			because("fatalities", "one source's counts of different groups, added")
		default:
			because("fatalities", "the toll told")
		}
	}
	if len(groups) == 0 && injured != nil && violent(ev.EventType) {
		// Only the wounded are counted: ACLED records no deaths as 0,
		// not as unknown.
		zero := 0
		ev.Fatalities = &zero
		evidence("fatalities", injured.span)
		because("fatalities", "only the wounded are counted: no deaths, 0 (ACLED)")
	}
	if injured != nil {
		n := injured.min
		ev.Injured = &n
		evidence("injured", injured.span)
	}
	if ev.Claims == nil {
		ev.Claims = []event.Claim{}
	}
}

func (a *analysis) claimOf(cl claim) event.Claim {
	out := event.Claim{
		Kind:      cl.kind,
		Count:     cl.q.Value,
		Qualifier: cl.q.Qualifier,
		Of:        cl.of,
		Hedge:     cl.hedge,
		Span:      cl.span,
	}
	if cl.source != nil {
		out.Source = sourceName(cl)
		if cl.source.Actor != nil {
			out.SourceActor = cl.source.Actor.Name
		}
	}
	return out
}

// day is t.Format(time.DateOnly), written out for the years of four
// digits: Format reads its layout afresh at each call, and each event
// formats three dates.
func day(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(time.DateOnly)
	}
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10),
	}
	return string(b[:])
}

// notes writes an ACLED-style one-line summary.
func notes(ev event.Event) string {
	// Written piece by piece: fmt's formatting cost a tenth of building
	// an event.
	var b strings.Builder
	b.Grow(200) // most notes fit
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	if ev.EventDate == "" {
		w("On an unknown date")
	} else {
		w("On ", string(ev.EventDate))
	}
	if ev.TimePrecision > 1 {
		w(" (between ", string(ev.DateStart), " and ", string(ev.DateEnd), ")")
	}
	w(", ")
	if ev.Actor1 != "" {
		w(ev.Actor1)
	} else {
		w("unknown actors")
	}
	what := ev.Plover
	if ev.SubEventType != nil {
		what = strings.ToLower(*ev.SubEventType)
	}
	w(": ", what)
	if ev.Actor2 != "" {
		w(" involving ", ev.Actor2)
	}
	if ev.Location != "" {
		w(" in ", ev.Location)
		if ev.Country != "" && ev.Country != ev.Location {
			w(", ", ev.Country)
		}
	}
	w(".")
	if ev.Fatalities != nil {
		w(" Fatalities: ", strconv.Itoa(*ev.Fatalities))
		if ev.Contested {
			w(" (contested: ")
			sep := ""
			for _, c := range ev.Claims {
				if c.Kind == "killed" {
					src := c.Source
					if src == "" {
						src = "unattributed"
					}
					w(sep, strconv.Itoa(c.Count), " per ", src)
					sep = "; "
				}
			}
			w(")")
		}
		w(".")
	}
	return b.String()
}

// eventID is stable for the same document and event.
func eventID(docID string, ev event.Event) string {
	typ := ev.Plover
	if ev.EventType != nil {
		typ = *ev.EventType + "/" + *ev.SubEventType
	}
	// The fields joined by NULs, on the stack where they fit.
	var buf [512]byte
	key := buf[:0]
	for i, part := range [...]string{docID, typ, string(ev.DateStart), string(ev.DateEnd), ev.Location, ev.Actor1, ev.Actor2} {
		if i > 0 {
			key = append(key, 0)
		}
		key = append(key, part...)
	}
	key = strconv.AppendInt(append(key, 0), int64(ev.Span.Start), 10)
	h := sha256.Sum256(key)
	return hex.EncodeToString(h[:8])
}

// usedAliases returns the aliases of ac the article's text holds as
// whole words, in any case. Each actor is looked up once: every event
// of an article asks again of the same few.
func (a *analysis) usedAliases(ac *actor.Actor) []string {
	if used, ok := a.aliases[ac]; ok {
		return used
	}
	used := a.words.Written(a.x.aliasSet(ac))
	if a.aliases == nil {
		a.aliases = map[*actor.Actor][]string{}
	}
	a.aliases[ac] = used
	return used
}

// aliasSet returns ac's aliases as a text.Set, made at the first article
// that names ac and kept for the next.
func (x *Extractor) aliasSet(ac *actor.Actor) *text.Set {
	if v, ok := x.aliases.Load(ac); ok {
		return v.(*text.Set)
	}
	v, _ := x.aliases.LoadOrStore(ac, text.NewSet(ac.Aliases))
	return v.(*text.Set)
}

// violent reports whether an ACLED event type is one of organised or mob
// violence, whose fatalities field is a number.
func violent(typ *string) bool {
	if typ == nil {
		return false
	}
	switch *typ {
	case taxonomy.Battles, taxonomy.Explosions, taxonomy.ViolenceAgainstCivilians, taxonomy.Riots:
		return true
	}
	return false
}

// strikeTarget is the side an air strike, a shelling or a gas attack acts on
// when the article names no armed target: the people of the place struck.
// ACLED codes remote violence on towns and neighbourhoods against
// civilians; a named armed side ("strikes on IS positions") is found
// before this is asked.
func (a *analysis) strikeTarget(c *cluster, a1 *role) *role {
	f := c.first()
	switch f.sub {
	case taxonomy.AirDroneStrike, taxonomy.Shelling, taxonomy.ChemicalWeapon:
	default:
		return nil
	}
	if armedVictims(c) {
		// "jets struck militant hideouts, killing 14 fighters": those
		// struck were armed men, no one's civilians.
		return nil
	}
	act, ok := a.x.actors.ForCountry(a.clusterCountry(c), actor.Civilians, a.pub)
	if !ok || a1.name() == act.Name {
		return nil
	}
	return &role{Span: f.trig.Span, Text: f.trig.Text, Actor: act}
}

// armedVictims reports whether the people cluster c counts killed or
// wounded are all named, and all armed men.
func armedVictims(c *cluster) bool {
	return allHarmed(c.ms, func(of string) bool {
		return of != "" && forceRE.MatchString(of) && !civilianRE.MatchString(of)
	})
}

// sourceName is who a claim is attributed to, as the article names it
// or as the dictionary does; "" when no one.
func sourceName(cl claim) string {
	if cl.source == nil {
		return ""
	}
	if cl.source.Name != "" {
		return cl.source.Name
	}
	return cl.source.Text
}

// sourceToll is the deaths one source counts over the groups it names.
type sourceToll struct {
	words  []string
	n      int
	counts []int
}

// addToll adds n to the toll of the source named name, which is the same
// source as one named before when the words of one hold the other's ("the
// ministry" and "the defence ministry", "the Observatory" and "the Syrian
// Observatory for Human Rights").
func addToll(ts []sourceToll, name string, n int) []sourceToll {
	words := strings.Fields(strings.ToLower(name))
	for i, t := range ts {
		if len(words) == len(t.words) && len(words) == 0 ||
			len(words) > 0 && len(t.words) > 0 && (holdsWords(t.words, words) || holdsWords(words, t.words)) {
			if slices.Contains(t.counts, n) {
				// "50 Qaeda fighters" and then "the 50 fighters": one
				// count told twice under two names.
				return ts
			}
			ts[i].n += n
			ts[i].counts = append(ts[i].counts, n)
			return ts
		}
	}
	return append(ts, sourceToll{words: words, n: n, counts: []int{n}})
}

// holdsWords reports whether every word of part is in whole.
func holdsWords(whole, part []string) bool {
	for _, w := range part {
		if !slices.Contains(whole, w) {
			return false
		}
	}
	return true
}

// airForce is who carried out an air strike whose article names no air
// force: the military of the country struck, which flies most of the
// sorties over its own ground; unidentified gunmen fly none. r is kept
// where the country has no military in the dictionary.
func (a *analysis) airForce(c *cluster, r *role) *role {
	f := c.first()
	act, ok := a.x.actors.ForCountry(a.clusterCountry(c), actor.Military, a.pub)
	if !ok {
		return r
	}
	return &role{Span: f.trig.Span, Text: f.trig.Text, Actor: act}
}

// clusterCountry is the country of the place the event is coded at, else
// the article's.
func (a *analysis) clusterCountry(c *cluster) string {
	if p := clusterPlace(c); p != nil && p.Place.CountryCode != "" {
		return p.Place.CountryCode
	}
	return a.country
}

// precision is how precisely p places an event, ACLED's geo-precision:
// what the text says of it ("near", "province"), else what p is.
func precision(p *gazetteer.Resolved) int {
	if p.Precision != 0 {
		return p.Precision
	}
	return p.Place.Precision()
}

// roleReason is the rule that gave m's role field its actor, or plain when
// its sentence named it where the field's role is told.
func roleReason(m *mention, field, plain string) string {
	if r := m.reason(field); r != "" {
		return r
	}
	return plain
}
