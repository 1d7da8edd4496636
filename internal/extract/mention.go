package extract

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/taxonomy"
	"github.com/sitrep/sitrep/internal/text"
	"github.com/sitrep/sitrep/internal/timex"
)

// mention is one report of an event in one sentence, before mentions that
// report the same event are merged.
type mention struct {
	trig     Trigger
	sent     int
	span     event.Span // the sentence
	typ      string
	sub      string
	plover   string
	mode     string
	actor1   *role
	actor2   *role
	assoc1   *role
	assoc2   *role
	place    *gazetteer.Resolved
	ownPlace bool
	when     timex.Range
	whenExpr *timex.Expr
	ownTime  bool
	claims   []claim
	injured  []claim
	// siblings are the triggers of the same sentence: a time or place
	// belongs to the trigger nearest it.
	siblings []Trigger
	// heard are all the triggers the lexicon found in the sentence, those
	// refine dropped too: "attacked a military base ..., sparking a gun
	// battle" names the target of the battle after "attacked".
	heard []Trigger
	// why holds, for each field a rule set, the rule's name, the last
	// rule to set a field last.
	why []event.Reason
}

// because records that rule gave m's field its value, when the caller
// asked for reasons.
func (a *analysis) because(m *mention, field, rule string) {
	if a.explain {
		m.because(field, rule)
	}
}

// because records that rule gave m's field its value.
func (m *mention) because(field, rule string) {
	for i := range m.why {
		if m.why[i].Field == field {
			m.why[i].Rule = rule
			return
		}
	}
	m.why = append(m.why, event.Reason{Field: field, Rule: rule})
}

// reason returns the rule that gave m's field its value, or "".
func (m *mention) reason(field string) string {
	for _, r := range m.why {
		if r.Field == field {
			return r.Rule
		}
	}
	return ""
}

// nearest reports whether m's trigger is the one of its sentence that s
// belongs to.
func (m *mention) nearest(s event.Span) bool {
	// English puts a time or place after the verb it belongs to
	// ("kidnapped three lecturers on Saturday and demanded a ransom"),
	// so a trigger before s beats any after it.
	dist := func(t Trigger) int {
		if s.Start >= t.End {
			return s.Start - t.End
		}
		return 1<<20 + t.Start - s.End
	}
	d := dist(m.trig)
	for _, t := range m.siblings {
		if t.Span != m.trig.Span && dist(t) < d {
			return false
		}
	}
	return true
}

// role is an actor taking part in an event, and the words naming it.
type role struct {
	event.Span
	Text  string
	Actor *actor.Actor
	// Name is used when no dictionary actor is known (a person's name).
	Name string
	// Bare is the kind of a force or public named without its country
	// ("security forces": military).
	Bare actor.Kind
	// Rule names the rule that chose this role, when one did more than
	// read it in place (a claim's source named in another sentence).
	Rule string
}

func (r *role) name() string {
	if r == nil {
		return ""
	}
	if r.Actor != nil {
		return r.Actor.Name
	}
	return r.Name
}

var (
	// modalRE marks an event that has not happened: future, plan,
	// threat, hypothesis or negation, in the words before a trigger.
	modalRE = pattern.MustCompile(`(?i)\b` + lexicon.Alternation(lexicon.ModalPhrases) + `\s+(?:\S+\s+){0,3}$`)
	// infinitiveRE marks "to attack": an aim, not an act; infinitive
	// reads it faster.
	infinitiveRE = pattern.MustCompile(`(?i)\bto\s+$`)
	// habitualRE marks a background pattern rather than an event;
	// habitual reads it faster.
	habitualRE = pattern.MustCompile(`(?i)\b(?:` + strings.Join(habitualWords, "|") + `|\w+-month|\w+-year)\b`)
	// relativeRE marks a trigger in a relative clause about an actor
	// ("the military, which is fighting Fano"): background, not news.
	relativeRE = pattern.MustCompile(`(?i)^\s*(?:which|who|that)\s+(?:is|are|has been|have been)\s+(?:\S+\s+){0,2}$`)
	// pastRelativeRE marks a past act told in a relative clause ("whose
	// troops fought alongside the army"), background unless dated.
	pastRelativeRE = pattern.MustCompile(`(?i)^\s*(?:which|who|whose\s+\S+)\s+(?:(?:has|have|had)\s+(?:also\s+)?)?(?:\S+\s+){0,1}$`)
	// pastYearRE finds a year, which dates background ("began in 2017").
	pastYearRE = pattern.MustCompile(`\b(?:19[5-9]\d|20[0-4]\d)\b`)
	// habitualPhraseRE marks a pattern told after its verb: "attacked
	// repeatedly since 2019", "fighting the group for 15 years"; see
	// habitualAfter.
	habitualPhraseRE = pattern.MustCompile(`(?i)^` + habitualPhrases + `\b`)
	// habitualLeads are the words a match of habitualPhraseRE begins
	// with.
	habitualLeads = mustLeadWords(habitualPhraseRE.String())
	// civilianRE marks civilian targets and victims.
	civilianRE = lexiconRE(lexicon.CivilianTargets)
	// forceRE marks armed targets.
	forceRE = lexiconRE(lexicon.ArmedTargets)
	// bombRE makes a blast an attack.
	bombRE = lexiconRE(lexicon.BombWords)
	// agreementVerbRE must accompany a ceasefire or deal to make it an
	// agreement that happened.
	agreementVerbRE = pattern.MustCompile(`(?i)\b(?:confirmed|agreed|agree|reached|announced|declared|signed|brokered|took effect|came into (?:effect|force)|accepted|accept|struck|sealed|concluded|endorsed|began|started|holding|held)\b`)
	campaignRE      = pattern.MustCompile(`(?i)\b(?:campaign(?:ing|s)?|election|electoral|candidates?|polls?)\b`)
	marketRE        = pattern.MustCompile(`(?i)\b(?:markets?|stocks?|shares|prices|currency|naira|rupee|dollar|index|bonds?)\b`)
	// nonConflictRE names deaths that no armed group caused: disasters,
	// disease, accidents and animals. ACLED codes political violence
	// only; a bare "killed" beside these words reports none.
	nonConflictRE = pattern.MustCompile(`(?i)\b(?:floods?|flooding|flash floods|storms?|typhoons?|hurricanes?|cyclones?|tornado(?:es)?|earthquakes?|quakes?|landslides?|mudslides?|avalanches?|tsunamis?|heat ?waves?|lightning|epidemics?|diseases?|cholera|malaria|ebola|malnutrition|malnourish\w*|starvation|accidents?|accidental(?:ly)?|crash(?:ed|es)?|derail(?:ed|ment)|collapsed?|capsized?|drown(?:ed|ing)?|stampedes?|fire broke out|blaze|bears?|crocodiles?|elephants?|sharks?|snakes?|snakebites?|wild animals?)\b`)
	// nonConflictLeads are the words a match of nonConflictRE begins
	// with: a look at each word of a sentence spares most the engine.
	nonConflictLeads = mustLeadWords(nonConflictRE.String())
	// reactionRE, before a trigger in its clause, makes the trigger the
	// object of a reaction, an inquiry or a claim: "condemned the
	// attacks", "inspectors ... the site of the attack", "claims of a
	// chemical attack". Reactions are not events in ACLED's codebook.
	reactionRE = pattern.MustCompile(`(?i)\b(?:condemn\w*|denounc\w*|deplor\w*|criticis\w*|criticiz\w*|slammed|protested against|concerns? (?:about|over)|outrage (?:at|over)|inspectors?|investigat\w*|inquiry|probe into|resolution|claims? (?:of|that)|allegations? (?:of|that)|alleged|allegedly|reports? of|statements? about)\b`)
	// reactionLeads are the words a match of reactionRE begins with.
	reactionLeads = mustLeadWords(reactionRE.String())
	// reactionAfterRE: "the offensive drew strong condemnation".
	reactionAfterRE = pattern.MustCompile(`(?i)^\s+(?:\S+\s+){0,2}?(?:drew|sparked|prompted|triggered|provoked|has drawn|has sparked)\s+(?:\S+\s+){0,2}?(?:condemnation|outrage|criticism|protests? from)\b`)
	// accidentBlastRE names explosions that no armed group set off.
	accidentBlastRE = pattern.MustCompile(`(?i)\b(?:coal mine|mine shaft|miners|colliery|gas (?:leak|cylinder|pipeline|tank)|boiler|fireworks?|factory|refinery|chemical plant|industrial)\b`)
	// passiveByRE: a passive whose agent follows ("were destroyed by").
	passiveByRE = pattern.MustCompile(`(?i)\b(?:were|was|been|being|is|are)\b.*\bby\b`)
	// operationRE names a military action without its weapon.
	operationRE = pattern.MustCompile(`(?i)\b(?:operations?|offensives?|campaign)$`)
	// supportRE ends the words before strikes that back another event.
	supportRE = pattern.MustCompile(`(?i)\b(?:backed|supported|aided|helped|covered|assisted) by\s+(?:\S+\s+){0,3}?$|\bwith the (?:help|support|backing|cover) of\s+(?:\S+\s+){0,3}?$|\bunder the cover of\s+(?:\S+\s+){0,3}?$`)
	// concurrentRE opens a sentence that tells another event of the same
	// days as the story's news.
	concurrentRE = pattern.MustCompile(`^(?:Meanwhile|Elsewhere|Separately|In other violence|At the same time)\b`)
	// speech marks reported speech; hedge words qualify claims.
	speechRE = pattern.MustCompile(`(?i)\b(?:` + lexicon.Alternation(lexicon.SpeechVerbs) + `|according to|put the (?:death )?toll)\b`)
)

// mentions walks the sentences in order and returns every event mention.
func (a *analysis) mentions() []*mention {
	r := &reading{}
	spans := make([]event.Span, len(a.sents))
	for i, s := range a.sents {
		spans[i] = s.Span
	}
	detected := a.x.triggers.Detect(a.words, spans)
	// The year the article was published, which dates what refine
	// reads as history, written once rather than for each sentence.
	art := &articleFacts{}
	if !a.undated {
		art.pubYear = a.pub.Format("2006")
	}
	for si, s := range a.sents {
		if a.background(s.Span) || a.caption(s.Span) {
			// A war's toll since it began: no event, and no event's
			// toll either. A photo's caption retells or illustrates.
			continue
		}
		if a.stories[si] && !a.undated {
			// A bulletin's next story: the time of the last one is not
			// its time, and its tolls are not the last one's. Told with
			// no time, it is the news of the day the bulletin is dated
			// or the day before.
			r.ref = timex.Range{Start: a.pub.AddDate(0, 0, -1), End: a.pub}
		}
		if len(r.out) > 0 && !a.stories[si] {
			a.claimedBy(s.Span, r.out[len(r.out)-1])
		}
		if a.stories[si] {
			r.news = timex.Range{}
		}
		r.concurrent = !r.news.IsZero() && concurrentRE.MatchString(a.text[s.Start:s.End])
		if r.concurrent {
			// "Meanwhile in Idlib three children were killed": the time
			// of the story's news, not of the past battle told just
			// before.
			r.ref = r.news
		}
		trigs := a.refine(s.Span, detected[si], art)
		for _, t := range trigs {
			m := &mention{trig: t, sent: si, span: s.Span, typ: t.EventType, sub: t.SubEventType, plover: t.Plover, mode: t.Mode, siblings: trigs, heard: detected[si]}
			a.read(m, r)
		}
		// A count in a sentence with no trigger belongs to the event
		// told just before ("He added that ... suffered more than
		// 200 casualties").
		if len(trigs) == 0 && len(r.out) > 0 {
			last := r.out[len(r.out)-1]
			if s.Paragraph-a.sents[last.sent].Paragraph <= 1 {
				probe := &mention{span: s.Span, sent: si, typ: last.typ}
				a.assignClaims(probe)
				last.claims = append(last.claims, probe.claims...)
				last.injured = append(last.injured, probe.injured...)
				a.victimSide(last)
			}
		}
	}
	return r.out
}

// reading is the state of a reading of the article, sentence by sentence:
// the mentions kept so far and the times later ones may inherit.
type reading struct {
	out  []*mention
	ref  timex.Range // the time of the event told last
	news timex.Range // the time of the story's first event dated in its last week, its news
	// concurrent marks a sentence that opens "Meanwhile", of the
	// story's news day.
	concurrent bool
}

// A step is one rule that reads a mention, given what was read before
// it. It returns false when the mention is done with: folded into the
// event before it, or no event.
type step struct {
	name string
	run  func(a *analysis, m *mention, r *reading) bool
}

// steps are the rules that read each mention, in the order they run; the
// type a trigger suggests has been settled by its sentence before them
// (refine, typeOf), and "type by roles" settles what needs the roles
// (eventtype.go).
var steps = []step{
	{"type from the trigger", (*analysis).stepTrigger},
	{"time", (*analysis).stepTime},
	{"place", (*analysis).stepPlace},
	{"vague time stays in its sentence", (*analysis).stepVagueTime},
	{"roles", (*analysis).stepRoles},
	{"doer of the event before", (*analysis).stepInheritActors},
	{"claims", (*analysis).stepClaims},
	{"side of the victims", (*analysis).stepVictims},
	{"type by roles", (*analysis).stepTypeByRoles},
	{"toll of the event before", (*analysis).stepTollOfLast},
	{"weapon of the event before", (*analysis).stepWeaponOfLast},
	{"an event worth coding", (*analysis).stepKeep},
	{"one event per place", (*analysis).stepSplit},
}

// read runs the steps on m.
func (a *analysis) read(m *mention, r *reading) {
	for _, s := range steps {
		if !s.run(a, m, r) {
			return
		}
	}
}

func (a *analysis) stepTrigger(m *mention, _ *reading) bool {
	if a.explain {
		rule := m.trig.Rule
		if rule == "" {
			rule = "the lexicon's type for " + strconv.Quote(m.trig.Text)
		}
		m.because("event_type", rule)
	}
	return true
}

func (a *analysis) stepTime(m *mention, r *reading) bool {
	a.assignTime(m, r.ref, r.out)
	if r.concurrent && !m.ownTime {
		a.because(m, "date", `"Meanwhile": the day of the story's news`)
	}
	return true
}

func (a *analysis) stepPlace(m *mention, r *reading) bool {
	a.assignPlaces(m, r.out)
	return true
}

// stepVagueTime: a vague time ("last month") dates its own sentence; a
// report of a place of its own after it is news of the days the article
// covers.
func (a *analysis) stepVagueTime(m *mention, r *reading) bool {
	if !m.ownTime && m.ownPlace && m.typ != "" && !a.undated && r.ref.Days() > 7 && len(r.out) > 0 && r.out[len(r.out)-1].sent != m.sent {
		m.when = timex.Range{Start: a.pub.AddDate(0, 0, -3), End: a.pub}
		a.because(m, "date", "a vague time stays in its sentence: the days the article covers")
	}
	return true
}

func (a *analysis) stepRoles(m *mention, _ *reading) bool {
	a.assignRoles(m)
	return true
}

func (a *analysis) stepInheritActors(m *mention, r *reading) bool {
	a.inheritActors(m, r.out)
	return true
}

func (a *analysis) stepClaims(m *mention, _ *reading) bool {
	a.assignClaims(m)
	if slices.ContainsFunc(m.claims, func(c claim) bool { return c.part }) && a.tollBefore(m.sent) {
		// "Five children were among the dead": part of the toll the
		// article told before, even in a report kept as no event.
		m.claims = slices.DeleteFunc(m.claims, func(c claim) bool { return c.part })
	}
	return true
}

func (a *analysis) stepVictims(m *mention, _ *reading) bool {
	a.victimSide(m)
	return true
}

func (a *analysis) stepTypeByRoles(m *mention, _ *reading) bool {
	a.typeByRoles(m)
	return true
}

// stepTollOfLast: "Five soldiers were killed, the army said" is a toll
// for the event told before.
func (a *analysis) stepTollOfLast(m *mention, r *reading) bool {
	if !(((m.trig.Class == lexicon.Kill || m.trig.Class == lexicon.Attack) && !m.ownTime && !m.ownPlace || tollWord(m.trig)) && len(r.out) > 0 && !a.stories[m.sent]) {
		return true
	}
	last := r.out[len(r.out)-1]
	if a.sents[m.sent].Paragraph-a.sents[last.sent].Paragraph <= 2 {
		last.claims = append(last.claims, m.claims...)
		last.injured = append(last.injured, m.injured...)
		a.victimSide(last)
	}
	return false
}

func (a *analysis) stepWeaponOfLast(m *mention, r *reading) bool {
	return len(r.out) == 0 || !a.weaponOfLast(m, r.out)
}

func (a *analysis) stepKeep(m *mention, r *reading) bool {
	return a.keep(m, r.out)
}

// stepSplit keeps m, one mention per place it lists, and makes its time
// the one later mentions inherit.
func (a *analysis) stepSplit(m *mention, r *reading) bool {
	r.ref = m.when
	if r.news.IsZero() && m.ownTime && !a.undated && m.when.End.After(a.pub.AddDate(0, 0, -7)) {
		r.news = m.when
	}
	r.out = append(r.out, a.splitPlaces(m)...)
	return true
}

// weaponOfLast reports whether m, a strike or shelling told with neither
// time nor place of its own, tells the weapon of last, a killing or an
// attack told a sentence or two before without one ("20 members of Daesh
// were killed Thursday during a military operation by Turkey ... Turkish
// forces hit 34 targets in three airstrikes"), and if so types last by
// it: m refers back and reports nothing new.
func (a *analysis) weaponOfLast(m *mention, prior []*mention) bool {
	last := prior[len(prior)-1]
	if m.typ != taxonomy.Explosions || m.ownTime || m.ownPlace || len(m.claims) > 0 {
		return false
	}
	if !genericBattle(last) || m.sent != last.sent+1 || a.stories[m.sent] {
		return false
	}
	if m.actor1 == nil || last.actor1 == nil || m.actor1.name() != last.actor1.name() || strings.HasPrefix(m.actor1.name(), "Unidentified ") {
		// Another doer's strikes are another event, or a reaction; a
		// doer no one names could be anyone.
		return false
	}
	if m.actor1.Start < m.span.Start || m.actor1.End > m.trig.Start || passiveByRE.MatchString(a.text[m.actor1.End:m.trig.Start]) {
		// The doer must be the strikes' own subject: not inherited, not
		// named after them ("strikes by the air force"), not struck
		// ("were destroyed by an airstrike").
		return false
	}
	// The killing may have been told just before too, as a headline
	// before its lead: each telling takes the weapon.
	for i := len(prior) - 1; i >= 0; i-- {
		p := prior[i]
		if p != last && (p.sent != prior[i+1].sent-1 && p.sent != prior[i+1].sent || !genericBattle(p) || p.actor1 == nil || p.actor1.name() != last.actor1.name()) {
			break
		}
		a.takeWeapon(p, m)
	}
	return true
}

// genericBattle reports whether m is a killing, an attack or an operation
// typed a battle for want of a weapon word.
func genericBattle(m *mention) bool {
	return m.typ == taxonomy.Battles && (m.trig.Class == lexicon.Kill || m.trig.Class == lexicon.Attack || operationRE.MatchString(m.trig.Text))
}

// articleFacts are what refine reads of the article as a whole, once
// for all its sentences.
type articleFacts struct {
	// pubYear is the year the article was published, "" when undated.
	pubYear string
}

// refine drops the triggers of sentence s, of an article of which art
// holds what is read once, that do not report a real event, has typeOf
// type those it keeps, and keeps one of those that report the same
// event. The deduplication reads the types typeOf gives, which is why
// typing runs here, before the steps (see eventtype.go).
//
// modalRE runs on the last words before a trigger only: a match is a
// keyword of at most three words and three words more, so the last
// modalWords words hold every match there is, and the long clauses
// before a trigger cost no more than short ones.
func (a *analysis) refine(s event.Span, trigs []Trigger, art *articleFacts) []Trigger {
	sent := a.text[s.Start:s.End]
	// A trigger that needs a place beside it and has none is no trigger.
	if slices.ContainsFunc(trigs, func(t Trigger) bool { return t.NeedsPlace }) {
		trigs = slices.DeleteFunc(slices.Clone(trigs), func(t Trigger) bool { return t.NeedsPlace && !a.placeTaken(s, t) })
	}
	hasSpecific := false
	hasExplosion := false
	for _, t := range trigs {
		if t.Class != lexicon.Kill && t.Class != lexicon.Attack && t.Class != lexicon.Strike && t.Class != lexicon.Weapon && violent(event.Str(t.EventType)) {
			// An arrest or a truce told beside an attack ("planes bombed
			// Falluja ... and the military said it had captured a
			// lieutenant") does not retell it.
			hasSpecific = true
		}
		if t.EventType == taxonomy.Explosions && t.Mode != "explosives" {
			hasExplosion = true
		}
	}
	// What the sentence as a whole tells, read at the first trigger that
	// asks.
	var pastYear, nonConflict, agreement fact
	var out []Trigger
	for _, t := range trigs {
		before := a.text[clauseStart(a.text, s.Start, t.Start):t.Start]
		if modal(lastWords(before, modalWords)) && !isOngoing(before) {
			continue
		}
		if denialLeads.anyWord(before) && denialRE.MatchString(before) {
			continue // "The army denied that its soldiers had attacked civilians"
		}
		if infinitive(before) && !isOngoing(before) && !strings.HasSuffix(t.Text, "s") {
			continue
		}
		// hasOwnTime first: a loop over a few spans spares the patterns.
		own := a.hasOwnTime(s)
		if !own && habitual(before) ||
			mayBeRelative(before) && (relativeRE.MatchString(before) || !own && pastRelativeRE.MatchString(before)) {
			continue
		}
		if !own && !a.undated && pastYear.of(func() bool { return yearBefore(sent, art.pubYear) }) {
			// "The conflict began in 2017 after ...": history, not news.
			continue
		}
		if habitualAfter(a.text[t.End:min(s.End, t.End+120)]) {
			continue
		}
		if t.EventType == taxonomy.Explosions && len(trigs) > 1 && supportRE.MatchString(before) {
			// "captured Tel Abyad in an offensive backed by U.S.-led air
			// strikes": the support of the event the sentence tells.
			continue
		}
		if t.EventType != "" && (reactionLeads.anyWord(before) && reactionRE.MatchString(before) || reactionAfterRE.MatchString(a.text[t.End:s.End])) &&
			!(own && (a.hasPlace(s) || a.countsVictims(s))) {
			// "The offensive drew condemnation", "UN inspectors should
			// see the site of the attack": a reaction to an event told
			// elsewhere, said where the speaker is.
			continue
		}
		// What a trigger's class needs to count; the words that type
		// it are typeOf's to read.
		switch t.Class {
		case lexicon.Kill:
			if hasSpecific || hasStrong(out) || nonConflict.of(func() bool { return nonConflictLeads.anyWord(sent) && nonConflictRE.MatchString(sent) }) {
				continue
			}
		case lexicon.Attack, lexicon.Weapon:
			if hasSpecific || nonConflict.of(func() bool { return nonConflictLeads.anyWord(sent) && nonConflictRE.MatchString(sent) }) {
				continue
			}
		case lexicon.Blast:
			// "gunfire and explosions echoed": a bomb only when the
			// sentence says so or counts its victims.
			if !bombRE.MatchString(sent) && !a.countsVictims(s) || accidentBlastRE.MatchString(sent) {
				continue
			}
		case lexicon.Agreement:
			if !agreement.of(func() bool { return agreementVerbRE.MatchString(sent) }) {
				continue
			}
		}
		if t.EventType == taxonomy.Protests && strings.HasPrefix(strings.ToLower(t.Text), "rall") && (campaignRE.MatchString(sent) || marketRE.MatchString(sent)) {
			// An election rally, or markets that rallied. typeOf makes
			// no trigger a protest, and the lexicon's protest words have
			// no class it retypes: their type here is the lexicon's.
			continue
		}
		var ok bool
		if t, ok = a.typeOf(s, sent, t); !ok {
			continue
		}
		if t.EventType == taxonomy.Explosions && t.Mode == "explosives" && hasExplosion && t.SubEventType == taxonomy.RemoteExplosive {
			continue // "the air strike caused a huge explosion"
		}
		out = append(out, t)
	}
	return collapse(chemicalFirst(dropProtestClashes(out)))
}

// fact is a yes or no read once.
type fact struct{ read, is bool }

// of returns the fact, reading it by read the first time.
func (f *fact) of(read func() bool) bool {
	if !f.read {
		f.is, f.read = read(), true
	}
	return f.is
}

// chemicalFirst drops the other explosions of a sentence that reports a
// chemical weapon: ACLED types the attack by the weapon, whatever
// delivered it ("shells that contained toxic gas").
func chemicalFirst(ts []Trigger) []Trigger {
	if !slices.ContainsFunc(ts, func(t Trigger) bool { return t.SubEventType == taxonomy.ChemicalWeapon }) {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		if t.EventType == taxonomy.Explosions && t.SubEventType != taxonomy.ChemicalWeapon {
			continue
		}
		out = append(out, t)
	}
	return out
}

// dropProtestClashes drops battle words in a sentence about a protest or
// riot: "students protesting ... clashed with activists" is a riot.
func dropProtestClashes(ts []Trigger) []Trigger {
	demo := false
	for _, t := range ts {
		if t.EventType == taxonomy.Protests || t.EventType == taxonomy.Riots {
			demo = true
		}
	}
	if !demo {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		if t.EventType == taxonomy.Battles {
			continue
		}
		out = append(out, t)
	}
	return out
}

// claimedRE finds a claim of responsibility.
var claimedRE = pattern.MustCompile(`(?i)\bclaim(?:ed|s)? responsibility\b`)

// claimedBy makes the group that claims responsibility in sentence s the
// doer of the event told last, when that event names none.
func (a *analysis) claimedBy(s event.Span, last *mention) {
	if !a.claims.of(func() bool { return claimedRE.HoldsNeedle(a.text) }) || !claimedRE.HoldsNeedle(a.text[s.Start:s.End]) {
		return // most articles, and most sentences of the others
	}
	loc := claimedRE.FindStringIndex(a.text[s.Start:s.End])
	if loc == nil || (last.actor1 != nil && last.actor1.Actor != nil && last.actor1.Actor.Inter != 3) {
		return
	}
	parties, speakers := a.actorsIn(s)
	for _, r := range append(parties, speakers...) {
		if r.Start < s.Start+loc[0] && r.Actor != nil && r.Actor.Inter >= 2 && r.Actor.Inter <= 4 {
			last.actor1 = r
			return
		}
	}
}

// victimSide names the side acted on of an event whose report names none,
// from the people it killed or the place it hit: civilians of an
// explosion or air strike ("killing eight civilians"), the state's
// soldiers or police of an attack or clash ("killed 12 soldiers in an
// attack on an army post"). The doers' own losses name no other side.
func (a *analysis) victimSide(m *mention) {
	if m.actor2 != nil || m.typ != taxonomy.Explosions && m.typ != taxonomy.Battles {
		return
	}
	for _, c := range m.claims {
		if c.kind != "killed" {
			continue
		}
		kind := victimKind(c.of)
		if kind == "" || kind == actor.Civilians && m.typ != taxonomy.Explosions {
			continue
		}
		if r := a.sideOf(m, kind, c.of, c.span); r != nil {
			m.actor2 = r
			a.because(m, "actor2", "no side acted on named: the side of the dead it counts")
		}
		return
	}
	// "attacked a military base in Monguno, sparking a gun battle": the
	// target of any trigger of the sentence names the force.
	for _, t := range m.heard {
		after := a.text[t.End:min(m.span.End, t.End+targetReach)]
		loc := forceTargetRE.FindStringSubmatchIndex(after)
		if loc == nil {
			continue
		}
		kind := actor.Military
		if strings.EqualFold(after[loc[4]:loc[5]], "police") {
			kind = actor.Police
		}
		start, end := t.End+loc[2], t.End+loc[3]
		if m.actor2 = a.sideOf(m, kind, a.text[start:end], event.Span{Start: start, End: end}); m.actor2 != nil {
			a.because(m, "actor2", "no side acted on named: the force whose post was its target")
		}
		return
	}
}

// targetReach is how far after a trigger its target may be named.
const targetReach = 60

// forceTargetRE reads a force's post right after a trigger ("on an army
// post", "a Nigerian military base", "a remote police station"); group 1
// is the phrase, group 2 the force.
var forceTargetRE = pattern.MustCompile(`(?i)^\s+(?:(?:on|against)\s+)?(?:(?:an?|the|two|three|several)\s+)?((?:[a-z]+\s+)?(military|army|police|security)\s+(?:base|post|outpost|camp|barracks|checkpoint|convoy|patrol|station|position)s?)\b`)

// victimKind is the side of the people a count names, by the first word
// that tells ("11 civilians and one soldier" are civilians): civilians,
// military, police, or "" for those who take no side of their own.
func victimKind(of string) actor.Kind {
	var kind actor.Kind
	at := len(of)
	for _, k := range victimKinds {
		if loc := k.re.FindStringIndex(of); loc != nil && loc[0] < at {
			kind, at = k.kind, loc[0]
		}
	}
	return kind
}

var victimKinds = []struct {
	kind actor.Kind
	re   *pattern.Regexp
}{
	{actor.Police, pattern.MustCompile(`(?i)\bpolice`)},
	{actor.Military, pattern.MustCompile(`(?i)\b(?:soldiers?|troops|servicemen|service members|army personnel|military personnel)\b`)},
	{actor.Civilians, civilianRE},
}

// sideOf returns the actor of kind in the country that phrase's demonym
// names ("Pakistani soldiers"), or the event's, as a role spanning the
// phrase; nil when that is the doer's own side or no such actor exists.
func (a *analysis) sideOf(m *mention, kind actor.Kind, phrase string, span event.Span) *role {
	country := a.eventCountry(m)
	for _, w := range strings.Fields(phrase) {
		if code, ok := a.x.actors.Demonym(strings.Trim(w, ",.;:")); ok && isUpper(w) {
			country = code
			break
		}
	}
	act, ok := a.x.actors.ForCountry(country, kind, a.pub)
	if !ok || m.actor1.name() == act.Name {
		return nil
	}
	return &role{Span: span, Text: phrase, Actor: act}
}

// tollWord reports whether t is a word of a toll ("deaths", "dead",
// "died"), which reports the cost of an event rather than a new one.
func tollWord(t Trigger) bool {
	if t.Class != lexicon.Kill && t.Class != lexicon.Attack {
		return false
	}
	switch strings.ToLower(t.Text) {
	case "death", "deaths", "dead", "died", "lost their lives":
		return true
	}
	return false
}

// clauseBreakRE finds a new clause between a trigger and a time.
var clauseBreakRE = pattern.MustCompile(`(?i)(?:,\s+and\s+the\b|;|,\s+but\b|,\s+while\b|,\s+whereas\b)`)

// hasStrong reports whether ts holds a trigger other than a bare "strikes".
func hasStrong(ts []Trigger) bool {
	for _, t := range ts {
		if t.Class != lexicon.Strike {
			return true
		}
	}
	return false
}

// ongoingRE excuses "to" in "continued to clash" and similar.
var ongoingRE = pattern.MustCompile(`(?i)\b(?:continued|continue|continues|began|begun|started|went on)\s+to\s+(?:\S+\s+)?$`)

func isOngoing(before string) bool { return ongoingRE.MatchString(before) }

// clauseStart returns where the clause containing position i begins.
func clauseStart(text string, sentStart, i int) int {
	for j := i - 1; j > sentStart; j-- {
		// A look-up rather than a switch: most bytes are none of them,
		// and refine asks at every trigger.
		c := text[j]
		if !clauseMarks[c] {
			continue
		}
		if c != ',' {
			return j + 1
		}
		// A comma before "and", "but", "while" opens a clause; a comma
		// in a list does not.
		rest := strings.TrimLeft(text[j+1:i], " ")
		for _, w := range clauseOpeners {
			if strings.HasPrefix(rest, w) {
				return j + 1
			}
		}
	}
	return sentStart
}

// clauseMarks are the bytes that may open a clause: ";", ":", "(" and
// a double quote do, a comma before one of clauseOpeners does.
var clauseMarks = [256]bool{';': true, ':': true, '(': true, '"': true, ',': true}

// clauseOpeners open a clause after a comma.
var clauseOpeners = []string{"but ", "while ", "although ", "though ", "as ", "after ", "before ", "when ", "which ", "who "}

// paragraphOf returns the text of the paragraph holding sentence span s.
func (a *analysis) paragraphOf(s event.Span) string {
	i := a.sentenceOf(s.Start)
	if i >= len(a.sents) {
		return a.text[s.Start:s.End]
	}
	p := a.sents[i].Paragraph
	start, end := s.Start, s.End
	for j := i; j >= 0 && a.sents[j].Paragraph == p; j-- {
		start = a.sents[j].Start
	}
	for j := i; j < len(a.sents) && a.sents[j].Paragraph == p; j++ {
		end = a.sents[j].End
	}
	return a.text[start:end]
}

// yearBefore reports whether a match of pastYearRE in s is a year before
// pub, the year of publication, compared as text. A match is a whole run of word bytes, so
// yearBefore reads those runs four bytes long, where the engine would try
// at every byte.
func yearBefore(s, pub string) bool {
	for p := 0; p < len(s); {
		if !pattern.IsWordByte(s[p]) {
			p++
			continue
		}
		q := pattern.SkipWord(s, p)
		if y := s[p:q]; len(y) == 4 && isYear(y) && y < pub {
			return true
		}
		p = q
	}
	return false
}

// isYear reports whether the four bytes of y are a year pastYearRE
// finds: 1950 to 2049.
func isYear(y string) bool {
	d := func(c byte, lo, hi byte) bool { return lo <= c && c <= hi }
	return d(y[3], '0', '9') && (y[:2] == "19" && d(y[2], '5', '9') || y[:2] == "20" && d(y[2], '0', '4'))
}

// countsVictims reports whether sentence s gives a count of people killed
// or hurt.
func (a *analysis) countsVictims(s event.Span) bool {
	probe := &mention{span: s}
	a.assignClaims(probe)
	return len(probe.claims)+len(probe.injured) > 0
}

// hasPlace reports whether sentence s names a place.
func (a *analysis) hasPlace(s event.Span) bool {
	for i := range a.places {
		if p := &a.places[i]; p.Start >= s.Start && p.End <= s.End {
			return true
		}
	}
	return false
}

// placeTaken reports whether a place sentence s names is the ground
// trigger t tells taken: named right after it ("captured Sake"), or as
// the subject of its passive or of "fell to" ("Sake was captured by
// rebels", "Sake, a town in North Kivu, fell to the rebels").
func (a *analysis) placeTaken(s event.Span, t Trigger) bool {
	for i := range a.places {
		p := &a.places[i]
		if p.Start < s.Start || p.End > s.End {
			continue
		}
		switch {
		case p.Start >= t.End:
			if takenPlaceAfterRE.MatchString(a.text[t.End:p.Start]) {
				return true
			}
		case p.End <= t.Start:
			between := a.text[p.End:t.Start]
			if takenPlacePassiveRE.MatchString(between) ||
				strings.HasPrefix(strings.ToLower(t.Text), "fell") && takenPlaceFellRE.MatchString(between) {
				return true
			}
		}
	}
	return false
}

var (
	takenPlaceAfterRE   = pattern.MustCompile(`(?i)^\s+(?:the\s+)?$`)
	takenPlacePassiveRE = pattern.MustCompile(`(?i)^(?:,[^,.;]{0,60},)?\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?$`)
	takenPlaceFellRE    = pattern.MustCompile(`(?i)^(?:,[^,.;]{0,60},)?\s+(?:\w+ly\s+)?$`)
)

func (a *analysis) hasOwnTime(s event.Span) bool {
	for _, e := range a.times {
		if e.Start >= s.Start && e.End <= s.End {
			return true
		}
	}
	return false
}

// collapse keeps one trigger per event type and PLOVER type in a sentence:
// "clashes ... fighting" in one sentence is one report. It keeps them in
// ts, whose order it leaves.
func collapse(ts []Trigger) []Trigger {
	out := ts[:0]
	for _, t := range ts {
		// A sentence has few triggers: a look through those kept
		// costs less than a map of keys made for each.
		if !slices.ContainsFunc(out, func(o Trigger) bool { return sameReport(o, t) }) {
			out = append(out, t)
		}
	}
	return out
}

// sameReport reports whether triggers a and b of one sentence tell one
// event: the same event type, or with none, the same PLOVER type.
func sameReport(a, b Trigger) bool {
	if a.EventType != "" || b.EventType != "" {
		return a.EventType == b.EventType
	}
	return a.Plover == b.Plover
}

// assignTime gives m its own time expression when its sentence has one,
// or the time of the event told before.
func (a *analysis) assignTime(m *mention, ref timex.Range, prior []*mention) {
	var best *timex.Expr
	bestDist := 1 << 30
	for i := range a.times {
		e := &a.times[i]
		if e.Start < m.span.Start || e.End > m.span.End || !m.nearest(e.Span) {
			continue
		}
		if e.Start >= m.trig.End && clauseBreakRE.MatchString(a.text[m.trig.End:e.Start]) {
			// "Demonstrators have blocked roads, and the prime minister
			// resigned in January": another clause's time.
			continue
		}
		d := e.Start - m.trig.End
		if d < 0 {
			d = m.trig.Start - e.End
			d = d * 2 / 3 // a time before the trigger usually frames it
		}
		if e.Absolute() {
			d -= 1000 // a calendar date beats a relative phrase
		}
		if d < bestDist {
			best, bestDist = e, d
		}
	}
	if best != nil {
		anchor := ref
		if best.Anchor == timex.Previous {
			// "the clashes were preceded by strikes two days earlier":
			// relative to the last other event in this sentence, if any.
			for i := len(prior) - 1; i >= 0 && prior[i].sent == m.sent; i-- {
				anchor = prior[i].when
				break
			}
		}
		if a.undated && !best.FullDate() {
			// Without a publication date only a full calendar date says
			// when; "two days later" still follows the event before it.
			if best.Anchor == timex.Previous && !anchor.IsZero() {
				m.when, m.whenExpr, m.ownTime = best.Resolve(anchor.End, anchor), best, true
				a.because(m, "date", "a time relative to the event before it")
			} else {
				m.when = timex.Range{}
				a.because(m, "date", "no publication date: only a full calendar date says when")
			}
			return
		}
		r := best.Resolve(a.pub, anchor)
		if !r.IsZero() && (a.undated || !r.Start.After(a.pub)) {
			m.when, m.whenExpr, m.ownTime = r, best, true
			a.because(m, "date", "the time its sentence gives")
			return
		}
	}
	if a.undated {
		m.when = ref
		a.because(m, "date", "no publication date and no time of its own")
		return
	}
	if m.typ == "" {
		// Statements, visits and accusations told without a time are
		// news of the day: the publication day or the one before, the
		// later as the middle.
		m.when = timex.Range{Start: a.pub.AddDate(0, 0, -1), End: a.pub}
		a.because(m, "date", "a statement told without a time: news of the publication day or the day before")
		return
	}
	if !ref.IsZero() {
		m.when = ref
		a.because(m, "date", "no time of its own: the time of the event told before")
		return
	}
	m.when = timex.Range{Start: a.pub.AddDate(0, 0, -3), End: a.pub}
	a.because(m, "date", "no time told: the three days before publication")
}

// denialRE ends in a denial's clause: "denied that its soldiers had",
// "denies reports that"; what it denies is no event, however far the
// trigger is from the denial.
var denialRE = pattern.MustCompile(`(?i)\bden(?:ied|ies|y|ying)\s+(?:\S+\s+){0,3}?that\s+[^.;]{0,80}$`)

// denialLeads are the words a match of denialRE begins with: most
// clauses before a trigger have none.
var denialLeads = mustLeadWords(denialRE.String())

// modalWords is how many words modalRE needs to see, with room to spare.
const modalWords = 8

// modalPhrases are the words that make what follows them, up to three
// words on, not an event; modal reads them by their last word.
var modalPhrases = lexicon.Words(lexicon.ModalPhrases)

// modalByLast holds modalPhrases, split into words, by their last word.
var modalByLast = func() map[string][][]string {
	m := map[string][][]string{}
	for _, p := range modalPhrases {
		ws := strings.Fields(p)
		m[ws[len(ws)-1]] = append(m[ws[len(ws)-1]], ws)
	}
	return m
}()

// modalShapes rules out most words as a key of modalByLast before the
// map is asked.
var modalShapes = text.ShapesOf(maps.Keys(modalByLast))

// modal is modalRE.MatchString(s). A match is a modal phrase that ends
// where one of the last four runs of non-space ends, with nothing but
// white space and up to three words after it, so modal looks there for
// the phrase's last word, the run of word bytes that ends the run, and
// then back for the words before it: the engine would try the whole
// list of phrases at every word.
func modal(s string) bool {
	if pattern.FoldsToASCII(s) {
		return modalRE.MatchString(s)
	}
	e := len(s)
	for range 4 {
		end := e
		for end > 0 && pattern.IsSpace(s[end-1]) {
			end--
		}
		if end == e || end == 0 {
			return false // \s+ must follow the phrase and each word after it
		}
		if modalEndsAt(s, end) {
			return true
		}
		for end > 0 && !pattern.IsSpace(s[end-1]) {
			end--
		}
		e = end
	}
	return false
}

// modalEndsAt reports whether a modal phrase ends at e in s, beginning
// at a word boundary.
func modalEndsAt(s string, e int) bool {
	start := e
	for start > 0 && pattern.IsWordByte(s[start-1]) {
		start--
	}
	var lower [16]byte
	if e-start > len(lower) || start == e {
		return false
	}
	for i := start; i < e; i++ {
		c := text.LowerASCIIByte(s[i])
		lower[i-start] = c
	}
	if !modalShapes.MayBytes(lower[:e-start]) {
		return false
	}
	for _, words := range modalByLast[string(lower[:e-start])] {
		if wordsEndAt(s, words[:len(words)-1], start) {
			return true
		}
	}
	return false
}

// wordsEndAt reports whether words, each after white space, then the
// white space that follows the last, end at e in s; e is where a word
// begins, after a word boundary.
func wordsEndAt(s string, words []string, e int) bool {
	for i := len(words) - 1; i >= 0; i-- {
		if e == 0 || !pattern.IsSpace(s[e-1]) {
			return false
		}
		for e > 0 && pattern.IsSpace(s[e-1]) {
			e--
		}
		w := words[i]
		if e < len(w) || !strings.EqualFold(s[e-len(w):e], w) {
			return false
		}
		e -= len(w)
	}
	return e == 0 || !pattern.IsWordByte(s[e-1])
}

// habitualPhrases are the phrases habitualPhraseRE looks for.
var habitualPhrases = `(?:has (?:largely |mostly )?(?:frozen|stalled|subsided|eased)|(?:had|have|has) (?:risen|increased|fallen|doubled)|for more than a (?:year|decade)|for (?:a|over a) (?:year|decade)|repeatedly|regularly|frequently|many times|several times|since (?:taking|seizing|coming to) power|around the world|worldwide|globally|in \d{4}\b|last year|this year|in recent years|since (?:\w+\s+)?\d{4}|since (?:mid-|early |late )?(?:` + strings.Join(monthFullNames(), "|") + `)|since the start|similar|such attacks|for (?:more than |nearly |almost |over |about )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:years|decades)|for years|for decades)`

// monthFullNames returns the months' full names, January first.
func monthFullNames() []string {
	var names []string
	for _, m := range lexicon.MonthNames() {
		names = append(names, m.Name)
	}
	return names
}

// habitualWords are habitualRE's words, but for "\w+-month" and
// "\w+-year".
var habitualWords = []string{"repeatedly", "routinely", "often", "frequently", "regularly", "has long", "have long",
	// A trend told without a day: "had reduced air raids", "have
	// stepped up their attacks".
	"reduced", "stepped up", "scaled back", "ramped up",
	"had long", "for years", "for decades", "in the past", "usually", "every", "wave of", "spate of", "string of",
	"years of", "months of", "history of", "campaign of", "which has", "that has", "which have", "that have", "year of",
	"decade of", "bloodiest", "deadliest", "repeated", "still", "daily", "near-daily", "weekly", "frequent", "common",
	"through", "has carried out", "have carried out", "has also carried out", "months-long", "years-long", "which is",
	"which are", "who are", "that is", "years after", "years ago", "years since", "decades after"}

// habitualByWord holds habitualWords by their first word, the run of
// word bytes they begin with.
var habitualByWord = func() map[string][]string {
	m := map[string][]string{}
	for _, p := range habitualWords {
		w := p
		if i := strings.IndexFunc(p, func(r rune) bool { return !pattern.IsWordByte(byte(r)) }); i >= 0 {
			w = p[:i]
		}
		m[w] = append(m[w], p)
	}
	return m
}()

// habitualShapes rules out most words as a key of habitualByWord before
// the map is asked.
var habitualShapes = text.ShapesOf(maps.Keys(habitualByWord))

// habitual is habitualRE.MatchString(s): it looks up each word of s
// among the phrases' first words, where the engine tries the whole list
// at each.
func habitual(s string) bool {
	if pattern.FoldsToASCII(s) {
		return habitualRE.MatchString(s)
	}
	var lower [16]byte
	for p := 0; p < len(s); p++ {
		if !pattern.IsWordByte(s[p]) || p > 0 && pattern.IsWordByte(s[p-1]) {
			continue
		}
		q := pattern.SkipWord(s, p)
		// \w+-month, \w+-year
		if q < len(s) && s[q] == '-' {
			for _, unit := range []string{"-month", "-year"} {
				if pattern.HasPrefixFold(s[q:], unit) && pattern.WordEndsAt(s, q+len(unit)) {
					return true
				}
			}
		}
		if q-p <= len(lower) {
			// Word bytes | 0x20: letters lowered, digits kept, and "_",
			// which no first word holds, kept apart.
			for i := p; i < q; i++ {
				lower[i-p] = s[i] | 0x20
			}
			if !habitualShapes.MayBytes(lower[:q-p]) {
				p = q - 1
				continue
			}
			for _, phrase := range habitualByWord[string(lower[:q-p])] {
				if pattern.HasPrefixFold(s[p:], phrase) && pattern.WordEndsAt(s, p+len(phrase)) {
					return true
				}
			}
		}
		p = q - 1
	}
	return false
}

// habitualAfterWords is how many words after a trigger's own a habitual
// phrase may begin.
const habitualAfterWords = 15

// habitualAfter reports whether a habitual phrase begins at one of the
// habitualAfterWords words of s after its first, words being runs of what
// is not white space (regexp's \S). It is the pattern
// ^\S*\s+(?:\S+\s+){0,14}?(?:phrases)\b, tried word by word: a phrase's
// first words (habitualLeads) rule out most words at a glance, where the
// engine would walk the whole list of phrases at each.
func habitualAfter(s string) bool {
	i := 0
	for i < len(s) && !spaceBytes[s[i]] {
		i++
	}
	for range habitualAfterWords {
		if i == len(s) {
			break
		}
		for i < len(s) && spaceBytes[s[i]] {
			i++
		}
		if i < len(s) && habitualLeads.first[s[i]] && habitualLeads.may(s[i:]) && habitualPhraseRE.MatchString(s[i:]) {
			return true
		}
		for i < len(s) && !spaceBytes[s[i]] {
			i++
		}
	}
	return false
}

// infinitive is infinitiveRE.MatchString(s): s ends with the word "to"
// and white space. Neither letter has a fold outside ASCII.
func infinitive(s string) bool {
	e := len(s)
	for e > 0 && pattern.IsSpace(s[e-1]) {
		e--
	}
	return e < len(s) && e >= 2 && pattern.HasPrefixFold(s[e-2:e], "to") && (e == 2 || !pattern.IsWordByte(s[e-3]))
}

// relativeWords is the most words a match of relativeRE or
// pastRelativeRE holds ("which has also been attacking", "who have
// been a b").
const relativeWords = 5

// mayBeRelative reports whether s may match relativeRE or
// pastRelativeRE: both open, past white space, on "which", "who",
// "whose" or "that", hold at most relativeWords words and end with white
// space. Most clauses before a trigger fail at once, where each pattern
// would cost a search.
func mayBeRelative(s string) bool {
	i := pattern.SkipSpace(s, 0)
	if i == len(s) || !pattern.IsSpace(s[len(s)-1]) {
		return false
	}
	if c := s[i] | 0x20; c != 'w' && c != 't' {
		return false
	}
	for words := 1; ; words++ {
		if words > relativeWords {
			return false
		}
		for i < len(s) && !pattern.IsSpace(s[i]) {
			i++
		}
		if i = pattern.SkipSpace(s, i); i == len(s) {
			return true
		}
	}
}

// lastWords returns the end of s from the start of its n-th last word,
// words being runs of what is not white space (regexp's \S).
func lastWords(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		for i > 0 && spaceBytes[s[i-1]] {
			i--
		}
		for i > 0 && !spaceBytes[s[i-1]] {
			i--
		}
	}
	return s[i:]
}

// spaceBytes holds the bytes of \s, looked up where a word's every byte
// is asked whether it is one.
var spaceBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = pattern.IsSpace(byte(c))
	}
	return t
}()

// lexiconRE matches any phrase of the named word lists as whole words, in
// any case.
func lexiconRE(names ...string) *pattern.Regexp {
	return pattern.MustCompile(`(?i)\b` + lexicon.Alternation(names...) + `\b`)
}
