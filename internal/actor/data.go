package actor

import (
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// countryData is one entry of data/countries.yaml.
type countryData struct {
	ISO  string `yaml:"iso"`
	Name string `yaml:"name"`
	// The is true for names ACLED writes with an article: "Military
	// Forces of the United States".
	The        bool         `yaml:"the"`
	Aliases    []string     `yaml:"aliases"`
	Demonyms   []string     `yaml:"demonyms"`
	Capital    string       `yaml:"capital"`
	Periods    []periodData `yaml:"periods"`
	Military   []string     `yaml:"military"`
	Police     []string     `yaml:"police"`
	Government []string     `yaml:"government"`
	// Ambiguous lists names of this country's actors that knowingly also
	// name another actor (see Dictionary.validate).
	Ambiguous []string `yaml:"ambiguous"`
}

type periodData struct {
	Label      string   `yaml:"label"`
	From       string   `yaml:"from"`
	To         string   `yaml:"to"`
	Military   []string `yaml:"military"`
	Police     []string `yaml:"police"`
	Government []string `yaml:"government"`
}

// groupData is one entry of data/groups.yaml.
type groupData struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Inter   int      `yaml:"inter"`
	Country string   `yaml:"country"`
	From    string   `yaml:"from"`
	To      string   `yaml:"to"`
	// Ambiguous lists aliases that knowingly also name another actor
	// valid at the same time; Lookup and Find then prefer the exact name,
	// then the actor listed first in the data.
	Ambiguous []string `yaml:"ambiguous"`
}

// personData is one entry of data/people.yaml.
type personData struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Role    string   `yaml:"role"`
	For     string   `yaml:"for"`
}

// forceNouns are what English news calls a state's armed forces after a
// demonym ("Pakistani soldiers").
var forceNouns = []string{"military", "army", "government forces", "government troops", "troops", "soldiers", "soldier", "forces", "security forces",
	"armed forces", "air force", "jets", "warplanes", "aircraft", "planes", "warships", "naval forces", "fighter jets", "drones", "artillery", "positions",
	"border posts", "posts", "border guards", "navy", "military forces", "troop", "servicemen", "paratroopers",
	"special forces", "defence forces", "defense forces", "military convoy", "army chief", "military spokesman",
	"army spokesman", "defence ministry", "defense ministry", "military officials", "commanders",
	"helicopters", "regime forces", "regime troops", "regime warplanes", "government warplanes", "government helicopters"}

var policeNouns = []string{"police", "police officers", "policemen", "police force", "riot police", "gendarmes", "police officer"}

var governmentNouns = []string{"government", "officials", "authorities", "foreign ministry", "interior ministry",
	"foreign minister", "interior minister", "president", "prime minister", "presidency", "cabinet", "state media",
	"leadership", "administration", "regime", "junta", "embassy", "delegation", "diplomats", "information minister"}

// titleNouns are titles of people who speak or act for an actor: they set
// Mention.Role on "Pakistani Foreign Minister" and join a title to the name
// that follows it ("spokesperson Zabiullah Mujahid").
var titleNouns = []string{"spokesperson", "spokesman", "spokeswoman", "chief spokesperson", "deputy spokesperson",
	"military spokesman", "army spokesman", "military spokesperson", "army spokesperson", "army chief", "chief of army staff",
	"foreign minister", "interior minister", "defence minister", "defense minister", "information minister",
	"prime minister", "president", "vice president", "minister", "leader", "supreme leader", "commander", "general",
	"field marshal", "chief", "chief adviser", "secretary of state", "defense secretary", "defence secretary",
	"foreign secretary", "ambassador", "envoy", "governor", "king", "emir"}

// bareNouns are forces and publics named without a country; callers
// resolve them with ForCountry.
var bareNouns = map[string]Kind{
	"soldiers": Military, "troops": Military, "the army": Military, "the military": Military,
	"security forces": Military, "armed forces": Military, "government forces": Military,
	"government troops": Military, "army troops": Military, "military": Military,
	"government positions": Military, "government soldiers": Military, "pro-government forces": Military,
	"police": Police, "policemen": Police, "police officers": Police, "riot police": Police,
	"gunmen": Unidentified, "armed men": Unidentified, "unidentified gunmen": Unidentified,
	"assailants": Unidentified, "attackers": Unidentified, "militants": Unidentified,
	"insurgents": Unidentified, "jihadists": Unidentified, "suspected militants": Unidentified,
	"suspected jihadists": Unidentified, "armed group": Unidentified, "unknown gunmen": Unidentified,
	"protesters": Protesters, "demonstrators": Protesters, "protestors": Protesters,
	"rioters": Rioters, "mob": Rioters, "angry mob": Rioters,
	"civilians": Civilians, "villagers": Civilians, "residents": Civilians, "worshippers": Civilians,
	"passengers": Civilians, "farmers": Civilians, "students": Civilians,
	"militiamen": Communal, "vigilantes": Communal,
	"the government": Government, "government": Government, "the authorities": Government, "authorities": Government,
	// A regime's forces and aircraft, as reports of civil wars call them.
	"regime forces": Military, "regime troops": Military, "regime army": Military, "regime soldiers": Military,
	"pro-regime forces": Military, "loyalist forces": Military, "the regime": Military, "regime": Military,
	"regime warplanes": Military, "regime aircraft": Military, "regime helicopters": Military, "regime planes": Military,
	"regime jets": Military, "government warplanes": Military, "government aircraft": Military,
	"government helicopters": Military, "government planes": Military, "government jets": Military,
	"army helicopters": Military,
	// Armed opposition named without its groups.
	"rebels": Rebels, "rebel fighters": Rebels, "rebel forces": Rebels, "rebel groups": Rebels,
	"opposition fighters": Rebels, "opposition forces": Rebels, "armed opposition": Rebels,
	"opposition groups": Rebels, "rebel factions": Rebels, "opposition factions": Rebels,
	// State media's word for the armed opposition: ACLED cannot tell
	// which group, and codes an unidentified one.
	"terrorists": Unidentified, "terrorist organizations": Unidentified,
	"terrorist organisations": Unidentified, "armed terrorist groups": Unidentified, "terrorist gangs": Unidentified,
	"takfiri terrorists": Unidentified, "takfiri terrorist organizations": Unidentified,
	"takfiri terrorist groups": Unidentified, "terrorist militants": Unidentified,
}

// kinds of a country's actors, with ACLED's names, inter codes and PLOVER
// sectors.
var countryKinds = []struct {
	kind   Kind
	sector string
	inter  int
	name   func(country, period string) string
}{
	{Military, "MIL", 1, func(c, p string) string { return fmt.Sprintf("Military Forces of %s (%s)", c, p) }},
	{Police, "COP", 1, func(c, p string) string { return fmt.Sprintf("Police Forces of %s (%s)", c, p) }},
	{Government, "GOV", 1, func(c, p string) string { return fmt.Sprintf("Government of %s (%s)", c, p) }},
	{Protesters, "CVL", 6, func(c, _ string) string { return fmt.Sprintf("Protesters (%s)", c) }},
	{Rioters, "CVL", 5, func(c, _ string) string { return fmt.Sprintf("Rioters (%s)", c) }},
	{Civilians, "CVL", 7, func(c, _ string) string { return fmt.Sprintf("Civilians (%s)", c) }},
	{Unidentified, "UAF", 3, func(c, _ string) string { return fmt.Sprintf("Unidentified Armed Group (%s)", c) }},
	{Communal, "UAF", 4, func(c, _ string) string { return fmt.Sprintf("Unidentified Communal Militia (%s)", c) }},
	{Rebels, "REB", 2, func(c, _ string) string { return fmt.Sprintf("Opposition Rebels (%s)", c) }},
}

// addCountry creates a country's state actors for each of its periods and
// its public actors.
func (d *Dictionary) addCountry(c countryData) error {
	if len(c.ISO) != 2 || c.Name == "" || len(c.Periods) == 0 {
		return fmt.Errorf("actor data: country %q needs iso, name and periods", c.Name)
	}
	for _, n := range c.Ambiguous {
		d.ambiguous[phraseKey(n)] = true
	}
	names := append([]string{c.Name}, c.Aliases...)
	for _, n := range append(append([]string{}, names...), c.Demonyms...) {
		d.demonyms[text.Fold(n)] = c.ISO
	}
	// Before its first recorded period a state's forces still exist: the
	// first period reaches back (its label keeps ACLED's name).
	if len(c.Periods) > 0 {
		c.Periods[0].From = ""
	}
	for _, k := range countryKinds {
		periods := c.Periods
		if k.inter != 1 {
			periods = []periodData{{}}
		}
		for _, p := range periods {
			named := c.Name
			if c.The && k.inter == 1 {
				named = "the " + c.Name
			}
			a := &Actor{Name: k.name(named, p.Label), Inter: k.inter, Country: c.ISO, Sector: k.sector, From: p.From, To: p.To, Kind: k.kind}
			a.Aliases = countryAliases(k.kind, c, p)
			idx, err := d.addActor(a)
			if err != nil {
				return err
			}
			key := countryKind{c.ISO, k.kind}
			d.byKind[key] = append(d.byKind[key], idx)
		}
	}
	return nil
}

// countryAliases writes the surface forms of a country's actor of a kind.
func countryAliases(kind Kind, c countryData, p periodData) []string {
	var out []string
	names := append([]string{c.Name}, c.Aliases...)
	withNouns := func(nouns []string) {
		for _, dem := range c.Demonyms {
			for _, n := range nouns {
				out = append(out, dem+" "+n)
			}
		}
		for _, name := range names {
			for _, n := range nouns {
				out = append(out, name+"'s "+n)
			}
		}
	}
	switch kind {
	case Military:
		withNouns(forceNouns)
		for _, name := range names {
			out = append(out, name+" Army", "Army of "+name, "Armed Forces of "+name, "Military Forces of "+name)
		}
		out = append(out, c.Military...)
		out = append(out, p.Military...)
	case Police:
		withNouns(policeNouns)
		for _, name := range names {
			out = append(out, name+" Police", "Police Forces of "+name)
		}
		out = append(out, c.Police...)
		out = append(out, p.Police...)
	case Government:
		withNouns(governmentNouns)
		out = append(out, names...)
		for _, name := range names {
			out = append(out, "Government of "+name)
		}
		if c.Capital != "" {
			out = append(out, c.Capital)
		}
		out = append(out, c.Government...)
		out = append(out, p.Government...)
	case Protesters:
		withNouns([]string{"protesters", "demonstrators", "protestors", "opposition supporters"})
	case Rioters:
		withNouns([]string{"rioters", "mob"})
	case Civilians:
		withNouns([]string{"civilians", "villagers", "residents", "citizens", "nationals"})
	case Rebels:
		withNouns([]string{"rebels", "rebel fighters", "rebel forces", "opposition fighters", "opposition forces", "armed opposition"})
	}
	return out
}

func (d *Dictionary) addGroup(g groupData) error {
	if g.Name == "" {
		return fmt.Errorf("actor data: group with no name")
	}
	for _, n := range g.Ambiguous {
		d.ambiguous[phraseKey(n)] = true
	}
	sector := "REB"
	switch g.Inter {
	case 1:
		sector = "MIL"
	case 3, 4:
		sector = "UAF"
	case 5, 6:
		sector = "CVL"
	case 8:
		sector = "MIL"
	}
	_, err := d.addActor(&Actor{Name: g.Name, Aliases: g.Aliases, Inter: g.Inter, Country: strings.ToUpper(g.Country), Sector: sector, From: g.From, To: g.To})
	return err
}

func (d *Dictionary) addPerson(p personData) error {
	if p.Name == "" || p.For == "" {
		return fmt.Errorf("actor data: person %q needs name and for", p.Name)
	}
	if iso, kind, ok := strings.Cut(p.For, ":"); ok {
		if len(d.byKind[countryKind{iso, Kind(kind)}]) == 0 {
			return fmt.Errorf("actor data: person %q speaks for unknown %s", p.Name, p.For)
		}
	} else if _, ok := d.byName[p.For]; !ok {
		return fmt.Errorf("actor data: person %q speaks for unknown actor %q", p.Name, p.For)
	}
	idx := int32(len(d.people))
	d.people = append(d.people, person{Name: p.Name, Role: p.Role, For: p.For})
	if p.Role != "" {
		d.titles[phraseKey(p.Role)] = true
	}
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		d.addPhrase(n, entry{actor: -1, person: idx, exact: n == p.Name})
	}
	return nil
}
