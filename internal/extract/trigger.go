package extract

import (
	"sort"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/pattern"
)

// ACLED event types.
const (
	Battles    = "Battles"
	Explosions = "Explosions/Remote violence"
	VAC        = "Violence against civilians"
	Protests   = "Protests"
	Riots      = "Riots"
	Strategic  = "Strategic developments"
)

// Trigger is a word or phrase that reports an event, with the type it
// suggests before roles and context refine it.
type Trigger struct {
	event.Span
	Text         string
	EventType    string // "" for PLOVER-only events
	SubEventType string
	Plover       string
	Mode         string
	// Class says how the trigger is refined by its sentence: "attack"
	// triggers take their type from weapon and target words; "kill"
	// triggers only count when the sentence has no other trigger.
	Class string
	// Noun is true for nominal triggers ("airstrikes", "clashes").
	Noun bool
	// Rule names the rule that typed the trigger, when one did more
	// than look it up in the lexicon.
	Rule string
}

// TriggerDetector finds event triggers in the sentences of a text. It is
// the seam where a learned classifier can replace the lexicon.
type TriggerDetector interface {
	// Detect returns the triggers in each sentence text[s.Start:s.End]
	// of sents, in the order of sents; spans index text.
	Detect(text string, sents []event.Span) [][]Trigger
}

// lexiconEntry is one trigger pattern of the lexicon.
type lexiconEntry struct {
	re      *pattern.Regexp
	typ     string
	sub     string
	plover  string
	mode    string
	class   string
	noun    bool
	context *pattern.Regexp // required somewhere in the sentence, when set
	not     *pattern.Regexp // forbidden right after the trigger, when set
	after   *pattern.Regexp // required right after the trigger, when set
}

// Lexicon is the dictionary-and-pattern trigger detector.
type Lexicon struct {
	entries []lexiconEntry
	set     *pattern.Set // the entries' patterns, in order
}

func rx(s string) *pattern.Regexp { return pattern.MustCompile(`(?i)\b(?:` + s + `)\b`) }

// NewLexicon builds the trigger lexicon.
func NewLexicon() *Lexicon {
	type e = lexiconEntry
	const (
		clash = "Armed clash"
		air   = "Air/drone strike"
		shell = "Shelling/artillery/missile attack"
		ied   = "Remote explosive/landmine/IED"
	)
	entries := []e{
		// Battles.
		{re: rx(`clash(?:es|ed)?|fighting|fought|gun ?fights?|firefights?|gun battles?|battles?|battled|hostilities|skirmish(?:es)?|exchanges? of fire|exchanged (?:heavy )?fire|cross-border attacks?|cross-border fire|firing across the border`), typ: Battles, sub: clash, plover: "ASSAULT", mode: "firearms", noun: true},
		{re: rx(`offensives?|counter-?offensives?|sieges?|encircled|ambush(?:ed|es)?|(?:military|security) operations?|clearance operations?`), typ: Battles, sub: clash, plover: "ASSAULT", mode: "firearms", noun: true},
		{re: rx(`recaptured|retook|regained control|retaken|recapture[sd]?|liberated`), typ: Battles, sub: "Government regains territory", plover: "ASSAULT", class: "territory"},
		{re: rx(`(?:seized|took|taken|taking|seizing) (?:full |complete |total |effective )?control|captured|overran|overrun|seized|seizing|took|fell to`), typ: Battles, sub: "Non-state actor overtakes territory", plover: "ASSAULT", class: "territory", after: pattern.MustCompile(`(?i)^\s+(?:(?:\S+\s+){0,5}?)(?:towns?|villages?|cit(?:y|ies)|districts?|neighbou?rhoods?|areas?|territory|posts?|bases?|border crossings?|outposts?|positions?|checkpoints?|garrisons?|headquarters|airports?|of|the capital)\b`),
			// "captured a lieutenant of ...": people taken, not ground.
			not: pattern.MustCompile(`(?i)^\s+(?:a |an |the |two |three |several |dozens of )?(?:[\w-]+ ){0,3}?(?:lieutenants?|commanders?|leaders?|aides?|officials?|suspects?|militants?|members?)\b`)},
		// Explosions/Remote violence.
		{re: rx(`paragliders? (?:dropped|attack)|dropped bombs|barrel[- ]bombs?(?: attacks?| strikes?)?|(?:regime|government|coalition|Russian)(?:'?s|’s)? (?:bombing(?: raids?)?|bombs)|air ?strikes?|air ?raids?|drone strikes?|drone attacks?|aerial (?:bombardment|attacks?|strikes?)|bombing raids?|warplanes?|fighter jets? (?:struck|bombed|hit)|airstrikes?|air-strikes?|air-raids?`), typ: Explosions, sub: air, plover: "ASSAULT", mode: "aerial", noun: true},
		{re: rx(`strikes`), typ: Explosions, sub: air, plover: "ASSAULT", mode: "aerial", noun: true, class: "strike",
			not: pattern.MustCompile(`^\s+(?:zones?|areas?|sites?|by workers|by teachers|by doctors)`)},
		{re: rx(`shell(?:ing|ed|s)|artillery|mortars?(?: fire| rounds?| shells?)?|rockets? (?:fire|attacks?)|fired rockets?|rockets? (?:hit|struck|landed)|missiles?(?: strikes?| attacks?)?|ballistic missiles?|bombardment|bombarded`), typ: Explosions, sub: shell, plover: "ASSAULT", mode: "heavy-weapons", noun: true},
		{re: rx(`suicide (?:bomb(?:ings?|ers?|s)?|attacks?|blasts?|car bomb(?:ing)?|vest)|blew (?:himself|herself|themselves) up|detonated (?:his|her|their) (?:vest|explosives)`), typ: Explosions, sub: "Suicide bomb", plover: "ASSAULT", mode: "suicide-attack", noun: true},
		{re: rx(`roadside bombs?|improvised explosive devices?|IEDs?|landmines?|land mines?|car bombs?|bomb (?:blast|attack|explosion)s?|explosive devices?|bomb exploded|bombs? (?:went off|detonated|exploded|ripped)|bombings?|explosives?-laden`), typ: Explosions, sub: ied, plover: "ASSAULT", mode: "explosives", noun: true},
		{re: rx(`blasts?|explosions?`), typ: Explosions, sub: ied, plover: "ASSAULT", mode: "explosives", noun: true, class: "blast"},
		{re: rx(`grenades?(?: attacks?)?|hurled (?:a )?grenades?`), typ: Explosions, sub: "Grenade", plover: "ASSAULT", mode: "explosives", noun: true},
		{re: rx(`chemical (?:weapons? )?(?:attacks?|use)|chlorine(?: gas)?(?: attacks?)?|sarin|nerve agents?|(?:toxic|poison(?:ous)?) gas(?:es)?(?: attacks?)?|gas attacks?|gass(?:ed|ing)`), typ: Explosions, sub: "Chemical weapon", plover: "ASSAULT", mode: "unconventional", noun: true},
		// Generic attacks, refined by weapon and target.
		{re: rx(`bombed|bombing`), typ: Battles, sub: clash, plover: "ASSAULT", class: "attack", context: rx(`jets?|warplanes?|planes?|aircraft|drones?|helicopters?|F-\d+s?|bombers?|air force`)},
		// "claimed to have bombed an Australian convoy": a bomb set on the
		// ground, where no aircraft is named.
		{re: rx(`bombed`), typ: Explosions, sub: ied, plover: "ASSAULT", mode: "explosives", context: rx(`convoys?|patrols?|vehicles?|buses|bus|checkpoints?|markets?|mosques?|churches|church|embass(?:y|ies)|hotels?|restaurants?|police stations?|pipelines?`),
			not: pattern.MustCompile(`(?i)^\s+(?:\S+\s+){0,6}?(?:from the air|by (?:jets?|warplanes?|planes?|aircraft|drones?|helicopters?))`)},
		{re: rx(`attack(?:s|ed|ing)?|assault(?:s|ed)?|raid(?:s|ed)?|stormed|opened fire|shot dead|gunned down|massacred?|massacres|killings|rampage|torched|set (?:fire|ablaze)|burned down|beheaded|beheadings?|executed|executions`), typ: Battles, sub: clash, plover: "ASSAULT", class: "attack", noun: true},
		{re: rx(`kill(?:ed|ing|s)|shot|died|dead|slain|lost their lives|deaths?`), typ: Battles, sub: clash, plover: "ASSAULT", class: "kill"},
		// Violence against civilians.
		{re: rx(`abduct(?:ed|ion|ions|s)?|hijack(?:ed|ing|ers)?|kidnapp?(?:ed|ing|ings)|kidnaps?|taken hostage|took (?:\w+ )?hostages?|seized hostages|forcibly disappeared|enforced disappearances?`), typ: VAC, sub: "Abduction/forced disappearance", plover: "ASSAULT", mode: "abduct", noun: true},
		{re: rx(`raped|rapes?|sexual(?:ly)? (?:violence|assault(?:ed)?|abuse[d]?)|gang-raped`), typ: VAC, sub: "Sexual violence", plover: "ASSAULT", mode: "sexual", noun: true},
		// Protests and riots.
		{re: rx(`protest(?:s|ed|ing|ers)?|demonstrat(?:ion|ions|ors|ed|ing)|rall(?:y|ies|ied)|marched|marchers|took to the streets|sit-ins?|picket(?:ed|s)?|general strike|went on strike|staged (?:a )?strikes?|walkouts?|vigils?`), typ: Protests, sub: "Peaceful protest", plover: "PROTEST", mode: "demo", noun: true,
			not: pattern.MustCompile(`^\s+(?:organi[sz]ers|leaders|movements?|groups?|sites?|camps?|songs?|slogans?|organi[sz]ations?)\b`)},
		{re: rx(`riot(?:s|ed|ing|ers)?|mob|mobs|lynch(?:ed|ing)?|vigilantes`), typ: Riots, sub: "Violent demonstration", plover: "PROTEST", mode: "riot", noun: true,
			not: pattern.MustCompile(`^\s+(?:police|gear|squads?|control|units?|officers)\b`)},
		// Strategic developments.
		{re: rx(`ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|prisoner (?:exchange|swap)`), typ: Strategic, sub: "Agreement", plover: "AGREE", noun: true, class: "agreement"},
		{re: rx(`(?:signed|reached|struck|concluded|sealed) (?:an?|the) (?:\w+ ){0,2}?(?:agreement|deal|accord)`), typ: Strategic, sub: "Agreement", plover: "AGREE", class: "deal"},
		{re: rx(`arrest(?:ed|s|ing)?|detain(?:ed|s)|rounded up|took into custody|taken into custody`), typ: Strategic, sub: "Arrests", plover: "COERCE", mode: "arrest", class: "arrest"},
		// ACLED codes the capture of people by state forces as arrests.
		{re: rx(`captured ` + `(?:a |an |the |two |three |several |dozens of )?(?:[\w-]+ ){0,3}?(?:lieutenants?|commanders?|leaders?|aides?|officials?|suspects?|militants?|members?)\b`), typ: Strategic, sub: "Arrests", plover: "COERCE", mode: "arrest", class: "arrest"},
		{re: rx(`loot(?:ed|ing)|ransack(?:ed)?|plunder(?:ed)?|vandali[sz]ed|demolished|razed`), typ: Strategic, sub: "Looting/property destruction", plover: "ASSAULT", mode: "destroy", noun: true},
		{re: rx(`defused|dismantled (?:an? )?(?:explosive|bomb|IED)|intercepted|shot down|foiled|seized (?:a |an )?(?:weapons|arms|ammunition|explosives) (?:cache|haul)|weapons cache|arms cache`), typ: Strategic, sub: "Disrupted weapons use", plover: "COERCE", mode: "seize", class: "disrupt"},
		{re: rx(`established (?:a |an )?(?:new )?(?:military )?(?:base|headquarters|outpost|camp)|set up (?:a |an )?(?:new )?(?:military )?(?:base|headquarters|outpost|camp)|opened (?:a |an )?(?:new )?(?:military )?(?:base|outpost)`), typ: Strategic, sub: "Headquarters or base established", plover: "MOBILIZE", mode: "troops"},
		{re: rx(`handed over control|handed control|withdrew from|pulled out of|took over (?:without|peacefully)|without a fight|were handed over to`), typ: Strategic, sub: "Non-violent transfer of territory", plover: "RETREAT", mode: "withdraw", class: "transfer"},
		{re: rx(`merged with|announced (?:the|its) (?:formation|dissolution|creation)|pledged allegiance|changed its name|rebranded|split from|disbanded|dissolved itself`), typ: Strategic, sub: "Change to group/activity", plover: "SUPPORT"},
		{re: rx(`declared (?:a |an )?(?:state of emergency|martial law)|imposed (?:a )?(?:state of emergency|martial law)|dissolved (?:the )?parliament|suspended the constitution`), typ: Strategic, sub: "Other", plover: "COERCE", mode: "martial-law"},
		// PLOVER-only events.
		{re: rx(`apologi[sz]ed|conceded|admitted responsibility|acknowledged responsibility|expressed regret`), plover: "CONCEDE", class: "verbal"},
		{re: rx(`joint (?:military )?(?:operation|patrols?|exercises?)|cooperat(?:ed|ion agreement) with|signed a (?:security|defen[cs]e) (?:pact|agreement)`), plover: "COOPERATE", class: "verbal"},
		{re: rx(`expressed (?:its |his |her |their )?support|pledged (?:its |his |her |their )?support|voiced support|endorsed|praised`), plover: "SUPPORT", class: "verbal"},
		{re: rx(`visit(?:s|ed|ing)?|met with|held talks|talks with|hosted|received (?:a |an )?(?:delegation|visiting)|phone call with|spoke by (?:tele)?phone`), plover: "CONSULT", mode: "visit", class: "consult", noun: true},
		{re: rx(`accuse[sd]?|accusing|blamed|blames|alleged that|accusations?`), plover: "ACCUSE", mode: "allege", class: "verbal", not: pattern.MustCompile(`^\s+(?:\S+\s+){0,5}?on\b`)},
		{re: rx(`threatened|threatens|warned of|vowed (?:to|revenge)|ultimatum`), plover: "THREATEN", class: "verbal"},
		{re: rx(`called (?:on|for)|calls (?:on|for)|urged|urges|appealed (?:to|for)|demanded|demands`), plover: "REQUEST", class: "verbal"},
		{re: rx(`rejected|rejects|refused|dismissed (?:the|a|an)`), plover: "REJECT", class: "verbal"},
		{re: rx(`imposed sanctions|sanctioned|sanctions (?:on|against)|expelled|suspended aid|sentenced|convicted`), plover: "SANCTION", class: "verbal"},
		{re: rx(`deployed|deploying|deployment of|reinforcements|mobili[sz]ed|sent (?:more )?troops|put on high alert|massed troops`), plover: "MOBILIZE", mode: "troops", class: "verbal"},
		{re: rx(`(?:delivered|distributed|sent|airlifted) (?:humanitarian )?(?:aid|food|relief|supplies)|aid convoys?|humanitarian convoys?`), plover: "AID", class: "verbal"},
		{re: rx(`imposed (?:a )?curfew|curfew|internet shutdown|shut down the internet|blocked (?:access|social media)|deported`), plover: "COERCE", mode: "curfew", class: "verbal"},
		{re: rx(`released (?:\w+ )?(?:prisoners|hostages|detainees|captives)|freed (?:\w+ )?(?:prisoners|hostages|detainees|captives)`), plover: "RETREAT", mode: "release", class: "verbal"},
	}
	res := make([]*pattern.Regexp, len(entries))
	for i, en := range entries {
		res[i] = en.re
	}
	return &Lexicon{entries: entries, set: pattern.NewSet(res...)}
}

// Detect implements TriggerDetector.
func (l *Lexicon) Detect(text string, sents []event.Span) [][]Trigger {
	sc := l.set.Scan(text) // every entry's words, found in one pass
	out := make([][]Trigger, len(sents))
	for i, s := range sents {
		out[i] = l.detect(sc, text, s)
	}
	return out
}

// detect returns the triggers of sentence s.
func (l *Lexicon) detect(sc *pattern.Scan, text string, s event.Span) []Trigger {
	sent := text[s.Start:s.End]
	var out []Trigger
	for i, en := range l.entries {
		if !sc.Possible(i, s.Start, s.End) {
			continue
		}
		if en.context != nil && !en.context.MatchString(sent) {
			continue
		}
		for _, loc := range sc.FindAll(i, s.Start, s.End, false) {
			if en.not != nil && en.not.MatchString(text[loc[1]:s.End]) {
				continue
			}
			if en.after != nil && !en.after.MatchString(text[loc[1]:s.End]) {
				continue
			}
			out = append(out, Trigger{
				Span:         event.Span{Start: loc[0], End: loc[1]},
				Text:         text[loc[0]:loc[1]],
				EventType:    en.typ,
				SubEventType: en.sub,
				Plover:       en.plover,
				Mode:         en.mode,
				Class:        en.class,
				Noun:         en.noun,
			})
		}
	}
	return dropOverlaps(out)
}

// dropOverlaps keeps, of triggers that overlap, the one that came first in
// the lexicon (more specific entries come first) and then the longer one.
func dropOverlaps(ts []Trigger) []Trigger {
	var out []Trigger
outer:
	for _, t := range ts {
		for _, o := range out {
			if t.Overlaps(o.Span) {
				continue outer
			}
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
