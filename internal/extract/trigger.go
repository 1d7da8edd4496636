package extract

import (
	"sort"

	"github.com/sitrep/sitrep/internal/lexicon"

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

// NewLexicon builds the trigger lexicon from its data
// (internal/lexicon/data/triggers.txt) and the conditions some of its
// sections set on the words around a trigger.
func NewLexicon() *Lexicon {
	// aircraft are the words that make "bombed" an air strike.
	aircraft := rx(`jets?|warplanes?|planes?|aircraft|drones?|helicopters?|F-\d+s?|bombers?|air force`)
	// peopleTaken are the people "captured" takes: an arrest, not ground.
	peopleTaken := `(?:a |an |the |two |three |several |dozens of )?(?:[\w-]+ ){0,3}?(?:lieutenants?|commanders?|leaders?|aides?|officials?|suspects?|militants?|members?)\b`
	conditions := map[string]lexiconEntry{
		"overtake": {
			after: pattern.MustCompile(`(?i)^\s+(?:(?:\S+\s+){0,5}?)(?:towns?|villages?|cit(?:y|ies)|districts?|neighbou?rhoods?|areas?|territory|posts?|bases?|border crossings?|outposts?|positions?|checkpoints?|garrisons?|headquarters|airports?|of|the capital)\b`),
			// "captured a lieutenant of ...": people taken, not ground.
			not: pattern.MustCompile(`(?i)^\s+` + peopleTaken),
		},
		"strikes":         {not: pattern.MustCompile(`^\s+(?:zones?|areas?|sites?|by workers|by teachers|by doctors)`)},
		"bombed-from-air": {context: aircraft},
		// "claimed to have bombed an Australian convoy": a bomb set on
		// the ground, where no aircraft is named.
		"bombed-on-ground": {
			context: rx(`convoys?|patrols?|vehicles?|buses|bus|checkpoints?|markets?|mosques?|churches|church|embass(?:y|ies)|hotels?|restaurants?|police stations?|pipelines?`),
			not:     pattern.MustCompile(`(?i)^\s+(?:\S+\s+){0,6}?(?:from the air|by (?:jets?|warplanes?|planes?|aircraft|drones?|helicopters?))`),
		},
		"protest": {not: pattern.MustCompile(`^\s+(?:organi[sz]ers|leaders|movements?|groups?|sites?|camps?|songs?|slogans?|organi[sz]ations?)\b`)},
		"riot":    {not: pattern.MustCompile(`^\s+(?:police|gear|squads?|control|units?|officers)\b`)},
		"accuse":  {not: pattern.MustCompile(`^\s+(?:\S+\s+){0,5}?on\b`)},
	}
	var entries []lexiconEntry
	for _, sec := range lexicon.Triggers() {
		en := conditions[sec.Name]
		en.re = pattern.MustCompile(`(?i)\b` + lexicon.Pattern(sec.Phrases) + `\b`)
		en.typ, en.sub, en.plover, en.mode, en.class, en.noun = sec.EventType, sec.SubEventType, sec.Plover, sec.Mode, sec.Class, sec.Noun
		entries = append(entries, en)
		if sec.Name == "arrest" {
			// ACLED codes the capture of people by state forces as
			// arrests: a grammar, not a list of words.
			entries = append(entries, lexiconEntry{re: rx(`captured ` + peopleTaken), typ: Strategic, sub: "Arrests", plover: "COERCE", mode: "arrest", class: "arrest"})
		}
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
