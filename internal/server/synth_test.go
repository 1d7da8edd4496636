package server

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/event"
)

// A synthetic world for load tests: countries with their provinces and
// the actors that fight, protest and negotiate there.

type province struct {
	name     string
	lat, lon float64
}

type country struct {
	iso, name string
	provinces []province
	state     string
	rebels    []string
	militias  []string
}

// world is 40 countries, each with four provinces spread around a centre.
func world() []country {
	type seed struct {
		iso, name, demonym string
		lat, lon           float64
		rebels             []string
	}
	seeds := []seed{
		{"NG", "Nigeria", "Nigeria", 10.5, 8.0, []string{"Islamic State West Africa Province", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"}},
		{"SO", "Somalia", "Somalia", 4.0, 45.5, []string{"Al Shabaab", "Islamic State Somalia Province"}},
		{"SD", "Sudan", "Sudan", 14.0, 30.0, []string{"Rapid Support Forces", "SPLM-N: Sudan People's Liberation Movement-North"}},
		{"CD", "DR Congo", "the Democratic Republic of Congo", -2.5, 26.0, []string{"M23: March 23 Movement", "ADF: Allied Democratic Forces"}},
		{"ML", "Mali", "Mali", 16.0, -2.0, []string{"JNIM: Group for Support of Islam and Muslims", "Islamic State Sahel Province"}},
		{"BF", "Burkina Faso", "Burkina Faso", 12.3, -1.5, []string{"JNIM: Group for Support of Islam and Muslims", "Islamic State Sahel Province"}},
		{"NE", "Niger", "Niger", 15.0, 8.0, []string{"Islamic State Sahel Province", "JNIM: Group for Support of Islam and Muslims"}},
		{"ET", "Ethiopia", "Ethiopia", 9.0, 39.0, []string{"Fano Militia", "OLA: Oromo Liberation Army"}},
		{"MZ", "Mozambique", "Mozambique", -13.0, 39.0, []string{"Islamic State Mozambique Province"}},
		{"CM", "Cameroon", "Cameroon", 6.0, 12.0, []string{"Ambazonian Separatists", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"}},
		{"CF", "Central African Republic", "the Central African Republic", 6.5, 20.5, []string{"CPC: Coalition of Patriots for Change", "3R: Return, Reclamation, Rehabilitation"}},
		{"SS", "South Sudan", "South Sudan", 7.0, 30.0, []string{"SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition", "NAS: National Salvation Front"}},
		{"LY", "Libya", "Libya", 28.0, 17.0, []string{"LNA: Libyan National Army"}},
		{"KE", "Kenya", "Kenya", 0.5, 37.5, []string{"Al Shabaab"}},
		{"UG", "Uganda", "Uganda", 1.5, 32.5, []string{"ADF: Allied Democratic Forces"}},
		{"TD", "Chad", "Chad", 13.0, 18.5, []string{"FACT: Front for Change and Concord in Chad"}},
		{"PK", "Pakistan", "Pakistan", 30.0, 69.5, []string{"TTP: Tehrik-i-Taliban Pakistan", "BLA: Balochistan Liberation Army"}},
		{"AF", "Afghanistan", "Afghanistan", 34.0, 66.0, []string{"Islamic State Khorasan Province", "NRF: National Resistance Front"}},
		{"IN", "India", "India", 23.0, 80.0, []string{"CPI (Maoist): Communist Party of India (Maoist)", "Kuki Militia"}},
		{"MM", "Myanmar", "Myanmar", 21.0, 96.0, []string{"PDF: People's Defense Force", "AA: Arakan Army"}},
		{"PH", "Philippines", "the Philippines", 12.0, 122.0, []string{"NPA: New People's Army", "Dawlah Islamiyah"}},
		{"TH", "Thailand", "Thailand", 15.0, 101.0, []string{"BRN: Barisan Revolusi Nasional"}},
		{"BD", "Bangladesh", "Bangladesh", 23.7, 90.3, []string{"KNF: Kuki-Chin National Front"}},
		{"YE", "Yemen", "Yemen", 15.5, 47.5, []string{"Houthis: Ansar Allah", "AQAP: Al Qaeda in the Arabian Peninsula"}},
		{"SY", "Syria", "Syria", 35.0, 38.5, []string{"HTS: Hayat Tahrir al Sham", "Islamic State (Syria)"}},
		{"IQ", "Iraq", "Iraq", 33.0, 43.5, []string{"Islamic State (Iraq)", "PKK: Kurdistan Workers Party"}},
		{"LB", "Lebanon", "Lebanon", 33.9, 35.8, []string{"Hezbollah"}},
		{"IL", "Israel", "Israel", 31.5, 34.9, []string{"Hamas Movement"}},
		{"PS", "Palestine", "Palestine", 31.9, 35.2, []string{"Hamas Movement", "Palestinian Islamic Jihad"}},
		{"TR", "Turkey", "Turkey", 39.0, 35.0, []string{"PKK: Kurdistan Workers Party"}},
		{"IR", "Iran", "Iran", 32.0, 53.0, []string{"Jaish al Adl"}},
		{"UA", "Ukraine", "Ukraine", 49.0, 32.0, []string{"Military Forces of Russia (2000-)"}},
		{"RU", "Russia", "Russia", 55.0, 40.0, []string{"Military Forces of Ukraine (2019-)"}},
		{"CO", "Colombia", "Colombia", 4.5, -74.0, []string{"ELN: National Liberation Army", "Clan del Golfo"}},
		{"MX", "Mexico", "Mexico", 22.0, -101.0, []string{"CJNG: Jalisco New Generation Cartel", "Sinaloa Cartel"}},
		{"HT", "Haiti", "Haiti", 18.9, -72.5, []string{"Viv Ansanm", "400 Mawozo"}},
		{"BR", "Brazil", "Brazil", -12.0, -50.0, []string{"PCC: First Capital Command", "CV: Red Command"}},
		{"VE", "Venezuela", "Venezuela", 7.0, -66.0, []string{"Tren de Aragua"}},
		{"PE", "Peru", "Peru", -9.0, -75.0, []string{"MPCP: Militarized Communist Party of Peru"}},
		{"EC", "Ecuador", "Ecuador", -1.5, -78.5, []string{"Los Choneros", "Los Lobos"}},
	}
	var out []country
	for _, s := range seeds {
		c := country{iso: s.iso, name: s.name, state: fmt.Sprintf("Military Forces of %s (2020-)", s.name), rebels: s.rebels,
			militias: []string{s.name + " Communal Militia", "Unidentified Armed Group (" + s.name + ")"}}
		for i, d := range [][2]float64{{1.5, 1.5}, {-1.5, 1.5}, {1.5, -1.5}, {-1.5, -1.5}} {
			c.provinces = append(c.provinces, province{fmt.Sprintf("%s %s", s.name, []string{"North", "South", "East", "West"}[i]), s.lat + d[0], s.lon + d[1]})
		}
		out = append(out, c)
	}
	return out
}

var acledTypes = []struct {
	typ, sub, plover string
	violent          bool
}{
	{"Battles", "Armed clash", "ASSAULT", true},
	{"Explosions/Remote violence", "Air/drone strike", "ASSAULT", true},
	{"Explosions/Remote violence", "Remote explosive/landmine/IED", "ASSAULT", true},
	{"Violence against civilians", "Attack", "ASSAULT", true},
	{"Protests", "Peaceful protest", "PROTEST", false},
	{"Riots", "Violent demonstration", "PROTEST", true},
	{"Strategic developments", "Agreement", "AGREE", false},
}

// synthEvent is the article that reports the n-th synthetic event.
func synthEvent(r *rand.Rand, countries []country, n int) *event.Result {
	c := countries[r.IntN(len(countries))]
	p := c.provinces[r.IntN(len(c.provinces))]
	day := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3*365))
	date := event.Date(day.Format(time.DateOnly))
	lat, lon := p.lat+r.Float64()-0.5, p.lon+r.Float64()-0.5
	town := fmt.Sprintf("Town %d", r.IntN(200))
	e := event.Event{ID: "m1", ISO: c.iso, Country: c.name, Admin1: p.name, Location: town,
		Latitude: &lat, Longitude: &lon, GeoPrecision: 1 + r.IntN(3),
		EventDate: date, DateStart: date, DateEnd: date, TimePrecision: 1}
	var verb string
	if r.IntN(20) == 0 {
		// An event ACLED does not code, known only by its PLOVER type.
		e.Plover = []string{"CONSULT", "ACCUSE", "THREATEN", "SANCTION"}[r.IntN(4)]
		e.Actor1, e.Inter1 = "Government of "+c.name, 1
		verb = strings.ToLower(e.Plover) + "ed"
	} else {
		t := acledTypes[r.IntN(len(acledTypes))]
		e.EventType, e.SubEventType, e.Plover = event.Str(t.typ), event.Str(t.sub), t.plover
		switch t.typ {
		case "Protests", "Riots":
			e.Actor1, e.Inter1 = "Protesters ("+c.name+")", 6
			if t.typ == "Riots" {
				e.Actor2, e.Inter2 = "Police Forces of "+c.name, 1
			}
			verb = "demonstrated"
		case "Violence against civilians":
			e.Actor1, e.Inter1 = c.rebels[r.IntN(len(c.rebels))], 2
			e.Actor2, e.Inter2 = "Civilians ("+c.name+")", 7
			verb = "attacked villagers"
		case "Strategic developments":
			e.Actor1, e.Inter1 = c.state, 1
			e.Actor2, e.Inter2 = c.rebels[r.IntN(len(c.rebels))], 2
			verb = "agreed a truce"
		default:
			e.Actor1, e.Inter1 = c.state, 1
			e.Actor2, e.Inter2 = c.rebels[r.IntN(len(c.rebels))], 2
			if r.IntN(3) == 0 {
				e.Actor1, e.Inter1 = c.militias[r.IntN(len(c.militias))], 4
			}
			verb = "clashed"
		}
		if t.violent {
			k := r.IntN(40)
			e.Fatalities = &k
			e.Claims = []event.Claim{{Kind: "killed", Count: k, Qualifier: "at least", Source: "local officials", Hedge: "claimed"}}
		}
	}
	if r.IntN(4) == 0 {
		e.DateStart = event.Date(day.AddDate(0, 0, -2).Format(time.DateOnly))
		e.TimePrecision = 2
	}
	e.Notes = fmt.Sprintf("On %s, %s: %s in %s, %s, %s.", date, e.Actor1, verb, town, p.name, c.name)
	text := fmt.Sprintf("%s. Fighters and residents in %s said %s %s near %s on %s. Report number %d.",
		strings.ToUpper(c.name[:1])+c.name[1:], p.name, e.Actor1, verb, town, day.Weekday(), n)
	at := func(words string) event.Span {
		i := strings.Index(text, words)
		return event.Span{Start: i, End: i + len(words)}
	}
	e.Span = event.Span{Start: 0, End: len(text)}
	e.Evidence = []event.Evidence{
		{Field: "event_type", Span: at(verb), Text: verb},
		{Field: "actor1", Span: at(e.Actor1), Text: e.Actor1},
		{Field: "location", Span: at(town), Text: town},
		{Field: "date", Span: at(day.Weekday().String()), Text: day.Weekday().String()},
	}
	outlet := fmt.Sprintf("%s Daily %d", c.name, r.IntN(5))
	doc := event.Document{ID: fmt.Sprintf("synthetic-%06d", n), Outlet: outlet, Title: fmt.Sprintf("%s: %s %s", p.name, e.Actor1, verb),
		URL: fmt.Sprintf("https://news.example/%s/%d", strings.ToLower(c.iso), n), Published: date, Language: "en", Format: "text", Text: text}
	return &event.Result{Document: doc, Events: []event.Event{e}}
}
