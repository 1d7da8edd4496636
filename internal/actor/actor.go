// Package actor holds sitrep's actor dictionary: state forces, governments,
// publics, rebel groups, militias and international forces named as ACLED
// names them, with their inter codes, aliases and the dates their roles held,
// and the people who speak or act for them. The data is readable YAML under
// data/ (see the repository's DATA.md).
package actor

import (
	"embed"
	"errors"
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/bloom"
	"github.com/sitrep/sitrep/internal/text"
	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var data embed.FS

// Actor is one actor of the dictionary.
type Actor struct {
	// Name is the ACLED-style canonical name, e.g. "Military Forces of
	// Pakistan (2022-)".
	Name    string
	Aliases []string
	// Inter is ACLED's inter code: 1 state forces, 2 rebel groups,
	// 3 political militias, 4 identity militias, 5 rioters, 6 protesters,
	// 7 civilians, 8 external/other forces.
	Inter int
	// Country is the ISO alpha-2 code of the country it belongs to; empty
	// for transnational actors.
	Country string
	// Sector is the PLOVER sector: MIL, COP, GOV, REB, PTY, CVL, UAF, ...
	Sector string
	// From and To bound when the actor held this role, YYYY-MM-DD; empty
	// means open.
	From, To string
	// Kind is the state or public role of a country's actor; empty for
	// named groups.
	Kind Kind
}

// ValidOn reports whether a is the actor to use for an event on day d; a
// zero d accepts every actor.
func (a *Actor) ValidOn(d time.Time) bool {
	if d.IsZero() {
		return a.To == ""
	}
	if a.From == "" && a.To == "" {
		return true
	}
	// Formatted on the stack: a dictionary look-up asks it of each
	// actor a name may stand for.
	var buf [len(time.DateOnly) + 8]byte
	return a.validOn(string(d.AppendFormat(buf[:0], time.DateOnly)))
}

// validOn is ValidOn for a day written as dayOf writes it.
func (a *Actor) validOn(day string) bool {
	if day == "" {
		return a.To == ""
	}
	return (a.From == "" || a.From <= day) && (a.To == "" || day <= a.To)
}

// dayOf writes d as validOn reads it: YYYY-MM-DD, or "" for the zero
// time. Find writes its date once for every actor it checks.
func dayOf(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// Mention is an actor reference found in text; Start and End are byte
// offsets into the text given to Find.
type Mention struct {
	Start, End int
	Text       string
	// Actor is nil for a bare force or public ("security forces",
	// "gunmen", "protesters") whose country the text does not say; callers
	// resolve it with ForCountry and Bare.
	Actor *Actor
	// Bare is the kind of a bare mention, for ForCountry.
	Bare Kind
	// Person and Role are set when the mention is a person who speaks or
	// acts for Actor.
	Person string
	Role   string
}

// entry is what a folded phrase may denote.
type entry struct {
	actor    int32 // index into actors, or -1
	person   int32 // index into people, or -1
	bare     Kind
	exact    bool // the phrase is the actor's name, not an alias
	caseSens bool // an acronym: must match case
	capital  bool // the phrase starts with a capital letter
}

type person struct {
	Name, Role, For string
}

// Dictionary is the loaded actor data. It is immutable after Load and safe
// for concurrent use.
type Dictionary struct {
	actors  []*Actor
	people  []person
	phrases map[string][]entry
	// lengths holds, for each first word of a phrase, the numbers of
	// words of the phrases that begin with it, as bits: bit n for
	// phrases of n words, up to maxWords, while the dictionary loads;
	// Find asks firstLengths, the same as a text.WordMap (see lengthsOf).
	lengths      map[string]uint64
	firstLengths *text.WordMap[uint64]
	// firsts holds a bit for the shape of each first word of a phrase
	// (firstShape): most words of a text begin none, and a look at it
	// spares their look-up in lengths.
	firsts [1 << 10]uint64
	// multi holds the hashes (bloom.HashOf) of the phrases of more than one
	// word: most phrases that Find builds name nothing, and it asks
	// multi before phrases.
	multi bloom.Filter
	// prefixes holds the hashes of the first two words or
	// more of each phrase of several words, the whole phrase included:
	// Find reads no further along the text than a prefix it holds, and
	// tries no phrase longer, where a word such as "the" begins phrases
	// of up to nine words.
	prefixes bloom.Filter
	// toks and key are addPhrase's buffers while the dictionary loads.
	toks      []text.Token
	key       []byte
	byKind    map[countryKind][]int32 // actor indexes, one per period
	byName    map[string]int32
	demonyms  map[string]string
	titles    map[string]bool // folded titleNouns and people's roles
	ambiguous map[string]bool // folded phrases allowed to name two actors at once
	countries int
}

// Load parses the embedded YAML data.
func Load() (*Dictionary, error) {
	d := &Dictionary{
		// Sized for the data (some 24,000 phrases): growing the map
		// phrase by phrase took a tenth of Load.
		phrases:   make(map[string][]entry, 1<<15),
		lengths:   map[string]uint64{},
		byKind:    map[countryKind][]int32{},
		byName:    map[string]int32{},
		demonyms:  map[string]string{},
		titles:    map[string]bool{},
		ambiguous: map[string]bool{},
	}
	for _, t := range titleNouns {
		d.titles[phraseKey(t)] = true
	}
	var countries []countryData
	if err := readYAML("data/countries.yaml", &countries); err != nil {
		return nil, err
	}
	var groups []groupData
	if err := readYAML("data/groups.yaml", &groups); err != nil {
		return nil, err
	}
	var people []personData
	if err := readYAML("data/people.yaml", &people); err != nil {
		return nil, err
	}
	for _, c := range countries {
		if err := d.addCountry(c); err != nil {
			return nil, err
		}
	}
	d.countries = len(countries)
	for _, g := range groups {
		if err := d.addGroup(g); err != nil {
			return nil, err
		}
	}
	for _, p := range people {
		if err := d.addPerson(p); err != nil {
			return nil, err
		}
	}
	for w, kind := range bareNouns {
		d.addPhrase(w, entry{actor: -1, person: -1, bare: kind})
	}
	if err := d.validate(); err != nil {
		return nil, err
	}
	var multi, prefixes []uint64
	for k := range d.phrases {
		if !strings.Contains(k, " ") {
			continue
		}
		h := bloom.HashOf(k)
		multi = append(multi, h)
		prefixes = append(prefixes, h)
		// The prefixes of two words or more end at the second space
		// and those after it.
		for j, spaces := 0, 0; j < len(k); j++ {
			if k[j] == ' ' {
				if spaces++; spaces >= 2 {
					prefixes = append(prefixes, bloom.HashOf(k[:j]))
				}
			}
		}
	}
	d.multi, d.prefixes = bloom.Of(multi), bloom.Of(prefixes)
	d.indexFirsts()
	d.toks, d.key, d.lengths = nil, nil, nil
	return d, nil
}

// indexFirsts makes firstLengths from lengths, in the order of the
// keys, so that the table is the same from one load to the next.
func (d *Dictionary) indexFirsts() {
	keys := slices.Sorted(maps.Keys(d.lengths))
	vals := make([]uint64, len(keys))
	for i, k := range keys {
		vals[i] = d.lengths[k]
	}
	d.firstLengths = text.NewWordMap(keys, vals)
}

// lengthsOf returns lengths[key]. Find asks it of every word whose
// shape some first word has, a third of a text's words, most of which
// begin no phrase.
func (d *Dictionary) lengthsOf(key string) uint64 {
	n, _ := d.firstLengths.Get(key)
	return n
}

// validate rejects data in which one phrase names two actors valid on the
// same day, unless the phrase is marked ambiguous: the tagger would then
// choose between them by data order alone.
func (d *Dictionary) validate() error {
	var errs []error
	for k, es := range d.phrases {
		if d.ambiguous[k] {
			continue
		}
		for i := range es {
			for j := i + 1; j < len(es); j++ {
				if es[i].actor < 0 || es[j].actor < 0 || es[i].caseSens != es[j].caseSens {
					continue
				}
				a, b := d.actors[es[i].actor], d.actors[es[j].actor]
				if overlaps(a, b) {
					errs = append(errs, fmt.Errorf("%q names both %q and %q", k, a.Name, b.Name))
				}
			}
		}
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
		return fmt.Errorf("actor data: %w", errors.Join(errs...))
	}
	return nil
}

// overlaps reports whether a and b are valid on some common day.
func overlaps(a, b *Actor) bool {
	return (a.To == "" || b.From == "" || b.From <= a.To) && (b.To == "" || a.From == "" || a.From <= b.To)
}

// phraseKey is the folded, tokenised form under which a phrase is indexed.
func phraseKey(phrase string) string {
	return joinKeys(text.Tokens(phrase))
}

func readYAML(name string, v any) error {
	b, err := data.ReadFile(name)
	if err != nil {
		return fmt.Errorf("actor data: %w", err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("actor data %s: %w", name, err)
	}
	return nil
}

// Len returns the number of actors.
func (d *Dictionary) Len() int { return len(d.actors) }

// Countries returns the number of countries with state actors.
func (d *Dictionary) Countries() int { return d.countries }

// People returns the number of people.
func (d *Dictionary) People() int { return len(d.people) }

// Actors returns every actor, in the order of the data.
func (d *Dictionary) Actors() []*Actor { return d.actors }

// Lookup resolves a name, alias, demonym phrase or person to the actor
// valid on date (zero date: the current one).
func (d *Dictionary) Lookup(name string, date time.Time) (*Actor, bool) {
	a, _, ok := d.pick(d.phrases[phraseKey(name)], "", date, dayOf(date))
	return a, ok && a != nil
}

// pick chooses, among a phrase's entries, the one valid on date, which
// is day as dayOf writes it: names before aliases, in data order. With a
// surface, the text the phrase is written as, it passes over the entries
// whose case rules the surface does not meet (see fitsCase).
func (d *Dictionary) pick(es []entry, surface string, date time.Time, day string) (*Actor, *entry, bool) {
	var best *entry
	var bestActor *Actor
	var cased surfaceCase
	for i := range es {
		e := &es[i]
		if surface != "" && !cased.fits(e, surface) {
			continue
		}
		var a *Actor
		switch {
		case e.person >= 0:
			a = d.forPerson(d.people[e.person], date, day)
		case e.actor >= 0:
			a = d.actors[e.actor]
			if !a.validOn(day) {
				continue
			}
		case e.bare != "":
			if best == nil {
				best = e
			}
			continue
		}
		if best == nil || best.bare != "" || (e.exact && !best.exact) {
			best, bestActor = e, a
		}
	}
	return bestActor, best, best != nil
}

func (d *Dictionary) forPerson(p person, date time.Time, day string) *Actor {
	if iso, kind, ok := strings.Cut(p.For, ":"); ok {
		a, _ := d.forCountry(iso, Kind(kind), date, day)
		return a
	}
	if i, ok := d.byName[p.For]; ok {
		return d.actors[i]
	}
	return nil
}

// countryKind keys a country's actors of one kind.
type countryKind struct {
	iso  string
	kind Kind
}

// ForCountry returns the country's actor of the given kind valid on date.
func (d *Dictionary) ForCountry(iso2 string, kind Kind, date time.Time) (*Actor, bool) {
	// Formatted on the stack, once for all the country's periods.
	var buf [len(time.DateOnly) + 8]byte
	day := ""
	if !date.IsZero() {
		day = string(date.AppendFormat(buf[:0], time.DateOnly))
	}
	return d.forCountry(iso2, kind, date, day)
}

// forCountry is ForCountry given date written as dayOf writes it too.
func (d *Dictionary) forCountry(iso2 string, kind Kind, date time.Time, day string) (*Actor, bool) {
	ids := d.byKind[countryKind{strings.ToUpper(iso2), kind}]
	for _, i := range ids {
		if d.actors[i].validOn(day) {
			return d.actors[i], true
		}
	}
	if len(ids) > 0 && date.IsZero() {
		return d.actors[ids[len(ids)-1]], true
	}
	return nil, false
}

// Demonym maps a demonym or country name ("Pakistani", "Afghan",
// "Congolese", "Pakistan") to its ISO code.
func (d *Dictionary) Demonym(word string) (string, bool) {
	code, ok := d.demonyms[text.Fold(word)]
	return code, ok
}

// Find returns the actor references in text, longest first, not
// overlapping, in text order, each actor as valid on date. A bare force or
// public with no country in the phrase ("security forces", "gunmen") comes
// back with a nil Actor and its Bare kind: the caller knows the article's
// country and resolves it with ForCountry(country, m.Bare, date). A person
// keeps the title written before the name in the span ("spokesperson
// Zabiullah Mujahid") and has Person and Role set.
func (d *Dictionary) Find(s string, date time.Time) []Mention {
	return d.FindIn(text.Split(s), date)
}

// FindIn is Find over a text already split into words.
func (d *Dictionary) FindIn(doc *text.Doc, date time.Time) []Mention {
	txt, toks := doc.Text, doc.Tokens
	day := dayOf(date)
	// News names an actor or a bare force about once in thirteen words:
	// room for as many spares most texts the slice's growth.
	out := make([]Mention, 0, len(toks)/12+1)
	var keyBuf [128]byte
	buf := keyBuf[:0] // the phrase of several words being looked up
	// sums[k] is the hash of the phrase of the first k words from i on,
	// written into h a word at a time.
	var sums [maxWords + 1]uint64
	for i := 0; i < len(toks); {
		if slot, bit := firstShape(toks[i].Key); d.firsts[slot]&bit == 0 {
			i++
			continue
		}
		matched := 0
		var m Mention
		// The lengths of the phrases that begin with this word, no
		// longer than the text left, longest first.
		lengths := d.lengthsOf(toks[i].Key) & (1<<(min(len(toks)-i, maxWords)+1) - 1)
		if longest := 63 - bits.LeadingZeros64(lengths); longest > 1 {
			lengths &= 1<<(d.reach(&sums, txt, toks[i:i+longest])+1) - 1
		}
		for ; lengths != 0; lengths &^= 1 << (63 - bits.LeadingZeros64(lengths)) {
			n := 63 - bits.LeadingZeros64(lengths)
			if n > 1 && !d.multi.Has(sums[n]) {
				continue
			}
			var es []entry
			if n == 1 {
				es = d.phrases[toks[i].Key]
			} else {
				buf = buf[:0]
				for k := 0; k < n; k++ {
					if k > 0 {
						buf = append(buf, ' ')
					}
					buf = append(buf, toks[i+k].Key...)
				}
				es = d.phrases[string(buf)] // no allocation: the compiler looks up by bytes
			}
			if len(es) == 0 {
				continue
			}
			surface := txt[toks[i].Start:toks[i+n-1].End]
			a, e, found := d.pick(es, surface, date, day)
			if !found {
				continue
			}
			m = Mention{Start: toks[i].Start, End: toks[i+n-1].End, Text: surface, Actor: a}
			switch {
			case e.person >= 0:
				m.Person, m.Role = d.people[e.person].Name, d.people[e.person].Role
			case e.bare != "":
				m.Bare = e.bare
			case a != nil && a.Kind != "":
				m.Role = d.titleAtEnd(toks[i : i+n])
			}
			matched = n
			break
		}
		if matched == 0 {
			i++
			continue
		}
		if m.Person != "" {
			out = d.joinTitle(out, &m, txt, toks[:i])
		}
		if k := len(out) - 1; (m.Bare == Rebels || m.Bare == Unidentified || m.Bare == Communal) && k >= 0 && out[k].Actor != nil && out[k].Actor.Kind == "" && out[k].Person == "" && txt[out[k].End:m.Start] == " " {
			// "New People's Army rebels", "Nusra terrorists": the noun
			// names the group before it, not another side.
			out[k].End, out[k].Text = m.End, txt[out[k].Start:m.End]
			i += matched
			continue
		}
		out = append(out, m)
		i += matched
	}
	if len(out) == 0 {
		return nil // as before out was made ahead
	}
	return out
}

// reach returns how many of toks, from the first on, may be a phrase
// or begin one: as many as join and make a prefix that prefixes holds.
// It sets sums[k] to the hash of the phrase of the first k words, for
// k from 2 to that many, written a word at a time.
func (d *Dictionary) reach(sums *[maxWords + 1]uint64, txt string, toks []text.Token) int {
	h := bloom.Append(bloom.Offset, toks[0].Key)
	for k := 1; k < len(toks); k++ {
		if !joins(txt[toks[k-1].End:toks[k].Start]) {
			return k
		}
		h = bloom.Append(bloom.Append(h, " "), toks[k].Key)
		sum := bloom.Finish(h)
		if !d.prefixes.Has(sum) {
			return k
		}
		sums[k+1] = sum
	}
	return len(toks)
}

// firstShape returns the slot and bit of Dictionary.firsts for the word
// key: its first and last bytes and its length.
func firstShape(key string) (slot int, bit uint64) {
	if key == "" {
		return 0, 1
	}
	return int(key[0]&31)<<5 | int(key[len(key)-1]&31), 1 << min(len(key), 63)
}

// titleAtEnd returns the longest title that ends the phrase ("Pakistani
// Foreign Minister" → "foreign minister"), or "".
func (d *Dictionary) titleAtEnd(toks []text.Token) string {
	// The keys are joined on the stack and looked up as bytes: most
	// phrases end in no title, and a string for each try is garbage.
	var buf [64]byte
	for k := 0; k < len(toks); k++ {
		key := appendKeys(buf[:0], toks[k:])
		if d.titles[string(key)] {
			return string(key)
		}
	}
	return ""
}

// appendKeys appends joinKeys(toks) to dst.
func appendKeys(dst []byte, toks []text.Token) []byte {
	for i, t := range toks {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, t.Key...)
	}
	return dst
}

// joinTitle widens a person mention m to the title written before the name:
// a bare title ("spokesperson Zabiullah Mujahid") or a state actor's title
// already found ("Afghanistan’s Foreign Minister Amir Khan Muttaqi"), which
// it replaces. before are the tokens before m; out the mentions so far.
func (d *Dictionary) joinTitle(out []Mention, m *Mention, txt string, before []text.Token) []Mention {
	if len(out) > 0 {
		prev := out[len(out)-1]
		if prev.Person == "" && prev.Role != "" && txt[prev.End:m.Start] == " " {
			m.Start, m.Text = prev.Start, txt[prev.Start:m.End]
			if m.Actor == nil {
				m.Actor = prev.Actor
			}
			return out[:len(out)-1]
		}
	}
	floor := 0
	if len(out) > 0 {
		floor = out[len(out)-1].End
	}
	for k := min(3, len(before)); k >= 1; k-- {
		ts := before[len(before)-k:]
		if ts[0].Start < floor || txt[ts[k-1].End:m.Start] != " " || !d.titles[joinKeys(ts)] {
			continue
		}
		spaced := true
		for j := 1; j < k; j++ {
			spaced = spaced && txt[ts[j-1].End:ts[j].Start] == " "
		}
		if spaced {
			m.Start, m.Text = ts[0].Start, txt[ts[0].Start:m.End]
			if m.Role == "" {
				m.Role = joinKeys(ts)
			}
			break
		}
	}
	return out
}

func joinKeys(toks []text.Token) string {
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.Key
	}
	return strings.Join(keys, " ")
}

// surfaceCase tells whether an entry's case rules hold for a surface
// text, working out what it needs of the text once: pick asks it of
// each entry of a phrase in place of a slice of those that hold.
type surfaceCase struct {
	// known bits: 1 first read, 2 acronym read; upper and acronym are
	// what was read.
	known          uint8
	upper, acronym bool
}

// fits reports whether surface meets e's case rules: an acronym written
// in capitals, a capitalised phrase with a capital.
func (c *surfaceCase) fits(e *entry, surface string) bool {
	if e.caseSens {
		if c.known&2 == 0 {
			c.known |= 2
			c.acronym = isAcronymOf(surface)
		}
		if !c.acronym {
			return false
		}
	}
	if e.capital {
		if c.known&1 == 0 {
			c.known |= 1
			first, _ := utf8.DecodeRuneInString(surface)
			c.upper = unicode.IsUpper(first)
		}
		if !c.upper {
			return false
		}
	}
	return true
}

// isAcronymOf reports whether surface is written in capitals (digits and
// hyphens allowed), as an acronym must be.
func isAcronymOf(surface string) bool {
	for _, r := range surface {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// joins reports whether the bytes between two tokens may sit inside one
// actor name.
func joins(s string) bool {
	switch s {
	case "", " ", "-", "'", "’", "/", "‐":
		return true
	}
	return false
}

// addPhrase indexes a phrase under its folded key.
// maxWords bounds the words of a phrase the dictionary holds; no actor's
// name comes near it.
const maxWords = 63

func (d *Dictionary) addPhrase(phrase string, e entry) {
	d.toks = text.AppendTokens(d.toks[:0], phrase)
	toks := d.toks
	if len(toks) == 0 || len(toks) > maxWords {
		return
	}
	key := d.key[:0]
	for i, t := range toks {
		if i > 0 {
			key = append(key, ' ')
		}
		key = append(key, t.Key...)
	}
	d.key = key
	k := string(key)
	first, _ := utf8.DecodeRuneInString(phrase)
	e.capital = unicode.IsUpper(first)
	e.caseSens = len(phrase) <= 6 && isAcronymOf(phrase) && strings.IndexFunc(phrase, unicode.IsLetter) >= 0
	for _, have := range d.phrases[k] {
		if have.actor == e.actor && have.person == e.person && have.bare == e.bare {
			return
		}
	}
	d.phrases[k] = append(d.phrases[k], e)
	d.lengths[toks[0].Key] |= 1 << len(toks)
	slot, bit := firstShape(toks[0].Key)
	d.firsts[slot] |= bit
}

// distinct returns the aliases trimmed, without those that differ from
// an earlier one only in case, so that users of an actor's aliases need
// not compare them with each other.
func distinct(aliases []string) []string {
	out := aliases[:0:0]
	seen := make(map[string]bool, len(aliases))
	for _, al := range aliases {
		al = strings.TrimSpace(al)
		// Upper then lower case: the pairs strings.EqualFold takes as
		// one, but for a few letters no alias holds.
		k := strings.ToLower(strings.ToUpper(al))
		if al != "" && !seen[k] {
			seen[k] = true
			out = append(out, al)
		}
	}
	return out
}

// addActor appends a and indexes its name and aliases.
func (d *Dictionary) addActor(a *Actor) (int32, error) {
	if _, dup := d.byName[a.Name]; dup {
		return 0, fmt.Errorf("actor data: duplicate actor name %q", a.Name)
	}
	if a.Inter < 1 || a.Inter > 8 {
		return 0, fmt.Errorf("actor data: %q has inter code %d, want 1-8", a.Name, a.Inter)
	}
	a.Aliases = distinct(a.Aliases)
	idx := int32(len(d.actors))
	d.actors = append(d.actors, a)
	d.byName[a.Name] = idx
	d.addPhrase(a.Name, entry{actor: idx, person: -1, exact: true})
	for _, al := range a.Aliases {
		d.addPhrase(al, entry{actor: idx, person: -1})
	}
	return idx, nil
}
