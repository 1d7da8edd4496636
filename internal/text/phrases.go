package text

import (
	"fmt"
	"slices"
	"sort"
)

// Phrases is a set of phrases, each with the number of the list it came
// from, matched over a Doc's tokens: a word of the text is looked up once,
// by its key, among the phrases that begin with it. A phrase's words match
// tokens by their keys, so case and accents do not matter; words a space
// parts in the phrase may be parted by any run of white space in the text,
// and other bytes between them ("cross-border") must be written as they
// are. A word "*" matches any one word.
type Phrases struct {
	// byFirst holds, for each word a phrase begins with, the phrases
	// that begin with it.
	byFirst *WordMap[[]phrase]
	// first rules out most words as the first of a phrase before the
	// table is asked, and last, the same filter by a word's last byte,
	// half of those it lets by.
	first, last Shapes
	wild        []phrase // those that begin with "*"
	lists       int
}

// mayBegin reports whether a phrase of byFirst may begin with key.
func (ps *Phrases) mayBegin(key string) bool {
	return ps.first.May(key) && ps.last[key[len(key)-1]]&shapeBit(len(key)) != 0
}

// begins returns the phrases that begin with the word key, in the order
// of their lists.
func (ps *Phrases) begins(key string) []phrase {
	first, _ := ps.byFirst.Get(key)
	return first
}

type phrase struct {
	keys []string // "" stands for "*"
	seps []string // seps[k] parts keys[k] and keys[k+1]: " " for white space
	list int
}

// NewPhrases builds the set of the phrases of lists; a match says which
// list its phrase is in.
func NewPhrases(lists [][]string) (*Phrases, error) {
	ps := &Phrases{lists: len(lists)}
	firsts := map[string]int{} // index in keys
	var keys []string
	var begin [][]phrase
	for l, list := range lists {
		for _, s := range list {
			d := Split(s)
			if len(d.Tokens) == 0 {
				return nil, fmt.Errorf("phrase %q of list %d has no word", s, l)
			}
			p := phrase{list: l}
			for i, t := range d.Tokens {
				key := t.Key
				if i > 0 {
					sep := d.Between(i - 1)
					if isWhite(sep) {
						sep = " "
					}
					p.seps = append(p.seps, sep)
				}
				p.keys = append(p.keys, key)
			}
			// "*" is no token: mark the wildcards by the spaces around
			// them in the phrase.
			p = wildcards(s, p)
			if p.keys[0] == "" {
				ps.wild = append(ps.wild, p)
				continue
			}
			f, ok := firsts[p.keys[0]]
			if !ok {
				f = len(keys)
				firsts[p.keys[0]] = f
				keys, begin = append(keys, p.keys[0]), append(begin, nil)
			}
			begin[f] = append(begin[f], p)
			ps.first.Add(p.keys[0])
			ps.last[p.keys[0][len(p.keys[0])-1]] |= shapeBit(len(p.keys[0]))
		}
	}
	ps.byFirst = NewWordMap(keys, begin)
	return ps, nil
}

// wildcards rebuilds p from the space-parted words of s when s has a "*"
// among them, each "*" a word that matches any.
func wildcards(s string, p phrase) phrase {
	has := false
	for _, w := range fields(s) {
		has = has || w == "*"
	}
	if !has {
		return p
	}
	out := phrase{list: p.list}
	for _, w := range fields(s) {
		if w == "*" {
			if len(out.keys) > 0 {
				out.seps = append(out.seps, " ")
			}
			out.keys = append(out.keys, "")
			continue
		}
		d := Split(w)
		for i, t := range d.Tokens {
			if len(out.keys) > 0 {
				if i == 0 {
					out.seps = append(out.seps, " ")
				} else {
					out.seps = append(out.seps, d.Between(i-1))
				}
			}
			out.keys = append(out.keys, t.Key)
		}
	}
	return out
}

// fields splits s at runs of white space.
func fields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || isWhiteByte(s[i]) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

// isWhite reports whether s is a run of white space as a regular
// expression's \s reads it: spaces, tabs, line and form feeds.
func isWhite(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isWhiteByte(s[i]) {
			return false
		}
	}
	return s != ""
}

func isWhiteByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// Each calls f with each match of a phrase that begins at one of the
// tokens from..to-1 of d and ends before token to: for each token and
// each list, the longest match of the list's phrases that begins there,
// as the indices of its first and last tokens. Matches come by token,
// then by list.
func (ps *Phrases) Each(d *Doc, from, to int, f func(list, first, last int)) {
	// The lists matched at a token and the tokens of each one's longest
	// match there: a token begins a phrase of few lists, so a short
	// slice searched in full costs less than a slot per list made for
	// each call.
	var buf [8]listMatch
	hits := buf[:0]
	for i := from; i < to; i++ {
		hits = hits[:0]
		if key := d.Tokens[i].Key; ps.mayBegin(key) {
			first := ps.begins(key)
			for k := range first {
				hits = first[k].longer(hits, d, i, to)
			}
		}
		for k := range ps.wild {
			hits = ps.wild[k].longer(hits, d, i, to)
		}
		if len(hits) == 0 {
			continue
		}
		slices.SortFunc(hits, func(a, b listMatch) int { return a.list - b.list })
		for _, h := range hits {
			f(h.list, i, i+h.n-1)
		}
	}
}

// listMatch is the longest match of a list's phrases at a token so far:
// its list and its number of tokens.
type listMatch struct{ list, n int }

// longer returns hits with p's match at token i of d in place of its
// list's, when p matches there and is longer.
func (p *phrase) longer(hits []listMatch, d *Doc, i, to int) []listMatch {
	n := len(p.keys)
	j := 0
	for j < len(hits) && hits[j].list != p.list {
		j++
	}
	if j < len(hits) && n <= hits[j].n || !p.matchAt(d, i, to) {
		return hits
	}
	if j == len(hits) {
		return append(hits, listMatch{list: p.list, n: n})
	}
	hits[j].n = n
	return hits
}

// matchAt reports whether p's words are d's tokens from i on, all before
// token to.
func (p *phrase) matchAt(d *Doc, i, to int) bool {
	if i+len(p.keys) > to {
		return false
	}
	for k, key := range p.keys {
		// The word first: most tries fail at it, and it costs less
		// than the bytes before it.
		if got := d.Tokens[i+k].Key; key == "" && got == Possessive || key != "" && got != key {
			return false
		}
		if k > 0 {
			sep := d.Between(i + k - 1)
			if p.seps[k-1] == " " && !isWhite(sep) || p.seps[k-1] != " " && sep != p.seps[k-1] {
				return false
			}
		}
	}
	return true
}

// Span returns the indices of the tokens of d that lie within the bytes
// start..end: from the first to one past the last.
func (d *Doc) Span(start, end int) (from, to int) {
	from = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= start })
	to = from
	for to < len(d.Tokens) && d.Tokens[to].End <= end {
		to++
	}
	return from, to
}
