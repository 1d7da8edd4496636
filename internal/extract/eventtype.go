package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/taxonomy"
	"github.com/sitrep/sitrep/internal/text"
)

// The ACLED event type and sub-event type of a mention are decided here,
// and nowhere else, in two halves that run at two fixed points:
//
//   - typeOf, from the trigger and its sentence (weapon, target, crowd,
//     the article's strikes), once for each trigger refine keeps. It runs
//     before the steps, inside refine, because refine's deduplication of a
//     sentence's triggers reads the types it gives: a chemical weapon
//     drops the other explosions (chemicalFirst), a protest or riot drops
//     the battle words beside it (dropProtestClashes), one trigger stays
//     for each type (collapse), and a bomb typed from its own words drops
//     the blast an air strike caused. The triggers kept are the mentions
//     whose siblings every later step reads, so this half cannot wait
//     for the steps. The step "type from the trigger" records its rule.
//   - typeByRoles, the step "type by roles": what needs the roles, the
//     place and the claims read by the steps before it (who took ground
//     where, civilians as the side acted on). The step "weapon of the
//     event before" retypes by takeWeapon a killing told just before the
//     strikes that tell its weapon, and settles it by typeByRoles again.

var (
	// a crowd's violence, protest interventions and excessive force.
	interventionRE = pattern.MustCompile(`(?i)\b(?:tear ?gas|water cannons?|dispersed|disperse|baton(?:s|-charged)?|rubber bullets|arrested|detained|broke up|beat|beaten|stun grenades|pepper spray)\b`)
	excessiveRE    = pattern.MustCompile(`(?i)\b(?:opened fire on|fired (?:live )?(?:rounds|bullets|ammunition) (?:at|on|into)|live (?:ammunition|rounds|bullets)|shot dead|killing|killed|were killed|died)\b`)
	riotRE         = pattern.MustCompile(`(?i)\b(?:torched|set fire|set ablaze|burn(?:ed|t|ing)|stoned|threw (?:stones|rocks|bricks|petrol bombs|molotov)|hurled (?:stones|rocks|bricks)|pelted|looted|vandali[sz]ed|smashed|clashed with|fought with|attacked (?:police|security))\b`)
	securityRE     = pattern.MustCompile(`(?i)\b(?:police|security forces|soldiers|troops|army)\b`)
	crowdRE        = pattern.MustCompile(`(?i)\b(?:youths?|crowds?|rioters|protesters|demonstrators|mob|young men)\b`)
	mobRE          = pattern.MustCompile(`(?i)\b(?:mob|mobs|lynch(?:ed|ing)?|vigilantes?)\b`)
)

// typeOf gives trigger t, which refine keeps as an event of sentence s,
// the type and sub-event type its words and its sentence tell. ok is
// false when the words that would type it are missing, and then t
// reports no event: a weapon word whose sentence names no weapon ("a
// storm struck"), bare "strikes" in an article that speaks of neither air
// strikes nor shelling.
func (a *analysis) typeOf(s event.Span, sent string, t Trigger) (_ Trigger, ok bool) {
	switch t.Class {
	case lexicon.Kill, lexicon.Attack:
		t = a.typeAttack(t, a.weaponContext(s, sent))
	case lexicon.Weapon:
		// "drones struck a residential block": an attack by the
		// weapon its sentence names; with none, a storm or a car.
		w := a.sentenceWeapon(a.sentenceOf(s.Start))
		if w < 0 {
			return t, false
		}
		t = a.typeAttack(t, weaponText{sent, "the sentence", w})
	case lexicon.Strike:
		// A bare "strikes" is an air or missile strike only in an
		// article that speaks of them.
		switch {
		case a.textNames(airWeapon):
		case a.textNames(shellWeapon):
			t.SubEventType, t.Mode = taxonomy.Shelling, "heavy-weapons"
			t.Rule = `bare "strikes" in an article about shelling`
		default:
			return t, false
		}
	}
	if t.EventType == taxonomy.Protests {
		t = a.protestOf(s, sent).retype(t)
	}
	if t.EventType == taxonomy.Riots && mobRE.MatchString(t.Text) {
		t.SubEventType = taxonomy.MobViolence
		t.Rule = "a mob's violence"
	}
	return t, true
}

// executionRE is a killing of people held captive.
var executionRE = pattern.MustCompile(`(?i)^(?:beheaded|executed|execution|executions|beheading|beheadings)$`)

// weaponContext is the text that tells the weapon of an attack in
// sentence s: the sentence; else the next when it goes on about the
// same event ("... committed a massacre in Bab Alnairab. The victims
// were hit by airstrikes ..."); else, for an attack told with no one
// doing it ("An attack on the village of Batbo killed 19"), the sentence
// before, whose raids it is one of.
func (a *analysis) weaponContext(s event.Span, sent string) weaponText {
	k := a.sentenceOf(s.Start)
	if w := a.sentenceWeapon(k); w >= 0 {
		return weaponText{sent, "the sentence", w}
	}
	if k+1 < len(a.sents) && a.sents[k+1].Paragraph == a.sents[k].Paragraph {
		if next := a.text[a.sents[k+1].Start:a.sents[k+1].End]; continuesRE.MatchString(next) {
			return weaponText{sent + " " + next, "the next sentence", weaponIn(a.words, s.Start, a.sents[k+1].End)}
		}
	}
	if k > 0 && a.sents[k-1].Paragraph == a.sents[k].Paragraph && agentlessRE.MatchString(sent) {
		if a.sentenceWeapon(k-1) >= 0 {
			prev := a.sents[k-1]
			return weaponText{a.text[prev.Start:prev.End] + " " + sent, "the sentence before", weaponIn(a.words, prev.Start, s.End)}
		}
	}
	return weaponText{sent, "the sentence", -1}
}

// weaponText is the text read for an attack's weapon, where it was, and
// the weapon it names, an index into weapons; -1 for none.
type weaponText struct {
	text, where string
	weapon      int
}

// weapons are the weapon words, in the order in which they decide an
// attack's type when a text names several: a suicide car bomb is a
// suicide bombing, bombs dropped from the air an air strike.
var weapons = []struct {
	list            string // of the lexicon
	sub, mode, kind string
}{
	{lexicon.SuicideWeapons, taxonomy.SuicideBomb, "suicide-attack", "suicide"},
	{lexicon.AirWeapons, taxonomy.AirDroneStrike, "aerial", "air weapon"},
	{lexicon.ShellingWeapons, taxonomy.Shelling, "heavy-weapons", "shelling"},
	{lexicon.GrenadeWeapons, taxonomy.Grenade, "explosives", "grenade"},
	{lexicon.ExplosiveWeapons, taxonomy.RemoteExplosive, "explosives", "explosive"},
}

// The weapons the rules name by their place in weapons.
const (
	airWeapon   = 1
	shellWeapon = 2
)

// weaponWords holds the words of each weapon, listed in the order of
// weapons.
var weaponWords = func() *text.Phrases {
	lists := make([][]string, len(weapons))
	for i, w := range weapons {
		lists[i] = lexicon.Words(w.list)
	}
	ps, err := text.NewPhrases(lists)
	if err != nil {
		panic(fmt.Sprintf("weapon words: %v", err)) // built at start-up: every test of the package meets it
	}
	return ps
}()

// weaponIn returns the index in weapons of the first whose words d
// writes within the bytes start..end, or -1.
func weaponIn(d *text.Doc, start, end int) int {
	from, to := d.Span(start, end)
	w := -1
	weaponWords.Each(d, from, to, func(list, _, _ int) {
		if w < 0 || list < w {
			w = list
		}
	})
	return w
}

// sentenceWeapon is weaponIn for sentence k, read once: the triggers of
// a sentence and of the sentences beside it ask again.
func (a *analysis) sentenceWeapon(k int) int {
	if a.weapon == nil {
		a.weapon = make([]int8, len(a.sents))
		for i := range a.weapon {
			a.weapon[i] = unread
		}
	}
	if a.weapon[k] == unread {
		a.weapon[k] = int8(weaponIn(a.words, a.sents[k].Start, a.sents[k].End))
	}
	return int(a.weapon[k])
}

// unread marks a sentence whose weapon is not read yet.
const unread = -2

// textNames reports whether the whole text, headline and all, names
// weapons[w].
func (a *analysis) textNames(w int) bool {
	if a.textWeapons == nil {
		a.textWeapons = make([]bool, len(weapons))
		weaponWords.Each(a.words, 0, len(a.words.Tokens), func(list, _, _ int) { a.textWeapons[list] = true })
	}
	return a.textWeapons[w]
}

// agentlessRE is a sentence that opens on an attack and names no one
// making it.
var agentlessRE = pattern.MustCompile(`^(?:An|The|Another)\s+(?:\w+\s+)?attacks?\s+(?:on|in|at)\b`)

// continuesRE opens a sentence that goes on about the event before it.
var continuesRE = pattern.MustCompile(`^(?:The\s+(?:victims|dead|attack|strike|strikes|raid|raids|bombing|massacre|blast|explosion)|They|Most of the|Many of the)\b`)

// typeAttack types a generic attack or killing by its weapon and target.
func (a *analysis) typeAttack(t Trigger, w weaponText) Trigger {
	sent := w.text
	switch {
	case executionRE.MatchString(t.Text):
		// Captives are unarmed whatever they were: their killing is
		// violence against civilians, not a battle.
		t.EventType, t.SubEventType, t.Mode = taxonomy.ViolenceAgainstCivilians, taxonomy.Attack, "targeted"
		t.Rule = "the killing of captives is violence against civilians"
	case w.weapon >= 0:
		wp := weapons[w.weapon]
		t.EventType, t.SubEventType, t.Mode = taxonomy.Explosions, wp.sub, wp.mode
		t.Rule = wp.kind + " words in " + w.where
	case a.crowdRiot(sent):
		t.EventType, t.SubEventType, t.Plover, t.Mode = taxonomy.Riots, taxonomy.ViolentDemonstration, "PROTEST", "riot"
		t.Rule = "a crowd's violence (riot words)"
	default:
		after := sent
		if i := a.indexFold(sent, t.Text); i >= 0 {
			after = sent[i:]
		}
		// Armed men matter only where civilians are named too.
		civ := civilianRE.FindStringIndex(after)
		var force []int
		if civ != nil {
			force = forceRE.FindStringIndex(after)
		}
		switch {
		case civ != nil && (force == nil || civ[0] < force[0]):
			t.EventType, t.SubEventType, t.Mode = taxonomy.ViolenceAgainstCivilians, taxonomy.Attack, "firearms"
			t.Rule = "no weapon named; civilians are its target"
		default:
			t.EventType, t.SubEventType, t.Mode = taxonomy.Battles, taxonomy.ArmedClash, "firearms"
			t.Rule = "no weapon named; armed men are its target"
		}
	}
	t.Class = lexicon.Attack
	return t
}

// crowdRiot reports whether text tells of a crowd's violence: a crowd
// and riot words. The triggers of a sentence ask it of the same text, and
// the last answer is kept.
func (a *analysis) crowdRiot(text string) bool {
	return a.crowdText.of(text, func(s string) bool {
		return crowdRE.MatchString(s) && riotRE.MatchString(s) // the crowd first: it is rarely there
	})
}

// lastText keeps what a rule read of the last text it was asked about,
// for the next to ask: the triggers of a sentence ask in turn of the
// same text.
type lastText[T any] struct {
	text string
	v    T
	ok   bool
}

// of returns what read reads of text, read again only for a new text.
func (m *lastText[T]) of(text string, read func(string) T) T {
	if !m.ok || m.text != text {
		m.text, m.v, m.ok = text, read(text), true
	}
	return m.v
}

// indexFold is indexFold(s, sub), where s, when it is not ASCII, is
// lowered once for the triggers of its sentence, which ask in turn.
func (a *analysis) indexFold(s, sub string) int {
	if text.IsASCII(s) || !text.IsASCII(sub) {
		return indexFold(s, sub)
	}
	return strings.Index(a.lowered.of(s, strings.ToLower), strings.ToLower(sub))
}

// indexFold is strings.Index(strings.ToLower(s), strings.ToLower(sub)).
// When both are ASCII, lowering changes no byte's place, and it compares
// them in place rather than lower a copy of the whole text.
func indexFold(s, sub string) int {
	if !text.IsASCII(s) || !text.IsASCII(sub) {
		return strings.Index(strings.ToLower(s), strings.ToLower(sub))
	}
	if sub == "" {
		return 0
	}
	first := text.LowerASCIIByte(sub[0])
	for i := 0; i+len(sub) <= len(s); i++ {
		if text.LowerASCIIByte(s[i]) == first && pattern.HasPrefixFold(s[i:], sub) {
			return i
		}
	}
	return -1
}

// protestKind is what a sentence tells of a protest: a riot, deadly
// force, the police breaking it up, or none of these (peaceful).
type protestKind int8

const (
	protestPeaceful protestKind = iota
	protestRiot
	protestExcessiveForce
	protestIntervention
	// protestUnread marks a sentence protestOf has not read.
	protestUnread
)

// protestOf returns the protestKind of sentence s, read once: each
// protest word of a sentence asks again.
func (a *analysis) protestOf(s event.Span, sent string) protestKind {
	k := a.sentenceOf(s.Start)
	if k >= len(a.sents) || a.sents[k].Span != s {
		return readProtest(sent, a.paragraphOf(s))
	}
	if a.protest == nil {
		a.protest = make([]protestKind, len(a.sents))
		for i := range a.protest {
			a.protest[i] = protestUnread
		}
	}
	if a.protest[k] == protestUnread {
		a.protest[k] = readProtest(sent, a.paragraphOf(s))
	}
	return a.protest[k]
}

// readProtest reads the protestKind of sent, whose paragraph is para.
func readProtest(sent, para string) protestKind {
	// ACLED: demonstrators who use violence (clash, throw stones, burn)
	// make a riot, even when force is used against them; force against
	// demonstrators who use none is excessive force.
	switch {
	case riotRE.MatchString(sent):
		return protestRiot
	case excessiveRE.MatchString(sent) && securityRE.MatchString(para):
		return protestExcessiveForce
	case interventionRE.MatchString(sent):
		return protestIntervention
	}
	return protestPeaceful
}

// retype picks the protest sub-event type of t by k, or turns a violent
// protest into a riot.
func (k protestKind) retype(t Trigger) Trigger {
	switch k {
	case protestRiot:
		t.EventType, t.SubEventType, t.Plover, t.Mode = taxonomy.Riots, taxonomy.ViolentDemonstration, "PROTEST", "riot"
		t.Rule = "demonstrators who use violence make a riot"
	case protestExcessiveForce:
		t.SubEventType = taxonomy.ExcessiveForce
		t.Rule = "deadly force against demonstrators who use none"
	case protestIntervention:
		t.SubEventType = taxonomy.ProtestWithIntervention
		t.Rule = "a protest the police break up"
	}
	return t
}

// typeByRoles is the second half of the type: it settles the types that
// depend on who acted where, once the roles, the place and the claims of
// m are read.
func (a *analysis) typeByRoles(m *mention) {
	if m.trig.Class == lexicon.Territory {
		state := m.actor1 != nil && m.actor1.Actor != nil && m.actor1.Actor.Inter == 1
		switch {
		case state && m.place != nil && m.actor1.Actor.Country == m.place.Place.CountryCode:
			m.sub = taxonomy.GovernmentRegainsTerritory
			a.because(m, "event_type", "ground taken by the state's forces in their own country")
		case state:
			m.sub = taxonomy.ArmedClash
			a.because(m, "event_type", "ground taken by a state's forces abroad is a battle")
		case m.actor1 != nil:
			m.sub = taxonomy.NonStateActorOvertakesTerritory
			a.because(m, "event_type", "ground taken by a group that is no state's forces")
		default:
			m.sub = taxonomy.ArmedClash
			a.because(m, "event_type", "ground taken by no one named is a battle")
		}
	}
	if m.typ == taxonomy.Explosions {
		a.civilianVictims(m)
	}
	if m.typ == taxonomy.Battles && m.sub == taxonomy.ArmedClash && m.actor2 == nil && (m.trig.Class == lexicon.Kill || m.trig.Class == lexicon.Attack) && onlyCivilians(m) &&
		!forceRE.MatchString(a.text[m.span.Start:m.trig.Start]) {
		// "Eleven villagers were killed when gunmen raided Kamango": a
		// killing whose dead are all civilians, with no armed side
		// named against its doer, is no battle (ACLED: violence against
		// civilians). Armed men among those told before the killing ("26
		// people including 16 soldiers were killed") make it one.
		a.civilianVictims(m)
	}
	if m.typ == taxonomy.Battles && m.actor2 != nil && m.actor2.Actor != nil && m.actor2.Actor.Inter == 7 {
		m.typ, m.sub = taxonomy.ViolenceAgainstCivilians, taxonomy.Attack
		a.because(m, "event_type", "violence whose side acted on is civilians is violence against civilians")
	}
}

// takeWeapon types p, a killing or an attack typed a battle for want of
// a weapon, by the weapon that strikes, the mention m told just after it,
// name.
func (a *analysis) takeWeapon(p, m *mention) {
	p.typ, p.sub, p.mode = m.typ, m.sub, m.mode
	if p.plover == "" || p.plover == "FIGHT" {
		p.plover = m.plover
	}
	a.because(p, "event_type", "its weapon told by the strikes in the next sentence")
	a.typeByRoles(p)
}

// civilianVictims makes civilians the side acted on when a strike or a
// shelling is told to have killed or wounded them ("killing 11 people
// including six children", "three civilians were injured"): ACLED codes
// the civilians harmed by remote violence as its second actor, whoever
// else the sentence names near the trigger.
func (a *analysis) civilianVictims(m *mention) {
	if m.actor2 != nil && m.actor2.Actor != nil && m.actor2.Actor.Inter == 7 {
		return
	}
	for _, c := range slices.Concat(m.claims, m.injured) {
		if c.q.Value == 0 || c.kind != "killed" && c.kind != "injured" || !civilianVictim(c.of) {
			continue
		}
		if r := a.sideOf(m, actor.Civilians, c.of, c.span); r != nil {
			m.actor2 = r
			a.because(m, "actor2", "civilians among those a strike or shelling killed or wounded are its second actor")
		}
		return
	}
}

// citizensRE: state media's word for the civilians it counts ("two
// citizens got injured").
var citizensRE = pattern.MustCompile(`(?i)\bcitizens?\b`)

// civilianVictim reports whether the words a count counts are civilians.
// onlyCivilians reports whether m counts dead or wounded and all of them
// are said to be civilians (villagers, children, "civilians"); "26
// people including 16 soldiers" are not.
func onlyCivilians(m *mention) bool {
	return allHarmed([]*mention{m}, func(of string) bool { return victimKind(of) == actor.Civilians })
}

// allHarmed reports whether mentions ms count dead or wounded and the
// people of every such count pass is.
func allHarmed(ms []*mention, is func(of string) bool) bool {
	n := 0
	for _, m := range ms {
		for _, c := range slices.Concat(m.claims, m.injured) {
			if c.kind != "killed" && c.kind != "injured" || c.q.Value == 0 {
				continue
			}
			if !is(c.of) {
				return false
			}
			n++
		}
	}
	return n > 0
}

func civilianVictim(of string) bool {
	kind := victimKind(of)
	return kind == actor.Civilians || kind == "" && citizensRE.MatchString(of)
}
