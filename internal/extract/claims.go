package extract

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/bytewise"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/quantity"
	"github.com/sitrep/sitrep/internal/text"
)

// claim is a count with its kind, victims, source and hedge.
type claim struct {
	q      quantity.Quantity
	kind   string
	of     string
	group  string // who was counted, for comparing figures
	source *role
	hedge  string
	span   event.Span // the whole claim: the clause that carries it
	// part marks a count of part of the dead ("five soldiers were among
	// the dead"): the least the toll is, when no other count gives it.
	part bool
}

var (
	// kindPhraseRE reads what a count counts where it begins; see
	// kindAfter.
	kindPhraseRE = pattern.MustCompile(`(?i)^` + kindPhrase)
	// kindBeforeRE finds the kind in the words right before a count.
	kindBeforeRE = pattern.MustCompile(`(?i)\b(` + strings.Join(kindBeforePhrases, "|") + `)["”’]?\s+(?:(?:` + strings.Join(kindQualifiers, "|") + `)\s+)?$`)
	// victimRE: the words a count of people is made of.
	victimRE = lexiconRE(lexicon.VictimWords)
	// hedgeRE: the words that hedge a count.
	hedgeRE = lexiconRE(lexicon.Hedges)
)

// kindOf is the kind of toll each word of a toll counts: the parts of
// the lists of the words before and after a count.
var kindOf = func() map[string]string {
	m := lexicon.PartOf(lexicon.TollAfterCount)
	for w, kind := range lexicon.PartOf(lexicon.TollBeforeCount) {
		if k, ok := m[w]; ok && k != kind {
			panic(fmt.Sprintf("lexicon: %q counts the %s after a count, the %s before one", w, k, kind)) // every test of the package meets it
		}
		m[w] = kind
	}
	return m
}()

// hedgeOf is the hedge each hedging phrase writes, its part of the list.
var hedgeOf = lexicon.PartOf(lexicon.Hedges)

// resultRE marks a toll told as the result of the whole sentence: ",
// killing all 33 attackers".
var resultRE = pattern.MustCompile(`(?i),\s+(?:killing|leaving|wounding|injuring)\s+(?:\S+\s+){0,3}$`)

// countBelongs reports whether count q belongs to m's trigger: the one it
// follows ("the strikes came two weeks after gunmen killed 26 people"), or
// the sentence's first, main trigger for a result clause (", killing 33").
func (a *analysis) countBelongs(m *mention, q quantity.Quantity) bool {
	if len(m.siblings) > 1 && resultRE.MatchString(a.text[max(m.span.Start, q.Start-40):q.Start]) {
		return m.trig.Span == m.siblings[0].Span
	}
	return m.nearest(q.Span)
}

// relClauseRE and relKillRE find a toll told in a relative clause.
var (
	relClauseRE = pattern.MustCompile(`(?i)\b(?:that|which)\s+$`)
	relKillRE   = pattern.MustCompile(`(?i)^\s+(?:\S+\s+){0,3}?(?:that|which)\s+(?:killed|left)\b`)
)

// singleVictimRE reads "a man was shot dead", "a student was killed": one
// person killed, with no number written; singleVictims reads it faster.
var singleVictimRE = pattern.MustCompile(`(?i)\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(man|woman|boy|girl|child|soldier|policeman|police officer|protester|demonstrator|civilian|student|person|journalist|teenager|farmer)\s+(?:was|has been|had been)\s+(?:shot dead|killed|shot and killed|stabbed to death|beaten to death|killed by)`)

// killedOneRE reads the active voice of singleVictimRE: "killed a
// two-day-old baby", "shot and killed a Palestinian gunman"; killedOne
// reads it faster.
var killedOneRE = pattern.MustCompile(`(?i)\b(?:` + strings.Join(killedOneVerbs, "|") + `)\s+(?:` + strings.Join(victimArticles, "|") +
	`)\s+(?:[\w-]+\s+){0,3}?(` + strings.Join(killedOneNouns, "|") + `)\b`)

// The alternatives of killedOneRE, in its order.
var (
	killedOneVerbs = []string{"killed", "killing", "shot dead", "shot and killed", "stabbed to death", "beheaded", "executed"}
	killedOneNouns = []string{"man", "woman", "boy", "girl", "child", "baby", "infant", "teenager", "soldier", "policeman",
		"police officer", "officer", "gunman", "militant", "fighter", "rebel", "civilian", "student", "journalist", "farmer",
		"hostage", "worker", "doctor", "commander", "leader"}
	killedOneVerbsBy = byFirstByte(killedOneVerbs)
)

// killedOne returns killedOneRE.FindAllStringSubmatchIndex(text, -1),
// given text's wordStarts: it tries the pattern's choices in the
// engine's order at the word starts that begin one of its verbs.
func killedOne(text string, starts []int32) [][]int {
	// (?i) folds the Kelvin sign and the long s to "k" and "s"; the
	// lists below are compared without them.
	if pattern.FoldsToASCII(text) {
		return killedOneRE.FindAllStringSubmatchIndex(text, -1)
	}
	var out [][]int
	for k := 0; k < len(starts); k++ {
		p := int(starts[k])
		for _, v := range killedOneVerbsBy[text[p]] {
			if z := spaceAfter(text, p, v); z >= 0 {
				if loc := articleThen(text, z, killedNounAt); loc != nil {
					loc[0] = p
					out = append(out, loc)
					k = skipStarts(starts, k, loc[1])
					break
				}
			}
		}
	}
	return out
}

// wordStarts appends to buf the places in s where a word begins: a word
// byte with none right before it. The scans of a sentence for words
// look only there, as \b before a word allows, and a sentence read by
// several scans is split once.
func wordStarts(buf []int32, s string) []int32 {
	// Eight bytes at a time: the top bit of each word byte, less those
	// with a word byte before them, marks the starts.
	var before uint64 // the top bit of the byte before the eight, at the first's
	p := 0
	for ; p+8 <= len(s); p += 8 {
		x := bytewise.Load64(s[p:])
		w := bytewise.InRange(x|0x20*bytewise.Ones, 'a', 'z') | bytewise.InRange(x, '0', '9') | bytewise.InRange(x, '_', '_')
		for m := w &^ (w<<8 | before); m != 0; m &= m - 1 {
			buf = append(buf, int32(p+bits.TrailingZeros64(m)/8))
		}
		before = w >> 56
	}
	for ; p < len(s); p++ {
		if pattern.IsWordByte(s[p]) && (p == 0 || !pattern.IsWordByte(s[p-1])) {
			buf = append(buf, int32(p))
		}
	}
	return buf
}

// skipStarts returns the index of the last of starts, from k on, before
// end: a scan that found a match ending at end, in a word byte, goes on
// at the next start after it.
func skipStarts(starts []int32, k, end int) int {
	for k+1 < len(starts) && int(starts[k+1]) < end {
		k++
	}
	return k
}

// killedNounAt returns the end of a noun of killedOneRE at x, a whole
// word, twice; -1, -1 when none is there.
func killedNounAt(text string, x int) (end, noun int) {
	for _, n := range killedOneNouns {
		if pattern.HasPrefixFold(text[x:], n) && pattern.WordEndsAt(text, x+len(n)) {
			return x + len(n), x + len(n)
		}
	}
	return -1, -1
}

// singleVictims returns singleVictimRE.FindAllStringSubmatchIndex(text,
// -1), given text's wordStarts: it tries the pattern's choices in the engine's order at each "a",
// "an" or "one", where the engine walks the whole pattern from each.
func singleVictims(text string, starts []int32) [][]int {
	// (?i) folds the Kelvin sign and the long s to "k" and "s"; the
	// lists below are compared without them.
	if pattern.FoldsToASCII(text) {
		return singleVictimRE.FindAllStringSubmatchIndex(text, -1)
	}
	if !victimDeathIn(text, starts) {
		// Most sentences with a trigger tell no "was killed": the
		// articles and nouns before one are not worth reading.
		return nil
	}
	var out [][]int
	for k := 0; k < len(starts); k++ {
		p := int(starts[k])
		if c := text[p] | 0x20; c != 'a' && c != 'o' {
			continue
		}
		if loc := singleVictimAt(text, p); loc != nil {
			out = append(out, loc)
			k = skipStarts(starts, k, loc[1])
		}
	}
	return out
}

// The alternatives of singleVictimRE, in its order.
var (
	victimArticles = []string{"a", "an", "one"}
	victimNouns    = []string{"man", "woman", "boy", "girl", "child", "soldier", "policeman", "police officer", "protester",
		"demonstrator", "civilian", "student", "person", "journalist", "teenager", "farmer"}
	victimAuxiliaries = []string{"was", "has been", "had been"}
	victimDeaths      = []string{"shot dead", "killed", "shot and killed", "stabbed to death", "beaten to death", "killed by"}
)

// singleVictimAt returns the match of singleVictimRE at p with its group,
// or nil.
func singleVictimAt(text string, p int) []int {
	return articleThen(text, p, victimAt)
}

// articleThen returns the match at p of an article of victimArticles,
// white space, up to three words (?:[\w-]+\s+){0,3}? and what rest reads
// at x after them, the fewest words first, as the engine tries them:
// {p, end, x, noun} for the end of rest's match and of its noun, or nil.
func articleThen(text string, p int, rest func(text string, x int) (end, noun int)) []int {
	for _, art := range victimArticles {
		x := spaceAfter(text, p, art)
		if x < 0 {
			continue
		}
		for words := 0; ; words++ {
			if end, noun := rest(text, x); end >= 0 {
				return []int{p, end, x, noun}
			}
			if words == 3 {
				break
			}
			w := x
			for w < len(text) && (pattern.IsWordByte(text[w]) || text[w] == '-') {
				w++
			}
			next := pattern.SkipSpace(text, w)
			if w == x || next == w {
				break
			}
			x = next
		}
	}
	return nil
}

// victimDeathIn reports whether text holds white space, an auxiliary
// and a death of singleVictimRE (" was killed", " had been shot dead"),
// which every match ends with; starts are text's wordStarts.
func victimDeathIn(text string, starts []int32) bool {
	// The auxiliary follows the noun's white space.
	for _, p := range starts {
		p := int(p)
		if p == 0 || !pattern.IsSpace(text[p-1]) {
			continue
		}
		for _, aux := range victimAuxiliariesBy[text[p]] {
			if z := spaceAfter(text, p, aux); z >= 0 && victimDeathAt(text, z) >= 0 {
				return true
			}
		}
	}
	return false
}

// victimAuxiliariesBy are victimAuxiliaries by their first byte.
var victimAuxiliariesBy = byFirstByte(victimAuxiliaries)

// victimDeathAt returns the end of a death of singleVictimRE at z, or -1.
func victimDeathAt(text string, z int) int {
	for _, d := range victimDeaths {
		if pattern.HasPrefixFold(text[z:], d) {
			return z + len(d)
		}
	}
	return -1
}

// victimAt returns the end of a noun, an auxiliary and a death at x, and
// the end of the noun; -1, -1 when they are not there.
func victimAt(text string, x int) (end, noun int) {
	for _, n := range victimNouns {
		y := spaceAfter(text, x, n)
		if y < 0 {
			continue
		}
		for _, aux := range victimAuxiliaries {
			z := spaceAfter(text, y, aux)
			if z < 0 {
				continue
			}
			if end := victimDeathAt(text, z); end >= 0 {
				return end, x + len(n)
			}
		}
	}
	return -1, -1
}

// spaceAfter returns where the white space after phrase, an ASCII phrase
// at i case folded, ends; -1 when phrase and at least one white space
// byte are not there.
func spaceAfter(text string, i int, phrase string) int {
	if !pattern.HasPrefixFold(text[i:], phrase) {
		return -1
	}
	if j := pattern.SkipSpace(text, i+len(phrase)); j > i+len(phrase) {
		return j
	}
	return -1
}

// subsetRE marks a count of part of a toll already given.
var subsetRE = pattern.MustCompile(`(?i)^\s+of\s+(?:the\s+|those\s+)?(?:dead|killed|victims|them|those killed|the wounded|the injured)\b`)

// noVictimsRE says explicitly that nobody died.
var noVictimsRE = pattern.MustCompile(`(?i)\b(?:no one|nobody|no-one) (?:was|were) (?:killed|hurt|injured|harmed)|\bno (?:casualties|deaths|fatalities|injuries) (?:were|was) reported|\bwithout (?:causing )?casualties|\bcaused no casualties`)

// noVictimsWords are words one of which begins, at a word start, every
// match of noVictimsRE.
var noVictimsWords = byFirstByte([]string{"casualties", "no one", "nobody", "no-one", "no deaths", "no fatalities", "no injuries"})

// noVictims is noVictimsRE.FindStringIndex(s), given s's wordStarts,
// asked of the engine only for a sentence that holds one of
// noVictimsWords: few do.
func noVictims(s string, starts []int32) []int {
	if !phraseAtWordStart(s, starts, noVictimsWords) {
		return nil
	}
	return noVictimsRE.FindStringIndex(s)
}

// phraseAtWordStart reports whether one of phrases, ASCII phrases filed
// by byFirstByte, begins at a word start of s, case folded as (?i) folds
// it; true too for text that FoldsToASCII holds, which it cannot rule
// out.
func phraseAtWordStart(s string, starts []int32, phrases *[256][]string) bool {
	if pattern.FoldsToASCII(s) {
		return true
	}
	for _, p := range starts {
		p := int(p)
		for _, w := range phrases[s[p]] {
			// The second bytes, lowered, rule out most words at a
			// glance: the text holds no rune that folds to ASCII.
			if len(w) > 1 && w[1] < utf8.RuneSelf && (p+1 == len(s) || text.LowerASCIIByte(s[p+1]) != text.LowerASCIIByte(w[1])) {
				continue
			}
			if pattern.HasPrefixFold(s[p:], w) {
				return true
			}
		}
	}
	return false
}

// assignClaims reads the counts of people killed, injured, abducted or
// arrested in m's sentence, each with who says so.
func (a *analysis) assignClaims(m *mention) {
	sent := a.text[m.span.Start:m.span.End]
	// Split on the stack: a sentence has seldom more words.
	var buf [96]int32
	starts := wordStarts(buf[:0], sent)
	for _, loc := range singleVictims(sent, starts) {
		span := event.Span{Start: m.span.Start + loc[0], End: m.span.Start + loc[1]}
		of := a.text[m.span.Start+loc[2] : m.span.Start+loc[3]]
		m.claims = append(m.claims, claim{q: quantity.Quantity{Span: span, Text: a.text[span.Start:span.End], Value: 1, Qualifier: "exact"},
			kind: "killed", of: of, group: of, span: span, source: a.sourceOf(m, quantity.Quantity{Span: span})})
	}
	for _, loc := range killedOne(sent, starts) {
		// "soldiers shot and killed a Palestinian gunman": one dead, told
		// with no number.
		span := event.Span{Start: m.span.Start + loc[0], End: m.span.Start + loc[1]}
		of := a.text[m.span.Start+loc[2] : m.span.Start+loc[3]]
		m.claims = append(m.claims, claim{q: quantity.Quantity{Span: span, Text: a.text[span.Start:span.End], Value: 1, Qualifier: "exact"},
			kind: "killed", of: of, group: of, span: span, source: a.sourceOf(m, quantity.Quantity{Span: span})})
	}
	if loc := noVictims(sent, starts); loc != nil {
		span := event.Span{Start: m.span.Start + loc[0], End: m.span.Start + loc[1]}
		m.claims = append(m.claims, claim{q: quantity.Quantity{Span: span, Text: a.text[span.Start:span.End], Value: 0, Qualifier: "exact"}, kind: "killed", span: span,
			source: a.sourceOf(m, quantity.Quantity{Span: span})})
	}
	for _, q := range a.counts {
		if q.Start < m.span.Start || q.End > m.span.End || !a.countBelongs(m, q) {
			continue
		}
		if a.partOfToll(q, m.span) {
			if c, ok := a.partOfDead(m, q); ok {
				m.claims = append(m.claims, c)
			}
			continue
		}
		c, ok := a.readClaim(m, q)
		if !ok {
			// "killed 14 militants and three soldiers": the second
			// count shares the first one's verb.
			c, ok = a.coordinated(m, q)
		}
		if !ok {
			continue
		}
		if c.kind == "injured" {
			m.injured = append(m.injured, c)
		} else {
			m.claims = append(m.claims, c)
		}
	}
	if len(m.claims) == 0 {
		if loc := damageOnly(sent, starts); loc != nil {
			// "causing material damage to the buildings": the harm told
			// is to property; ACLED records no deaths as 0. It is a group
			// of its own, so that a toll told elsewhere is not lowered
			// to 0 by it.
			span := event.Span{Start: m.span.Start + loc[0], End: m.span.Start + loc[1]}
			m.claims = append(m.claims, claim{q: quantity.Quantity{Span: span, Text: a.text[span.Start:span.End], Value: 0, Qualifier: "exact"},
				kind: "killed", group: "property damage", span: span})
		}
	}
}

// damageOnlyRE: a report that tells the damage an attack caused and, in
// the same sentence, no toll.
var damageOnlyRE = pattern.MustCompile(`(?i)\b(?:causing|caused|leaving|left|inflicting)\s+(?:only\s+)?(?:\S+\s+){0,2}?(?:material|property)\s+damages?\b`)

// damageWord begins, after white space, every match of damageOnlyRE.
var damageWord = byFirstByte([]string{"damage"})

// damageOnly is damageOnlyRE.FindStringIndex(s), given s's wordStarts,
// asked of the engine only for a sentence that tells of damage.
func damageOnly(s string, starts []int32) []int {
	if !phraseAtWordStart(s, starts, damageWord) {
		return nil
	}
	return damageOnlyRE.FindStringIndex(s)
}

// kindBeforePhrases are the words before a count that say what it
// counts ("killing at least 12", "the death toll rose to 40").
var kindBeforePhrases = lexicon.Words(lexicon.TollBeforeCount)

// kindBeforeByLast are the indices in kindBeforePhrases of the phrases
// by their last byte, lowered: a phrase that ends in an ASCII byte can
// only end where the text's byte folds to it. One that does not is
// under every byte.
var kindBeforeByLast = func() *[256][]int {
	var out [256][]int
	for i, p := range kindBeforePhrases {
		if c := p[len(p)-1]; c < utf8.RuneSelf {
			out[text.LowerASCIIByte(c)] = append(out[text.LowerASCIIByte(c)], i)
			continue
		}
		for c := range out {
			out[c] = append(out[c], i)
		}
	}
	return &out
}()

// kindQualifiers are the words that may come between those phrases and
// the count.
var kindQualifiers = []string{"at least", "more than", "some", "about", "around", "nearly", "up to", "over", "all"}

// kindBefore is kindBeforeRE.FindStringSubmatch(s). A match ends at the
// end of s, so kindBefore reads s backwards: the white space, perhaps
// a qualifier and more white space, perhaps a quotation mark, and then
// the phrases that end there; the engine would try every phrase at every
// word. Of the phrases found, the one that begins first wins, as the
// engine's leftmost match does, and then the one it tries first.
func kindBefore(s string) []string {
	if pattern.FoldsToASCII(s) {
		return kindBeforeRE.FindStringSubmatch(s)
	}
	t := len(s)
	for t > 0 && pattern.IsSpace(s[t-1]) {
		t--
	}
	if t == len(s) {
		return nil
	}
	start, end, rank := -1, 0, 0
	// consider takes the phrases that end at e, or before a quotation
	// mark that does; qualified ranks them as the engine does: it tries
	// the qualifier before going without.
	consider := func(e int, qualified bool) {
		for _, q := range []string{`"`, "”", "’"} {
			if strings.HasSuffix(s[:e], q) {
				e -= len(q)
				break
			}
		}
		if e == 0 {
			return
		}
		for _, i := range kindBeforeByLast[text.LowerASCIIByte(s[e-1])] {
			p := kindBeforePhrases[i]
			b := e - len(p)
			if b < 0 || !strings.EqualFold(s[b:e], p) || b > 0 && pattern.IsWordByte(s[b-1]) {
				continue
			}
			r := 2 * i
			if !qualified {
				r++
			}
			if start < 0 || b < start || b == start && r < rank {
				start, end, rank = b, e, r
			}
		}
	}
	consider(t, false)
	for _, q := range kindQualifiers {
		e := t - len(q)
		if e <= 0 || !strings.EqualFold(s[e:t], q) || !pattern.IsSpace(s[e-1]) {
			continue
		}
		for e > 0 && pattern.IsSpace(s[e-1]) {
			e--
		}
		consider(e, true)
	}
	if start < 0 {
		return nil
	}
	return []string{s[start:], s[start:end]}
}

func (a *analysis) readClaim(m *mention, q quantity.Quantity) (claim, bool) {
	end := clauseEnd(a.text, q.End, m.span.End)
	after := a.text[q.End:end]
	before := a.text[max(m.span.Start, q.Start-60):q.Start]
	c := claim{q: q}
	if subsetOf(after) {
		return claim{}, false // "two of the dead were bystanders"
	}
	if mm := kindAfter(after); mm != nil {
		kindWord := strings.ToLower(after[mm[4]:mm[5]])
		ofText := strings.TrimSpace(after[mm[2]:mm[3]])
		if countFirstRE.MatchString(ofText) {
			// "Get short URL 2440 Over 100 Syrian civilians have been
			// killed": the count right after this one is the toll.
			return claim{}, false
		}
		kind := kindOf[kindWord]
		people := victimRE.MatchString(ofText) || a.namesActor(q.End, q.End+len(ofText)+1)
		if !people && ofText == "" && kind != "killed" && kind != "injured" {
			// "20 captured posts": count people only.
			people = victimRE.MatchString(firstWords(after[mm[5]:], 2))
		} else if ofText == "" {
			people = true
		}
		if kindWord == "dead" || kindWord == "casualties" || kindWord == "bodies" || people {
			c.kind = kindOf[kindWord]
			c.of = trimOf(ofText)
			c.span = event.Span{Start: q.Start, End: q.End + mm[5]}
		}
	}
	if c.kind == "" {
		if mm := kindBefore(before); mm != nil {
			w := strings.ToLower(mm[1])
			if strings.HasPrefix(w, "death toll") || strings.HasPrefix(w, "toll") {
				w = "killed"
			}
			of := victimPhrase(after)
			if of != "" || strings.HasPrefix(w, "killed") || w == "killing" {
				c.kind = kindOf[w]
				c.of = of
				c.span = event.Span{Start: q.Start - len(mm[0]), End: q.End + len(of)}
				if c.of != "" {
					c.span.End = q.End + strings.Index(after, of) + len(of)
				}
			}
		}
	}
	if c.kind == "" {
		return claim{}, false
	}
	// Only a verb after "that" makes a relative clause ("the collapse that
	// killed 16"); "confirmed that 23 soldiers were killed" is reported
	// speech.
	verbFirst := c.span.Start < q.Start
	if (verbFirst && relClause(a.text[max(m.span.Start, c.span.Start-12):c.span.Start]) || relKill(a.text[q.End:c.span.End])) &&
		!a.violenceBefore(m, c.span.Start) {
		// "the canopy collapse that killed 16 people": another event's
		// toll; "fierce fighting that killed 36 people" is this one's.
		return claim{}, false
	}
	if c.span.Start < m.span.Start {
		c.span.Start = m.span.Start
	}
	c.group = a.victimGroup(m, c)
	c.source = a.sourceOf(m, q)
	if h := hedgeRE.FindString(a.text[clauseStart(a.text, m.span.Start, q.Start):c.span.End]); h != "" {
		c.hedge = hedgeOf[strings.ToLower(h)]
	}
	return c, true
}

// subsetOf is subsetRE.MatchString(s), asked of the engine only when s
// opens with white space, "of" and white space, as every match does.
func subsetOf(s string) bool {
	x := pattern.SkipSpace(s, 0)
	if x == 0 || !pattern.HasPrefixFold(s[x:], "of") || x+2 >= len(s) || !pattern.IsSpace(s[x+2]) {
		return false
	}
	return subsetRE.MatchString(s)
}

// relClause is relClauseRE.MatchString(s): "that" or "which", a whole
// word, and white space to the end of s. Neither word has a letter that
// (?i) folds to a rune past ASCII.
func relClause(s string) bool {
	t := len(s)
	for t > 0 && pattern.IsSpace(s[t-1]) {
		t--
	}
	return t < len(s) && phraseEndsAt(s, t, relativePronouns)
}

// relativePronouns are the words relClauseRE ends in.
var relativePronouns = []string{"that", "which"}

// relKill is relKillRE.MatchString(s), asked of the engine only when s
// holds "that" or "which", as every match does.
func relKill(s string) bool {
	if !containsFold(s, "that", "which") {
		return false
	}
	return relKillRE.MatchString(s)
}

// containsFold reports whether s holds one of words, in any case: ASCII
// words that begin with a small letter, none of whose letters (?i)
// folds to a rune past ASCII. It reads s once for them all.
func containsFold(s string, words ...string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		for _, w := range words {
			if c == w[0] && pattern.HasPrefixFold(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// violenceBefore reports whether the noun before the relative clause
// that ends at i ("fighting that killed") is one of the sentence's
// triggers of violence.
func (a *analysis) violenceBefore(m *mention, i int) bool {
	loc := relClauseRE.FindStringIndex(a.text[max(m.span.Start, i-12):i])
	if loc == nil {
		return false
	}
	end := m.span.Start + len(strings.TrimRight(a.text[m.span.Start:max(m.span.Start, i-12)+loc[0]], " ,"))
	start := strings.LastIndexByte(a.text[m.span.Start:end], ' ') + 1 + m.span.Start
	if start >= end {
		return false
	}
	for _, t := range a.x.triggers.Detect(a.words, []event.Span{{Start: start, End: end}})[0] {
		if t.End == end && violent(event.Str(t.EventType)) {
			return true
		}
	}
	return false
}

// countFirstRE: words that open with another count.
var countFirstRE = pattern.MustCompile(`(?i)^(?:(?:over|more than|at least|nearly|about|around|some|up to)\s+)?\d`)

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// coordinatedRE matches the words between two coordinated counts.
var coordinatedRE = pattern.MustCompile(`^\s+(?:[\w’'-]+\s+){0,5}?(?:and|as well as|plus)\s+$|^\s+(?:[\w’'-]+\s*){0,5}?,\s+$`)

// coordinatedWords is coordinatedRE.MatchString(s): white space, up to
// five words and "and", "as well as" or "plus", or up to five words and
// a comma, and white space. It reads the words whole, where the engine
// tried each way to cut them.
func coordinatedWords(s string) bool {
	if len(s) < 2 || !pattern.IsSpace(s[0]) || !pattern.IsSpace(s[len(s)-1]) {
		return false
	}
	// Eight words at most: five and "as well as".
	var fields [8]string
	var starts [8]int
	n := 0
	for i := 0; i < len(s); {
		if pattern.IsSpace(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !pattern.IsSpace(s[j]) {
			j++
		}
		if n == len(fields) {
			return false
		}
		fields[n], starts[n], n = s[i:j], i, n+1
		i = j
	}
	// ^\s+(?:[\w’'-]+\s+){0,5}?(?:and|as well as|plus)\s+$
	words := -1
	switch {
	case n == 0:
	case fields[n-1] == "and" || fields[n-1] == "plus":
		words = n - 1
	case n >= 3 && strings.HasPrefix(s[starts[n-3]:], "as well as") && starts[n-1]+len("as") == starts[n-3]+len("as well as") &&
		fields[n-1] == "as":
		words = n - 3
	}
	if words >= 0 && words <= 5 {
		all := true
		for _, f := range fields[:words] {
			all = all && coordinatedWordEnd(f, 0) == len(f)
		}
		if all {
			return true
		}
	}
	// ^\s+(?:[\w’'-]+\s*){0,5}?,\s+$: each run of word bytes is one
	// word or more.
	runs, i := 0, pattern.SkipSpace(s, 0)
	for i < len(s) {
		if j := coordinatedWordEnd(s, i); j > i {
			if runs++; runs > 5 {
				return false
			}
			i = pattern.SkipSpace(s, j)
			continue
		}
		break
	}
	return i < len(s) && s[i] == ',' && i+1 < len(s) && pattern.SkipSpace(s, i+1) == len(s)
}

// coordinatedWordEnd returns the end of the bytes of [\w’'-]* at i in s.
func coordinatedWordEnd(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case pattern.IsWordByte(c) || c == '\'' || c == '-':
			i++
		case strings.HasPrefix(s[i:], "’"):
			i += len("’")
		default:
			return i
		}
	}
	return i
}

// coordinated reads a count that shares the verb of the claim before it.
func (a *analysis) coordinated(m *mention, q quantity.Quantity) (claim, bool) {
	all := slices.Concat(m.claims, m.injured)
	var prev *claim
	for i := range all {
		if all[i].q.End <= q.Start && (prev == nil || all[i].q.End > prev.q.End) {
			prev = &all[i]
		}
	}
	if prev == nil || prev.kind == "killed" && prev.q.Value == 0 || !coordinatedWords(a.text[prev.q.End:q.Start]) {
		return claim{}, false
	}
	of := victimPhrase(a.text[q.End:clauseEnd(a.text, q.End, m.span.End)])
	if of == "" {
		return claim{}, false
	}
	c := claim{q: q, kind: prev.kind, of: of, source: prev.source, hedge: prev.hedge, part: prev.part}
	if c.part {
		c.q.Qualifier = "at least" // "the dead included six women and three officers"
	}
	c.span = event.Span{Start: q.Start, End: q.End + strings.Index(a.text[q.End:], of) + len(of)}
	c.group = a.victimGroup(m, c)
	return c, true
}

// namesActor reports whether the text between start and end names an
// actor ("23 Pakistani soldiers").
func (a *analysis) namesActor(start, end int) bool {
	lo, hi := a.actorRange(event.Span{Start: start, End: end})
	for k := lo; k < hi; k++ {
		if am := &a.actors[k]; am.Start >= start && am.Start < end {
			return true
		}
	}
	return false
}

func trimOf(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"of whom", "people,", "of the"} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.TrimSpace(s)
}

// victimPhrase reads "soldiers" or "Pakistani soldiers" right after a
// count.
func victimPhrase(after string) string {
	// Four words at most, read as they come: after runs to the end of
	// the clause.
	var out [4]string
	n := 0
	for w := range strings.FieldsSeq(after) {
		if n == len(out) {
			break
		}
		clean := strings.Trim(w, ",.;:”\"’")
		out[n], n = clean, n+1
		if victimRE.MatchString(clean) {
			return strings.Join(out[:n], " ")
		}
		if clean != w {
			break
		}
	}
	return ""
}

// clauseEnd returns where the clause after position i ends.
func clauseEnd(text string, i, limit int) int {
	for j := i; j < limit; j++ {
		switch text[j] {
		case ';', '.', '(', ')':
			return j
		case ',':
			if strings.HasPrefix(text[j:], ", with") || strings.HasPrefix(text[j:], ", and") || strings.HasPrefix(text[j:], ", while") || strings.HasPrefix(text[j:], ", but") || strings.HasPrefix(text[j:], ", according") {
				return j
			}
		}
	}
	return limit
}

// victimGroup names who a claim counts so that figures for the same people
// can be compared: an actor's name where the words name one, else the
// words.
func (a *analysis) victimGroup(m *mention, c claim) string {
	civilians := c.of != "" && !strings.EqualFold(c.of, "people") && victimKind(c.of) == actor.Civilians
	// Only the actors that begin between the count and the claim's end
	// can lie there, and only those that begin in the sentence before
	// the count before it: actorRange finds them by halves, one past the
	// end for an actor of no bytes.
	lo, hi := a.actorRange(event.Span{Start: c.q.End, End: c.span.End + 1})
	for k := lo; k < hi && !civilians; k++ {
		// "20 Syrian civilians": the demonym names no armed side.
		if am := &a.actors[k]; am.Start >= c.q.End && am.End <= c.span.End && am.Actor != nil {
			return am.Actor.Name
		}
	}
	if c.of == "" || strings.EqualFold(c.of, "people") {
		// "X suffered 200 casualties": the subject before the count.
		lo, hi := a.actorRange(event.Span{Start: m.span.Start, End: c.q.Start + 1})
		for i := hi - 1; i >= lo; i-- {
			am := &a.actors[i]
			if am.End <= c.q.Start && am.Start >= m.span.Start && am.Actor != nil && !a.isSpeaker(event.Span{Start: am.Start, End: am.End}) {
				if strings.Contains(strings.ToLower(a.text[am.End:c.q.Start]), "suffer") {
					return am.Actor.Name
				}
				break
			}
		}
		return ""
	}
	// "20 civilians" and "20 Syrian civilians": two sources' figures for
	// one group of people, compared rather than summed.
	return strings.ToLower(withoutQualifiers(c.of))
}

// withoutQualifiers drops the capitalised words that open a victim
// phrase, a demonym or a place ("Syrian civilians", "Raqqa residents"),
// keeping at least its last word.
func withoutQualifiers(of string) string {
	words := strings.Fields(of)
	for len(words) > 1 && isUpper(words[0]) {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

var (
	// saidByRE finds the words before a speech verb: "local volunteers
	// said", "a medical source at the Saudi Hospital put"; speakers reads
	// it faster.
	saidByRE = pattern.MustCompile(`(?:^|[,;:“"]\s*|\band\s+|\bwhile\s+|\bbut\s+)((?:[A-Za-z][\w’'-]*\s+){0,6}?[A-Za-z][\w’'-]*)\s+(?:` + lexicon.Alternation(lexicon.TollSourceVerbs) + `|put the (?:death )?(?:toll|number(?: of dead)?))\b`)
	// accordingToRE finds "according to the health ministry".
	accordingToRE = pattern.MustCompile(`(?i)\baccording to\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+)(?:[,.;]|\s+(?:in|on|at|who)\b|$)`)
	// subsetBeforeRE and subsetAfterRE mark a count that is part of
	// another: "including nine children", "of them four children",
	// "six women were among those killed".
	subsetBeforeRE = pattern.MustCompile(`(?i)\b(?:including|includes|among them|among whom|of them|of whom|among the dead|among the victims|(?:dead|killed|victims)\s+included)\s+(?:at least\s+|some\s+|about\s+)?$`)
	subsetAfterRE  = pattern.MustCompile(`(?i)^[^.;]{0,60}?\b(?:were|was|are|is)\s+among\s+(?:those|the\s+(?:[\w-]+\s+)?(?:dead|victims|casualties|killed))\b`)
	// basedPrefixRE: a seat before a name, "London-based ".
	basedPrefixRE = pattern.MustCompile(`^\S+-based\s+`)
	// pronounRE: subjects that name nobody.
	pronounRE = pattern.MustCompile(`(?i)^(?:` + strings.Join(pronouns, "|") + `)$`)
)

// monitorNames are the monitors, rescuers, agencies and state media that
// report tolls without taking part: they are sources, never sides, and
// reports name them without the commas of an apposition ("the Syrian
// Observatory for Human Rights a Britain-based monitor said"). Where two
// begin alike the longer comes first.
var monitorNames = []string{
	"Syrian Observatory for Human Rights", "SOHR", "Syrian Observatory", "The Observatory", "The observatory",
	"the Observatory", "the observatory", "White Helmets", "Syrian Civil Defence", "Syrian Civil Defense",
	"Civil Defence", "Civil Defense", "Civil defence", "Civil defense", "civil Defence", "civil Defense",
	"civil defence", "civil defense", "Local Coordination Committees", "Syrian Network for Human Rights", "SANA",
	"Amnesty International", "Human Rights Watch", "Doctors Without Borders", "Médecins Sans Frontières",
	"Médecins Sans Frontieres", "Medecins Sans Frontières", "Medecins Sans Frontieres", "MSF", "UNICEF",
	"World Health Organisation", "World Health Organization", "OCHA", "Red Crescent", "Red Cross", "ICRC",
}

// monitorsBy are monitorNames by their first byte.
var monitorsBy = func() *[256][]string {
	var out [256][]string
	for _, n := range monitorNames {
		out[n[0]] = append(out[n[0]], n)
	}
	return &out
}()

// monitorsIn returns where s names a monitor, as
// FindAllStringIndex(s, -1) of the pattern \b(?:monitorNames)\b would:
// the names, case and all, as whole words, the first of the list that
// fits where several begin at one place.
func monitorsIn(s string) [][]int {
	var out [][]int
	var buf [96]int32 // a sentence's words, on the stack
	starts := wordStarts(buf[:0], s)
	for k := 0; k < len(starts); k++ {
		p := int(starts[k])
		for _, n := range monitorsBy[s[p]] {
			// Every name begins and ends with a word byte.
			if strings.HasPrefix(s[p:], n) && pattern.WordEndsAt(s, p+len(n)) {
				out = append(out, []int{p, p + len(n)})
				k = skipStarts(starts, k, p+len(n))
				break
			}
		}
	}
	return out
}

// speakers returns saidByRE.FindAllStringSubmatchIndex(s, -1): each
// clause opening, the subject after it as group 1, and the speech verb
// after that. It takes the pattern's choices in the engine's order at the
// places a clause can open, where the engine walks the pattern from every
// byte of the sentence.
func speakers(s string) [][]int {
	var out [][]int
	for p := 0; p < len(s); p++ {
		if p > 0 && !clauseOpens[s[p]] {
			continue
		}
		if loc := speakerAt(s, p); loc != nil {
			out = append(out, loc)
			p = loc[1] - 1 // matches are never empty
		}
	}
	return out
}

// clauseOpens are the bytes speakerAt finds a clause opening at, past
// the start of the text.
var clauseOpens = func() (out [256]bool) {
	for _, c := range []byte{',', ';', ':', '"', "“"[0], 'a', 'w', 'b'} {
		out[c] = true
	}
	return out
}()

// speakerAt returns the match of saidByRE that begins at p, or nil: the
// start of the text first, then a punctuation mark, then "and", "while"
// or "but" at a word boundary.
func speakerAt(s string, p int) []int {
	if p == 0 {
		if loc := speakerFrom(s, 0, 0); loc != nil {
			return loc
		}
	}
	// The byte at p rules out all but one opening: speakers asks at
	// every byte of a sentence.
	var w string
	switch s[p] {
	case ',', ';', ':', '"':
		return speakerFrom(s, p, pattern.SkipSpace(s, p+1))
	case "“"[0]:
		if strings.HasPrefix(s[p:], "“") {
			return speakerFrom(s, p, pattern.SkipSpace(s, p+len("“")))
		}
		return nil
	case 'a':
		w = "and"
	case 'w':
		w = "while"
	case 'b':
		w = "but"
	default:
		return nil
	}
	if p > 0 && pattern.IsWordByte(s[p-1]) || !strings.HasPrefix(s[p:], w) {
		return nil
	}
	if g := pattern.SkipSpace(s, p+len(w)); g > p+len(w) {
		return speakerFrom(s, p, g)
	}
	return nil
}

// determinerSpeakers returns, for a sentence a scrape left without commas
// ("killed four children an informed source in Homs told Sputnik"), the
// speakers whose clause opens at their determiner, in speakers' form;
// nil for a sentence with commas, where the commas mark the clauses.
func determinerSpeakers(s string) [][]int {
	if strings.Contains(s, ",") {
		return nil
	}
	var out [][]int
	for p := 1; p < len(s); p++ {
		if pattern.IsWordByte(s[p-1]) {
			continue
		}
		for _, w := range []string{"a ", "an ", "the ", "A ", "An ", "The "} {
			if !strings.HasPrefix(s[p:], w) {
				continue
			}
			if before := strings.Fields(s[:p]); len(before) > 0 && oneOfFold(before[len(before)-1], clauseBound) {
				// "in the central Hama province said": the object of
				// a preposition, inside the speaker's phrase.
				break
			}
			if loc := speakerFrom(s, p, p); loc != nil {
				out = append(out, loc)
				p = loc[1] - 1
			}
			break
		}
	}
	return out
}

// speakerFrom returns the match that begins at start with its subject at
// g: the fewest words, up to seven, before white space and a speech verb.
func speakerFrom(s string, start, g int) []int {
	for q, words := g, 0; words < 7; words++ {
		e := subjectWordEnd(s, q)
		if e < 0 {
			return nil
		}
		v := pattern.SkipSpace(s, e)
		if v == e {
			return nil
		}
		if end := speechVerbEnd(s, v); end >= 0 {
			return []int{start, end, g, e}
		}
		q = v
	}
	return nil
}

// subjectWordEnd returns the end of the word [A-Za-z][\w’'-]* at q, or -1.
func subjectWordEnd(s string, q int) int {
	if q >= len(s) || !isASCIILetterByte(s[q]) {
		return -1
	}
	return coordinatedWordEnd(s, q+1)
}

// objectBound are the words after which a determiner opens an object,
// not the subject of a speech verb: lastDeterminer's.
var objectBound = append([]string{"for", "by", "with", "and"}, locativePrepositions...)

// clauseBound are objectBound and the prepositions a scrape without
// commas leaves before a speaker's own phrase: determinerSpeakers'.
var clauseBound = append([]string{"about", "against", "under"}, objectBound...)

// speechVerbs are saidByRE's verbs but the last, "put the (death) toll";
// speechVerbsBy files them by their first byte, as written: saidByRE
// keeps case.
var (
	speechVerbs   = lexicon.Words(lexicon.TollSourceVerbs)
	speechVerbsBy = func() *[256][]string {
		var out [256][]string
		for _, w := range speechVerbs {
			out[w[0]] = append(out[w[0]], w)
		}
		return &out
	}()
)

// speechVerbEnd returns the end of the speech verb at v, a word boundary
// after it, or -1.
func speechVerbEnd(s string, v int) int {
	if v >= len(s) {
		return -1
	}
	for _, w := range speechVerbsBy[s[v]] {
		if strings.HasPrefix(s[v:], w) && pattern.WordEndsAt(s, v+len(w)) {
			return v + len(w)
		}
	}
	// put the (?:death )?(?:toll|number(?: of dead)?)
	if !strings.HasPrefix(s[v:], "put the ") {
		return -1
	}
	for _, death := range []string{"death ", ""} {
		x := v + len("put the ")
		if !strings.HasPrefix(s[x:], death) {
			continue
		}
		x += len(death)
		switch {
		case strings.HasPrefix(s[x:], "toll") && pattern.WordEndsAt(s, x+len("toll")):
			return x + len("toll")
		case strings.HasPrefix(s[x:], "number of dead") && pattern.WordEndsAt(s, x+len("number of dead")):
			return x + len("number of dead")
		case strings.HasPrefix(s[x:], "number") && pattern.WordEndsAt(s, x+len("number")):
			return x + len("number")
		}
	}
	return -1
}

// saidBy reads the words that name a source when no known actor or
// person does: the subject of a speech verb before q, or "according to X".
// Of several, the one nearest q; a zero q takes the first.
func (a *analysis) saidBy(s event.Span, q quantity.Quantity) *role {
	var best *role
	said := a.sayers(s)
	for i := range said {
		if best == nil || abs(said[i].Start-q.Start) < abs(best.Start-q.Start) {
			best = &said[i]
		}
	}
	if best == nil {
		return nil
	}
	r := *best // the caller's own: roles are filled in as they are read
	return &r
}

// sayers returns the sources sentence s names, for saidBy: the subjects
// of its speech verbs, then those of "according to". A sentence with
// several counts, and the sentences before one that quotes, are asked
// about more than once: each is read once.
func (a *analysis) sayers(s event.Span) []role {
	if said, ok := a.saidIn[s]; ok {
		return said
	}
	sent := a.text[s.Start:s.End]
	var out []role
	for _, loc := range append(speakers(sent), determinerSpeakers(sent)...) {
		subj := strings.TrimSpace(sent[loc[2]:loc[3]])
		subj = strings.TrimPrefix(strings.TrimPrefix(subj, "The "), "the ")
		if w, ok := strings.CutSuffix(subj, " also"); ok {
			subj = w // "a monitoring group also reported"
		}
		start := s.Start + loc[2]
		if k := basedPrefix(subj); k != nil {
			// "the London-based monitor": the seat is no part of the name.
			start = s.Start + loc[3] - len(subj) + k[1]
			subj = subj[k[1]:]
		}
		if k := lastDeterminer(subj); k > 0 {
			// "Elsewhere on Thursday the observatory said": wire copy
			// without its commas puts adverbials before the subject,
			// which opens at its determiner.
			start += k
			subj = strings.TrimPrefix(strings.TrimPrefix(subj[k:], "the "), "The ")
		}
		if first, _, _ := strings.Cut(subj, " "); isPronoun(first) || subj == "" || passiveEnd(subj) {
			// "It also said", "two children are reported": no source.
			continue
		}
		r := &role{Span: event.Span{Start: start, End: s.Start + loc[3]}, Text: subj, Name: subj}
		if genericMonitor(subj) {
			r = a.namedMonitor(r)
		}
		out = append(out, *r)
	}
	for _, loc := range accordingTo(sent) {
		subj := strings.TrimPrefix(strings.TrimSpace(sent[loc[2]:loc[3]]), "the ")
		out = append(out, role{Span: event.Span{Start: s.Start + loc[2], End: s.Start + loc[3]}, Text: subj, Name: subj})
	}
	if a.saidIn == nil {
		a.saidIn = map[event.Span][]role{}
	}
	a.saidIn[s] = out
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// sourceOf finds who says q: the speaker of the nearest speech verb before
// it in the sentence, else after it, else the last speaker of the article
// for a sentence in quotes or with a pronoun subject.
func (a *analysis) sourceOf(m *mention, q quantity.Quantity) *role {
	r, rule := a.findSource(m, q)
	if r != nil && a.explain {
		c := *r
		c.Rule = rule
		return &c
	}
	return r
}

// findSource is sourceOf, with the name of the rule that found the source.
func (a *analysis) findSource(m *mention, q quantity.Quantity) (*role, string) {
	speakers := a.speakersIn(m.span)
	var best *role
	for _, s := range speakers {
		if s.Start < q.Start && (best == nil || s.Start > best.Start) {
			best = s
		}
	}
	if best == nil {
		for _, s := range speakers {
			if s.Start > q.End {
				best = s
				break
			}
		}
	}
	mon := a.monitorIn(m.span, q)
	if best != nil && !(best.Actor == nil && mon != nil && best.Overlaps(mon.Span)) {
		// A name the person finder read inside a monitor's ("Human
		// Rights") is the monitor.
		return best, "the speaker nearest the count in its sentence"
	}
	sent := a.text[m.span.Start:m.span.End]
	r := a.saidBy(m.span, q)
	if r != nil && backReference(r.Text) && mon == nil {
		// "The source added that ...": the source named before.
		if named := a.lastSource(m.sent); named != nil {
			return &role{Span: r.Span, Text: r.Text, Name: named.name(), Actor: named.Actor}, `"the source added": the source named before`
		}
	}
	switch {
	case r != nil && mon != nil && !r.Overlaps(mon.Span) && abs(mon.Start-q.Start) < abs(r.Start-q.Start):
		return mon, "the monitor named nearest the count in its sentence"
	case r != nil:
		return r, "the subject of a speech verb in its sentence" // "Palestinian civil defence officials said" holds the monitor
	case mon != nil:
		return mon, "the monitor named in its sentence"
	}
	if loc := monitorSaidRE.FindStringIndex(sent); loc != nil {
		// "... on Thursday a monitor said": the monitor the article
		// names elsewhere.
		r := &role{Span: event.Span{Start: m.span.Start + loc[0], End: m.span.Start + loc[1]}, Text: "monitor", Name: "monitor"}
		return a.namedMonitor(r), `"a monitor said": the watchdog the article names`
	}
	if !speechRE.MatchString(sent) && !strings.ContainsAny(sent, "“\"") {
		if r := a.nextSource(m.sent); r != nil {
			// "Air strikes killed 21 civilians on Sunday. Five children
			// were among the dead, the Observatory said.": wire copy
			// names the source of its lead in the sentence after.
			return r, "the source named in the next sentence, which goes on with the lead"
		}
		return a.outletSource(), "no one quoted: the outlet, on its own word"
	}
	// A pronoun or a quote: the last speaker before this sentence.
	if r := a.lastSource(m.sent); r != nil {
		return r, "a quote or a pronoun: the last speaker named before"
	}
	return a.outletSource(), "no one quoted: the outlet, on its own word"
}

// outletSource is the publication that tells, on its own word, what no
// one in its text is quoted saying: the agency named in the date line
// ("HOMS (Sputnik)"), or the publisher of a release ("(Source: ...)").
func (a *analysis) outletSource() *role {
	t := a.doc.OutletTag
	if a.doc.Outlet == "" || t == nil || !t.Valid(len(a.text)) {
		return nil
	}
	return &role{Span: *t, Text: a.text[t.Start:t.End], Name: a.doc.Outlet}
}

// lastSource returns the last speaker named in the four sentences before
// sentence i.
func (a *analysis) lastSource(i int) *role {
	for j := min(i, len(a.sents)) - 1; j >= 0 && j >= i-4; j-- {
		sp := a.speakersIn(a.sents[j].Span)
		mon := a.monitorIn(a.sents[j].Span, quantity.Quantity{})
		if len(sp) > 0 {
			if last := sp[len(sp)-1]; !(last.Actor == nil && mon != nil && last.Overlaps(mon.Span)) {
				return last
			}
			// A name the person finder read inside a monitor's
			// ("Human Rights reported") is the monitor.
		}
		if mon != nil {
			return mon
		}
		if r := a.saidBy(a.sents[j].Span, quantity.Quantity{}); r != nil && !backReference(r.Text) {
			return r
		}
	}
	return nil
}

// nextSource returns the source named in the sentence after sentence i,
// when that sentence gives no count of its own: it tells more of what i
// told, on that source's word.
func (a *analysis) nextSource(i int) *role {
	j := i + 1
	if j >= len(a.sents) || a.sents[j].Paragraph-a.sents[i].Paragraph > 1 {
		return nil
	}
	for _, q := range a.counts {
		if q.Start >= a.sents[j].Start && q.End <= a.sents[j].End && !a.partOfToll(q, a.sents[j].Span) {
			return nil
		}
	}
	sp := a.speakersIn(a.sents[j].Span)
	mon := a.monitorIn(a.sents[j].Span, quantity.Quantity{})
	if len(sp) > 0 && !(sp[0].Actor == nil && mon != nil && sp[0].Overlaps(mon.Span)) {
		return sp[0]
	}
	if mon != nil && speechRE.MatchString(a.text[a.sents[j].Start:a.sents[j].End]) {
		return mon
	}
	return nil
}

// partOfToll reports whether count q, in sentence s, counts part of a
// toll told already: "31 civilians including 10 children", "six women
// were among those killed".
func (a *analysis) partOfToll(q quantity.Quantity, s event.Span) bool {
	return subsetBefore(a.text[max(s.Start, q.Start-30):q.Start]) || subsetAfter(a.text[q.End:min(s.End, q.End+80)])
}

// subsetBefore is subsetBeforeRE.MatchString(s), asked of the engine
// only when s holds the words one of which every match holds.
func subsetBefore(s string) bool {
	if !containsFold(s, "includ", "among", "of them", "of whom") {
		return false
	}
	return subsetBeforeRE.MatchString(s)
}

// subsetAfter is subsetAfterRE.MatchString(s), asked of the engine only
// when s holds "among", as every match does.
func subsetAfter(s string) bool {
	return containsFold(s, "among") && subsetAfterRE.MatchString(s)
}

// partOfDead reads count q of part of the dead ("five soldiers were
// among the dead", "the dead included five soldiers") as the least the
// toll can be.
func (a *analysis) partOfDead(m *mention, q quantity.Quantity) (claim, bool) {
	if !partDeadAfter(a.text[q.End:min(m.span.End, q.End+80)]) &&
		!partDeadBeforeRE.MatchString(a.text[max(m.span.Start, q.Start-30):q.Start]) {
		return claim{}, false
	}
	q.Qualifier = "at least"
	after := a.text[q.End:m.span.End]
	c := claim{q: q, kind: "killed", of: victimPhrase(after), span: q.Span, source: a.sourceOf(m, q), part: true}
	if c.of != "" {
		c.span.End = q.End + strings.Index(after, c.of) + len(c.of)
	}
	// "Twelve children and 11 fighters were among the dead": one
	// source's counts of two groups, added.
	c.group = a.victimGroup(m, c)
	return c, true
}

// tollBefore reports whether the text before sentence i counts dead
// ("has killed 43 people", "the death toll rose to 70").
func (a *analysis) tollBefore(i int) bool {
	start := a.sents[i].Start
	for _, q := range a.counts {
		if q.End > start {
			continue
		}
		after := a.text[q.End:min(start, q.End+60)]
		if mm := kindAfter(after); mm != nil && kindOf[strings.ToLower(after[mm[4]:mm[5]])] == "killed" {
			return true
		}
		if mm := kindBefore(a.text[max(0, q.Start-40):q.Start]); mm != nil {
			w := strings.ToLower(mm[1])
			if strings.HasPrefix(w, "death toll") || strings.HasPrefix(w, "toll") || kindOf[w] == "killed" {
				return true
			}
		}
	}
	return false
}

var (
	partDeadAfterRE  = pattern.MustCompile(`(?i)^[^.;]{0,60}?\b(?:were|was|are|is)\s+among\s+(?:those killed|the\s+(?:[\w-]+\s+)?(?:dead|killed))\b`)
	partDeadBeforeRE = pattern.MustCompile(`(?i)\b(?:dead|killed)\s+(?:included|include|includes)\s+(?:at least\s+|some\s+|about\s+)?$`)
)

// partDeadAfter is partDeadAfterRE.MatchString(s). It reads the pattern
// at each place its lazy opening can reach, where the engine would
// backtrack through every way to cut the first sixty runes.
func partDeadAfter(s string) bool {
	// (?i) folds the Kelvin sign and the long s to "k" and "s"; the
	// words below are compared without them.
	if pattern.FoldsToASCII(s) {
		return partDeadAfterRE.MatchString(s)
	}
	for p, runes := 0, 0; ; runes++ {
		if amongDeadAt(s, p) {
			return true
		}
		// [^.;]{0,60}?
		if runes == 60 || p == len(s) || s[p] == '.' || s[p] == ';' {
			return false
		}
		_, n := utf8.DecodeRuneInString(s[p:])
		p += n
	}
}

// amongDeadAt reports whether partDeadAfterRE's words, from \b on, begin
// at p: "were among the dead", "is among those killed".
func amongDeadAt(s string, p int) bool {
	if p > 0 && pattern.IsWordByte(s[p-1]) {
		return false
	}
	for _, verb := range []string{"were", "was", "are", "is"} {
		x := spaceAfter(s, p, verb)
		if x < 0 {
			continue
		}
		if x = spaceAfter(s, x, "among"); x < 0 {
			continue
		}
		if pattern.HasPrefixFold(s[x:], "those killed") && pattern.WordEndsAt(s, x+len("those killed")) {
			return true
		}
		if x = spaceAfter(s, x, "the"); x < 0 {
			continue
		}
		// (?:[\w-]+\s+)?(?:dead|killed)\b: with a word before, then
		// without.
		w := x
		for w < len(s) && (pattern.IsWordByte(s[w]) || s[w] == '-') {
			w++
		}
		if y := pattern.SkipSpace(s, w); w > x && y > w && deadAt(s, y) || deadAt(s, x) {
			return true
		}
	}
	return false
}

// deadAt reports whether "dead" or "killed", a whole word, begins at x.
func deadAt(s string, x int) bool {
	for _, w := range []string{"dead", "killed"} {
		if pattern.HasPrefixFold(s[x:], w) && pattern.WordEndsAt(s, x+len(w)) {
			return true
		}
	}
	return false
}

// backReference reports whether a source's words only point back to one
// named before: "the source", "the same source", "the official".
func backReference(subj string) bool {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(subj, "the "), "The ")) {
	case "source", "same source", "sources", "same sources", "official", "officials", "spokesman", "spokeswoman", "spokesperson":
		return true
	}
	return false
}

var (
	// genericMonitorRE: a monitor named by its kind ("a monitor", "the
	// Britain-based monitoring group").
	genericMonitorRE = pattern.MustCompile(`(?i)^(?:an?\s+|the\s+)?(?:\S+-based\s+)?(?:monitor|monitoring group|war monitor|watchdog)$`)
	// monitorSaidRE finds such a monitor as the subject of a speech verb.
	monitorSaidRE = pattern.MustCompile(`(?i)\b(?:an?|the)\s+(?:\S+-based\s+)?(?:monitor|monitoring group|war monitor|watchdog)\s+` + lexicon.Alternation(lexicon.TollSourceVerbs) + `\b`)
	// passiveEndRE: a subject that ends in an auxiliary is a passive's
	// ("two children are reported to have died").
	passiveEndRE = pattern.MustCompile(`(?i)\b(?:` + strings.Join(passiveEnds, "|") + `)$`)
)

// pronouns and passiveEnds are pronounRE's and passiveEndRE's words.
var (
	pronouns    = []string{"he", "she", "they", "it", "we", "i", "who", "which", "that", "this"}
	passiveEnds = []string{"are", "is", "were", "was", "been", "be"}
)

// The tests of sayers: each is its pattern's MatchString, or Find, read
// without the engine where the words alone answer, as they do for most
// subjects; the engine is left the text that (?i) folds past ASCII.

// isPronoun is pronounRE.MatchString(w).
func isPronoun(w string) bool {
	if !text.IsASCII(w) {
		return pronounRE.MatchString(w)
	}
	return oneOfFold(w, pronouns)
}

// passiveEnd is passiveEndRE.MatchString(s): s ends in an auxiliary, a
// whole word.
func passiveEnd(s string) bool {
	if pattern.FoldsToASCII(s) {
		return passiveEndRE.MatchString(s)
	}
	return phraseEndsAt(s, len(s), passiveEnds)
}

// genericMonitor is genericMonitorRE.MatchString(s), asked of the engine
// only when s ends in one of the words every match ends in, none of
// whose letters (?i) folds past ASCII.
func genericMonitor(s string) bool {
	for _, w := range []string{"monitor", "group", "watchdog"} {
		if b := len(s) - len(w); b >= 0 && pattern.HasPrefixFold(s[b:], w) {
			return genericMonitorRE.MatchString(s)
		}
	}
	return false
}

// basedPrefix is basedPrefixRE.FindStringIndex(s), asked of the engine
// only when s holds "-based".
func basedPrefix(s string) []int {
	if !strings.Contains(s, "-based") {
		return nil
	}
	return basedPrefixRE.FindStringIndex(s)
}

// accordingTo is accordingToRE.FindAllStringSubmatchIndex(s, -1), asked
// of the engine only when s holds its words.
func accordingTo(s string) [][]int {
	if !accordingToRE.HoldsNeedle(s) {
		return nil
	}
	return accordingToRE.FindAllStringSubmatchIndex(s, -1)
}

// lastDeterminer returns where the last noun phrase of subj opens at a
// determiner after its first word, or 0; a determiner after a preposition
// opens part of the subject ("the Defence Force in the township").
func lastDeterminer(subj string) int {
	at := 0
	for _, d := range []string{" the ", " a ", " an "} {
		if i := strings.LastIndex(subj, d); i >= 0 && i+1 > at {
			at = i + 1
		}
	}
	if at == 0 {
		return 0
	}
	words := strings.Fields(subj[:at])
	if oneOfFold(words[len(words)-1], objectBound) {
		return 0
	}
	return at
}

// namedMonitor returns the watchdog that r, a monitor named only by its
// kind, stands for: the last the article names before r ("the Syrian
// Observatory for Human Rights a British-based monitoring group"), else
// the first after; r itself when the article names none. Rescuers, aid
// agencies and state media report tolls too but are no "monitor".
func (a *analysis) namedMonitor(r *role) *role {
	if a.watchdogs == nil {
		// Read once: a generic monitor may be named in many sentences.
		a.watchdogs = [][]int{}
		for _, loc := range monitorsIn(a.text) {
			if watchdogRE.MatchString(a.text[loc[0]:loc[1]]) {
				a.watchdogs = append(a.watchdogs, loc)
			}
		}
	}
	var best []int
	for _, loc := range a.watchdogs {
		if best == nil || loc[0] < r.End {
			best = loc
		}
		if loc[0] >= r.End {
			break
		}
	}
	if best == nil {
		return r
	}
	name := strings.TrimPrefix(strings.TrimPrefix(a.text[best[0]:best[1]], "The "), "the ")
	return &role{Span: r.Span, Text: r.Text, Name: name}
}

// watchdogRE are the monitors that observe and count rather than rescue,
// treat or broadcast.
var watchdogRE = pattern.MustCompile(`\b(?:Syrian Observatory for Human Rights|SOHR|Syrian Observatory|[Tt]he [Oo]bservatory|Local Coordination Committees|Syrian Network for Human Rights|Amnesty International|Human Rights Watch)\b`)

// monitorIn returns the monitor that sentence s names nearest before q,
// else the first after it; a zero q asks for the last.
func (a *analysis) monitorIn(s event.Span, q quantity.Quantity) *role {
	monitors, ok := a.monitors[s]
	if !ok {
		// Each count of a sentence, and each sentence after it that
		// quotes, asks again. The roles are sources, which no one
		// changes: the claims share them.
		for _, loc := range monitorsIn(a.text[s.Start:s.End]) {
			start, end := s.Start+loc[0], s.Start+loc[1]
			name := strings.TrimPrefix(strings.TrimPrefix(a.text[start:end], "The "), "the ")
			monitors = append(monitors, role{Span: event.Span{Start: start, End: end}, Text: a.text[start:end], Name: name})
		}
		if a.monitors == nil {
			a.monitors = map[event.Span][]role{}
		}
		a.monitors[s] = monitors
	}
	var best *role
	for i := range monitors {
		r := &monitors[i]
		switch {
		case q.End == 0 || r.Start < q.Start:
			best = r
		case best == nil:
			return r
		}
	}
	return best
}

// speakersIn returns the speakers actorsIn finds in sentence s, without
// the copies actorsIn makes for callers that fill roles in: each count
// of a sentence, and each sentence after it that quotes, asks again.
// They are sources, which no one changes: the claims share the roles
// actorsIn keeps.
func (a *analysis) speakersIn(s event.Span) []*role {
	t, ok := a.actorsOf[s]
	if !ok {
		a.actorsIn(s)
		t = a.actorsOf[s]
	}
	if t.speakers == nil {
		for i := t.parties; i < len(t.roles); i++ {
			t.speakers = append(t.speakers, &t.roles[i])
		}
	}
	return t.speakers
}

// kindPhrase is an auxiliary verb, if any, and what a count counts:
// "were killed", "dead", "taken hostage".
var kindPhrase = `(?:` + strings.Join(kindAuxiliaries, `\s+|`) + `\s+)?(` + lexicon.Alternation(lexicon.TollAfterCount) + `)\b`

// kindAuxiliaries are kindPhrase's words before the kind, in its order.
var kindAuxiliaries = []string{`were`, `was`, `had\s+been`, `have\s+been`, `are`, `being`, `of\s+them`, `more`, `others`}

// kindAuxiliariesBy and kindWordsBy are kindPhrase's phrases as words,
// for kindPhraseAt, by their first byte in either case: the auxiliaries
// in their order, and the kinds.
var (
	kindAuxiliariesBy = wordsByFirstByte(kindAuxiliaries, `\s+`)
	kindWordsBy       = wordsByFirstByte(lexicon.Words(lexicon.TollAfterCount), " ")
)

// wordsByFirstByte files phrases, ASCII words parted by sep, as words by
// the first byte of each phrase, in both cases of a letter.
func wordsByFirstByte(phrases []string, sep string) *[256][][]string {
	var out [256][][]string
	for _, p := range phrases {
		words := strings.Fields(strings.ReplaceAll(p, sep, " "))
		c := text.LowerASCIIByte(p[0])
		out[c] = append(out[c], words)
		if u := c &^ 0x20; u != c && 'A' <= u && u <= 'Z' {
			out[u] = append(out[u], words)
		}
	}
	return &out
}

// kindPhraseAt returns the end of kindPhraseRE's match at i in s, for s
// that FoldsToASCII does not hold, and where its kind begins; end is -1
// when there is none. The match is an auxiliary, if one is there and a
// kind follows it, and the kind, a whole word. Two kinds never fit at
// one place (the one that goes on past the other's end fails its \b),
// so the order of the engine's tries tells nothing.
func kindPhraseAt(s string, i int) (end, kind int) {
	if i >= len(s) {
		return -1, -1
	}
	for _, aux := range kindAuxiliariesBy[s[i]] {
		if x := wordsAt(s, i, aux, true); x >= 0 {
			if end := kindAt(s, x); end >= 0 {
				return end, x
			}
		}
	}
	return kindAt(s, i), i
}

// kindAt returns the end of a kind of toll-after-count that begins at x,
// a whole word, or -1.
func kindAt(s string, x int) int {
	if x >= len(s) {
		return -1
	}
	for _, kind := range kindWordsBy[s[x]] {
		if end := wordsAt(s, x, kind, false); end >= 0 && pattern.WordEndsAt(s, end) {
			return end
		}
	}
	return -1
}

// wordsAt returns where words, ASCII words case folded and parted by
// white space, end at x in s, or with space the white space after them:
// -1 when they, or that white space, are not there.
func wordsAt(s string, x int, words []string, space bool) int {
	for k, w := range words {
		if !pattern.HasPrefixFold(s[x:], w) {
			return -1
		}
		x += len(w)
		if k < len(words)-1 || space {
			y := pattern.SkipSpace(s, x)
			if y == x {
				return -1
			}
			x = y
		}
	}
	return x
}

// kindPhraseIn is kindPhraseAt, read by the engine where folds.
func kindPhraseIn(s string, i int, folds bool) (end, kind int) {
	if !folds {
		return kindPhraseAt(s, i)
	}
	if loc := kindPhraseRE.FindStringSubmatchIndex(s[i:]); loc != nil {
		return i + loc[1], i + loc[2]
	}
	return -1, -1
}

// kindAfterWords is how many words may come between a count and what it
// counts ("23 soldiers and police officers were killed").
const kindAfterWords = 8

// kindAfter finds what the count before s counts in s's first words: it
// returns what FindStringSubmatchIndex(s) would for the pattern
// (?i)^\s*((?:[\w’'-]+\s+){0,8}?)kindPhrase, the words before the kind
// as group 1 and the kind as group 2, or nil. It tries kindPhraseRE
// word by word, the fewest words first as the lazy pattern does: the
// first bytes of a word rule most out at a glance, where the engine
// would walk the whole phrase list at each.
func kindAfter(s string) []int {
	// (?i) folds the Kelvin sign and the long s to "k" and "s";
	// kindPhraseAt compares without them.
	folds := pattern.FoldsToASCII(s)
	i := 0
	for i < len(s) && pattern.IsSpace(s[i]) {
		i++
	}
	start := i
	for words := 0; ; words++ {
		if end, kind := kindPhraseIn(s, i, folds); end >= 0 {
			return []int{0, end, start, i, kind, end}
		}
		if words == kindAfterWords {
			return nil
		}
		// One more word of [\w’'-] and the white space after it.
		j := i
		for j < len(s) {
			switch c := s[j]; {
			case c == '_' || c == '\'' || c == '-' || '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z':
				j++
				continue
			case strings.HasPrefix(s[j:], "’"):
				j += len("’")
				continue
			}
			break
		}
		k := j
		for k < len(s) && pattern.IsSpace(s[k]) {
			k++
		}
		if j == i || k == j {
			return nil
		}
		i = k
	}
}
