// Package extract codes events from one clean document: it finds triggers,
// actors, places, times and counts, ties them together sentence by
// sentence, merges what one article tells twice, and writes ACLED- and
// PLOVER-coded events whose every field points at its evidence.
//
// The stages are deliberately separate: trigger detection sits behind the
// TriggerDetector interface so that a learned model can replace the
// lexicon without touching role, place, time or claim handling.
package extract

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/debris"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/quantity"
	"github.com/sitrep/sitrep/internal/sentence"
	"github.com/sitrep/sitrep/internal/text"
	"github.com/sitrep/sitrep/internal/timex"
)

// Options tune one extraction.
type Options struct {
	// Now anchors relative dates when the document has no publication
	// date, when the caller chooses to. Zero leaves them unresolved: the
	// events of an undated article have unknown dates unless the text
	// gives a full calendar date.
	Now time.Time
	// Explain records, for each field of each event, the name of the
	// rule that gave its value (event.Event.Reasons).
	Explain bool
}

// Extractor codes events. It is safe for concurrent use.
type Extractor struct {
	places   *gazetteer.Gazetteer
	actors   *actor.Dictionary
	triggers TriggerDetector
	times    *timex.Finder
	counts   *quantity.Finder
	common   *commonWords
	// aliases holds each actor's aliases split into words
	// (aliasSet), *actor.Actor to *text.Set; shared by copies.
	aliases *sync.Map
}

// commonWords loads the common-word list the first time an all-capitals
// text needs it.
type commonWords struct {
	once  sync.Once
	words debris.Words
	err   error
}

func (c *commonWords) get() (debris.Words, error) {
	c.once.Do(func() { c.words, c.err = debris.CommonWords() })
	return c.words, c.err
}

// New returns an extractor over the given knowledge base, with the
// lexicon trigger detector.
func New(places *gazetteer.Gazetteer, actors *actor.Dictionary) *Extractor {
	return &Extractor{
		places:   places,
		actors:   actors,
		triggers: NewLexicon(),
		times:    timex.NewFinder(),
		counts:   quantity.NewFinder(),
		common:   &commonWords{},
		aliases:  &sync.Map{},
	}
}

// WithTriggers returns a copy of x that detects triggers with d.
func (x *Extractor) WithTriggers(d TriggerDetector) *Extractor {
	y := *x
	y.triggers = d
	return &y
}

// Extract returns the events of doc, in the order the article first
// reports them.
func (x *Extractor) Extract(ctx context.Context, doc *event.Document, opts Options) ([]event.Event, error) {
	pub, err := publication(doc, opts)
	if err != nil {
		return nil, err
	}
	undated := pub.IsZero()
	if undated {
		// Actors are named for the period in force now; dates are not
		// taken from it.
		pub = timex.Truncate(time.Now())
	}
	orig := doc
	view, err := x.repair(doc.Text)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", doc.Source, err)
	}
	if h := doc.Headline; h != nil && debris.TitleCase(view.Text[h.Start:min(len(view.Text), h.End)]) {
		// "US Marines Die In Fallujah Car Bombing": read as a sentence,
		// so that its names stand out from its words.
		if w, err := x.common.get(); err == nil {
			s, e := view.ToView(h.Start, false), view.ToView(h.End, true)
			view.Text = debris.SentenceCase(view.Text, s, e, debris.Options{Common: w, Proper: func(w string) bool { _, ok := x.places.CountryOf(w); return ok }})
		}
	}
	if view.Text != doc.Text {
		// Read the repaired text; spans are mapped back at the end.
		d := *doc
		d.Text = view.Text
		d.Dateline, d.Headline, d.Lead, d.OutletTag = toView(view, doc.Dateline), toView(view, doc.Headline), toView(view, doc.Lead), toView(view, doc.OutletTag)
		d.Datelines = make([]event.Span, len(doc.Datelines))
		for i, s := range doc.Datelines {
			d.Datelines[i] = *toView(view, &s)
		}
		doc = &d
	}
	a := x.analyse(doc, pub)
	a.undated = undated
	a.explain = opts.Explain
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract %s: %w", doc.Source, err)
	}
	ms := a.mentions()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract %s: %w", doc.Source, err)
	}
	clusters := a.dropSummaries(a.merge(ms))
	out := make([]event.Event, 0, len(clusters))
	for _, c := range clusters {
		out = append(out, a.build(c))
	}
	if !a.undated {
		out = dropHistory(out, pub)
	}
	out = foldHeadline(out, doc.Headline, doc.Text)
	a.headlinePlace(out, doc.Headline)
	a.placeFromNext(out)
	if doc != orig {
		toOrig(view, orig.Text, out)
	}
	return out, nil
}

// dropSummaries leaves out a headline, of the article or of a story of a
// bulletin, that sums up the events told below it place by place ("Four people killed, 25 injured in
// terrorist attacks in Damascus, its countryside, Aleppo, Homs, Quneitra
// and Hasaka"): it names three places or more, and two of them or more
// have events of their own below it. Each of those is coded; the sum
// would count their dead twice.
func (a *analysis) dropSummaries(cs []*cluster) []*cluster {
	out := cs[:0]
	for _, c := range cs {
		if !a.summary(c, cs) {
			out = append(out, c)
		}
	}
	return out
}

// summary reports whether c is such a headline among the clusters cs.
func (a *analysis) summary(c *cluster, cs []*cluster) bool {
	k := c.first().sent
	if k != 0 && !a.stories[k] {
		return false
	}
	s := a.sents[k].Span
	named := map[string]bool{}
	for i := range a.places {
		p := &a.places[i]
		// The places after the trigger: a site's menu before a
		// headline ("Manipur | Assam | Nagaland") sums up nothing.
		if p.Start >= c.first().trig.End && p.End <= s.End && p.Place.Kind != gazetteer.Country && p.Place.Kind != gazetteer.Area {
			named[p.Place.CountryCode+"|"+p.Place.Name] = true
		}
	}
	if len(named) < 3 {
		return false
	}
	told := map[string]bool{}
	for _, o := range cs {
		f := o.first()
		if o == c || f.sent <= k || f.place == nil || !f.ownPlace || k > 0 && a.storyOf(f.sent) != k {
			continue
		}
		p := f.place.Place
		for _, key := range []string{p.CountryCode + "|" + p.Name, p.CountryCode + "|" + p.Admin1} {
			if named[key] {
				told[key] = true
			}
		}
	}
	return len(told) >= 2
}

// storyOf returns the first sentence of the story that holds sentence k.
func (a *analysis) storyOf(k int) int {
	for k > 0 && !a.stories[k] {
		k--
	}
	return k
}

// dropHistory leaves out the events the article dates only by a month or
// longer that ended more than a month before it appeared ("Russia
// launched air strikes in September" in a June report): history recalled
// in passing, which ACLED codes from its own reports of the time, not
// from this one's.
func dropHistory(evs []event.Event, pub time.Time) []event.Event {
	out := evs[:0]
	cutoff := event.DateOf(pub.AddDate(0, 0, -31))
	for _, e := range evs {
		if e.TimePrecision == 3 && e.DateEnd != "" && e.DateEnd < cutoff {
			continue
		}
		out = append(out, e)
	}
	return out
}

// weekdayNames take a possessive that may have lost its apostrophe.
var weekdayNames = map[string]bool{"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true}

// repair returns the view of text with the debris of feeds repaired.
func (x *Extractor) repair(text string) (*debris.View, error) {
	opts := debris.Options{
		// "Syrias Aleppo": a country's possessive that lost its
		// apostrophe; "Philippines" and "Syrians" are words of their own.
		Possessive: func(name string) bool {
			if weekdayNames[name] {
				return true // "Tuesdays attack"
			}
			for _, p := range x.places.Lookup(name) {
				if p.Kind == gazetteer.Country {
					return true
				}
			}
			return false
		},
		Proper: func(w string) bool { _, ok := x.places.CountryOf(w); return ok },
	}
	caps := debris.OneCase(text)
	if caps {
		w, err := x.common.get()
		if err != nil {
			return nil, err
		}
		opts.Common = w
	}
	return debris.RepairCase(text, caps, opts), nil
}

func toView(v *debris.View, s *event.Span) *event.Span {
	if s == nil {
		return nil
	}
	return &event.Span{Start: v.ToView(s.Start, false), End: v.ToView(s.End, true)}
}

// toOrig maps the spans of evs from the view back to the original text.
func toOrig(v *debris.View, text string, evs []event.Event) {
	span := func(s event.Span) event.Span {
		return event.Span{Start: v.Orig(s.Start, false), End: v.Orig(s.End, true)}
	}
	for i := range evs {
		e := &evs[i]
		e.Span = span(e.Span)
		for j := range e.Evidence {
			ev := &e.Evidence[j]
			ev.Span = span(ev.Span)
			if ev.Span.Valid(len(text)) {
				ev.Text = text[ev.Start:ev.End]
			}
		}
		for j := range e.Claims {
			e.Claims[j].Span = span(e.Claims[j].Span)
		}
	}
}

// publication returns the day relative dates resolve against.
func publication(doc *event.Document, opts Options) (time.Time, error) {
	if doc.Published != "" {
		t, ok := doc.Published.Time()
		if !ok {
			return time.Time{}, fmt.Errorf("document %s: bad publication date %q", doc.Source, doc.Published)
		}
		return t, nil
	}
	if !opts.Now.IsZero() {
		return timex.Truncate(opts.Now), nil
	}
	return time.Time{}, nil
}

// analysis holds one document's annotations.
type analysis struct {
	// explain asks build for the rule behind each field.
	explain bool
	x       *Extractor
	doc     *event.Document
	text    string
	// words are text's tokens, which the actor dictionary, the gazetteer
	// and the rules read.
	words *text.Doc
	pub   time.Time
	// undated is true when neither the article nor the caller gives a
	// publication date: pub then only names actors' periods, and times
	// relative to it stay unknown.
	undated bool
	sents   []sentence.Sentence
	// stories holds the sentences that open a story of a bulletin, a
	// headline run into its lead: nothing told before them goes on.
	stories map[int]bool
	places  []gazetteer.Resolved
	actors  []actor.Mention
	persons []person
	// actorsSorted and personsSorted are set when actors and persons are
	// in the order of their starts, as the finders give them: actorRange
	// then looks up a span's by halves.
	actorsSorted, personsSorted bool
	times                       []timex.Expr
	counts                      []quantity.Quantity
	// datelines are the wire datelines opening paragraphs ("MAIDUGURI,
	// March 26 (LCH) —"): they say where and when the report was filed,
	// not where and when the event happened.
	datelines []event.Span
	// country is the ISO code the article is mostly about.
	country string
	// home is the place events default to when nothing nearer is known.
	home *gazetteer.Resolved
	// saidIn holds the sources of the sentences sayers has read.
	saidIn map[event.Span][]role
	// monitors holds the monitors named in the sentences monitorIn has
	// read, and watchdogs monitorsIn's matches in the whole text that
	// namedMonitor reads.
	monitors  map[event.Span][]role
	watchdogs [][]int
	// aliases memoizes usedAliases.
	aliases map[*actor.Actor][]string
	// actorsOf memoizes actorsIn.
	actorsOf map[event.Span]*actorsOf
	// arounds memoizes around for the actors of sentence aroundSent.
	arounds    []around
	aroundSent event.Span
	// speaker memoizes isSpeaker: every trigger in a sentence asks it
	// again of the same names.
	speaker map[event.Span]bool
	// weapon memoizes sentenceWeapon, one per sentence, and textWeapons
	// textNames.
	weapon      []int8
	textWeapons []bool
	// crowdText memoizes crowdRiot and lowered indexFold for the last
	// text each read.
	crowdText lastText[bool]
	lowered   lastText[string]
	// protest memoizes protestOf, one per sentence.
	protest []protestKind
	// claims is whether the text may claim responsibility for an
	// attack (claimedBy).
	claims fact
}

func (x *Extractor) analyse(doc *event.Document, pub time.Time) *analysis {
	txt := doc.Text
	a := &analysis{x: x, doc: doc, text: txt, words: text.Split(txt), pub: pub}
	a.sents, a.stories = splitStories(txt, sentence.Split(txt))
	a.actors = x.actors.FindIn(a.words, pub)
	a.persons = findPersons(txt, a.sents, a.actors)
	mentions := x.places.FindIn(a.words)
	// A place name inside an actor's name ("Tehreek-e-Taliban Pakistan",
	// "Police Forces of Kenya") or a person's is not a place mention.
	kept := mentions[:0]
	for _, m := range mentions {
		if a.insideName(event.Span{Start: m.Start, End: m.End}) {
			continue
		}
		if basedRE.MatchString(txt[m.End:min(len(txt), m.End+12)]) {
			// "the Britain-based Syrian Observatory": a seat, not
			// where anything happened.
			continue
		}
		if officeRE.MatchString(txt[m.End:min(len(txt), m.End+40)]) {
			// "a source at Daraa Police Command told SANA": the office
			// that speaks, not where anything happened.
			continue
		}
		kept = append(kept, m)
	}
	a.places = x.places.ResolveIn(a.words, kept, nil)
	a.places = a.unlocated(a.places)
	// The date lines loading read ("MAIDUGURI, March 26 (LCH) —", "15
	// July 2015 Abu ..."): they date and place the report, not its events.
	for _, d := range doc.Datelines {
		if d.Valid(len(txt)) {
			a.datelines = append(a.datelines, d)
		}
	}
	if d := doc.Dateline; d != nil && d.Valid(len(txt)) && !a.inDateline(*d) {
		a.datelines = append(a.datelines, *d)
	}
	a.datelines = append(a.datelines, a.shoutedDatelines()...)
	a.actors = a.dropPlaceActors(a.actors)
	a.actors = slices.DeleteFunc(a.actors, func(m actor.Mention) bool {
		return basedRE.MatchString(txt[m.End:min(len(txt), m.End+12)])
	})
	a.actors = a.dropForeignAcronyms(a.actors)
	a.actorsSorted = slices.IsSortedFunc(a.actors, func(x, y actor.Mention) int { return cmp.Compare(x.Start, y.Start) })
	a.personsSorted = slices.IsSortedFunc(a.persons, func(x, y person) int { return cmp.Compare(x.Start, y.Start) })
	times := x.times.Find(txt)
	a.counts = a.dropDateNumbers(x.counts.Find(txt), times)
	a.counts = slices.DeleteFunc(a.counts, func(q quantity.Quantity) bool { return noOne(txt, q) })
	a.times = a.eventTimes(times)
	a.country = a.mainCountry()
	a.home = a.homePlace()
	return a
}

// basedRE follows a place that modifies a name: "London-based".
// officeRE finds the offices named after the place they serve, which
// speak of events rather than place them.
var officeRE = pattern.MustCompile(`^\s+(?:Police\s+Command|Police\s+Department|Police\s+Chief|Health\s+Directorate|Health\s+Department|Health\s+Ministry|Provincial\s+Council|Governorate\s+Council|City\s+Council|Local\s+Council|Operations\s+Command|Military\s+Council|Media\s+(?:Office|Center|Centre)|Governor)\b`)

var basedRE = pattern.MustCompile(`^[-‐–]?(?:based|headquartered)\b`)

// dropDateNumbers drops the counts that are part of a date line, a date
// or a time ("GUSAU, Nigeria, April 21 -", "on July 10 2016"): a day of
// the month is never a toll.
func (a *analysis) dropDateNumbers(qs []quantity.Quantity, times []timex.Expr) []quantity.Quantity {
	out := qs[:0]
	for _, q := range qs {
		drop := a.inDateline(q.Span) || a.doc.Dateline != nil && q.Span.Overlaps(*a.doc.Dateline)
		for i := range times { // indexed: an Expr is too big to copy for each count
			if q.Span.Overlaps(times[i].Span) {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, q)
		}
	}
	return out
}

// noOne reports whether q is the "one" of "no one" or "no-one": nobody,
// not a count of one ("no one was hurt").
func noOne(text string, q quantity.Quantity) bool {
	if !strings.EqualFold(q.Text, "one") {
		return false
	}
	before := strings.TrimRight(text[max(0, q.Start-4):q.Start], " -")
	return len(before) >= 2 && strings.EqualFold(before[len(before)-2:], "no") &&
		(len(before) == 2 || !pattern.IsWordByte(before[len(before)-3]))
}

// inDateline reports whether s lies inside a date line.
func (a *analysis) inDateline(s event.Span) bool {
	for _, d := range a.datelines {
		if s.Start >= d.Start && s.End <= d.End {
			return true
		}
	}
	return false
}

// statementTimeRE marks a time that dates a statement ("said in a
// statement on Tuesday"), not the event the statement reports.
var statementTimeRE = pattern.MustCompile(`(?i)\b(?:` + lexicon.Alternation(lexicon.SpeechVerbs) + `|statement)\b[^.;]{0,30}$`)

// reportedClauseRE, between a speech verb and a time, opens the clause
// reported: "said that 7 people were injured on Monday" dates the injuries.
var reportedClauseRE = pattern.MustCompile(`(?i)\b(?:that|were|was|had been|have been|has been)\b`)

// statementTime reports whether a time after before dates a statement.
func statementTime(before string) bool {
	start, ok := statementStart(before)
	if !ok {
		loc := statementTimeRE.FindStringIndex(before)
		if loc == nil {
			return false
		}
		start = loc[0]
	}
	if start < 0 {
		return false
	}
	verb := start + strings.IndexFunc(before[start:], unicode.IsSpace)
	return verb < start || !reportedClauseRE.MatchString(before[verb:])
}

// statementWords are the words statementTimeRE's alternation holds, in
// small letters, with the length of the longest; nil when one is not a
// word of ASCII letters, which statementStart cannot read.
var statementWords, longestStatementWord = func() (map[string]bool, int) {
	m, longest := map[string]bool{}, 0
	for _, w := range append(lexicon.Words(lexicon.SpeechVerbs), "statement") {
		for i := 0; i < len(w); i++ {
			if c := w[i] | 0x20; c < 'a' || c > 'z' {
				return nil, 0
			}
		}
		m[strings.ToLower(w)] = true
		longest = max(longest, len(w))
	}
	if longest > maxStatementWord {
		return nil, 0
	}
	return m, longest
}()

// maxStatementWord bounds the words statementStart reads.
const maxStatementWord = 32

// statementStart returns where statementTimeRE's match in before begins,
// or -1 when there is none; ok is false when it cannot tell and the
// expression must. Every word of the expression's alternation is a word
// of letters between word boundaries, so in ASCII text it is the whole
// of a run of word bytes; the run must end no more than 30 bytes before
// the end, with no stop after it. It runs for every time an article
// gives, where the expression's engine took a thousand times as long.
func statementStart(before string) (start int, ok bool) {
	if statementWords == nil {
		return 0, false
	}
	for i := 0; i < len(before); i++ {
		if before[i] >= utf8.RuneSelf {
			return 0, false // (?i) folds "K" and "ſ" to ASCII letters
		}
	}
	p := strings.LastIndexAny(before, ".;") + 1
	var lower [maxStatementWord]byte
	for p < len(before) {
		if !pattern.IsWordByte(before[p]) {
			p++
			continue
		}
		e := p
		for e < len(before) && pattern.IsWordByte(before[e]) {
			e++
		}
		if len(before)-e <= 30 && e-p <= longestStatementWord {
			for i := p; i < e; i++ {
				lower[i-p] = before[i] | 0x20 // word bytes: letters, digits and "_"
			}
			if statementWords[string(lower[:e-p])] {
				return p, true
			}
		}
		p = e
	}
	return -1, true
}

var (
	relationRE      = pattern.MustCompile(`(?i)\b(?:after|before)$`)
	clauseFollowsRE = pattern.MustCompile(`^\s+[A-Za-z]`)
)

// eventTimes drops the times that date a dateline or a statement.
func (a *analysis) eventTimes(ts []timex.Expr) []timex.Expr {
	out := ts[:0]
	for _, e := range ts {
		if a.inDateline(e.Span) || statementTime(a.text[max(0, e.Start-40):e.Start]) {
			continue
		}
		if e.Anchor == timex.Previous && relationRE.MatchString(e.Text) && clauseFollowsRE.MatchString(a.text[e.End:]) {
			// "The strikes came two weeks after gunmen killed 26":
			// a relation between two events, not a date for either.
			continue
		}
		out = append(out, e)
	}
	return out
}

// dropPlaceActors drops actor mentions that are really places: a country
// name inside a longer place name ("Pakistan–Afghanistan border"), or a
// country or capital after a locative word ("in Kabul").
func (a *analysis) dropPlaceActors(ms []actor.Mention) []actor.Mention {
	out := ms[:0]
	for _, m := range ms {
		drop := a.inDateline(event.Span{Start: m.Start, End: m.End})
		// Places come in text order, as Find gives them, and do not
		// overlap: read back from the last that begins by m's start to
		// the first that ends before it.
		k := sort.Search(len(a.places), func(i int) bool { return a.places[i].Start > m.Start })
		for k--; k >= 0 && a.places[k].End > m.Start; k-- {
			p := a.places[k]
			if p.End < m.End {
				continue
			}
			before := a.text[max(0, p.Start-45):p.Start]
			if p.End-p.Start > m.End-m.Start || locative(before) || a.opensDateline(p) {
				drop = true
			}
		}
		if !drop {
			out = append(out, m)
		}
	}
	return out
}

// dropForeignAcronyms drops a state's forces named by an acronym alone
// ("AFP", the Armed Forces of the Philippines and a news agency) when
// nothing else in the article speaks of that state: the acronym then
// names something else.
func (a *analysis) dropForeignAcronyms(ms []actor.Mention) []actor.Mention {
	evidenced := map[string]bool{}
	for i := range a.places {
		evidenced[a.places[i].Place.CountryCode] = true
	}
	for _, m := range ms {
		if m.Actor != nil && !isAcronym(m.Text) {
			evidenced[m.Actor.Country] = true
		}
	}
	return slices.DeleteFunc(ms, func(m actor.Mention) bool {
		return m.Actor != nil && m.Actor.Kind != "" && m.Actor.Country != "" && isAcronym(m.Text) && !evidenced[m.Actor.Country]
	})
}

// isAcronym reports whether s is three or more capitals, as "AFP" and
// "ISPR"; "US" and "UK" name their states too often to doubt.
func isAcronym(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// insideName reports whether s lies inside a multi-word actor or person
// name that is longer than s.
func (a *analysis) insideName(s event.Span) bool {
	// Indexed, not ranged over by value: a copy of each mention would
	// cost more than the comparisons, asked for every place mention.
	for i := range a.actors {
		m := &a.actors[i]
		if m.Start <= s.Start && s.End <= m.End && m.End-m.Start > s.End-s.Start {
			return true
		}
	}
	for i := range a.persons {
		if p := &a.persons[i]; p.Start <= s.Start && s.End <= p.End {
			return true
		}
	}
	return false
}

// mainCountry returns the country the article is mostly about: the one
// its places and actors name most, places counting double.
func (a *analysis) mainCountry() string {
	score := map[string]int{}
	for i := range a.places {
		score[a.places[i].Place.CountryCode] += 2
	}
	for _, m := range a.actors {
		if m.Actor != nil && m.Actor.Country != "" {
			score[m.Actor.Country]++
		}
	}
	best, bestScore := "", 0
	for c, s := range score {
		if s > bestScore || (s == bestScore && c < best) {
			best, bestScore = c, s
		}
	}
	return best
}

// homePlace is the article's dateline place, or its most named place in
// the main country.
func (a *analysis) homePlace() *gazetteer.Resolved {
	if len(a.places) > 0 && len(a.sents) > 0 && a.places[0].Start < a.sents[0].Start+40 && a.opensDateline(a.places[0]) {
		p := a.places[0]
		return &p
	}
	count := map[int]int{}
	var best *gazetteer.Resolved
	for i := range a.places {
		p := &a.places[i]
		if p.Place.CountryCode != a.country {
			continue
		}
		count[p.Place.ID]++
		if best == nil || count[p.Place.ID] > count[best.Place.ID] ||
			(count[p.Place.ID] == count[best.Place.ID] && precision(p) < precision(best)) {
			best = p
		}
	}
	if best != nil {
		return best
	}
	if c, ok := a.x.places.Country(a.country); ok {
		return &gazetteer.Resolved{Place: c, Precision: 3}
	}
	return nil
}

// opensDateline reports whether place p opens a date line: "KABUL, Oct
// 14 (Reuters) -", "MAIDUGURI, Nigeria —".
func (a *analysis) opensDateline(p gazetteer.Resolved) bool {
	for _, d := range a.datelines {
		if p.Start == d.Start && p.End <= d.End {
			return true
		}
	}
	return false
}

// sentenceOf returns the index of the sentence containing byte offset i.
func (a *analysis) sentenceOf(i int) int {
	return sort.Search(len(a.sents), func(k int) bool { return a.sents[k].End > i })
}

// shoutedDatelines returns the places that open a sentence in capitals
// before the story's first word ("(AP photo) BEIRUT Air strikes on ...",
// "DAMASCUS The army said ..."), which a scrape left inside a line: a
// date line, which places the report and names no actor ("Beirut" for
// Lebanon's government).
func (a *analysis) shoutedDatelines() []event.Span {
	var out []event.Span
	for i := range a.places {
		p := &a.places[i]
		k := a.sentenceOf(p.Start)
		if k >= len(a.sents) || a.sents[k].Start != p.Start || p.End-p.Start < 3 || a.inDateline(event.Span{Start: p.Start, End: p.End}) {
			continue
		}
		name := a.text[p.Start:p.End]
		if strings.ToUpper(name) != name || strings.ToLower(name) == name {
			continue
		}
		next := strings.TrimLeft(a.text[p.End:min(len(a.text), p.End+3)], " ")
		if next == "" || next[0] < 'A' || next[0] > 'Z' {
			continue
		}
		out = append(out, event.Span{Start: p.Start, End: p.End})
	}
	return out
}

// placeKinds are the words, written in lower case, that name a place by
// its kind before "of" and its name: "the village of Haas", "the town of
// Urem al-Kubra".
var placeKinds = map[string]bool{
	"town": true, "village": true, "city": true, "suburb": true, "neighbourhood": true,
	"neighborhood": true, "district": true, "camp": true,
}

// kindNameRE is the name after a place's kind and "of": one to three
// capitalised words, each perhaps opening on "al-" or "el-".
var kindNameRE = pattern.MustCompile(`^(?:(?:al|el|Al|El)-)?[A-Z][a-z'’]+(?:[ -](?:(?:al|el)-)?[A-Z][a-z'’]+){0,2}`)

// namedByKind returns the spans of the names of places the text names by
// their kind, in text order.
func (a *analysis) namedByKind() []event.Span {
	var out []event.Span
	d := a.words
	end := 0 // of the last name found: names do not overlap
	for j := 1; j < len(d.Tokens); j++ {
		// "of" first, by its key: it rules out nearly every word, and
		// a look-up in placeKinds costs more than comparing two bytes.
		if d.Tokens[j].Key != "of" || d.Word(j) != "of" {
			continue
		}
		i := j - 1
		t := d.Tokens[i]
		if t.Start < end || !placeKinds[t.Key] || d.Word(i) != t.Key || d.Between(i) != " " ||
			t.Start > 0 && pattern.IsWordByte(a.text[t.Start-1]) {
			continue
		}
		from := d.Tokens[i+1].End + 1 // past "of "
		if from > len(a.text) || a.text[from-1] != ' ' {
			continue
		}
		if loc := kindNameRE.FindStringIndex(a.text[from:]); loc != nil {
			out = append(out, event.Span{Start: from, End: from + loc[1]})
			end = from + loc[1]
		}
	}
	return out
}

// unlocated adds to places those the text names by their kind that the
// gazetteer lacks, at the point of the known place named nearest before
// them in the sentence or the text (their province, most often): an
// event there is then its own event, at ACLED's geo-precision 2.
func (a *analysis) unlocated(places []gazetteer.Resolved) []gazetteer.Resolved {
	var add []gazetteer.Resolved
	for _, name := range a.namedByKind() {
		start, end := name.Start, name.End
		known := false
		sent := a.sentenceOf(start)
		var inSent, before *gazetteer.Resolved
		for i := range places {
			p := &places[i]
			if p.Start < end && start < p.End {
				known = true
				break
			}
			if p.Place.Kind == gazetteer.Country || p.Place.Kind == gazetteer.Area {
				continue
			}
			if a.sentenceOf(p.Start) == sent && (inSent == nil || abs(p.Start-start) < abs(inSent.Start-start)) {
				inSent = p
			}
			if p.End <= start {
				before = p
			}
		}
		holder := inSent
		if holder == nil {
			holder = before
		}
		if known || holder == nil {
			continue
		}
		p := gazetteer.Resolved{Mention: gazetteer.Mention{Start: start, End: end, Text: a.text[start:end]}, Place: holder.Place, Precision: 2, Unlocated: true}
		p.Place.Name, p.Place.Kind, p.Place.Population = a.text[start:end], gazetteer.Populated, 0
		add = append(add, p)
	}
	if len(add) == 0 {
		return places
	}
	out := append(places, add...)
	slices.SortStableFunc(out, func(x, y gazetteer.Resolved) int { return x.Start - y.Start })
	return out
}
