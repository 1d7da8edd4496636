package gazetteer

import (
	"bytes"
	"math"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/bloom"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/text"
)

// Mention is a place name found in text; Start and End are byte offsets
// into the text given to Find.
type Mention struct {
	Start, End int
	Text       string
	// Candidates are the places the name may denote, most prominent
	// first. They are the gazetteer's own: read, never written.
	Candidates []*Place
	// Near is true for "near X", "outside X": geo_precision 2.
	Near bool
	// Qualifier is set when the name is followed by its division or
	// country ("Khost, Afghanistan", "Aleppo province"): the words that
	// qualify it.
	Qualifier string
}

// Resolved is a mention with the one place it is taken to denote.
type Resolved struct {
	Mention
	Place Place
	// Precision is ACLED's geo_precision, 1 to 3.
	Precision int
	// Score is the resolver's confidence, 0 to 1.
	Score float64
	// Unlocated marks a place the text names that the gazetteer lacks,
	// given the point of the place that holds it ("the village of Haas
	// in Idlib province"), as ACLED codes a village it cannot find.
	Unlocated bool
}

// joiner reports whether the bytes between two tokens may sit inside one
// place name: a space, a hyphen or a dash.
func joiner(s string) bool {
	switch s {
	case " ", "-", "–", "—", "‐", " – ", " - ":
		return true
	}
	return false
}

// Find returns the place names in s, longest match first, not
// overlapping, in text order. Only capitalised words start a name, and
// words that are more often English than places are passed over.
func (g *Gazetteer) Find(s string) []Mention { return g.FindIn(text.Split(s)) }

// FindIn is Find over a text already split into words.
func (g *Gazetteer) FindIn(d *text.Doc) []Mention {
	txt, toks := d.Text, d.Tokens
	// A token holds no space, dash or dot, so it folds to one word, and
	// a phrase of tokens folds to their folds joined by spaces; a phrase
	// is tried only as long as a name that begins with its first word.
	var out []Mention
	key := make([]byte, 0, 64)
	// ends[k] is where the k-th word of the phrase being tried ends in
	// key, and states[k] the hash's state after it (see bloom.Append); each
	// capitalised word sets as many as it reads.
	var ends [maxWords + 1]int
	var states [maxWords + 1]uint64
	for i := 0; i < len(toks); {
		t := toks[i]
		if !text.IsCapital(txt[t.Start:t.End]) {
			i++
			continue
		}
		matched := 0
		var ids []int32
		// The lengths of the names that begin with this word, no longer
		// than the text left, longest first.
		firstHash := bloom.HashOf(t.Key)
		lengths := g.lengths.get(firstHash) & (1<<(min(len(toks)-i, maxWords)+1) - 1)
		// A shorter phrase's key is a prefix of the longest one's: fold
		// the words once, as far as joiners link them, and note where
		// each ends in the key.
		joined := 0
		key = key[:0]
		longest := 63 - bits.LeadingZeros64(lengths) // -1 when none
		state := bloom.Offset
		for k := 0; k < longest; k++ {
			from := len(key)
			if k > 0 {
				if !joiner(d.Between(i + k - 1)) {
					break
				}
				key = append(key, ' ')
			}
			key = append(key, toks[i+k].Key...)
			state = bloom.Append(state, key[from:])
			joined, ends[k+1], states[k+1] = k+1, len(key), state
		}
		for ; lengths != 0; lengths &^= 1 << (63 - bits.LeadingZeros64(lengths)) {
			n := 63 - bits.LeadingZeros64(lengths)
			if n > joined {
				continue
			}
			phrase := key[:ends[n]]
			h := firstHash // a name of one word is its first word
			if n > 1 {
				if h = bloom.Finish(states[n]); !g.phrases.Has(h) {
					continue // most phrases name nothing: spare the map
				}
			}
			cand := g.byName.get(h, phrase)
			if len(cand) == 0 {
				continue
			}
			if n == 1 && !g.plausibleSingle(d, i, cand) {
				break
			}
			matched, ids = n, cand
			break
		}
		if matched == 0 && openers[t.Key] {
			// "In Aleppo", "Meanwhile Kafr Nabl": a word that opens a
			// sentence is no part of the name after it.
			i++
			continue
		}
		if matched == 0 {
			// A capitalised run that is no place ("Islamic State") must
			// not yield a place from its later words ("State").
			j := i + 1
			for j < len(toks) && joiner(d.Between(j-1)) && text.IsCapital(d.Word(j)) {
				j++
			}
			i = j
			continue
		}
		last := toks[i+matched-1]
		m := Mention{Start: t.Start, End: last.End, Text: txt[t.Start:last.End]}
		m.Candidates = make([]*Place, len(ids))
		for k, id := range ids {
			m.Candidates[k] = g.places.at(id)
		}
		m.Near = nearBefore(txt[max(0, t.Start-40):t.Start])
		out = append(out, m)
		i += matched
	}
	g.markQualifiers(txt, out)
	return out
}

// plausibleSingle decides whether a one-word match, the i-th word of d,
// is a place and not an English word, a name or a sentence opener.
func (g *Gazetteer) plausibleSingle(d *text.Doc, i int, cand []int32) bool {
	w, key := d.Word(i), d.Tokens[i].Key
	if stopwords[key] {
		return false
	}
	if _, ok := g.demonyms[key]; ok {
		return false // "Kazakh police" names no town called Kazakh
	}
	if len(w) <= 2 {
		return false
	}
	// Part of a longer capitalised name ("Hamza Azhar Salam", "Doha
	// Agreement"): only when the name around it is itself not a person
	// or organisation, which we cannot tell; accept only prominent places.
	best := g.places.at(cand[0]) // read, not copied: a Place is some 200 bytes
	prominent := best.Kind != Populated || best.Population >= 50_000 || strings.HasPrefix(best.Feature, "PPLA") || best.Feature == "PPLC"
	next := i+1 < len(d.Tokens) && joiner(d.Between(i))
	if next && text.IsCapital(d.Word(i+1)) && !prominent {
		return false
	}
	if i > 0 && joiner(d.Between(i-1)) && text.IsCapital(d.Word(i-1)) && !prominent {
		return false
	}
	// "Moi Avenue", "Saudi Hospital": a street or a building named after
	// a place is not the place.
	if next && facilityWords[d.Tokens[i+1].Key] {
		return false
	}
	// All-caps words are acronyms unless a dateline ("KABUL, Oct 14").
	if len(w) <= 4 && best.Kind != Country && strings.ToUpper(w) == w {
		return false
	}
	return true
}

// facilityWords, in lower case, make the name before them a street,
// building or organisation.
var facilityWords = map[string]bool{
	"avenue": true, "street": true, "road": true, "boulevard": true, "square": true, "hospital": true,
	"university": true, "stadium": true, "hotel": true, "bank": true, "company": true, "council": true,
	"agreement": true, "accord": true, "accords": true, "declaration": true, "process": true, "club": true,
	"school": true, "college": true, "penitentiary": true, "jail": true, "river": true, "lake": true, "mountains": true, "valley": true, "sea": true, "dam": true, "bridge": true, "front": true, "market": true, "mosque": true, "church": true, "cathedral": true, "prison": true,
	"times": true, "post": true, "herald": true, "tribune": true, "monitor": true, "daily": true,
}

var nearWords = []string{"near ", "outside ", "outskirts of ", "close to ", "north of ", "south of ", "east of ", "west of ", "km from ", "kilometres from ", "kilometers from ", "miles from ", "near the "}

// nearBefore reports whether s, the text before a place name, ends with
// one of nearWords in any case. It is compared in place: this runs before
// every place found.
func nearBefore(s string) bool {
	// Every one of nearWords ends in a letter and a space, and is ASCII:
	// no text that differs in the last two bytes, letters' case apart,
	// can match it.
	if len(s) < 2 || s[len(s)-1] != ' ' {
		return false
	}
	last := s[len(s)-2] | 0x20
	for _, w := range nearWords {
		if len(s) >= len(w) && last == w[len(w)-2] && strings.EqualFold(s[len(s)-len(w):], w) {
			return true
		}
	}
	return false
}

// markQualifiers notes "X, Y" pairs where Y holds X, and "X province".
func (g *Gazetteer) markQualifiers(text string, ms []Mention) {
	for i := range ms {
		if q := qualifierAfter(text[ms[i].End:min(len(text), ms[i].End+14)]); q != "" {
			ms[i].Qualifier = q
		}
		if i+1 < len(ms) && strings.TrimSpace(text[ms[i].End:ms[i+1].Start]) == "," {
			ms[i].Qualifier = ms[i+1].Text
		}
	}
}

// qualifierWords name a division after a place's name.
var qualifierWords = []string{" province", " governorate", " state", " region", " oblast", " district", " county", " zone"}

// qualifierAfter returns the last of qualifierWords, without its
// space, that strings.ToLower(after) begins with, or "". An ASCII after
// is compared in place, where lowering it made a string of every text
// after a place.
func qualifierAfter(after string) string {
	low, ascii := after, true
	for i := 0; i < len(after); i++ {
		if after[i] >= utf8.RuneSelf {
			// "İ" lowers to "i": only strings.ToLower can tell.
			low, ascii = strings.ToLower(after), false
			break
		}
	}
	q := ""
	for _, suf := range qualifierWords {
		if ascii && hasPrefixASCIIFold(low, suf) || !ascii && strings.HasPrefix(low, suf) {
			q = strings.TrimSpace(suf)
		}
	}
	return q
}

// hasPrefixASCIIFold reports whether the ASCII s begins with suf, an
// ASCII phrase in small letters, the case of s's letters apart.
func hasPrefixASCIIFold(s, suf string) bool {
	if len(s) < len(suf) {
		return false
	}
	for i := 0; i < len(suf); i++ {
		c := text.LowerASCIIByte(s[i])
		if c != suf[i] {
			return false
		}
	}
	return true
}

// Resolve picks one place for each mention using the article's context:
// the countries and divisions it names (and the demonyms it uses),
// explicit qualifiers ("Khost, Afghanistan", "Aleppo province"), and the
// places' prominence. hint lists ISO codes that break ties (the outlet's
// or the dateline's country). The places keep the mentions' order.
func (g *Gazetteer) Resolve(s string, mentions []Mention, hint []string) []Resolved {
	return g.ResolveIn(text.Split(s), mentions, hint)
}

// ResolveIn is Resolve over a text already split into words.
func (g *Gazetteer) ResolveIn(d *text.Doc, mentions []Mention, hint []string) []Resolved {
	ctx := g.context(d, mentions, hint)
	out := make([]Resolved, 0, len(mentions))
	var f folds
	for _, m := range mentions {
		if len(m.Candidates) == 0 {
			continue
		}
		if m.Qualifier != "" {
			f.qualifier = f.folder.Append(f.qualifier[:0], m.Qualifier)
		}
		best, bestScore := 0, math.Inf(-1)
		var total float64
		for i, p := range m.Candidates {
			s := g.score(p, &m, ctx, &f)
			total += math.Exp(s)
			if s > bestScore {
				best, bestScore = i, s
			}
		}
		p := *m.Candidates[best]
		small := p.Kind == Populated && p.Population < 100_000 || p.Kind == Admin2 || p.Kind == Admin1
		lone := p.Kind == Populated && p.Feature != "PPLC" && ctx.countries[p.CountryCode] <= 1 && ctx.strongest >= 6 &&
			ctx.admin1[division{p.CountryCode, p.Admin1}] <= 0.5
		if small && ctx.countries[p.CountryCode] == 0 && ctx.strongest >= 2 || lone {
			// A small town in a country the article never mentions,
			// while it speaks of others, is a misreading: better no
			// place than a wrong one. In an article that speaks of one
			// country again and again, so is a city abroad, no capital,
			// that nothing but itself ties to its country or region
			// ("Mansoura in rural Aleppo" is not Egypt's).
			continue
		}
		r := Resolved{Mention: m, Place: p, Precision: p.Precision(), Score: math.Exp(bestScore) / total}
		if p.Kind == Area && len(p.Countries) > 1 {
			// A border or region shared by several countries belongs to
			// the one the article speaks of most.
			bestC := p.Countries[0]
			for _, c := range p.Countries[1:] {
				if ctx.countries[c] > ctx.countries[bestC] {
					bestC = c
				}
			}
			if bestC != p.CountryCode {
				r.Place.CountryCode, r.Place.Admin1 = bestC, ""
				if c, ok := g.Country(bestC); ok {
					r.Place.Country = c.Name
				}
			}
		}
		if m.Near && r.Precision == 1 {
			r.Precision = 2
		}
		out = append(out, r)
	}
	return out
}

// division keys a first-level division by its country's code and name.
type division struct{ country, admin1 string }

// docContext is what the article says about where it is.
type docContext struct {
	countries map[string]float64   // ISO -> weight
	admin1    map[division]float64 // division -> weight
	strongest float64              // the largest country weight
}

func (g *Gazetteer) context(d *text.Doc, mentions []Mention, hint []string) docContext {
	ctx := docContext{countries: map[string]float64{}, admin1: map[division]float64{}}
	for _, h := range hint {
		ctx.countries[strings.ToUpper(h)] += 1
	}
	for _, m := range mentions {
		c := m.Candidates[0]
		switch {
		case (c.Kind == Country || c.Kind == Area) && otherCountry(m.Candidates):
			// "Congo" names two countries: it tells a little of each,
			// and the places around it choose.
			for _, p := range m.Candidates {
				if p.Kind == Country || p.Kind == Area {
					ctx.countries[p.CountryCode] += 1
				}
			}
		case c.Kind == Country || c.Kind == Area:
			ctx.countries[c.CountryCode] += 2
		case c.Kind == Populated && c.Population < 100_000 && !strings.HasPrefix(c.Feature, "PPLA"):
			// A small town alone does not tell which country the
			// article is about; it is judged by that context instead.
		case c.Kind == Admin1 || c.Kind == Admin2:
			// A division alone does not set the country either ("the
			// Litoral penitentiary"), but it weighs its own region,
			// when its name is no other place's: "Beni" is a city of
			// North Kivu and a department of Bolivia, and would weigh
			// Bolivia as the reason to read itself as Bolivia.
			if len(m.Candidates) == 1 {
				ctx.admin1[division{c.CountryCode, c.Admin1}] += 1
			}
		case len(m.Candidates) == 1 || c.Population > 10*secondPop(m.Candidates):
			ctx.countries[c.CountryCode] += 1
			if c.Admin1 != "" {
				ctx.admin1[division{c.CountryCode, c.Admin1}] += 0.5
			}
		}
	}
	for i, t := range d.Tokens {
		if !text.IsCapital(d.Word(i)) {
			continue
		}
		if code, ok := g.demonyms[t.Key]; ok {
			ctx.countries[code] += 1
		}
	}
	for _, w := range ctx.countries {
		ctx.strongest = max(ctx.strongest, w)
	}
	return ctx
}

// otherCountry reports whether another of the candidates is a country or
// area of another country than the first.
func otherCountry(ps []*Place) bool {
	for _, p := range ps[1:] {
		if (p.Kind == Country || p.Kind == Area) && p.CountryCode != ps[0].CountryCode {
			return true
		}
	}
	return false
}

func secondPop(ps []*Place) int {
	if len(ps) < 2 {
		return 0
	}
	return ps[1].Population
}

// folds holds a mention's qualifier folded, and buffers to fold the
// names of its candidates' divisions and countries: a name may stand for
// dozens of places.
type folds struct {
	qualifier []byte
	folder    text.Folder
	buf       []byte
}

// qualifies reports whether f's qualifier names p's country or
// division, or begins its division's name.
func (f *folds) qualifies(p *Place) bool {
	f.buf = f.folder.Append(f.buf[:0], p.Country)
	if bytes.Equal(f.buf, f.qualifier) {
		return true
	}
	f.buf = f.folder.Append(f.buf[:0], p.Admin1)
	return bytes.HasPrefix(f.buf, f.qualifier)
}

// score rates how well p fits mention m, whose qualifier f holds, in the
// article's context.
func (g *Gazetteer) score(p *Place, m *Mention, ctx docContext, f *folds) float64 {
	s := 0.0
	switch p.Kind {
	case Country:
		s += 6
	case Area:
		s += 5
	case Admin2:
		s += 1
		if m.Qualifier == "district" || m.Qualifier == "county" || m.Qualifier == "zone" {
			s += 6
		}
	case Admin1:
		s += 3
		switch m.Qualifier {
		case "province", "governorate", "state", "region", "oblast":
			s += 4
		}
	case Populated:
		s += math.Log10(float64(p.Population)+10) / 2
		switch p.Feature {
		case "PPLC":
			s += 3
		case "PPLA":
			s += 1.5
		}
	}
	s += 2.5 * math.Min(ctx.countries[p.CountryCode], 4)
	s += 1.5 * math.Min(ctx.admin1[division{p.CountryCode, p.Admin1}], 3)
	if m.Qualifier != "" && f.qualifies(p) {
		s += 10
	}
	return s
}

// stopwords are capitalised words of English news that GeoNames also has
// as place names; as a single word they are not taken for places.
// openers are the words that open a sentence, capitalised there, before
// a name: articles, prepositions, conjunctions, pronouns and the adverbs
// that link a report to the last.
var openers = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an and or but of in on at to by for with from as into onto
	near inside outside across around after before during since while when where until through throughout
	he she they it we his her their its this that these those there here
	meanwhile elsewhere separately also later earlier then yesterday today`) {
		m[w] = true
	}
	return m
}()

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an and or but of in on at to by for with from as is was
	he she they it we you i his her their our this that these those there here
	monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr president minister prime army police
	government state states islamic forces military ministry council union party front movement
	national liberation agreement public relations news reuters associated press afp ap bbc cnn
	al el ad as ash at ar an la le de du des van von der di da dos das san santa saint st
	north south east west northern southern eastern western central upper lower new old great little
	victoria mark bar nice male female justice hope unity liberty independence freedom progress
	university college school hospital church mosque airport station bridge market camp river lake
	mount hill valley island islands port fort city town village province district region county
	home world africa europe asia america americas middle best top more most many some any all
	general colonel major captain lieutenant sergeant governor commander spokesman spokesperson
	chief deputy director official officials sources source security defence defense interior foreign
	affairs information health education justice finance trade economy energy oil gas water food
	reported said says told added according however meanwhile also still even after before during
	since until while when where why how what who which whom whose
	taliban hamas hezbollah houthis isis daesh boko haram shabaab
	salam amir khan ali ahmed mohammed muhammad hassan hussein omar abdul abu ibrahim ismail musa
	john james paul peter david michael joseph mary grace faith charity patience
	share tweet email print comment comments related read video photo photos live update updated
	published copyright rights reserved subscribe newsletter cookies privacy terms contact about
	opinion analysis sport sports business politics culture science technology weather
	christmas easter ramadan eid english french arabic spanish portuguese congress parliament senate assembly palace court
	`) {
		m[w] = true
	}
	// A month's name or short form alone ("March", "Sept") is a date,
	// not a place.
	for _, mo := range lexicon.MonthNames() {
		m[mo.Name] = true
		for _, s := range mo.Short {
			m[s] = true
		}
	}
	return m
}()
