package extract

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/taxonomy"
	"github.com/sitrep/sitrep/internal/text"
)

var (
	// agentBeforeRE: the words right before an actor that make it the
	// doer when it follows the trigger.
	agentBeforeRE = pattern.MustCompile(`(?i)\b(?:` + strings.Join(agentWords, "|") + `)\s+(?:the\s+)?$`)
	// patientBeforeRE: the words right before an actor that make it the
	// side acted on.
	patientBeforeRE = pattern.MustCompile(`(?i)\b(?:` + strings.Join(patientWords, "|") + `)\s+(?:the\s+|a\s+|an\s+|\S+\s+)?$`)
	// originRE: the words before the place a shell or rocket was fired
	// from.
	originRE = pattern.MustCompile(`(?i)\b(?:positioned|based|located|stationed|holed up|entrenched|deployed)\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$|\b(?:fired|launched)\s+(?:[\w'’-]+\s+){0,4}?from\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$`)
	// heldByRE: the words before the group that holds a place.
	// "held by Al Qaeda affiliate Al Nusra Front" describes the holder
	// first.
	heldByRE = pattern.MustCompile(`(?i)\b(?:held|controlled|run|dominated)\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$`)
	// betweenRE: "between X and Y".
	betweenRE = pattern.MustCompile(`(?i)\b(?:` + strings.Join(betweenWords, "|") + `)\s+(?:the\s+)?$`)
	// sourceAfterRE: an actor right before these words is a source of
	// speech, not a party to the event; sourceAfter reads it faster.
	sourceAfterRE  = pattern.MustCompile(`(?i)^(?:’s|'s)?(?:\s+sources?|\s+officials?|\s+spokes(?:man|woman|person))?\s*(?:,\s*[^,]{0,60},\s*)?(?:\s*and\s+(?:\S+\s+){0,3}?)?(?:` + lexicon.Alternation(lexicon.SpeechVerbs) + `|spokes(?:man|woman|person))\b`)
	sourceBeforeRE = pattern.MustCompile(`(?i)\b(?:according to|through|told|quoted|cited|citing)\s+(?:\S+\s+){0,4}$`)
	// takenFromRE ends in the "from" that names the side ground was
	// taken from, with the word before it, if any.
	takenFromRE = pattern.MustCompile(`(?i)(?:\b([\w'-]+)\s+)?\bfrom\s+(?:the\s+)?$`)
	// passiveVictimRE: an actor followed by a passive of harm is its victim.
	passiveVictimRE = pattern.MustCompile(`(?i)^,?\s+(?:were|was|had been|have been|has been)\s+(?:\S+\s+)?(?:killed|wounded|injured|abducted|kidnapped|arrested|detained|shot|hurt)\b`)
	// selfRefRE: a speaker's words that refer back to the speaker.
	selfRefRE = pattern.MustCompile(`(?i)\b` + lexicon.Alternation(lexicon.SpeechVerbs) + `\s+(?:\S+\s+){0,3}?(?:that\s+)?(?:they|it|its|their|its fighters|its forces)\b`)
	// govRoleRE: titles of government officials.
	govRoleRE = pattern.MustCompile(`(?i)\b(?:minister|president|prime minister|governor|government spokes(?:man|woman|person)|presidential)\b`)
	// modifierAfterRE: "Rwanda-backed M23" names a backer, not a party.
	// "Al Qaeda-held Idlib", "a Kurdish-controlled town" name the holder
	// of a place, not a party to the event told there.
	modifierAfterRE = pattern.MustCompile(`^-(?:backed|led|allied|aligned|supported|sponsored|based|linked|affiliated|held|controlled|besieged|run|dominated)\b`)
	// locativeRE: the words before a place that make it where an event
	// happened; locative reads them faster.
	locativeRE = pattern.MustCompile(`(?i)\b(?:in|at|near|outside|around|across|along|on|inside|into|to|throughout|through|over|within|off|of|from|between)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|central|northeastern|northwestern|southeastern|southwestern|restive|troubled|volatile|remote|border|rural|besieged|[\w’'-]+-(?:held|controlled)|outskirts\s+of|town\s+of|city\s+of|village\s+of|district\s+of|province\s+of|region\s+of|state\s+of|capital|suburb\s+of|area\s+of|parts?\s+of)\s+){0,2}$`)
	nearRE     = pattern.MustCompile(`(?i)\b(?:` + strings.Join(nearWords, "|") + `)\s+(?:the\s+)?(?:\S+\s+)?$`)
	listSepRE  = pattern.MustCompile(`^(?:,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+)$`)
	visitToRE  = pattern.MustCompile(`(?i)\b(?:to|in)\s+(?:the\s+)?$`)
)

// locative reports whether before ends with the words that make the
// place after them where an event happened ("in the restive northern ",
// "on the outskirts of "), as locativeRE.MatchString(before) does. It
// reads the last words back against short lists, where the engine would
// try the whole pattern at each word of before.
func locative(before string) bool {
	// (?i) folds the Kelvin sign and the long s to "k" and "s"; the word
	// lists below are compared without them.
	if pattern.FoldsToASCII(before) {
		return locativeRE.MatchString(before)
	}
	// Every way through the pattern ends in white space.
	if before == "" || !pattern.IsSpace(before[len(before)-1]) {
		return false
	}
	// Six words at most: two two-word modifiers, "the", a preposition.
	var words [6]string
	n := 0
	for i := len(before); n < len(words); n++ {
		for i > 0 && pattern.IsSpace(before[i-1]) {
			i--
		}
		j := i
		for j > 0 && !pattern.IsSpace(before[j-1]) {
			j--
		}
		if j == i {
			break
		}
		words[n], i = before[j:i], j
	}
	return locativeFrom(words[:n], 2)
}

// locativeFrom reports whether words, last first, end a locative with
// at most mods modifiers more.
func locativeFrom(words []string, mods int) bool {
	if len(words) == 0 {
		return false
	}
	if endsWithPreposition(words[0]) || len(words) > 1 && strings.EqualFold(words[0], "the") && endsWithPreposition(words[1]) {
		return true
	}
	if mods == 0 {
		return false
	}
	if (oneOfFold(words[0], locativeModifiers) || heldBy(words[0])) && locativeFrom(words[1:], mods-1) {
		return true
	}
	return len(words) > 1 && strings.EqualFold(words[0], "of") && oneOfFold(words[1], locativeOfModifiers) && locativeFrom(words[2:], mods-1)
}

var (
	// locativePrepositions, locativeModifiers and locativeOfModifiers
	// ("outskirts of") are locativeRE's words.
	locativePrepositions = []string{"in", "at", "near", "outside", "around", "across", "along", "on", "inside", "into", "to",
		"throughout", "through", "over", "within", "off", "of", "from", "between"}
	locativeModifiers = []string{"northern", "southern", "eastern", "western", "north-eastern", "northeastern",
		"north-western", "northwestern", "south-eastern", "southeastern", "south-western", "southwestern", "central",
		"restive", "troubled", "volatile", "remote", "border", "rural", "capital", "besieged"}
	locativeOfModifiers = []string{"outskirts", "town", "city", "village", "district", "province", "region", "state",
		"suburb", "area", "part", "parts"}
)

// heldBy reports whether word says who holds a place: "rebel-held",
// "government-controlled" ("in the rebel-held town of Atareb").
func heldBy(word string) bool {
	w := strings.ToLower(word)
	for _, suf := range []string{"-held", "-controlled"} {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// endsWithPreposition reports whether word ends with a locative
// preposition that begins at a word boundary ("in", "(in").
func endsWithPreposition(word string) bool {
	return phraseEndsAt(word, len(word), locativePrepositions)
}

// oneOfFold reports whether word is one of list, case folded.
func oneOfFold(word string, list []string) bool {
	for _, w := range list {
		if len(w) == len(word) && strings.EqualFold(word, w) {
			return true
		}
	}
	return false
}

// maxSourceAfter bounds the texts sourceAfter reads itself.
const maxSourceAfter = 128

// sourceAfter is sourceAfterRE.MatchString(s). It follows the pattern's
// parts in turn, keeping the set of places in s each can end at, where
// the engine would walk its program; the set fits in a few words for the
// short texts isSpeaker gives it, and holds few places.
func sourceAfter(s string) bool {
	// (?i) folds the Kelvin sign and the long s to "k" and "s"; the
	// lists below are compared without them.
	if len(s) > maxSourceAfter || pattern.FoldsToASCII(s) {
		return sourceAfterRE.MatchString(s)
	}
	if !mayBeSource(s) {
		return false
	}
	var at places
	at.add(0)
	// (?:’s|'s)?
	for _, p := range []string{"’s", "'s"} {
		if pattern.HasPrefixFold(s, p) {
			at.add(len(p))
		}
	}
	// (?:\s+sources?|\s+officials?|\s+spokes(?:man|woman|person))?
	cur := at
	for p := cur.next(0); p >= 0; p = cur.next(p + 1) {
		q := pattern.SkipSpace(s, p)
		if q == p || q == len(s) {
			continue
		}
		for _, w := range sourceNouns[s[q]] {
			if pattern.HasPrefixFold(s[q:], w) {
				at.add(q + len(w))
			}
		}
	}
	// \s*
	spaces := func() {
		cur := at
		for p := cur.next(0); p >= 0; p = cur.next(p + 1) {
			for e := p; e < len(s) && pattern.IsSpace(s[e]); e++ {
				at.add(e + 1)
			}
		}
	}
	spaces()
	// (?:,\s*[^,]{0,60},\s*)?
	cur = at
	for p := cur.next(0); p >= 0; p = cur.next(p + 1) {
		if p == len(s) || s[p] != ',' {
			continue
		}
		// [^,]{0,60} reaches the first comma within 60 runes; it
		// reaches furthest from the end of the white space, which holds
		// no comma.
		c, runes := pattern.SkipSpace(s, p+1), 0
		for c < len(s) && s[c] != ',' && runes < 60 {
			_, n := utf8.DecodeRuneInString(s[c:])
			c, runes = c+n, runes+1
		}
		if c < len(s) && s[c] == ',' {
			at.add(c + 1)
		}
	}
	spaces()
	// (?:\s*and\s+(?:\S+\s+){0,3}?)?
	cur = at
	for p := cur.next(0); p >= 0; p = cur.next(p + 1) {
		for t, end := p, pattern.SkipSpace(s, p); t <= end; t++ {
			if !pattern.HasPrefixFold(s[t:], "and") {
				continue
			}
			v := pattern.SkipSpace(s, t+3)
			for words := 0; v > t+3 && words <= 3; words++ {
				at.add(v)
				w := v
				for w < len(s) && !pattern.IsSpace(s[w]) {
					w++
				}
				next := pattern.SkipSpace(s, w)
				if w == v || next == w {
					break
				}
				v = next
			}
		}
	}
	// (?:said|says|...)\b
	for p := at.next(0); p >= 0 && p < len(s); p = at.next(p + 1) {
		for _, v := range sourceVerbs[s[p]] {
			if e := p + len(v); pattern.HasPrefixFold(s[p:], v) && pattern.WordEndsAt(s, e) {
				return true
			}
		}
	}
	return false
}

// mayBeSource reports whether s, after "’s" or not and white space, goes
// on with a byte that can begin what sourceAfterRE reads next: a noun, a
// comma, "and" or a verb. Most words after a name cannot ("forces",
// "in", "."): they need no more reading.
func mayBeSource(s string) bool {
	for _, p := range []string{"", "’s", "'s"} {
		if pattern.HasPrefixFold(s, p) {
			if q := pattern.SkipSpace(s, len(p)); q < len(s) && sourceNext[s[q]] {
				return true
			}
		}
	}
	return false
}

// sourceNext holds the bytes mayBeSource lets by.
var sourceNext = func() (next [256]bool) {
	for c := range 256 {
		next[c] = sourceNouns[c] != nil || sourceVerbs[c] != nil
	}
	next[','], next['a'], next['A'] = true, true, true
	return next
}()

// places is a set of places in a text of at most maxSourceAfter bytes.
type places [(maxSourceAfter + 64) / 64]uint64

func (ps *places) add(p int) { ps[p/64] |= 1 << (p % 64) }

// next returns the first place of the set at or after p, or -1.
func (ps *places) next(p int) int {
	for i := p / 64; i < len(ps); i++ {
		w := ps[i]
		if i == p/64 {
			w &^= 1<<(p%64) - 1
		}
		if w != 0 {
			return i*64 + bits.TrailingZeros64(w)
		}
	}
	return -1
}

// byFirstByte files ASCII phrases under their first byte, in both cases,
// keeping their order: a phrase compared case folded with the text at p
// can only begin with the byte there.
func byFirstByte(phrases []string) *[256][]string {
	var out [256][]string
	for _, p := range phrases {
		c := p[0] | 0x20
		if c < 'a' || c > 'z' {
			out[p[0]] = append(out[p[0]], p)
			continue
		}
		out[c] = append(out[c], p)
		out[c&^0x20] = append(out[c&^0x20], p)
	}
	return &out
}

// sourceNouns and sourceVerbs are sourceAfterRE's words.
var (
	sourceNouns = byFirstByte([]string{"source", "sources", "official", "officials", "spokesman", "spokeswoman", "spokesperson"})
	sourceVerbs = byFirstByte(append(lexicon.Words(lexicon.SpeechVerbs), "spokesman", "spokeswoman", "spokesperson"))
)

// actorsIn returns the dictionary actors and people named in s, in order,
// as roles; speakers of reported speech come back apart.
func (a *analysis) actorsIn(s event.Span) (parties, speakers []*role) {
	// Each sentence is asked for its actors by each of its triggers and
	// counts: they are read once, and each call gets fresh roles, since
	// callers fill them in, made in one array; the parties and speakers
	// share another, the parties at its front.
	if t, ok := a.actorsOf[s]; ok {
		return t.fresh()
	}
	parties, speakers = a.readActorsIn(s)
	if a.actorsOf == nil {
		a.actorsOf = make(map[event.Span]*actorsOf, len(a.sents))
	}
	t := &actorsOf{roles: make([]role, 0, len(parties)+len(speakers)), parties: len(parties)}
	for _, r := range parties {
		t.roles = append(t.roles, *r)
	}
	for _, r := range speakers {
		t.roles = append(t.roles, *r)
	}
	a.actorsOf[s] = t
	return parties, speakers
}

// actorsOf is what actorsIn read of a span: its parties' roles, then its
// speakers'. speakers points at the speakers' roles, made at speakersIn's
// first call.
type actorsOf struct {
	roles    []role
	parties  int
	speakers []*role
}

// fresh returns copies of t's parties and speakers, as actorsIn returns
// them.
func (t *actorsOf) fresh() (parties, speakers []*role) {
	n := len(t.roles)
	if n == 0 {
		return nil, nil
	}
	roles := slices.Clone(t.roles)
	found := make([]*role, n)
	for i := range roles {
		found[i] = &roles[i]
	}
	if t.parties > 0 {
		parties = found[:t.parties:t.parties]
	}
	if t.parties < n {
		speakers = found[t.parties:]
	}
	return parties, speakers
}

// readActorsIn is actorsIn read afresh.
func (a *analysis) readActorsIn(s event.Span) (parties, speakers []*role) {
	n := 0
	alo, ahi := a.actorRange(s)
	for k := alo; k < ahi; k++ {
		if am := &a.actors[k]; am.Start >= s.Start && am.End <= s.End {
			n++
		}
	}
	plo, phi := a.personRange(s)
	for k := plo; k < phi; k++ {
		if p := &a.persons[k]; p.Start >= s.Start && p.End <= s.End && p.Actor == nil {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	roles := make([]role, 0, n)
	found := make([]*role, n)
	np, ns := 0, 0
	add := func(r role, speaker bool) {
		roles = append(roles, r)
		if speaker {
			ns++
			found[n-ns] = &roles[len(roles)-1]
		} else {
			found[np] = &roles[len(roles)-1]
			np++
		}
	}
	for k := alo; k < ahi; k++ {
		am := &a.actors[k]
		if am.Start < s.Start || am.End > s.End {
			continue
		}
		// modifierAfterRE opens with a hyphen.
		if am.End < len(a.text) && a.text[am.End] == '-' && modifierAfterRE.MatchString(a.text[am.End:min(len(a.text), am.End+12)]) {
			continue
		}
		if a.dateline(k) {
			continue
		}
		r := role{Span: event.Span{Start: am.Start, End: am.End}, Text: am.Text, Actor: am.Actor, Bare: am.Bare}
		if am.Person != "" {
			r.Name = am.Person
		}
		add(r, a.isSpeaker(r.Span))
	}
	for k := plo; k < phi; k++ {
		p := &a.persons[k]
		if p.Start < s.Start || p.End > s.End || p.Actor != nil {
			continue // dictionary people are already among the actors
		}
		r := role{Span: p.Span, Text: a.text[p.Start:p.End], Name: p.Name}
		if govRoleRE.MatchString(p.Role) {
			// "Information Minister Michael Makuei": an official of the
			// country the article is about.
			if act, ok := a.x.actors.ForCountry(a.country, actor.Government, a.pub); ok {
				r.Actor = act
			}
		}
		add(r, a.isSpeaker(r.Span) || isCommentator(p.Role) || strings.Contains(p.Role, "spokes"))
	}
	if np > 0 {
		parties = found[:np:np]
		sortRoles(parties)
	}
	if ns > 0 {
		speakers = found[n-ns:]
		slices.Reverse(speakers) // in the order found, as the sort expects
		sortRoles(speakers)
	}
	return parties, speakers
}

// dateline reports whether the k-th actor mention is a capital read as
// its government that only says where a report was filed: "BEIRUT
// Syrian government air strikes killed", the place directly followed by
// the sentence's own subject.
func (a *analysis) dateline(k int) bool {
	am := a.actors[k]
	if am.Actor == nil || am.Actor.Kind != actor.Government || k+1 >= len(a.actors) ||
		strings.TrimSpace(a.text[am.End:max(am.End, a.actors[k+1].Start)]) != "" {
		return false
	}
	for i := range a.places {
		if p := &a.places[i]; p.Start == am.Start && p.End == am.End {
			return true
		}
	}
	return false
}

// actorRange returns the indices of a.actors from the first that begins
// in s to one past the last: every actor that lies in s is among them.
// Each sentence is asked for its actors many times, and a pass over all
// of an article's actors each time read more than the rest of actorsIn.
func (a *analysis) actorRange(s event.Span) (lo, hi int) {
	if !a.actorsSorted {
		return 0, len(a.actors)
	}
	return startingIn(a.actors, func(m *actor.Mention) int { return m.Start }, s)
}

// personRange is actorRange for a.persons.
func (a *analysis) personRange(s event.Span) (lo, hi int) {
	if !a.personsSorted {
		return 0, len(a.persons)
	}
	return startingIn(a.persons, func(p *person) int { return p.Start }, s)
}

// startingIn returns the indices of xs, in the order of their starts,
// from the first that begins in s to one past the last.
func startingIn[T any](xs []T, start func(*T) int, s event.Span) (lo, hi int) {
	lo = sort.Search(len(xs), func(i int) bool { return start(&xs[i]) >= s.Start })
	hi = lo + sort.Search(len(xs)-lo, func(i int) bool { return start(&xs[lo+i]) >= s.End })
	return lo, hi
}

// civilianParty reports whether r names civilians, by the dictionary or
// by a bare noun ("residents", "civilians").
func civilianParty(r *role) bool {
	if r.Actor != nil {
		return r.Actor.Inter == 7
	}
	kind := r.Bare
	if kind == "" && r.Name == "" {
		kind = bareKind(r.Text)
	}
	return kind == actor.Civilians
}

// armedParty reports whether r is a non-state armed group or a state's
// forces facing one, the parties of ACLED's agreements.
func armedParty(r *role) bool {
	return r != nil && r.Actor != nil && r.Actor.Inter >= 2 && r.Actor.Inter <= 4
}

// isCommentator tells people who speak about events from those who act.
func isCommentator(role string) bool {
	for _, w := range []string{"commentator", "analyst", "journalist", "researcher", "expert", "witness", "resident", "activist"} {
		if strings.Contains(role, w) {
			return true
		}
	}
	return false
}

func (a *analysis) isSpeaker(s event.Span) bool {
	if is, ok := a.speaker[s]; ok {
		return is
	}
	after := a.text[s.End:min(len(a.text), s.End+80)]
	before := a.text[max(0, s.Start-30):s.Start]
	is := sourceAfter(after) || sourceBeforeRE.MatchString(before)
	if a.speaker == nil {
		// Sized for every name once: grown by doubling, it was rehashed
		// a few times an article.
		a.speaker = make(map[event.Span]bool, len(a.actors)+len(a.persons))
	}
	a.speaker[s] = is
	return is
}

func sortRoles(rs []*role) { sortByStart(rs, func(r **role) int { return (*r).Start }) }

// sortByStart sorts xs by start as sort.Slice does. Most lists come in
// order already, each after the last: rising strictly, they could come
// out in no other order, and sort.Slice, which boxes the slice, is
// spared.
func sortByStart[T any](xs []T, start func(*T) int) {
	for i := 1; i < len(xs); i++ {
		if start(&xs[i]) <= start(&xs[i-1]) {
			sort.Slice(xs, func(i, j int) bool { return start(&xs[i]) < start(&xs[j]) })
			return
		}
	}
}

// passiveVictim is passiveVictimRE.MatchString(after). The pattern's
// auxiliaries (were, was, had, have, has) begin with "w" or "h" after a
// comma or not and white space: most texts are ruled out by that byte.
func passiveVictim(after string) bool {
	i := 0
	if after != "" && after[0] == ',' {
		i = 1
	}
	j := pattern.SkipSpace(after, i)
	if j == i || j == len(after) {
		return false
	}
	if c := text.LowerASCIIByte(after[j]); c != 'w' && c != 'h' {
		return false
	}
	return passiveVictimRE.MatchString(after)
}

// aroundFact is a thing the words around an actor of a sentence say of
// its part in the sentence's events, whatever the trigger.
type aroundFact uint8

const (
	// heldByHolds: "held by" the actor, the holder of a place.
	heldByHolds aroundFact = 1 << iota
	// betweenHolds: "between" the actor "and" another.
	betweenHolds
	// patientHolds: a preposition or a verb of harm before the actor
	// makes it acted on, no "between" among them.
	patientHolds
	// passiveHolds: a passive of harm after the actor ("were killed").
	passiveHolds
	// agentHolds: "by" the actor, or "from" it.
	agentHolds
)

// around is what the words around the actor at span say: known holds the
// facts read, holds those of them that hold.
type around struct {
	span         event.Span
	known, holds aroundFact
}

// around reports whether fact f holds of role r of sentence sent. The
// words read lie in sent, so the facts of its actors are kept while the
// triggers of sent ask, each of the same actors.
func (a *analysis) around(sent event.Span, r *role, f aroundFact) bool {
	if a.aroundSent != sent {
		a.aroundSent, a.arounds = sent, a.arounds[:0]
	}
	k := slices.IndexFunc(a.arounds, func(x around) bool { return x.span == r.Span })
	if k < 0 {
		k = len(a.arounds)
		a.arounds = append(a.arounds, around{span: r.Span})
	}
	x := &a.arounds[k]
	if x.known&f == 0 {
		x.known |= f
		if a.readAround(sent, r.Span, f) {
			x.holds |= f
		}
	}
	return x.holds&f != 0
}

// readAround reads fact f of the actor at span in sentence sent.
func (a *analysis) readAround(sent, span event.Span, f aroundFact) bool {
	before := a.text[max(sent.Start, span.Start-40):span.Start]
	switch f {
	case heldByHolds:
		return heldByRE.MatchString(before)
	case betweenHolds:
		return between(before)
	case patientHolds:
		return patientBefore(before) && !strings.Contains(strings.ToLower(before), "between")
	case passiveHolds:
		return passiveVictim(a.text[span.End:min(len(a.text), span.End+40)])
	case agentHolds:
		return agentBefore(before) && !strings.HasSuffix(strings.ToLower(strings.TrimSpace(before)), "of")
	}
	panic("extract: unknown fact around an actor")
}

// assignRoles picks actor1 (the side that acted) and actor2 (the side
// acted on) from the actors of m's sentence, then fills what the event
// type implies: protesters, rioters, civilians, unidentified gunmen.
func (a *analysis) assignRoles(m *mention) {
	parties, speakers := a.actorsIn(m.span)
	var agents, patients []*role
	// "M23 rebels said they had taken Goma": a speaker who speaks of
	// itself is the doer.
	for _, sp := range speakers {
		if sp.End <= m.trig.Start && sp.Actor != nil && selfRef(a.text[sp.End:m.trig.Start]) {
			agents = append(agents, sp)
		}
	}
	for _, r := range parties {
		if m.trig.Class != lexicon.Territory && a.around(m.span, r, heldByHolds) {
			// "a town in eastern Syria held by Daesh": the holder of the
			// place, as in "Daesh-held", is no party to the event, unless
			// the event is the place changing hands.
			continue
		}
		switch {
		case (m.typ == taxonomy.Explosions || m.typ == taxonomy.ViolenceAgainstCivilians) && civilianParty(r):
			// In ACLED's political violence civilians are only ever
			// acted on: "Thirteen civilians including four children were
			// also killed in missile attacks" names the victims before the
			// trigger.
			patients = append(patients, r)
		case m.typ == taxonomy.Battles && civilianParty(r) && r.End <= m.trig.Start:
			// "six civilians killed because of the clashes": caught in a
			// fight between armed groups, neither its side nor its target.
			continue
		case a.around(m.span, r, betweenHolds):
			agents = append(agents, r)
		case m.typ == taxonomy.Explosions && r.Start <= m.trig.Start && r.End >= m.trig.End:
			// "Regime warplanes struck": the weapon names its doer.
			agents = append(agents, a.weaponUser(m, r))
		case m.typ == taxonomy.Explosions && r.End <= m.trig.Start && strings.TrimSpace(a.text[r.End:m.trig.Start]) == "":
			// "killed in government barrel bombs": the word that
			// qualifies the weapon names its user, whatever comes before;
			// the state that uses one is its forces.
			agents = append(agents, a.weaponUser(m, r))
		case r.End <= m.trig.Start:
			// Before the trigger: its subject or modifier, unless a
			// preposition makes it a target, or a passive makes it the
			// victim ("three civilians were killed by shelling").
			if a.around(m.span, r, patientHolds) || a.around(m.span, r, passiveHolds) {
				patients = append(patients, r)
			} else {
				agents = append(agents, r)
			}
		case r.Start >= m.trig.End:
			if !a.lostGround(m, r) && (a.around(m.span, r, agentHolds) ||
				a.joinedToAgent(m, agents, r)) {
				agents = append(agents, r)
			} else {
				patients = append(patients, r)
			}
		}
	}
	// The agent nearest the trigger is the doer; several agents before
	// a trigger are usually a list led by the first.
	// "repelled an attack by al-Shabaab": the doer named with "by".
	for i, r := range agents {
		if r.Start > m.trig.End && i > 0 {
			before := a.text[max(m.span.Start, r.Start-12):r.Start]
			if strings.Contains(strings.ToLower(before), "by ") {
				rest := append([]*role{r}, agents[:i]...)
				patients = append(rest[1:], patients...)
				agents = []*role{r}
				break
			}
		}
	}
	var a1, a2 *role
	if len(agents) > 0 {
		a1 = agents[0]
		for _, r := range agents[1:] {
			if a1.name() == r.name() {
				continue
			}
			if m.typ == taxonomy.Battles && a2 == nil && a.around(m.span, a1, betweenHolds) {
				a2 = r
			}
			if m.typ == taxonomy.Battles && a2 == nil && reciprocal(a.text[m.trig.Start:m.trig.End]) && r.End <= m.trig.Start &&
				strings.EqualFold(strings.TrimSuffix(strings.TrimSpace(a.text[a1.End:r.Start]), " the"), "and") {
				// "Government troops and rebels clashed": each fought
				// the other.
				a2 = r
			}
		}
	}
	for _, r := range patients {
		if a1 == nil && m.typ == taxonomy.Battles && !civilianParty(r) && !a.lostGround(m, r) {
			a1 = r
			continue
		}
		if a1 != nil && r.name() == a1.name() {
			continue
		}
		if a2 == nil {
			a2 = r
		} else if m.assoc2 == nil && r.name() != a2.name() && a.sameSide(a2, r) {
			m.assoc2 = r
		}
	}
	m.actor1, m.actor2 = a.resolveBare(m, a1), a.resolveBare(m, a2)
	switch m.typ {
	case taxonomy.Explosions, taxonomy.Battles:
		m.actor1, m.actor2 = a.weaponUser(m, m.actor1), a.weaponUser(m, m.actor2)
	case taxonomy.ViolenceAgainstCivilians:
		m.actor1 = a.weaponUser(m, m.actor1)
	}
	if m.actor1 == nil && m.typ != "" {
		m.actor1 = a.demonymActor(m)
	}
	if m.typ == "" && m.plover != "CONSULT" && m.actor1 != nil && m.actor1.Actor != nil && m.actor1.Actor.Country != "" &&
		m.place != nil && m.place.Place.CountryCode != m.actor1.Actor.Country {
		// An accusation, threat or appeal is made where the speaker is.
		if c, ok := a.x.places.Country(m.actor1.Actor.Country); ok {
			m.place, m.ownPlace = &gazetteer.Resolved{Place: c, Precision: 3}, false
		}
	}
	if m.typ == "" && m.actor2 == nil && m.ownPlace && m.place.Start >= m.trig.End {
		// "visit to India": the host is the government of the place.
		if act, ok := a.x.actors.ForCountry(m.place.Place.CountryCode, actor.Government, a.pub); ok &&
			(m.actor1 == nil || m.actor1.Actor == nil || m.actor1.Actor.Country != act.Country) {
			m.actor2 = &role{Span: event.Span{Start: m.place.Start, End: m.place.End}, Text: m.place.Text, Actor: act}
		}
	}
	a.impliedRoles(m)
}

// lostGround reports whether r, after a trigger of ground taken, is the
// side it was taken from ("Sake was captured from Congolese troops"):
// acted on, whoever took it, where "from" after other triggers names the
// doer ("fire from the army").
func (a *analysis) lostGround(m *mention, r *role) bool {
	if m.trig.Class != lexicon.Territory || r.Start < m.trig.End {
		return false
	}
	before := a.text[max(m.trig.End, r.Start-60):r.Start]
	loc := takenFromRE.FindStringSubmatchIndex(before)
	// "recaptured by the rebels, who include fighters from Al-Nusra":
	// people from a group are its members.
	return loc != nil && (loc[2] < 0 || !victimRE.MatchString(before[loc[2]:loc[3]]))
}

// joinedToAgent reports whether r, after the trigger, is joined by "or"
// to the doer named just before it: "carried out by Syrian regime or
// Russian jets" names two possible doers, not a target. ("by the army
// and militias" may be doers or the doer and its target.)
func (a *analysis) joinedToAgent(m *mention, agents []*role, r *role) bool {
	if len(agents) == 0 {
		return false
	}
	last := agents[len(agents)-1]
	if last.Start < m.trig.End || last.End > r.Start {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(a.text[last.End:r.Start])) {
	case "or", "or the":
		return true
	}
	return false
}

// demonymActor reads "Pakistani airstrikes", "Russian shelling": a demonym
// just before the trigger names the state's forces.
func (a *analysis) demonymActor(m *mention) *role {
	before := a.text[max(m.span.Start, m.trig.Start-40):m.trig.Start]
	words := strings.Fields(before)
	for i := len(words) - 1; i >= 0 && i >= len(words)-3; i-- {
		w := strings.Trim(words[i], ",.;:“”\"")
		if stateModifier(w) {
			// "regime shelling", "government barrel bombs": the forces of
			// the state where the event happened.
			if act, ok := a.x.actors.ForCountry(a.eventCountry(m), actor.Military, a.pub); ok {
				start := m.trig.Start - len(before) + strings.LastIndex(before, w)
				return &role{Span: event.Span{Start: start, End: start + len(w)}, Text: w, Actor: act}
			}
			continue
		}
		if w == "" || !isUpper(w) {
			continue
		}
		code, ok := a.x.actors.Demonym(w)
		if !ok {
			continue
		}
		if act, ok := a.x.actors.ForCountry(code, actor.Military, a.pub); ok {
			start := m.trig.Start - len(before) + strings.LastIndex(before, w)
			return &role{Span: event.Span{Start: start, End: start + len(w)}, Text: w, Actor: act}
		}
	}
	return nil
}

// weaponUser returns the forces of the state r names when r is a
// government or a bare "regime" qualifying a weapon ("Syrian regime
// airstrike", "government barrel bombs"): ACLED codes the state's
// military, not its government, as the side that fights or fires; other
// actors come back as they are.
func (a *analysis) weaponUser(m *mention, r *role) *role {
	if r == nil {
		return nil
	}
	country := ""
	switch {
	case r.Actor != nil && r.Actor.Kind == actor.Government:
		country = r.Actor.Country
	case r.Actor == nil && r.Name == "" && stateModifier(r.Text):
		country = a.eventCountry(m)
	default:
		return r
	}
	if act, ok := a.x.actors.ForCountry(country, actor.Military, a.pub); ok {
		return &role{Span: r.Span, Text: r.Text, Actor: act}
	}
	return r
}

// stateModifier reports whether w, just before a weapon or attack word,
// makes the state its user ("regime air strikes", "government shelling").
func stateModifier(w string) bool {
	switch strings.ToLower(w) {
	case "regime", "government", "pro-government", "pro-regime", "government-led", "regime-led":
		return true
	}
	return false
}

func isUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// inheritActors gives a report that names no doer the doer of the last
// report of the same kind close before it ("Additional strikes were also
// carried out in Paktika").
func (a *analysis) inheritActors(m *mention, prior []*mention) {
	if m.actor1 != nil || m.typ == "" {
		return
	}
	for i := len(prior) - 1; i >= 0; i-- {
		p := prior[i]
		if a.sents[m.sent].Paragraph-a.sents[p.sent].Paragraph > 2 {
			return
		}
		if p.typ == m.typ && p.actor1 != nil {
			m.actor1 = p.actor1
			a.because(m, "actor1", "no doer named: the doer of the last event of its kind")
			if m.actor2 == nil {
				m.actor2 = p.actor2
				a.because(m, "actor2", "no side acted on named: that of the last event of its kind")
			}
			return
		}
	}
}

// sameSide reports whether r is listed with side ("X and their allies,
// including Y").
func (a *analysis) sameSide(side, r *role) bool {
	if r.Start < side.End {
		return false
	}
	between := strings.ToLower(a.text[side.End:r.Start])
	return len(between) < 80 && (strings.Contains(between, "including") || strings.Contains(between, "allied") || strings.Contains(between, " and "))
}

// resolveBare gives a bare force noun ("security forces", "police") the
// actor of the event's country.
func (a *analysis) resolveBare(m *mention, r *role) *role {
	if r == nil || r.Actor != nil || r.Name != "" {
		return r
	}
	if g := a.loyalTo(r); g != nil {
		// "militiamen loyal to Muqtada al-Sadr", "terrorists affiliated
		// to Jabhat al-Nusra": the group named after them.
		r.Actor = g
		return r
	}
	kind := r.Bare
	if kind == "" {
		kind = bareKind(r.Text)
	}
	if kind == "" {
		return nil
	}
	if kind == actor.Rebels {
		if g := a.soleRebelGroup(); g != nil {
			// "M23 rebels took Goma ... soldiers fought the rebels":
			// the article's one rebel group.
			r.Actor = g
			return r
		}
	}
	if act, ok := a.x.actors.ForCountry(a.eventCountry(m), kind, a.pub); ok {
		r.Actor = act
		return r
	}
	return nil
}

// reciprocal reports whether a trigger is a verb whose subjects, joined
// by "and", act on each other: "clashed", "battled", "fought".
func reciprocal(trig string) bool {
	t := strings.ToLower(trig)
	for _, p := range []string{"clash", "battl", "fought", "skirmish", "exchanged"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// loyalToRE finds the words that tie a force to the group or leader
// named after it.
var loyalToRE = pattern.MustCompile(`(?i)^\s+(?:loyal\s+to|affiliated\s+(?:to|with)|linked\s+to|belonging\s+to|allied\s+(?:to|with))\s+`)

// loyalTo returns the armed group named right after a bare force and the
// words that tie it to it, or nil.
func (a *analysis) loyalTo(r *role) *actor.Actor {
	loc := loyalToRE.FindStringIndex(a.text[r.End:min(len(a.text), r.End+40)])
	if loc == nil {
		return nil
	}
	from := r.End + loc[1]
	for _, am := range a.actors {
		if am.Start < from || am.Start > from+40 {
			continue
		}
		if am.Actor != nil && am.Actor.Kind == "" {
			return am.Actor
		}
		return nil
	}
	return nil
}

// soleRebelGroup returns the rebel group the article names, when it names
// exactly one.
func (a *analysis) soleRebelGroup() *actor.Actor {
	var g *actor.Actor
	for _, m := range a.actors {
		if m.Actor == nil || m.Actor.Inter != 2 || m.Actor.Kind != "" || m.Person != "" {
			continue
		}
		if g != nil && g != m.Actor {
			return nil
		}
		g = m.Actor
	}
	return g
}

func bareKind(text string) actor.Kind {
	t := strings.ToLower(text)
	switch {
	case strings.Contains(t, "police"):
		return actor.Police
	case strings.Contains(t, "protest") || strings.Contains(t, "demonstrat"):
		return actor.Protesters
	case strings.Contains(t, "riot") || strings.Contains(t, "mob"):
		return actor.Rioters
	case strings.Contains(t, "gunmen") || strings.Contains(t, "armed men") || strings.Contains(t, "assailant") || strings.Contains(t, "attacker"):
		return actor.Unidentified
	case civilianRE.MatchString(t):
		return actor.Civilians
	case strings.Contains(t, "government") || strings.Contains(t, "authorities"):
		return actor.Government
	case strings.Contains(t, "rebel") || strings.Contains(t, "opposition"):
		return actor.Rebels
	case strings.Contains(t, "militant") || strings.Contains(t, "insurgent") || strings.Contains(t, "jihadist") || strings.Contains(t, "fighters"):
		return actor.Unidentified
	case forceRE.MatchString(t) || strings.Contains(t, "army") || strings.Contains(t, "military"):
		return actor.Military
	}
	return ""
}

// eventCountry is the country of m's place, or the article's.
func (a *analysis) eventCountry(m *mention) string {
	if m.place != nil && m.place.Place.CountryCode != "" {
		return m.place.Place.CountryCode
	}
	return a.country
}

// impliedRoles fills the actors that ACLED's event types imply.
func (a *analysis) impliedRoles(m *mention) {
	country := a.eventCountry(m)
	forCountry := func(kind actor.Kind) *role {
		if act, ok := a.x.actors.ForCountry(country, kind, a.pub); ok {
			return &role{Actor: act, Span: m.trig.Span, Text: m.trig.Text}
		}
		return nil
	}
	isInter := func(r *role, inter int) bool { return r != nil && r.Actor != nil && r.Actor.Inter == inter }
	switch m.typ {
	case taxonomy.Protests:
		if !isInter(m.actor1, 6) {
			if m.actor1 != nil && m.assoc1 == nil && !isInter(m.actor1, 1) {
				m.assoc1 = m.actor1
			}
			if isInter(m.actor1, 1) && m.actor2 == nil {
				m.actor2 = m.actor1
			}
			m.actor1 = forCountry(actor.Protesters)
		}
	case taxonomy.Riots:
		if !isInter(m.actor1, 5) {
			if isInter(m.actor1, 1) && m.actor2 == nil {
				m.actor2 = m.actor1
			}
			m.actor1 = forCountry(actor.Rioters)
		}
	case taxonomy.Explosions:
		if m.actor1 == nil && m.sub != taxonomy.AirDroneStrike && m.sub != taxonomy.Shelling {
			m.actor1 = forCountry(actor.Unidentified)
		}
	case taxonomy.StrategicDevelopments:
		// ACLED's arrests are made by the state: "81 suspects were
		// arrested", "the arrest of Zambada in the United States" name
		// no one else, and the police of the place are who arrests.
		if m.sub == taxonomy.Arrests && m.actor1 == nil {
			m.actor1 = forCountry(actor.Police)
		}
	case taxonomy.ViolenceAgainstCivilians:
		if m.actor2 == nil || !isInter(m.actor2, 7) {
			m.actor2 = forCountry(actor.Civilians)
		}
		if m.actor1 == nil {
			m.actor1 = forCountry(actor.Unidentified)
		}
	}
}

// assignPlaces sets where m happened: the place its sentence names after a
// locative word, nearest the trigger; m.others gets the further places of a
// list ("in Paktika, Khost and other border areas").
func (a *analysis) assignPlaces(m *mention, prior []*mention) {
	var cands []gazetteer.Resolved
	for k := range a.places {
		// Read in place: a copy of each of the article's places for
		// each event cost more than the rest of the loop.
		if p := &a.places[k]; p.Start < m.span.Start || p.End > m.span.End {
			continue
		}
		p := a.places[k]
		before := a.text[max(m.span.Start, p.Start-45):p.Start]
		if !m.nearest(event.Span{Start: p.Start, End: p.End}) {
			continue
		}
		if m.typ == taxonomy.Explosions && originRE.MatchString(before) {
			// "terrorists positioned in Eastern Ghouta fired mortar
			// shells at the city", "rockets fired from Idlib into
			// Latakia": remote violence happens where it lands, not
			// where it was fired from.
			continue
		}
		if locative(before) || possessedBy(a.text, before, cands) {
			if p.Place.Kind == gazetteer.Country && ownsNoun(a.text[p.End:min(len(a.text), p.End+40)]) &&
				!(k+1 < len(a.places) && possessive(a.text[p.End:max(p.End, a.places[k+1].Start)])) {
				// "a centre of Syria's rescuers", "on Syria's border": the
				// country owns a thing, it is not where the event was; a
				// place it owns ("Syria's Aleppo province") comes next.
				continue
			}
			if p.Precision < 2 && near(before) {
				p.Precision = 2
			}
			if x := a.places[max(k-1, 0)]; k > 0 && x.Start >= m.span.Start && x.End <= p.Start && heldIn(x, p, a.text[x.End:p.Start]) {
				// "the town of Sake in North Kivu was captured": the
				// province only says where the town is.
				if len(cands) > 0 && cands[len(cands)-1].Start == x.Start {
					continue // the town is a candidate already ("in Sake in North Kivu")
				}
				p = x
			}
			cands = append(cands, p)
		}
	}
	if len(cands) > 0 {
		// The nearest after the trigger, else the nearest before it; a
		// place inside the one named just before it wins.
		pick := -1
		for i, p := range cands {
			if p.Start >= m.trig.End {
				pick = i
				if i+1 < len(cands) && possessive(a.text[p.End:cands[i+1].Start]) {
					pick = i + 1
				}
				break
			}
		}
		if pick < 0 {
			pick = len(cands) - 1
		}
		p := cands[pick]
		m.place, m.ownPlace = &p, true
		a.because(m, "location", "the place its sentence names")
		return
	}
	// No place of its own: that of the last report of the same kind, then
	// of the last report, then the article's.
	for i := len(prior) - 1; i >= 0; i-- {
		if prior[i].typ == m.typ && prior[i].plover == m.plover && prior[i].place != nil {
			m.place = prior[i].place
			a.because(m, "location", "no place of its own: that of the last event of its kind")
			return
		}
	}
	for i := len(prior) - 1; i >= 0; i-- {
		if prior[i].typ != "" && prior[i].place != nil {
			m.place = prior[i].place
			a.because(m, "location", "no place of its own: that of the last event told")
			return
		}
	}
	m.place = a.home
	a.because(m, "location", "no place told near it: the place the article is about")
}

// heldIn reports whether place x, told just before "in" and the province
// or country p that holds it, is the place p's words say where it is:
// "Sake in North Kivu", "Kidal in Mali".
func heldIn(x, p gazetteer.Resolved, between string) bool {
	if !strings.EqualFold(strings.TrimSpace(between), "in") || x.Place.Kind == gazetteer.Country || x.Place.CountryCode != p.Place.CountryCode {
		return false
	}
	switch p.Place.Kind {
	case gazetteer.Country:
		return true
	case gazetteer.Admin1:
		return x.Place.Kind != gazetteer.Admin1 && x.Place.Admin1 == p.Place.Name
	}
	return false
}

// ownsNoun reports whether the words after a place open with a possessive
// "'s".
func ownsNoun(after string) bool {
	return strings.HasPrefix(after, "'s ") || strings.HasPrefix(after, "’s ")
}

// possessive reports whether the words between two places make the second
// the first's: "Thailand's Sisaket", "Syria's northern Aleppo", "Nigeria's
// restive northeastern Borno".
func possessive(between string) bool {
	b := strings.TrimSpace(between)
	rest, ok := strings.CutPrefix(b, "'s")
	if !ok {
		if rest, ok = strings.CutPrefix(b, "’s"); !ok {
			return false
		}
	}
	words := strings.Fields(rest)
	if len(words) > 2 {
		return false
	}
	for _, w := range words {
		if c := w[0]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// possessedBy reports whether the words before a place are a locative
// place's possessive ("in Thailand's Sisaket province"): the inner place
// is the more precise one.
func possessedBy(text, before string, cands []gazetteer.Resolved) bool {
	if len(cands) == 0 {
		return false
	}
	last := cands[len(cands)-1]
	i := strings.LastIndex(before, last.Text)
	return i >= 0 && possessive(before[i+len(last.Text):])
}

// splitPlaces returns one mention per place when m's place opens a list:
// ACLED codes one event per location.
func (a *analysis) splitPlaces(m *mention) []*mention {
	out := []*mention{m}
	if !m.ownPlace || between(a.text[max(m.span.Start, m.place.Start-40):m.place.Start]) {
		return out
	}
	prev := *m.place
	for i := range a.places {
		p := &a.places[i]
		if p.Start < prev.End || p.End > m.span.End {
			continue
		}
		if !listSepRE.MatchString(a.text[prev.End:p.Start]) {
			break
		}
		// "Maiduguri, Borno" qualifies rather than lists.
		if p.Place.Kind == gazetteer.Country || (p.Place.Kind == gazetteer.Admin1 && p.Place.Name == prev.Place.Admin1) ||
			p.Place.CountryCode != prev.Place.CountryCode {
			break
		}
		q := *p
		c := *m
		c.place = &q
		c.claims = nil // a toll told once belongs to the first place
		c.injured = nil
		c.why = slices.Clone(m.why) // its own reasons, not m's
		a.because(&c, "location", "a list of places: one event for each")
		out = append(out, &c)
		prev = *p
	}
	return out
}

// keep decides whether m reports an event worth coding.
func (a *analysis) keep(m *mention, prior []*mention) bool {
	if m.typ == "" {
		// PLOVER-only events need someone acting, and for most types
		// someone acted on.
		if m.actor1 == nil {
			return false
		}
		if m.plover == "MOBILIZE" && !m.ownTime {
			return false // "troops are deployed in the province": a state
		}
		switch m.plover {
		case "ACCUSE", "THREATEN", "REQUEST", "REJECT", "SANCTION", "AID", "CONSULT":
			if m.actor2 == nil {
				return false
			}
		}
		if m.actor1.name() == m.actor2.name() {
			return false
		}
		if m.actor2 != nil && m.actor2.Actor != nil && m.actor2.Actor.Inter == 7 {
			switch m.plover {
			case "REQUEST", "REJECT", "ACCUSE", "THREATEN":
				return false // an appeal to the public, a figure denied
			}
		}
		return true
	}
	if m.place == nil {
		return false
	}
	if m.trig.Class == lexicon.Deal && !armedParty(m.actor1) && !armedParty(m.actor2) {
		// A loan or trade deal is no conflict agreement.
		return false
	}
	if (m.trig.Class == lexicon.Attack || m.trig.Class == lexicon.Kill || m.trig.Class == lexicon.Strike) && !m.ownTime && !m.ownPlace && len(m.claims) == 0 {
		// "blamed Pakistan for the attack": a word this general with
		// neither time nor place refers back; it reports nothing new.
		return false
	}
	if m.ownTime || m.ownPlace || len(m.claims) > 0 {
		return true
	}
	if a.doc.Headline != nil && a.shortItem() && a.inLead(m) && len(prior) == 0 {
		// A wire item's lead reports its news, told or not with a time
		// and place of its own: "Italy ground to a halt as millions of
		// workers observed a general strike".
		return true
	}
	// A report with neither time nor place of its own only adds to an
	// event already told, or stands when it names who acted.
	for i := len(prior) - 1; i >= 0; i-- {
		if prior[i].typ == m.typ {
			return true
		}
	}
	// Only agreements, arrests and other strategic developments stand
	// alone that way; violence and protest told with no time or place
	// of their own is background.
	return m.actor1 != nil && m.typ == taxonomy.StrategicDevelopments
}

// inLead reports whether m is told in the article's lead, the first
// sentence of its body.
func (a *analysis) inLead(m *mention) bool {
	l := a.doc.Lead
	return l != nil && m.span.Start < l.End && l.Start < m.span.End
}

// shortItem reports whether the article is a wire or feed item: a
// headline and a paragraph or two.
func (a *analysis) shortItem() bool {
	return len(a.sents) > 0 && len(a.sents) <= 5
}
