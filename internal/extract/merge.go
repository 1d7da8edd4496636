package extract

import (
	"strings"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/merge"
	"github.com/sitrep/sitrep/internal/taxonomy"
)

// cluster is one event: the mentions of an article that report it.
type cluster struct {
	ms []*mention
	// rs are the mentions as the merge rules read them, rs[i] made from
	// ms[i] when it joined.
	rs []merge.Report
}

// first returns the mention that opened the cluster.
func (c *cluster) first() *mention { return c.ms[0] }

// add joins m, read as r, to c.
func (c *cluster) add(m *mention, r merge.Report) {
	c.ms = append(c.ms, m)
	c.rs = append(c.rs, r)
}

// merge groups mentions that report the same event, by the rules of
// package merge: same type, days that agree, compatible places and
// actors. A mention with neither time nor place of its own joins the
// latest event of its type.
func (a *analysis) merge(ms []*mention) []*cluster {
	var out []*cluster
	rs := reports(ms)
	for i, m := range ms {
		r := rs[i]
		if c := protestFor(out, r); c != nil {
			// Arrests at a protest are part of the protest, as ACLED
			// codes them.
			c.add(m, r)
			continue
		}
		if c := a.retold(out, m, r); c != nil {
			c.add(m, r)
			continue
		}
		var target *cluster
		for i := len(out) - 1; i >= 0; i-- {
			if a.compatible(out[i], m, r) {
				target = out[i]
				break
			}
		}
		if target == nil {
			out = append(out, &cluster{ms: []*mention{m}, rs: []merge.Report{r}})
			continue
		}
		target.add(m, r)
	}
	return out
}

// reports reads ms as the merge rules do. Their places and sides share
// one array each, so that reading an article's mentions costs three
// allocations, not two a mention.
func reports(ms []*mention) []merge.Report {
	rs := make([]merge.Report, len(ms))
	places := make([]merge.Place, len(ms))
	sides := make([]merge.Side, 2*len(ms))
	for i, m := range ms {
		r := &rs[i]
		*r = merge.Report{
			Type: m.typ, Sub: m.sub, Plover: m.plover, Class: string(m.trig.Class),
			Days: merge.Days{Start: m.when.Start, End: m.when.End}, OwnTime: m.ownTime,
			OwnPlace: m.ownPlace, Sides: sides[2*i : 2*i : 2*i+2],
		}
		if m.place != nil {
			places[i] = place(m.place)
			r.Place = &places[i]
		}
		if m.actor1 != nil && m.actor1.Actor != nil {
			r.Doer = m.actor1.Actor.Name
		}
		for _, o := range []*role{m.actor1, m.actor2} {
			if o != nil {
				// Civilians and forces named without their country
				// ("militants", "soldiers") do not tell two clashes
				// apart, nor do people the dictionary does not know.
				r.Sides = append(r.Sides, merge.Side{Name: o.name(), Vague: o.Actor == nil || o.Actor.Inter == 7 || o.Bare != ""})
			}
		}
	}
	return rs
}

// place reads p as the merge rules do.
func place(p *gazetteer.Resolved) merge.Place {
	kind := merge.Local
	switch p.Place.Kind {
	case gazetteer.Admin1:
		kind = merge.Admin1
	case gazetteer.Country:
		kind = merge.Country
	case gazetteer.Area:
		kind = merge.Area
	}
	return merge.Place{
		ID: p.Place.ID, Name: p.Place.Name, Kind: kind, Country: p.Place.CountryCode, Admin1: p.Place.Admin1,
		Lat: p.Place.Lat, Lon: p.Place.Lon, Precision: precision(p), Unlocated: p.Unlocated,
	}
}

// protestFor returns the protest or riot that an arrest mention took place
// at: same days, same place.
func protestFor(cs []*cluster, r merge.Report) *cluster {
	for _, c := range cs {
		if merge.AtProtest(c.rs, r) {
			return c
		}
	}
	return nil
}

// compatible reports whether m can report the same event as c.
func (a *analysis) compatible(c *cluster, m *mention, r merge.Report) bool {
	f := c.first()
	if !merge.SameType(c.rs[0], r) {
		return false
	}
	if a.stories[f.sent] && m.sent == f.sent+1 {
		// A bulletin story's headline and its first sentence tell one
		// event, named more loosely in the headline.
		return true
	}
	return merge.InArticle(c.rs, r)
}

// clusterPlace is the most precise own place of a cluster.
func clusterPlace(c *cluster) *gazetteer.Resolved {
	if i := merge.Placing(c.rs); i >= 0 {
		return c.ms[i].place
	}
	return nil
}

// retold returns the violent event that m tells again, when m is an
// attack or killing that no weapon word typed ("the attack came days
// after", "Tuesday's attack struck the headquarters"): the last violent
// event before it, if days, places and actors agree. Its own type would
// otherwise make it a second event, an armed clash, beside the bombing
// it refers to.
func (a *analysis) retold(cs []*cluster, m *mention, r merge.Report) *cluster {
	if a.anaphoric(m) {
		// "The attack was the second ...", "Tuesday's bombing struck a
		// market": the event told before, named again.
		for i := len(cs) - 1; i >= 0; i-- {
			c := cs[i]
			if violent(event.Str(c.first().typ)) {
				if merge.Recalls(c.rs, r) {
					return c
				}
				return nil
			}
		}
		return nil
	}
	if m.trig.Class != lexicon.Attack || m.trig.Mode != "firearms" {
		return nil
	}
	for i := len(cs) - 1; i >= 0; i-- {
		c := cs[i]
		f := c.first()
		if f.typ != taxonomy.Battles && f.typ != taxonomy.Explosions && f.typ != taxonomy.ViolenceAgainstCivilians {
			continue
		}
		if f.typ == m.typ && f.sub == m.sub {
			return nil // the usual rules decide between events of one type
		}
		if merge.Retells(c.rs, r) {
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
