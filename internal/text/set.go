package text

import "bytes"

// Set is a list of phrases asked of many texts, each time as a whole:
// which of them does this text write? Its phrases are grouped by first
// word, so that a text is asked once for each first word rather than
// once for each phrase; an actor's hundreds of aliases begin with a few
// dozen words.
type Set struct {
	phrases []*Doc
	groups  []setGroup
}

// setGroup is the phrases of a Set that begin with the word key.
type setGroup struct {
	key     string
	members []int
}

// NewSet splits phrases into a Set.
func NewSet(phrases []string) *Set {
	s := &Set{phrases: make([]*Doc, len(phrases))}
	at := map[string]int{}
	for i, p := range phrases {
		d := Split(p)
		s.phrases[i] = d
		if len(d.Tokens) == 0 {
			continue // writes nothing any text can hold
		}
		k := d.Tokens[0].Key
		g, ok := at[k]
		if !ok {
			g = len(s.groups)
			at[k] = g
			s.groups = append(s.groups, setGroup{key: k})
		}
		s.groups[g].members = append(s.groups[g].members, i)
	}
	return s
}

// Written returns the phrases of s that d writes, as Has tells, in the
// order they were given to NewSet.
func (d *Doc) Written(s *Set) []string {
	d.index()
	var in []bool
	for _, g := range s.groups {
		at := d.first(g.key)
		if at < 0 {
			continue
		}
		for _, i := range g.members {
			if d.hasFrom(at, s.phrases[i]) {
				if in == nil {
					in = make([]bool, len(s.phrases))
				}
				in[i] = true
			}
		}
	}
	var out []string
	for i, ok := range in {
		if ok {
			out = append(out, s.phrases[i].Text)
		}
	}
	return out
}

// A SetReader asks many Sets which of their phrases one Doc writes, as
// Written does. It reads the text once, to a byte of each word's key
// (keyByte), and finds the words that may begin a Set's phrases by
// searching those bytes, many at a time: a text asks few Sets of a few
// first words each, and hashing each of its words into an index, as
// Written does for a Doc asked many phrases, costs far more.
type SetReader struct {
	d     *Doc
	bytes []byte
}

// NewSetReader returns a SetReader of d.
func NewSetReader(d *Doc) *SetReader {
	r := &SetReader{d: d, bytes: make([]byte, len(d.Tokens))}
	for i := range d.Tokens {
		r.bytes[i] = keyByte(d.Tokens[i].Key)
	}
	return r
}

// keyByte is a byte of key's length and first and last bytes: equal keys
// have equal bytes, and most unequal ones differ.
func keyByte(key string) byte {
	if key == "" {
		return 0
	}
	return byte(len(key)*37 + int(key[0])*11 + int(key[len(key)-1]))
}

// Written returns the phrases of s that r's Doc writes, as Doc.Written
// does.
func (r *SetReader) Written(s *Set) []string {
	d := r.d
	var in []bool
	for _, g := range s.groups {
		b := keyByte(g.key)
		for at := 0; at < len(r.bytes); at++ {
			k := bytes.IndexByte(r.bytes[at:], b)
			if k < 0 {
				break
			}
			if at += k; d.Tokens[at].Key != g.key {
				continue
			}
			for _, i := range g.members {
				p := s.phrases[i]
				// Most phrases part from the text at their second word:
				// compare it before the whole.
				if n := len(p.Tokens); n > 1 && (at+1 >= len(d.Tokens) || d.Tokens[at+1].Key != p.Tokens[1].Key) {
					continue
				}
				if (in == nil || !in[i]) && d.matchAt(at, p, len(p.Tokens)) {
					if in == nil {
						in = make([]bool, len(s.phrases))
					}
					in[i] = true
				}
			}
		}
	}
	var out []string
	for i, ok := range in {
		if ok {
			out = append(out, s.phrases[i].Text)
		}
	}
	return out
}
