// Package synth makes a synthetic event record for load measurements: a
// world of 200 countries with their provinces and the actors that fight,
// protest and negotiate there, and articles that each report one event
// somewhere in it over five years. The same seed always makes the same
// articles.
package synth

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// Province is a first-level division of a synthetic country.
type Province struct {
	Name     string
	Lat, Lon float64
}

// Country is a synthetic country and its actors.
type Country struct {
	ISO, Name string
	Provinces []Province
	State     string
	Rebels    []string
	Militias  []string
}

// Start is the first day of the synthetic record, which spans Days days.
var Start = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)

// Days is how many days the synthetic record spans: five years.
const Days = 5 * 365

// Countries is how many countries World holds.
const Countries = 200

type seed struct {
	iso, name string
	lat, lon  float64
	rebels    []string
}

// seeds are countries with the armed groups that fight there; World makes
// up the rest.
var seeds = []seed{
	{"NG", "Nigeria", 10.5, 8.0, []string{"Islamic State West Africa Province", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"}},
	{"SO", "Somalia", 4.0, 45.5, []string{"Al Shabaab", "Islamic State Somalia Province"}},
	{"SD", "Sudan", 14.0, 30.0, []string{"Rapid Support Forces", "SPLM-N: Sudan People's Liberation Movement-North"}},
	{"CD", "DR Congo", -2.5, 26.0, []string{"M23: March 23 Movement", "ADF: Allied Democratic Forces"}},
	{"ML", "Mali", 16.0, -2.0, []string{"JNIM: Group for Support of Islam and Muslims", "Islamic State Sahel Province"}},
	{"BF", "Burkina Faso", 12.3, -1.5, []string{"JNIM: Group for Support of Islam and Muslims", "Islamic State Sahel Province"}},
	{"NE", "Niger", 15.0, 8.0, []string{"Islamic State Sahel Province", "JNIM: Group for Support of Islam and Muslims"}},
	{"ET", "Ethiopia", 9.0, 39.0, []string{"Fano Militia", "OLA: Oromo Liberation Army"}},
	{"MZ", "Mozambique", -13.0, 39.0, []string{"Islamic State Mozambique Province"}},
	{"CM", "Cameroon", 6.0, 12.0, []string{"Ambazonian Separatists", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"}},
	{"CF", "Central African Republic", 6.5, 20.5, []string{"CPC: Coalition of Patriots for Change", "3R: Return, Reclamation, Rehabilitation"}},
	{"SS", "South Sudan", 7.0, 30.0, []string{"SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition", "NAS: National Salvation Front"}},
	{"LY", "Libya", 28.0, 17.0, []string{"LNA: Libyan National Army"}},
	{"KE", "Kenya", 0.5, 37.5, []string{"Al Shabaab"}},
	{"UG", "Uganda", 1.5, 32.5, []string{"ADF: Allied Democratic Forces"}},
	{"TD", "Chad", 13.0, 18.5, []string{"FACT: Front for Change and Concord in Chad"}},
	{"PK", "Pakistan", 30.0, 69.5, []string{"TTP: Tehrik-i-Taliban Pakistan", "BLA: Balochistan Liberation Army"}},
	{"AF", "Afghanistan", 34.0, 66.0, []string{"Islamic State Khorasan Province", "NRF: National Resistance Front"}},
	{"IN", "India", 23.0, 80.0, []string{"CPI (Maoist): Communist Party of India (Maoist)", "Kuki Militia"}},
	{"MM", "Myanmar", 21.0, 96.0, []string{"PDF: People's Defense Force", "AA: Arakan Army"}},
	{"PH", "Philippines", 12.0, 122.0, []string{"NPA: New People's Army", "Dawlah Islamiyah"}},
	{"TH", "Thailand", 15.0, 101.0, []string{"BRN: Barisan Revolusi Nasional"}},
	{"BD", "Bangladesh", 23.7, 90.3, []string{"KNF: Kuki-Chin National Front"}},
	{"YE", "Yemen", 15.5, 47.5, []string{"Houthis: Ansar Allah", "AQAP: Al Qaeda in the Arabian Peninsula"}},
	{"SY", "Syria", 35.0, 38.5, []string{"HTS: Hayat Tahrir al Sham", "Islamic State (Syria)"}},
	{"IQ", "Iraq", 33.0, 43.5, []string{"Islamic State (Iraq)", "PKK: Kurdistan Workers Party"}},
	{"LB", "Lebanon", 33.9, 35.8, []string{"Hezbollah"}},
	{"IL", "Israel", 31.5, 34.9, []string{"Hamas Movement"}},
	{"PS", "Palestine", 31.9, 35.2, []string{"Hamas Movement", "Palestinian Islamic Jihad"}},
	{"TR", "Turkey", 39.0, 35.0, []string{"PKK: Kurdistan Workers Party"}},
	{"IR", "Iran", 32.0, 53.0, []string{"Jaish al Adl"}},
	{"UA", "Ukraine", 49.0, 32.0, []string{"Military Forces of Russia (2000-)"}},
	{"RU", "Russia", 55.0, 40.0, []string{"Military Forces of Ukraine (2019-)"}},
	{"CO", "Colombia", 4.5, -74.0, []string{"ELN: National Liberation Army", "Clan del Golfo"}},
	{"MX", "Mexico", 22.0, -101.0, []string{"CJNG: Jalisco New Generation Cartel", "Sinaloa Cartel"}},
	{"HT", "Haiti", 18.9, -72.5, []string{"Viv Ansanm", "400 Mawozo"}},
	{"BR", "Brazil", -12.0, -50.0, []string{"PCC: First Capital Command", "CV: Red Command"}},
	{"VE", "Venezuela", 7.0, -66.0, []string{"Tren de Aragua"}},
	{"PE", "Peru", -9.0, -75.0, []string{"MPCP: Militarized Communist Party of Peru"}},
	{"EC", "Ecuador", -1.5, -78.5, []string{"Los Choneros", "Los Lobos"}},
}

// others are the ISO codes of the countries World adds to the seeds, named
// by their English names and placed on a spread of made-up centres.
const others = "AD AE AG AL AM AO AR AT AU AZ BA BB BE BG BH BI BJ BN BO BS BT BW BY BZ CA CG CH CI CL CN " +
	"CR CU CV CY CZ DE DJ DK DM DO DZ EE EG ER ES FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW " +
	"GY HN HR HU ID IE IS IT JM JO JP KG KH KI KM KN KP KR KW KZ LA LC LI LK LR LS LT LU LV MA " +
	"MC MD ME MG MH MK MN MR MT MU MV MW MY NA NI NL NO NP NR NZ OM PA PG PL PT PW PY QA RO RS " +
	"RW SA SB SC SE SG SI SK SL SM SN SR ST SV SZ TG TJ TL TM TN TO TT TV TW TZ UY UZ VC VN VU " +
	"BM FO GL GU HK MO NC PF PR RE"

// World is Countries countries, each with four provinces spread around a
// centre.
func World() []Country {
	all := seeds
	for i, iso := range strings.Fields(others) {
		if len(all) == Countries {
			break
		}
		name := display.English.Regions().Name(language.MustParseRegion(iso))
		all = append(all, seed{iso: iso, name: name,
			lat: float64(-45 + (i*37)%100), lon: float64(-170 + (i*61)%340),
			rebels: []string{name + " Liberation Front", name + " National Resistance"}})
	}
	var out []Country
	for _, s := range all {
		c := Country{ISO: s.iso, Name: s.name, State: fmt.Sprintf("Military Forces of %s (2020-)", s.name), Rebels: s.rebels,
			Militias: []string{s.name + " Communal Militia", "Unidentified Armed Group (" + s.name + ")"}}
		for i, d := range [][2]float64{{1.5, 1.5}, {-1.5, 1.5}, {1.5, -1.5}, {-1.5, -1.5}} {
			c.Provinces = append(c.Provinces, Province{fmt.Sprintf("%s %s", s.name, []string{"North", "South", "East", "West"}[i]), s.lat + d[0], s.lon + d[1]})
		}
		out = append(out, c)
	}
	return out
}

// Type is an ACLED type and sub-type the synthetic events take, with its
// PLOVER type.
type Type struct {
	Type, Sub, Plover string
	Violent           bool
}

// Types are the ACLED types of synthetic events; one in twenty events has
// a PLOVER type only.
var Types = []Type{
	{"Battles", "Armed clash", "ASSAULT", true},
	{"Explosions/Remote violence", "Air/drone strike", "ASSAULT", true},
	{"Explosions/Remote violence", "Remote explosive/landmine/IED", "ASSAULT", true},
	{"Violence against civilians", "Attack", "ASSAULT", true},
	{"Protests", "Peaceful protest", "PROTEST", false},
	{"Riots", "Violent demonstration", "PROTEST", true},
	{"Strategic developments", "Agreement", "AGREE", false},
}

// Article is the n-th synthetic article, which reports one event.
func Article(r *rand.Rand, world []Country, n int) *event.Result {
	c := world[r.IntN(len(world))]
	p := c.Provinces[r.IntN(len(c.Provinces))]
	day := Start.AddDate(0, 0, r.IntN(Days))
	date := event.Date(day.Format(time.DateOnly))
	lat, lon := p.Lat+r.Float64()-0.5, p.Lon+r.Float64()-0.5
	town := fmt.Sprintf("Town %d", r.IntN(200))
	e := event.Event{ID: "m1", ISO: c.ISO, Country: c.Name, Admin1: p.Name, Location: town,
		Latitude: &lat, Longitude: &lon, GeoPrecision: 1 + r.IntN(3),
		EventDate: date, DateStart: date, DateEnd: date, TimePrecision: 1}
	var verb string
	if r.IntN(20) == 0 {
		// An event ACLED does not code, known only by its PLOVER type.
		e.Plover = []string{"CONSULT", "ACCUSE", "THREATEN", "SANCTION"}[r.IntN(4)]
		e.Actor1, e.Inter1 = "Government of "+c.Name, 1
		verb = strings.ToLower(e.Plover) + "ed"
	} else {
		t := Types[r.IntN(len(Types))]
		e.EventType, e.SubEventType, e.Plover = event.Str(t.Type), event.Str(t.Sub), t.Plover
		switch t.Type {
		case "Protests", "Riots":
			e.Actor1, e.Inter1 = "Protesters ("+c.Name+")", 6
			if t.Type == "Riots" {
				e.Actor2, e.Inter2 = "Police Forces of "+c.Name, 1
			}
			verb = "demonstrated"
		case "Violence against civilians":
			e.Actor1, e.Inter1 = c.Rebels[r.IntN(len(c.Rebels))], 2
			e.Actor2, e.Inter2 = "Civilians ("+c.Name+")", 7
			verb = "attacked villagers"
		case "Strategic developments":
			e.Actor1, e.Inter1 = c.State, 1
			e.Actor2, e.Inter2 = c.Rebels[r.IntN(len(c.Rebels))], 2
			verb = "agreed a truce"
		default:
			e.Actor1, e.Inter1 = c.State, 1
			e.Actor2, e.Inter2 = c.Rebels[r.IntN(len(c.Rebels))], 2
			if r.IntN(3) == 0 {
				e.Actor1, e.Inter1 = c.Militias[r.IntN(len(c.Militias))], 4
			}
			verb = "clashed"
		}
		if t.Violent {
			k := r.IntN(40)
			e.Fatalities = &k
			e.Claims = []event.Claim{{Kind: "killed", Count: k, Qualifier: "at least", Source: "local officials", Hedge: "claimed"}}
		}
	}
	if r.IntN(4) == 0 {
		e.DateStart = event.Date(day.AddDate(0, 0, -2).Format(time.DateOnly))
		e.TimePrecision = 2
	}
	e.Notes = fmt.Sprintf("On %s, %s: %s in %s, %s, %s.", date, e.Actor1, verb, town, p.Name, c.Name)
	text := fmt.Sprintf("%s. Fighters and residents in %s said %s %s near %s on %s. Report number %d.",
		c.Name, p.Name, e.Actor1, verb, town, day.Weekday(), n)
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
	outlet := fmt.Sprintf("%s Daily %d", c.Name, r.IntN(5))
	doc := event.Document{ID: fmt.Sprintf("synthetic-%07d", n), Outlet: outlet, Title: fmt.Sprintf("%s: %s %s", p.Name, e.Actor1, verb),
		URL: fmt.Sprintf("https://news.example/%s/%d", strings.ToLower(c.ISO), n), Published: date, Language: "en", Format: "text", Text: text}
	return &event.Result{Document: doc, Events: []event.Event{e}}
}

// A Batcher stores many articles in one transaction.
type Batcher interface {
	IngestAll(ctx context.Context, results []*event.Result) (store.Outcome, error)
}

// Fill stores synthetic articles from seed into db until they have made at
// least events events; some articles merge into events already stored.
// It returns how many articles it stored; progress, when set, hears of
// every batch.
func Fill(ctx context.Context, db Batcher, events int, seed uint64, progress func(events, articles int)) (int, error) {
	r := rand.New(rand.NewPCG(seed, seed))
	w := World()
	made, docs := 0, 0
	for made < events {
		batch := make([]*event.Result, 0, 2000)
		for range cap(batch) {
			batch = append(batch, Article(r, w, docs))
			docs++
		}
		out, err := db.IngestAll(ctx, batch)
		if err != nil {
			return docs, fmt.Errorf("store synthetic articles: %w", err)
		}
		made += out.New
		if progress != nil {
			progress(made, docs)
		}
	}
	return docs, nil
}
