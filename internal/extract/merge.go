package extract

import (
	"strings"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/geo"
)

// cluster is one event: the mentions of an article that report it.
type cluster struct {
	ms []*mention
}

// first returns the mention that opened the cluster.
func (c *cluster) first() *mention { return c.ms[0] }

// merge groups mentions that report the same event: same type, days that
// agree, compatible places and actors. A mention with neither time nor
// place of its own joins the latest event of its type.
func (a *analysis) merge(ms []*mention) []*cluster {
	var out []*cluster
	for _, m := range ms {
		if c := protestFor(out, m); c != nil {
			// Arrests at a protest are part of the protest, as ACLED
			// codes them.
			c.ms = append(c.ms, m)
			continue
		}
		if c := a.retold(out, m); c != nil {
			c.ms = append(c.ms, m)
			continue
		}
		var target *cluster
		for i := len(out) - 1; i >= 0; i-- {
			if a.compatible(out[i], m) {
				target = out[i]
				break
			}
		}
		if target == nil {
			out = append(out, &cluster{ms: []*mention{m}})
			continue
		}
		target.ms = append(target.ms, m)
	}
	return out
}

// protestFor returns the protest or riot that an arrest mention took place
// at: same days, same place.
func protestFor(cs []*cluster, m *mention) *cluster {
	if m.sub != "Arrests" {
		return nil
	}
	for _, c := range cs {
		f := c.first()
		if (f.typ == Protests || f.typ == Riots) && f.when.Overlaps(m.when) && samePlace(clusterPlace(c), m.place) {
			return c
		}
	}
	return nil
}

// compatible reports whether m can report the same event as c.
func (a *analysis) compatible(c *cluster, m *mention) bool {
	f := c.first()
	if f.typ != m.typ || (f.typ == "" && f.plover != m.plover) {
		return false
	}
	if a.stories[f.sent] && m.sent == f.sent+1 {
		// A bulletin story's headline and its first sentence tell one
		// event, named more loosely in the headline.
		return true
	}
	if f.typ == Explosions && f.sub != m.sub && m.trig.Class == "" && f.trig.Class == "" && (m.ownTime || m.ownPlace) {
		// A drone strike and a shelling the same day are two events.
		return false
	}
	if !m.ownTime && !m.ownPlace {
		return actorsAgree(c, m)
	}
	// Days: they must overlap, and two explicit times must nest: "in
	// recent days" holds "overnight", but "the following day" is another
	// day than "overnight".
	for _, o := range c.ms {
		if !o.when.Overlaps(m.when) {
			return false
		}
		if o.ownTime && m.ownTime && !nested(o, m) {
			return false
		}
	}
	// Places: the same, or one holds the other when either is inherited
	// or is only a country (which names no place an event happens at).
	for _, o := range c.ms {
		if o.ownPlace && m.ownPlace && !samePlace(o.place, m.place) && !(countryOnly(o.place) || countryOnly(m.place)) {
			return false
		}
	}
	if !placesAgree(clusterPlace(c), m.place) {
		return false
	}
	if f.typ == Explosions && f.sub == m.sub && sameDoer(c, m) && samePlace(clusterPlace(c), m.place) && !countryOnly(m.place) {
		// "The US missile strike on the airbase killed four children"
		// and "the United States launched 59 missiles at the airfield":
		// one strike, whoever each report counts among its victims.
		return true
	}
	return actorsAgree(c, m)
}

// sameDoer reports whether m names as its doer an actor that c names as
// its doer.
func sameDoer(c *cluster, m *mention) bool {
	if m.actor1 == nil || m.actor1.Actor == nil {
		return false
	}
	for _, o := range c.ms {
		if o.actor1 != nil && o.actor1.Actor == m.actor1.Actor {
			return true
		}
	}
	return false
}

func nested(a, b *mention) bool {
	x, y := a.when, b.when
	return (!x.Start.After(y.Start) && !x.End.Before(y.End)) || (!y.Start.After(x.Start) && !y.End.Before(x.End))
}

// clusterPlace is the most precise own place of a cluster.
func clusterPlace(c *cluster) *gazetteer.Resolved {
	var best *gazetteer.Resolved
	for _, m := range c.ms {
		if m.place == nil {
			continue
		}
		if best == nil || (m.ownPlace && precision(m.place) < precision(best)) {
			best = m.place
		}
	}
	return best
}

func samePlace(p, q *gazetteer.Resolved) bool {
	if p == nil || q == nil {
		return true
	}
	if p.Unlocated || q.Unlocated {
		// Two villages placed at the seat of their province are two
		// places.
		return strings.EqualFold(p.Place.Name, q.Place.Name)
	}
	if p.Place.ID == q.Place.ID {
		return true
	}
	return geo.DistanceKm(p.Place.Lat, p.Place.Lon, q.Place.Lat, q.Place.Lon) < 10
}

// countryOnly reports whether p is a whole country.
func countryOnly(p *gazetteer.Resolved) bool { return p != nil && p.Place.Kind == gazetteer.Country }

// placesAgree reports whether q is p, lies within it, or holds it.
func placesAgree(p, q *gazetteer.Resolved) bool {
	if p == nil || q == nil || samePlace(p, q) {
		return true
	}
	if p.Place.CountryCode != q.Place.CountryCode {
		return p.Place.Kind == gazetteer.Area || q.Place.Kind == gazetteer.Area
	}
	holds := func(big, small gazetteer.Place) bool {
		switch big.Kind {
		case gazetteer.Country, gazetteer.Area:
			return true
		case gazetteer.Admin1:
			return small.Admin1 == big.Name || small.Admin1 == big.Admin1
		}
		return false
	}
	return holds(p.Place, q.Place) || holds(q.Place, p.Place)
}

// actorsAgree reports whether m's actors fit c's: no named side of m is
// missing from c when c names both its sides.
func actorsAgree(c *cluster, m *mention) bool {
	names := map[string]bool{}
	n := 0
	for _, o := range c.ms {
		for _, r := range []*role{o.actor1, o.actor2} {
			if r != nil && !names[r.name()] {
				names[r.name()] = true
				n++
			}
		}
	}
	if n < 2 {
		return true
	}
	for _, r := range []*role{m.actor1, m.actor2} {
		// Civilians and forces named without their country
		// ("militants", "soldiers") do not tell two clashes apart.
		if r != nil && !names[r.name()] && r.Actor != nil && r.Actor.Inter != 7 && r.Bare == "" {
			return false
		}
	}
	return true
}

// retold returns the violent event that m tells again, when m is an
// attack or killing that no weapon word typed ("the attack came days
// after", "Tuesday's attack struck the headquarters"): the last violent
// event before it, if days, places and actors agree. Its own type would
// otherwise make it a second event, an armed clash, beside the bombing
// it refers to.
func (a *analysis) retold(cs []*cluster, m *mention) *cluster {
	if a.anaphoric(m) {
		// "The attack was the second ...", "Tuesday's bombing struck a
		// market": the event told before, named again.
		for i := len(cs) - 1; i >= 0; i-- {
			c := cs[i]
			if violent(event.Str(c.first().typ)) {
				if (c.first().when.Overlaps(m.when) || !m.ownTime) && (!m.ownPlace || placesAgree(clusterPlace(c), m.place)) {
					return c
				}
				return nil
			}
		}
		return nil
	}
	if m.trig.Class != "attack" || m.trig.Mode != "firearms" {
		return nil
	}
	for i := len(cs) - 1; i >= 0; i-- {
		c := cs[i]
		f := c.first()
		if f.typ != Battles && f.typ != Explosions && f.typ != VAC {
			continue
		}
		if f.typ == m.typ && f.sub == m.sub {
			return nil // the usual rules decide between events of one type
		}
		if f.when.Overlaps(m.when) && placesAgree(clusterPlace(c), m.place) && actorsAgree(c, m) {
			return c
		}
		return nil
	}
	return nil
}

// anaphoricNouns are the nouns that name an event told before when a
// determiner points back to it.
var anaphoricNouns = map[string]bool{
	"attack": true, "attacks": true, "bombing": true, "bombings": true, "blast": true, "explosion": true,
	"strike": true, "strikes": true, "airstrike": true, "airstrikes": true, "raid": true, "raids": true,
	"assault": true, "massacre": true, "shelling": true, "bombardment": true,
}

// anaphoricBefore are the words before such a noun that point back:
// "the attack", "this bombing", "Tuesday's strike".
var anaphoricBefore = map[string]bool{
	"the": true, "this": true, "that": true, "these": true, "those": true, "its": true,
	"monday's": true, "tuesday's": true, "wednesday's": true, "thursday's": true, "friday's": true,
	"saturday's": true, "sunday's": true, "yesterday's": true, "today's": true,
}

// anaphoric reports whether m's trigger names, with a determiner before
// it, the event told before: "the attack", "Tuesday's bombing". Such a
// mention opens no event of its own.
func (a *analysis) anaphoric(m *mention) bool {
	w := strings.ToLower(a.text[m.trig.Start:m.trig.End])
	if !anaphoricNouns[w] {
		return false
	}
	before := strings.Fields(a.text[max(0, m.trig.Start-24):m.trig.Start])
	if len(before) == 0 {
		return false
	}
	prev := strings.ToLower(strings.ReplaceAll(before[len(before)-1], "’", "'"))
	return anaphoricBefore[prev]
}
