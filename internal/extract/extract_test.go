package extract

import (
	"context"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/taxonomy"
	"github.com/sitrep/sitrep/internal/text"
)

var (
	once  sync.Once
	ex    *Extractor
	exErr error
)

func extractor(t testing.TB) *Extractor {
	t.Helper()
	once.Do(func() {
		g, err := gazetteer.Load()
		if err != nil {
			exErr = err
			return
		}
		d, err := actor.Load()
		if err != nil {
			exErr = err
			return
		}
		ex = New(g, d)
	})
	if exErr != nil {
		t.Fatal(exErr)
	}
	return ex
}

func extract(t *testing.T, x *Extractor, text, published string) []event.Event {
	t.Helper()
	doc := &event.Document{ID: "test", Text: text, Published: event.Date(published), Format: "text"}
	evs, err := x.Extract(context.Background(), doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// firstEvent returns the first event extracted from text, failing the
// test when there is none.
func firstEvent(t *testing.T, x *Extractor, text, published string) event.Event {
	t.Helper()
	evs := extract(t, x, text, published)
	if len(evs) == 0 {
		t.Fatalf("no event in %q", text)
	}
	return evs[0]
}

func TestExtractSentences(t *testing.T) {
	tests := []struct {
		name, text, published      string
		typ, sub, actor1, location string
		date                       string
		fatalities                 int // -1: none reported
	}{
		{"air strike", "Pakistani jets struck militant hideouts in Khost, Afghanistan, on Tuesday, killing 12 people, Afghan officials said.", "2025-10-16",
			"Explosions/Remote violence", "Air/drone strike", "Military Forces of Pakistan", "Khōst", "2025-10-14", 12},
		// A killing whose dead are all civilians, with no armed side
		// against its doer, is violence against civilians.
		{"villagers killed when gunmen raided", "Eleven villagers were killed when gunmen raided Kamango near Beni in North Kivu on Sunday, officials said.", "2025-03-10",
			"Violence against civilians", "Attack", "Unidentified Armed Group", "Beni", "2025-03-09", 11},
		// Remote violence happens where it lands, not where it was
		// fired from.
		{"fired from positions elsewhere", "Terrorists positioned in Eastern Ghouta fired mortar shells at residential neighborhoods of Damascus on Monday, killing eight people, police said.", "2016-01-06",
			"Explosions/Remote violence", "Shelling/artillery/missile attack", "", "Damascus", "2016-01-04", 8},
		{"fired from a province into another", "Rebels fired rockets from Idlib province into the government stronghold of Latakia on Friday, killing one person, the monitor said.", "2016-10-29",
			"Explosions/Remote violence", "Shelling/artillery/missile attack", "Opposition Rebels", "Latakia", "2016-10-28", 1},
		{"ambush", "Fighters of the Islamic State West Africa Province ambushed a Nigerian army convoy near Damboa in Borno State late on Sunday, killing five soldiers.", "2024-09-03",
			"Battles", "Armed clash", "Islamic State West Africa Province", "Damboa", "2024-09-01", 5},
		{"abduction", "Gunmen abducted hundreds of boys from a school in Kankara, Katsina State, on Friday, police said.", "2020-12-13",
			"Violence against civilians", "Abduction/forced disappearance", "Unidentified Armed Group (Nigeria)", "Kankara", "2020-12-11", -1},
		{"protest", "Thousands of protesters marched in Nairobi on Tuesday and police fired tear gas to disperse them.", "2024-06-26",
			"Protests", "Protest with intervention", "Protesters (Kenya)", "Nairobi", "2024-06-25", -1},
		{"suicide bomb", "A suicide bomber killed at least nine people at a mosque in Peshawar on Friday, police said.", "2024-02-10",
			"Explosions/Remote violence", "Suicide bomb", "Unidentified Armed Group (Pakistan)", "Peshawar", "2024-02-09", 9},
		{"territory", "M23 rebels said on Monday they had taken control of Goma after days of fighting.", "2025-01-28",
			"Battles", "Non-state actor overtakes territory", "M23", "Goma", "2025-01-27", -1},
		{"arrests", "More than 40 suspects were arrested in raids on two favelas in Rio de Janeiro on Tuesday.", "2025-10-29",
			"Strategic developments", "Arrests", "Police Forces of Brazil", "Rio de Janeiro", "2025-10-28", -1},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := firstEvent(t, x, tt.text, tt.published)
			got := func(s *string) string {
				if s == nil {
					return ""
				}
				return *s
			}
			if got(e.EventType) != tt.typ || got(e.SubEventType) != tt.sub {
				t.Errorf("type %s / %s, want %s / %s", got(e.EventType), got(e.SubEventType), tt.typ, tt.sub)
			}
			if len(e.Actor1) < len(tt.actor1) || e.Actor1[:len(tt.actor1)] != tt.actor1 {
				t.Errorf("actor1 %q, want %q", e.Actor1, tt.actor1)
			}
			if e.Location != tt.location || string(e.EventDate) != tt.date {
				t.Errorf("at %q on %s, want %q on %s", e.Location, e.EventDate, tt.location, tt.date)
			}
			switch {
			case tt.fatalities < 0 && e.Fatalities != nil:
				t.Errorf("fatalities %d, want none", *e.Fatalities)
			case tt.fatalities >= 0 && (e.Fatalities == nil || *e.Fatalities != tt.fatalities):
				t.Errorf("fatalities %v, want %d", e.Fatalities, tt.fatalities)
			}
		})
	}
}

// TestVictimSide: an event that names no side acted on takes it from the
// people killed or the post attacked, never from the doers' own losses.
func TestVictimSide(t *testing.T) {
	tests := []struct {
		name, text, published string
		actor2, evidence      string // actor2's prefix; "" for none of the state's forces
	}{
		{"soldiers killed", "Suspected jihadists killed 12 soldiers in an attack near Ouallam in western Niger on Thursday, the defence ministry said.", "2025-03-22",
			"Military Forces of Niger", "12 soldiers"},
		{"post attacked", "Gunmen attacked a police station in Gusau, Zamfara State, on Monday night and set two patrol vehicles on fire.", "2025-05-13",
			"Police Forces of Nigeria", "police station"},
		{"toll after the attack", "Insurgents attacked the town of Monguno in Borno State on Monday, sparking a gun battle that lasted hours. Seven soldiers were killed, the army said.", "2025-03-26",
			"Military Forces of Nigeria", "Seven soldiers"},
		{"post attacked beside a battle", "Insurgents stormed a military base in Monguno, Borno State, on Monday, sparking a gun battle that lasted hours. Seven soldiers were killed, the army said.", "2025-03-26",
			"Military Forces of Nigeria", "military base"},
		{"civilians first", "Rockets fired from across the border hit Kantharalak in Sisaket province on Thursday, killing 11 civilians and one soldier.", "2025-07-25",
			"Civilians (Thailand)", "civilians"},
		{"the doers' own losses", "Nigerian troops fought off an attack near Damboa in Borno State on Sunday, losing four soldiers, the army said.", "2025-09-01",
			"", ""},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := firstEvent(t, x, tt.text, tt.published)
			if tt.actor2 == "" {
				if strings.HasPrefix(e.Actor2, "Military Forces of Nigeria") {
					t.Errorf("actor2 %q: the doers' own soldiers", e.Actor2)
				}
				return
			}
			if !strings.HasPrefix(e.Actor2, tt.actor2) {
				t.Fatalf("actor2 %q, want %q", e.Actor2, tt.actor2)
			}
			var ev string
			for _, v := range e.Evidence {
				if v.Field == "actor2" {
					ev = tt.text[v.Start:v.End]
				}
			}
			if !strings.Contains(ev, tt.evidence) {
				t.Errorf("actor2's evidence %q, want it to hold %q", ev, tt.evidence)
			}
		})
	}
}

func TestNotEvents(t *testing.T) {
	x := extractor(t)
	for _, text := range []string{
		"The army will launch an offensive against the rebels in Borno next month, officials said.",
		"Police denied that officers had opened fire on the crowd.",
		"The group has carried out attacks in the region for years.",
		"Markets rallied in Lagos on Tuesday as the naira strengthened.",
		"If the talks fail, the rebels could attack Goma.",
	} {
		if evs := extract(t, x, text, "2025-01-10"); len(evs) != 0 {
			t.Errorf("%q gave %d events, first %v %s", text, len(evs), evs[0].EventType, evs[0].Plover)
		}
	}
}

// noTriggers is a detector that finds nothing: the seam where a learned
// model replaces the lexicon.
type noTriggers struct{}

func (noTriggers) Detect(_ *text.Doc, sents []event.Span) [][]Trigger {
	return make([][]Trigger, len(sents))
}

func TestTriggerSeam(t *testing.T) {
	x := extractor(t).WithTriggers(noTriggers{})
	if evs := extract(t, x, "Gunmen killed 12 villagers in Borno State on Sunday.", "2025-01-10"); len(evs) != 0 {
		t.Errorf("a detector that finds nothing gave %d events", len(evs))
	}
}

func TestMergeSameClash(t *testing.T) {
	text := "Soldiers clashed with al-Shabaab fighters near Baidoa on Monday, the army said.\n\n" +
		"The fighting near Baidoa on Monday killed 14 militants and three soldiers, a military officer said."
	evs := extract(t, extractor(t), text, "2025-04-08")
	if len(evs) != 1 {
		t.Fatalf("got %d events, want the clash once", len(evs))
	}
	if evs[0].Fatalities == nil || *evs[0].Fatalities != 17 {
		t.Errorf("fatalities %v, want 17", evs[0].Fatalities)
	}
}

// TestLexiconCoverage checks that the lexicon can produce every ACLED
// sub-event type and every PLOVER type.
func TestLexiconCoverage(t *testing.T) {
	subs, plovers := map[string]bool{}, map[string]bool{}
	for _, e := range NewLexicon().entries {
		if e.typ != "" {
			subs[e.typ+"|"+e.sub] = true
		}
		plovers[e.plover] = true
	}
	// Sub-types set by refinement rather than by an entry of their own.
	for _, s := range []string{"Violence against civilians|Attack", "Protests|Protest with intervention",
		"Protests|Excessive force against protesters", "Riots|Mob violence", "Battles|Government regains territory"} {
		subs[s] = true
	}
	for _, typ := range taxonomy.EventTypes() {
		for _, sub := range taxonomy.SubEventTypes(typ) {
			if !subs[typ+"|"+sub] {
				t.Errorf("no trigger yields %s / %s", typ, sub)
			}
		}
	}
	for _, p := range taxonomy.PloverTypes() {
		if !plovers[p] {
			t.Errorf("no trigger yields PLOVER %s", p)
		}
	}
}

// FuzzModalOnLastWords checks that modalRE finds on the last words
// before a trigger what it finds on the whole clause.
func FuzzModalOnLastWords(f *testing.F) {
	for _, s := range []string{
		"The army said it would soon ",
		"Rebels who had been  holding the town were ",
		"Officials threatened\tto\nretaliate if the attackers were not ",
		"no one was ",
		"The government vowed to crack down on those who ",
		"x\vwould a b c ",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, before string) {
		if whole, cut := modalRE.MatchString(before), modalRE.MatchString(lastWords(before, modalWords)); whole != cut {
			t.Fatalf("modalRE on %q: %v, on its last words %q: %v", before, whole, lastWords(before, modalWords), cut)
		}
	})
}

// TestDatesAreNotCounts: the day of a wire date line or of a date is never
// a toll.
func TestDatesAreNotCounts(t *testing.T) {
	x := extractor(t)
	for _, text := range []string{
		"GUSAU, Nigeria, April 21 - Gunmen killed at least 12 villagers in Zamfara State on Sunday, police said.",
		"Gunmen killed at least 12 villagers in Zamfara State on April 18, police said on April 21.",
	} {
		e := firstEvent(t, x, text, "2021-04-21")
		if e.Fatalities == nil || *e.Fatalities != 12 {
			t.Errorf("%q: fatalities %v, want 12", text, e.Fatalities)
		}
	}
}

// TestStatementTime: a time right after a speech verb dates the saying,
// unless the clause it reports comes between them.
func TestStatementTime(t *testing.T) {
	x := extractor(t)
	tests := []struct{ text, day string }{
		{"Police said on Monday that seven people were injured in rocket attacks on Mazzeh in Damascus last Friday.", "2016-11-04"},
		{"Police said seven people were injured on Monday due to rocket shells fired on Mazzeh in Damascus.", "2016-11-07"},
		{"The correspondent said that seven people were injured on Monday in rocket attacks on Mazzeh in Damascus.", "2016-11-07"},
	}
	for _, tt := range tests {
		e := firstEvent(t, x, tt.text, "2016-11-07")
		if e.EventDate != event.Date(tt.day) {
			t.Errorf("%q: dated %s, want %s", tt.text, e.EventDate, tt.day)
		}
	}
}

// TestUndated: without a publication date, relative days stay unknown and
// a full calendar date still dates the event.
func TestUndated(t *testing.T) {
	x := extractor(t)
	e := firstEvent(t, x, "Gunmen killed at least 12 villagers in Zamfara State on Sunday, police said.", "")
	if e.EventDate != "" || e.DateStart != "" || e.DateEnd != "" {
		t.Errorf("an undated article's \"on Sunday\" resolved to %s..%s", e.DateStart, e.DateEnd)
	}
	e = firstEvent(t, x, "Gunmen killed at least 12 villagers in Zamfara State on April 18, 2021, police said.", "")
	if e.EventDate != "2021-04-18" {
		t.Errorf("a full date in an undated article gave %q, want 2021-04-18", e.EventDate)
	}
}

// TestHeadlineFolds: the headline's event is the lead's, with the
// headline's finer place.
func TestHeadlineFolds(t *testing.T) {
	x := extractor(t)
	head := "Marines die in Fallujah car bombing"
	text := head + "\n\nBAGHDAD, Iraq -- A US military official in Iraq said seven American marines were killed on Monday in a car-bomb explosion."
	doc := &event.Document{ID: "test", Text: text, Published: "2004-10-25", Format: "text", Headline: &event.Span{Start: 0, End: len(head)}}
	evs, err := x.Extract(context.Background(), doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("%d events, want the headline's and the lead's as one", len(evs))
	}
	if evs[0].Admin1 != "Al Anbar" && !strings.Contains(evs[0].Location, "Fall") || evs[0].Span.Start < len(head) {
		t.Errorf("event at %q with span %v; want Fallujah and the lead's passage", evs[0].Location, evs[0].Span)
	}
}

func TestRetoldAttack(t *testing.T) {
	text := "A car bomb exploded at a checkpoint in Hasakah, Syria, on Tuesday, killing eight people, a monitor said. " +
		"The attack came days after a senior commander threatened the town's Kurdish rulers. " +
		"Tuesday's attack struck the headquarters of a local militia in the east of the town."
	evs := extract(t, extractor(t), text, "2016-03-10")
	if len(evs) != 1 {
		t.Fatalf("got %d events, want the bombing once", len(evs))
	}
	if got := deref(evs[0].SubEventType); got != "Remote explosive/landmine/IED" {
		t.Errorf("sub-event %q, want the bombing's", got)
	}
}

// TestAliasesTheArticleUses checks that an actor's aliases are the names
// the article gave it, not every name the dictionary knows.
func TestAliasesTheArticleUses(t *testing.T) {
	text := "Pakistani troops clashed with militants in North Waziristan on Monday, killing four, the army said."
	e := firstEvent(t, extractor(t), text, "2025-04-08")
	if !strings.HasPrefix(e.Actor1, "Military Forces of Pakistan") {
		t.Fatalf("actor1 %q, want Pakistan's military", e.Actor1)
	}
	for _, al := range e.Actor1Aliases {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(al)) {
			t.Errorf("alias %q is not in the article", al)
		}
	}
	if len(e.Actor1Aliases) == 0 {
		t.Error("no alias: the article's own \"Pakistani troops\" is one")
	}
}

// TestBareActors checks the forces that civil-war reports name without
// their country: a regime's forces, rebels, state media's terrorists.
func TestBareActors(t *testing.T) {
	tests := []struct {
		name, text, published, actor1 string
	}{
		{"regime forces", "Regime forces shelled the town of Douma in Rif Dimashq on Monday, killing three civilians.", "2016-05-10", "Military Forces of Syria"},
		{"regime warplanes", "Regime warplanes struck a market in Saraqib, Idlib province, on Sunday, killing nine people.", "2016-05-10", "Military Forces of Syria"},
		{"terrorists", "Terrorists fired rocket shells on residential neighbourhoods of Aleppo on Sunday, injuring four civilians, state media said.", "2016-05-10", "Unidentified Armed Group (Syria)"},
		{"rebels", "Rebels shelled government-held districts of Aleppo on Tuesday, killing two people.", "2016-05-10", "Opposition Rebels (Syria)"},
		{"the one rebel group", "M23 fighters advanced on Sake on Monday. Congolese soldiers clashed with the rebels near Sake on Tuesday.", "2025-01-30", "M23"},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extract(t, x, tt.text, tt.published)
			for _, e := range evs {
				if strings.HasPrefix(e.Actor1, tt.actor1) || strings.HasPrefix(e.Actor2, tt.actor1) {
					return
				}
			}
			for _, e := range evs {
				t.Logf("%s: %q / %q", deref(e.SubEventType), e.Actor1, e.Actor2)
			}
			t.Errorf("no event with %s", tt.actor1)
		})
	}
}

// TestPlaceFromNext: an event its sentence places only in a country takes
// the one town of that country that the next sentences name.
func TestPlaceFromNext(t *testing.T) {
	x := extractor(t)
	text := "Air strikes on a town in northern Syria killed 12 civilians on Thursday, a monitor said. Residents of Saraqeb buried the dead."
	e := firstEvent(t, x, text, "2016-09-15")
	if e.ISO != "SY" || e.GeoPrecision != 2 || e.Location == "Syria" {
		t.Errorf("placed at %q (%s, precision %d), want the town the next sentence names", e.Location, e.ISO, e.GeoPrecision)
	}
}

// TestCaption: a photo's caption tells no event of its own.
func TestCaption(t *testing.T) {
	x := extractor(t)
	for _, text := range []string{
		"In this photo taken on June 8, rescue workers carry a wounded man after an air strike on the town of Saraqeb in Idlib province.",
		"File photo shows soldiers firing at rebel positions near the town of Saraqeb in Idlib province.",
		"Related News Strikes kill 12 in Saraqeb | Rebels attack army posts in Idlib | Talks resume in Geneva",
	} {
		if evs := extract(t, x, text, "2016-06-13"); len(evs) != 0 {
			t.Errorf("%q: %d events from a caption", text, len(evs))
		}
	}
}

// TestAnaphora: "the attack", "Tuesday's bombing" name the event told
// before; they open no event of their own.
func TestAnaphora(t *testing.T) {
	x := extractor(t)
	text := "A suicide bomber killed 12 people at a checkpoint in Saraqeb in Idlib province on Tuesday, a monitor said. " +
		"The attack was the second this year. Tuesday's bombing struck the headquarters of a rebel faction."
	if evs := extract(t, x, text, "2015-07-15"); len(evs) != 1 {
		t.Errorf("%d events, want the bombing once", len(evs))
	}
}

// TestViolentDemonstration: demonstrators who clash with the police make a
// riot even when some of them are killed (ACLED: Riots are violent
// demonstrators; Protests non-violent ones).
func TestViolentDemonstration(t *testing.T) {
	x := extractor(t)
	e := firstEvent(t, x, "At least two protesters were killed when supporters of a sacked governor clashed with security forces in the city of Herat on Sunday.", "2004-09-13")
	if e.EventType == nil || *e.EventType != "Riots" {
		t.Errorf("type %v, want Riots", e.EventType)
	}
}

// TestOwnDatelineIsNoEventTime: the date line loading found dates the
// report, not its events ("15 July 2015 ... was killed Tuesday").
func TestOwnDatelineIsNoEventTime(t *testing.T) {
	x := extractor(t)
	text := "15 July 2015 A rebel commander was killed Tuesday in a suicide bombing at a checkpoint in Saraqeb in Idlib province."
	doc := &event.Document{ID: "test", Text: text, Published: "2015-07-15", Format: "text", Dateline: &event.Span{Start: 0, End: 12}}
	evs, err := x.Extract(context.Background(), doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) == 0 || evs[0].EventDate != "2015-07-14" {
		t.Errorf("events %d, first dated %v; want Tuesday 2015-07-14", len(evs), evs)
	}
}

// TestMeanwhileIsTheNewsDay: a sentence opening "Meanwhile" tells an
// event of the story's days, not of the past battle told just before it.
func TestMeanwhileIsTheNewsDay(t *testing.T) {
	x := extractor(t)
	text := "Air strikes killed 19 people in Daraa on Friday, the monitor said. The town lies near a hill in Daraa province that rebels seized on October 5 in a battle that killed 30 soldiers. Meanwhile in Idlib province three children were killed in air strikes on Saraqeb, the monitor said."
	evs := extract(t, x, text, "2014-10-10")
	for _, e := range evs {
		if e.Location == "Saraqeb" || e.Admin1 == "Idlib" {
			if e.EventDate < "2014-10-07" {
				t.Errorf("the Idlib strikes dated %s, the day of the battle told before them", e.EventDate)
			}
			return
		}
	}
	t.Errorf("no event in Idlib among %d", len(evs))
}

// TestSummaryHeadline: a headline that sums up the events told below it
// place by place is no event of its own; the events below are.
func TestSummaryHeadline(t *testing.T) {
	x := extractor(t)
	text := "Five killed in terrorist attacks in Aleppo Hama and Damascus. Three people were killed when rockets hit the Hamdaniyeh district of Aleppo on Monday, police said. Two people were killed when mortar shells hit the Mazzeh district of Damascus on Monday, police said."
	evs := extract(t, x, text, "2016-11-08")
	for _, e := range evs {
		if e.Span.Start == 0 {
			t.Errorf("the summary headline is an event: %s at %s", e.Plover, e.Location)
		}
	}
	if len(evs) < 2 {
		t.Errorf("%d events, want the two told below the headline", len(evs))
	}
}

// TestFewerStrikesIsNoStrike: strikes told to have become fewer or to
// have stopped hit nothing.
func TestFewerStrikesIsNoStrike(t *testing.T) {
	x := extractor(t)
	for _, text := range []string{
		"Russia and the Syrian government had reduced air raids on Aleppo over the last week, the monitor said.",
		"The coalition paused air strikes on Raqqa on Sunday, a spokesman said.",
	} {
		if evs := extract(t, x, text, "2016-10-08"); len(evs) > 0 {
			t.Errorf("%q: %d events, want none", text, len(evs))
		}
	}
}

// TestHistory: an event dated only by a month long before the article is
// history recalled in passing, not this report's event.
func TestHistory(t *testing.T) {
	x := extractor(t)
	text := "Government forces retook the town of Kidal from the rebels in November 2023. On Sunday, gunmen killed five villagers near Kidal, residents said."
	for _, e := range extract(t, x, text, "2025-03-10") {
		if e.DateEnd != "" && e.DateEnd < "2025-01-01" {
			t.Errorf("history kept as an event: %s %s..%s", *e.SubEventType, e.DateStart, e.DateEnd)
		}
	}
	if evs := extract(t, x, text, "2025-03-10"); len(evs) == 0 {
		t.Error("the report's own event was dropped too")
	}
}

// TestCapturedPeople: people captured are an arrest (ACLED's Arrests), not
// ground taken.
func TestCapturedPeople(t *testing.T) {
	x := extractor(t)
	e := firstEvent(t, x, "Iraqi troops captured a senior commander of the militant group in a raid in Falluja early on Saturday, the military said.", "2004-11-13")
	if e.SubEventType == nil || *e.SubEventType != "Arrests" {
		t.Errorf("sub-event %v, want Arrests", e.SubEventType)
	}
}

// statementStartSpec is statementStart as the expression tells it.
func statementStartSpec(before string) int {
	if loc := statementTimeRE.Regexp.FindStringIndex(before); loc != nil {
		return loc[0]
	}
	return -1
}

func TestStatementStart(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"the army said in a statement on", 9},
		{"the army SAID on", 9},
		{"he said. The strike came on", -1},
		{"he said that the strike; it came on", -1},
		{"the ministry said the attack began late on", 13},
		{"said_ on", -1},
		{"unsaid on", -1},
		{"a statement issued by the ministry late on", -1}, // 31 bytes after it
		{"a statement issued by the ministry on", 2},
		{"", -1},
	}
	for _, tt := range tests {
		got, ok := statementStart(tt.in)
		if !ok || got != tt.want || got != statementStartSpec(tt.in) {
			t.Errorf("statementStart(%q) = %d, %v, want %d (the expression: %d)", tt.in, got, ok, tt.want, statementStartSpec(tt.in))
		}
	}
	if _, ok := statementStart("the army \u212aaid on"); ok {
		t.Error("statementStart read a text that is not ASCII")
	}
}

func FuzzStatementStart(f *testing.F) {
	f.Add("the army said in a statement on")
	f.Add("he said. The strike came on")
	f.Add("officials told reporters that fighting resumed early on")
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := statementStart(s); ok && got != statementStartSpec(s) {
			t.Fatalf("statementStart(%q) = %d, the expression %d", s, got, statementStartSpec(s))
		}
	})
}

// TestStatementStartRandom holds statementStart to the expression over
// texts made of the words and bytes that decide it.
func TestStatementStartRandom(t *testing.T) {
	parts := []string{"said", "SAID", "Told", "statement", "statements", "unsaid", "said_", "said2", "the", "army", ".", ";", " ", "  ", "\n", ",", "-", "'s", "x", "reported", "in"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, ok := statementStart(s); !ok || got != statementStartSpec(s) {
			t.Fatalf("statementStart(%q) = %d, %v, the expression %d", s, got, ok, statementStartSpec(s))
		}
	}
}
