package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/lexicon"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/taxonomy"
	"github.com/sitrep/sitrep/internal/text"
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
	// Class says how the trigger is refined by its sentence.
	Class lexicon.Class
	// Noun is true for nominal triggers ("airstrikes", "clashes").
	Noun bool
	// NeedsPlace marks a trigger that counts only beside a place the
	// text names ("captured Sake", "Sake fell to"), which the lexicon
	// cannot see: refine checks it.
	NeedsPlace bool
	// Rule names the rule that typed the trigger, when one did more
	// than look it up in the lexicon.
	Rule string
}

// TriggerDetector finds event triggers in the sentences of a text. It is
// the seam where a learned classifier can replace the lexicon.
type TriggerDetector interface {
	// Detect returns the triggers in each sentence d.Text[s.Start:s.End]
	// of sents, in the order of sents; spans index d.Text.
	Detect(d *text.Doc, sents []event.Span) [][]Trigger
}

// lexiconEntry is one section of the lexicon, or a grammar.
type lexiconEntry struct {
	// re is the grammar of an entry that is not a list of phrases, nil
	// for a section of the lexicon.
	re      *pattern.Regexp
	typ     string
	sub     string
	plover  string
	mode    string
	class   lexicon.Class
	noun    bool
	context *pattern.Regexp // required somewhere in the sentence, when set
	not     matcher         // forbidden right after the trigger, when set
	after   matcher         // required right after the trigger, when set
	// orPlace: a place named beside the trigger stands for after.
	orPlace bool
}

// matcher is what a lexicon entry asks of the words after a trigger: a
// pattern, or a wordAhead.
type matcher interface{ MatchString(s string) bool }

// wordsAhead is the pattern ^\s+(?:\S+\s+){0,skip}?(?:words)\b, (?i) with
// fold, matched word by word: text that opens with white space and has
// one of words, then a word boundary, at the start of one of its first
// skip+1 runs of what is not white space. The engine, which tries each
// way the runs can go, took longer over it than over the rest of
// detect's work on a sentence.
type wordsAhead struct {
	skip  int
	fold  bool
	words []string
	// re is the pattern itself, for text that holds runes (?i) folds
	// to ASCII letters (see pattern.FoldsToASCII).
	re *pattern.Regexp
}

// wordAhead makes the wordsAhead of skip, fold and words, which are
// ASCII and end with a letter.
func wordAhead(skip int, fold bool, words ...string) *wordsAhead {
	quoted := make([]string, len(words))
	for i, word := range words {
		quoted[i] = regexp.QuoteMeta(word)
	}
	expr := `^\s+(?:\S+\s+){0,` + strconv.Itoa(skip) + `}?(?:` + strings.Join(quoted, "|") + `)\b`
	if fold {
		expr = `(?i)` + expr
	}
	return &wordsAhead{skip: skip, fold: fold, words: words, re: pattern.MustCompile(expr)}
}

// MatchString reports whether w's pattern matches s.
func (w *wordsAhead) MatchString(s string) bool {
	if w.fold && pattern.FoldsToASCII(s) {
		return w.re.MatchString(s)
	}
	p := pattern.SkipSpace(s, 0)
	if p == 0 {
		return false
	}
	for range w.skip + 1 {
		for _, word := range w.words {
			if (w.fold && pattern.HasPrefixFold(s[p:], word) || !w.fold && strings.HasPrefix(s[p:], word)) &&
				pattern.WordEndsAt(s, p+len(word)) {
				return true
			}
		}
		for p < len(s) && !pattern.IsSpace(s[p]) {
			p++
		}
		if q := pattern.SkipSpace(s, p); q > p && q < len(s) {
			p = q
			continue
		}
		return false
	}
	return false
}

// Lexicon is the dictionary-and-pattern trigger detector.
type Lexicon struct {
	entries []lexiconEntry
	// phrases holds the phrases of the sections, each listed under its
	// entry's index; a grammar's list is empty.
	phrases *text.Phrases
	// grammars are the indices of the entries that are grammars.
	grammars []int
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
			// "captured the town", "seized most of": ground taken.
			after: wordAhead(5, true, "town", "towns", "village", "villages", "city", "cities", "district", "districts",
				"neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "area", "areas", "territory", "post", "posts",
				"base", "bases", "border crossing", "border crossings", "outpost", "outposts", "position", "positions",
				"checkpoint", "checkpoints", "garrison", "garrisons", "headquarters", "airport", "airports", "of", "the capital"),
			// "captured a lieutenant of ...": people taken, not ground.
			not: pattern.MustCompile(`(?i)^\s+` + peopleTaken),
			// "captured Sake", "Sake was captured": ground named by its
			// name.
			orPlace: true,
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
		"accuse":  {not: wordAhead(5, false, "on")},
	}
	var entries []lexiconEntry
	var lists [][]string
	for _, sec := range lexicon.Triggers() {
		en := conditions[sec.Name]
		en.typ, en.sub, en.plover, en.mode, en.class, en.noun = sec.EventType, sec.SubEventType, sec.Plover, sec.Mode, sec.Class, sec.Noun
		entries, lists = append(entries, en), append(lists, sec.Phrases)
		if sec.Name == "arrest" {
			// ACLED codes the capture of people by state forces as
			// arrests: a grammar, not a list of words.
			entries = append(entries, lexiconEntry{re: rx(`captured ` + peopleTaken), typ: taxonomy.StrategicDevelopments, sub: taxonomy.Arrests, plover: "COERCE", mode: "arrest"})
			lists = append(lists, nil)
		}
	}
	phrases, err := text.NewPhrases(lists)
	if err != nil {
		panic(fmt.Sprintf("trigger lexicon: %v", err)) // the embedded lexicon's own test checks it
	}
	l := &Lexicon{entries: entries, phrases: phrases}
	for i, en := range entries {
		if en.re != nil {
			l.grammars = append(l.grammars, i)
		}
	}
	return l
}

// Detect implements TriggerDetector.
func (l *Lexicon) Detect(d *text.Doc, sents []event.Span) [][]Trigger {
	// A grammar whose needles the text lacks can match in no sentence
	// of it: most articles are searched once for "captured", not
	// sentence by sentence.
	var grammarBuf [4]int
	grammars := grammarBuf[:0]
	for _, i := range l.grammars {
		if l.entries[i].re.HoldsNeedle(d.Text) {
			grammars = append(grammars, i)
		}
	}
	out := make([][]Trigger, len(sents))
	// The sentences' triggers share one array, each sentence's slice
	// full to its capacity, so that an append to one copies it: a slice
	// made for each sentence was most of detect's garbage.
	var all []Trigger
	for i, s := range sents {
		start := len(all)
		all = l.detect(all, d, s, grammars)
		if len(all) > start {
			out[i] = all[start:len(all):len(all)]
		}
	}
	return out
}

// entryEnd is an entry of the lexicon and the last token of its last
// match in a sentence, +1.
type entryEnd struct{ entry, end int }

// detect appends to out the triggers of sentence s: each entry's, in the
// order of the entries, then the first of those that overlap. grammars
// are the entries that are grammars the text may match.
func (l *Lexicon) detect(out []Trigger, d *text.Doc, s event.Span, grammars []int) []Trigger {
	// found holds each entry's matches, in text order, none overlapping
	// another of the same entry: a phrase is read once, as its longest.
	// A sentence holds few matches: the slices start on the stack.
	var foundBuf [8][2]int
	var entryBuf [8]int
	found, entry := foundBuf[:0], entryBuf[:0]
	from, to := d.Span(s.Start, s.End)
	// ends holds the last token of each entry's last match, +1, for the
	// few entries matched.
	var endsBuf [8]entryEnd
	ends := endsBuf[:0]
	l.phrases.Each(d, from, to, func(e, first, last int) {
		k := 0
		for k < len(ends) && ends[k].entry != e {
			k++
		}
		if k == len(ends) {
			ends = append(ends, entryEnd{entry: e})
		}
		if first < ends[k].end {
			return
		}
		ends[k].end = last + 1
		found = append(found, [2]int{d.Tokens[first].Start, d.Tokens[last].End})
		entry = append(entry, e)
	})
	sent := d.Text[s.Start:s.End]
	// maybe holds the triggers that count only beside a place, which
	// give way to any other they overlap ("took hostage").
	base := len(out)
	var maybe []Trigger
	var locsBuf [8][2]int
	// Only the grammars and the entries matched can give a trigger:
	// visit those, in the order of the entries, rather than all.
	var visitBuf [16]int
	visit := append(visitBuf[:0], grammars...)
	for _, e := range ends {
		visit = append(visit, e.entry)
	}
	slices.Sort(visit)
	for _, i := range visit {
		en := l.entries[i]
		locs := locsBuf[:0] // read within the turn only
		if en.re != nil {
			if !en.re.HoldsNeedle(sent) {
				continue
			}
			for _, loc := range en.re.FindAllStringIndex(sent, -1) {
				locs = append(locs, [2]int{s.Start + loc[0], s.Start + loc[1]})
			}
		} else {
			for k, e := range entry {
				if e == i {
					locs = append(locs, found[k])
				}
			}
		}
		if len(locs) == 0 || en.context != nil && !en.context.MatchString(sent) {
			continue
		}
		for _, loc := range locs {
			if en.not != nil && en.not.MatchString(d.Text[loc[1]:s.End]) {
				continue
			}
			needsPlace := false
			if en.after != nil && !en.after.MatchString(d.Text[loc[1]:s.End]) {
				if !en.orPlace {
					continue
				}
				needsPlace = true
			}
			to := &out
			if needsPlace {
				to = &maybe
			}
			*to = append(*to, Trigger{
				NeedsPlace:   needsPlace,
				Span:         event.Span{Start: loc[0], End: loc[1]},
				Text:         d.Text[loc[0]:loc[1]],
				EventType:    en.typ,
				SubEventType: en.sub,
				Plover:       en.plover,
				Mode:         en.mode,
				Class:        en.class,
				Noun:         en.noun,
			})
		}
	}
	ts := dropOverlaps(out[base:])
	if len(maybe) > 0 {
		ts = dropOverlaps(append(ts, maybe...))
	}
	// ts is out[base:] kept in place, or a copy when maybe outgrew it.
	return append(out[:base], ts...)
}

// dropOverlaps keeps, of triggers that overlap, the one that came first in
// the lexicon (more specific entries come first) and then the longer one.
func dropOverlaps(ts []Trigger) []Trigger {
	// Kept in place: a trigger kept goes no later than where it was,
	// and ts is detect's own.
	out := ts[:0]
outer:
	for _, t := range ts {
		for _, o := range out {
			if t.Overlaps(o.Span) {
				continue outer
			}
		}
		out = append(out, t)
	}
	sortByStart(out, func(t *Trigger) int { return t.Start })
	return out
}
