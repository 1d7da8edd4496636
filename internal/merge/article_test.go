package merge

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/taxonomy"
)

// Places of the tables: Aleppo city, a town 8 km from it and one 30 km
// away, the province, the country, another country's town and an area.
var (
	aleppo     = Place{ID: 170063, Name: "Aleppo", Kind: Local, Country: "SY", Admin1: "Aleppo", Lat: 36.2021, Lon: 37.1343, Precision: 1}
	near       = Place{ID: 1, Name: "Kafr Hamrah", Kind: Local, Country: "SY", Admin1: "Aleppo", Lat: 36.2740, Lon: 37.1200, Precision: 1}
	farther    = Place{ID: 2, Name: "Al-Bab's outskirts", Kind: Local, Country: "SY", Admin1: "Aleppo", Lat: 36.4700, Lon: 37.1343, Precision: 1}
	province   = Place{ID: -10, Name: "Aleppo", Kind: Admin1, Country: "SY", Admin1: "Aleppo", Lat: 36.25, Lon: 37.5, Precision: 3}
	idlib      = Place{ID: -11, Name: "Idlib", Kind: Admin1, Country: "SY", Admin1: "Idlib", Lat: 35.83, Lon: 36.63, Precision: 3}
	syria      = Place{ID: -1, Name: "Syria", Kind: Country, Country: "SY", Lat: 35, Lon: 38, Precision: 3}
	gaziantep  = Place{ID: 3, Name: "Gaziantep", Kind: Local, Country: "TR", Admin1: "Gaziantep", Lat: 37.0594, Lon: 37.3825, Precision: 1}
	levant     = Place{ID: -100, Name: "Levant", Kind: Area, Country: "SY", Lat: 34, Lon: 36, Precision: 3}
	hamaVillag = Place{ID: -12, Name: "Haas", Kind: Local, Country: "SY", Admin1: "Hama", Lat: 35.13, Lon: 36.75, Precision: 2, Unlocated: true}
	hamaOther  = Place{ID: -12, Name: "Kafr Nabudah", Kind: Local, Country: "SY", Admin1: "Hama", Lat: 35.13, Lon: 36.75, Precision: 2, Unlocated: true}
)

func pl(p Place) *Place { return &p }

func days(from, to string) Days {
	s, _ := time.Parse(time.DateOnly, from)
	e, _ := time.Parse(time.DateOnly, to)
	return Days{Start: s, End: e}
}

func TestSamePlace(t *testing.T) {
	for _, tt := range []struct {
		name string
		p, q *Place
		want bool
	}{
		{"one place", pl(aleppo), pl(aleppo), true},
		{"no place is any place", nil, pl(aleppo), true},
		{"8 km apart, within a town's width", pl(aleppo), pl(near), true},
		{"30 km apart: two places in one article", pl(aleppo), pl(farther), false},
		{"one ID far apart", pl(aleppo), &Place{ID: aleppo.ID, Lat: 0, Lon: 0}, true},
		{"unlocated, by the same name", pl(hamaVillag), &Place{Name: "HAAS", Unlocated: true}, true},
		{"two unlocated villages at their province's seat", pl(hamaVillag), pl(hamaOther), false},
		{"an unlocated village and the place at its point", pl(hamaVillag), &Place{ID: 9, Name: "Hama", Lat: 35.13, Lon: 36.75}, false},
	} {
		if got := SamePlace(tt.p, tt.q); got != tt.want {
			t.Errorf("%s: SamePlace %v, want %v", tt.name, got, tt.want)
		}
		if got := SamePlace(tt.q, tt.p); got != tt.want {
			t.Errorf("%s, the other way: SamePlace %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRadii holds the two distance rules apart: 30 km off is two places
// within an article and one event across articles.
func TestRadii(t *testing.T) {
	if SamePlace(pl(aleppo), pl(farther)) {
		t.Error("within an article, towns 30 km apart are one place")
	}
	if !Near(aleppo, farther) {
		t.Error("across articles, towns 30 km apart cannot place one event")
	}
	if Near(aleppo, gaziantep) {
		t.Error("across articles, towns 100 km apart place one event")
	}
	if !Near(aleppo, province) {
		t.Error("across articles, a town and its province cannot place one event")
	}
}

func TestPlacesAgree(t *testing.T) {
	for _, tt := range []struct {
		name string
		p, q *Place
		want bool
	}{
		{"the same town", pl(aleppo), pl(aleppo), true},
		{"none", nil, pl(farther), true},
		{"two towns of one province", pl(aleppo), pl(farther), false},
		{"a town and its province", pl(farther), pl(province), true},
		{"a town and another province", pl(aleppo), pl(idlib), false},
		{"two provinces", pl(province), pl(idlib), false},
		{"a town and its country", pl(aleppo), pl(syria), true},
		{"a province and its country", pl(idlib), pl(syria), true},
		{"towns of two countries", pl(aleppo), pl(gaziantep), false},
		{"another country and an area", pl(gaziantep), pl(levant), true},
		{"a country and another country's town", pl(syria), pl(gaziantep), false},
	} {
		if got := PlacesAgree(tt.p, tt.q); got != tt.want {
			t.Errorf("%s: PlacesAgree %v, want %v", tt.name, got, tt.want)
		}
		if got := PlacesAgree(tt.q, tt.p); got != tt.want {
			t.Errorf("%s, the other way: PlacesAgree %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPlacing(t *testing.T) {
	for _, tt := range []struct {
		name string
		rs   []Report
		want int
	}{
		{"none placed", []Report{{}, {}}, -1},
		{"the first placed", []Report{{}, {Place: pl(province)}, {Place: pl(aleppo)}}, 1},
		{"a more precise own place", []Report{{Place: pl(province), OwnPlace: true}, {Place: pl(aleppo), OwnPlace: true}}, 1},
		{"a more precise inherited place", []Report{{Place: pl(province), OwnPlace: true}, {Place: pl(aleppo)}}, 0},
		{"as precise: the first", []Report{{Place: pl(aleppo), OwnPlace: true}, {Place: pl(farther), OwnPlace: true}}, 0},
	} {
		if got := Placing(tt.rs); got != tt.want {
			t.Errorf("%s: Placing %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestDays(t *testing.T) {
	week, day, next := days("2016-03-01", "2016-03-07"), days("2016-03-03", "2016-03-03"), days("2016-03-08", "2016-03-08")
	for _, tt := range []struct {
		name             string
		a, b             Days
		overlaps, nested bool
	}{
		{"a day in a week", week, day, true, true},
		{"the day after the week", week, next, false, false},
		{"one day", day, day, true, true},
		{"crossing ranges", days("2016-03-01", "2016-03-04"), days("2016-03-03", "2016-03-09"), true, false},
	} {
		if got := tt.a.Overlaps(tt.b); got != tt.overlaps {
			t.Errorf("%s: Overlaps %v, want %v", tt.name, got, tt.overlaps)
		}
		if got := tt.b.nests(tt.a); got != tt.nested {
			t.Errorf("%s: nests %v, want %v", tt.name, got, tt.nested)
		}
	}
}

// Sides of the tables.
var (
	army     = Side{Name: "Military Forces of Syria (2000-2024)"}
	rebels   = Side{Name: "Opposition Rebels (Syria)"}
	isis     = Side{Name: "Islamic State (Syria)"}
	civs     = Side{Name: "Civilians (Syria)", Vague: true}
	stranger = Side{Name: "Abu Omar", Vague: true}
)

func TestSidesFit(t *testing.T) {
	clash := []Report{{Sides: []Side{army}}, {Sides: []Side{army, rebels}}}
	for _, tt := range []struct {
		name string
		rs   []Report
		m    []Side
		want bool
	}{
		{"the same sides", clash, []Side{rebels, army}, true},
		{"one of them", clash, []Side{army}, true},
		{"another armed group", clash, []Side{army, isis}, false},
		{"civilians besides", clash, []Side{army, civs}, true},
		{"a person the dictionary lacks", clash, []Side{stranger}, true},
		{"one side known: too few to tell", []Report{{Sides: []Side{army}}}, []Side{isis}, true},
		{"another case is another name", clash, []Side{{Name: "OPPOSITION REBELS (SYRIA)"}}, false},
	} {
		if got := SidesFit(tt.rs, Report{Sides: tt.m}); got != tt.want {
			t.Errorf("%s: SidesFit %v, want %v", tt.name, got, tt.want)
		}
	}
}

// strike is a report, dated and placed by its own sentence, of an
// airstrike on Aleppo on 3 March 2016 by the Syrian army.
func strike() Report {
	return Report{Type: taxonomy.Explosions, Sub: "Air/drone strike", Plover: "ASSAULT",
		Days: days("2016-03-03", "2016-03-03"), OwnTime: true, Place: pl(aleppo), OwnPlace: true,
		Doer: army.Name, Sides: []Side{army, civs}}
}

func TestInArticle(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(m *Report)
		want bool
	}{
		{"the same report", func(m *Report) {}, true},
		{"another type", func(m *Report) { m.Type, m.Sub = taxonomy.Battles, "Armed clash" }, false},
		{"a shelling the same day", func(m *Report) { m.Sub = "Shelling/artillery/missile attack" }, false},
		{"a shelling by an attack word", func(m *Report) { m.Sub, m.Class = "Shelling/artillery/missile attack", "attack" }, true},
		{"neither own time nor place: days and place do not count", func(m *Report) {
			m.OwnTime, m.OwnPlace, m.Days, m.Place = false, false, days("2016-03-09", "2016-03-09"), pl(gaziantep)
		}, true},
		{"neither own time nor place, another group", func(m *Report) {
			m.OwnTime, m.OwnPlace, m.Sides = false, false, []Side{isis}
		}, false},
		{"the day after", func(m *Report) { m.Days = days("2016-03-04", "2016-03-04") }, false},
		{"that week, told by its own sentence", func(m *Report) { m.Days = days("2016-03-01", "2016-03-07") }, true},
		{"crossing days", func(m *Report) { m.Days = days("2016-03-03", "2016-03-05") }, true},
		{"8 km off", func(m *Report) { m.Place = pl(near) }, true},
		{"30 km off", func(m *Report) { m.Place = pl(farther) }, false},
		{"30 km off, inherited", func(m *Report) { m.Place, m.OwnPlace = pl(farther), false }, false},
		{"the province", func(m *Report) { m.Place = pl(province) }, false},
		{"the province, inherited", func(m *Report) { m.Place, m.OwnPlace = pl(province), false }, true},
		{"the country", func(m *Report) { m.Place = pl(syria) }, true},
		{"another country", func(m *Report) { m.Place = pl(gaziantep) }, false},
		{"the same doer strikes another group", func(m *Report) { m.Sides = []Side{army, isis} }, true},
		{"another doer", func(m *Report) { m.Doer, m.Sides = isis.Name, []Side{isis} }, false},
		{"a doer the dictionary lacks", func(m *Report) { m.Doer, m.Sides = "", []Side{stranger} }, true},
	} {
		m := strike()
		tt.edit(&m)
		if got := InArticle([]Report{strike()}, m); got != tt.want {
			t.Errorf("%s: InArticle %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestInArticleSides: only a strike by the doer named already may name
// sides the event does not; other events need sides that fit.
func TestInArticleSides(t *testing.T) {
	clash := Report{Type: taxonomy.Battles, Sub: "Armed clash", Days: days("2016-03-03", "2016-03-03"), OwnTime: true,
		Place: pl(aleppo), OwnPlace: true, Doer: army.Name, Sides: []Side{army, rebels}}
	other := clash
	other.Sides = []Side{army, isis}
	if InArticle([]Report{clash}, other) {
		t.Error("a clash with another group joined the clash")
	}
	s := strike()
	s.Sides = []Side{army, rebels}
	m := strike()
	m.Sides = []Side{army, isis}
	if !InArticle([]Report{s}, m) {
		t.Error("a strike by the same doer at the same place was refused")
	}
	m.Place = pl(syria)
	if InArticle([]Report{s}, m) {
		t.Error("a strike by the same doer placed only by its country joined, naming another victim")
	}
	m.Doer = ""
	m.Place = pl(aleppo)
	if InArticle([]Report{s}, m) {
		t.Error("a strike by no known doer joined, naming another victim")
	}
}

// TestInArticleAll: every mention of the event, not only the first,
// must agree in days and place.
func TestInArticleAll(t *testing.T) {
	week := strike()
	week.Days = days("2016-03-01", "2016-03-07")
	overnight := strike()
	overnight.Days = days("2016-03-02", "2016-03-02")
	if InArticle([]Report{week, overnight}, strike()) {
		t.Error("the next day joined an event dated overnight")
	}
	elsewhere := strike()
	elsewhere.Place = pl(near)
	m := strike()
	m.Place = &Place{ID: 4, Name: "North of Kafr Hamrah", Kind: Local, Country: "SY", Lat: 36.3450, Lon: 37.1200, Precision: 1}
	if InArticle([]Report{strike(), elsewhere}, m) {
		t.Error("a place 8 km from one mention and 16 km from another joined")
	}
}

func TestAtProtest(t *testing.T) {
	protest := Report{Type: taxonomy.Protests, Sub: "Peaceful protest", Days: days("2016-03-03", "2016-03-03"), Place: pl(aleppo), OwnPlace: true}
	arrest := Report{Type: taxonomy.StrategicDevelopments, Sub: taxonomy.Arrests, Days: days("2016-03-03", "2016-03-03"), Place: pl(near), OwnPlace: true}
	for _, tt := range []struct {
		name string
		rs   Report
		edit func(m *Report)
		want bool
	}{
		{"arrests at the protest", protest, func(m *Report) {}, true},
		{"arrests without a place", protest, func(m *Report) { m.Place = nil }, true},
		{"arrests the day after", protest, func(m *Report) { m.Days = days("2016-03-04", "2016-03-04") }, false},
		{"arrests elsewhere", protest, func(m *Report) { m.Place = pl(farther) }, false},
		{"not arrests", protest, func(m *Report) { m.Sub = "Looting/property destruction" }, false},
		{"arrests at a riot", Report{Type: taxonomy.Riots, Days: protest.Days}, func(m *Report) {}, true},
		{"arrests at a clash", Report{Type: taxonomy.Battles, Days: protest.Days}, func(m *Report) {}, false},
	} {
		m := arrest
		tt.edit(&m)
		if got := AtProtest([]Report{tt.rs}, m); got != tt.want {
			t.Errorf("%s: AtProtest %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRecallsAndRetells(t *testing.T) {
	bombing := []Report{strike()}
	for _, tt := range []struct {
		name            string
		edit            func(m *Report)
		recalls, retell bool
	}{
		{"the same day and place", func(m *Report) {}, true, true},
		{"another day", func(m *Report) { m.Days = days("2016-03-05", "2016-03-05") }, false, false},
		{"another day, not its own", func(m *Report) { m.Days, m.OwnTime = days("2016-03-05", "2016-03-05"), false }, true, false},
		{"another province", func(m *Report) { m.Place = pl(idlib) }, false, false},
		{"another province, not its own", func(m *Report) { m.Place, m.OwnPlace = pl(idlib), false }, true, false},
		{"civilians besides", func(m *Report) { m.Sides = []Side{army, civs} }, true, true},
		{"another armed group", func(m *Report) { m.Sides = []Side{army, isis} }, true, false},
	} {
		m := strike()
		m.Type, m.Sub, m.Class = taxonomy.Battles, "Armed clash", "attack"
		tt.edit(&m)
		if got := Recalls(bombing, m); got != tt.recalls {
			t.Errorf("%s: Recalls %v, want %v", tt.name, got, tt.recalls)
		}
		if got := Retells(bombing, m); got != tt.retell {
			t.Errorf("%s: Retells %v, want %v", tt.name, got, tt.retell)
		}
	}
}
