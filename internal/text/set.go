package text

// Set is a list of phrases asked of many texts, each time as a whole:
// which of them does this text write? Its phrases are grouped by first
// word, so that a text is asked once for each first word rather than
// once for each phrase; an actor's hundreds of aliases begin with a few
// dozen words.
type Set struct {
	phrases []*Doc
	groups  []setGroup
	// group finds the group of a first word; first and last rule out
	// most words of a text before it is asked, by their first and last
	// bytes and length, and empty is set when a phrase begins with a
	// word whose key is empty, which they cannot rule on.
	group       map[string]int
	first, last Shapes
	empty       bool
}

// setGroup is the phrases of a Set that begin with the word key.
type setGroup struct {
	key     string
	members []int
}

// NewSet splits phrases into a Set.
func NewSet(phrases []string) *Set {
	s := &Set{phrases: make([]*Doc, len(phrases)), group: map[string]int{}}
	for i, p := range phrases {
		d := Split(p)
		s.phrases[i] = d
		if len(d.Tokens) == 0 {
			continue // writes nothing any text can hold
		}
		k := d.Tokens[0].Key
		g, ok := s.group[k]
		if !ok {
			g = len(s.groups)
			s.group[k] = g
			s.groups = append(s.groups, setGroup{key: k})
			if k == "" {
				s.empty = true
			} else {
				s.first.Add(k)
				s.last[k[len(k)-1]] |= shapeBit(len(k))
			}
		}
		s.groups[g].members = append(s.groups[g].members, i)
	}
	return s
}

// mayBegin reports whether a phrase of s may begin with key.
func (s *Set) mayBegin(key string) bool {
	if key == "" {
		return s.empty
	}
	return s.first.May(key) && s.last[key[len(key)-1]]&shapeBit(len(key)) != 0
}

// Written returns the phrases of s that d writes, as Has tells, in the
// order they were given to NewSet.
func (d *Doc) Written(s *Set) []string {
	// One pass over the text, its words filtered by s's shapes, costs
	// less than indexing the text's words to look the groups up: a Set
	// has a few first words, and a text asks few Sets.
	var in []bool
	for i := range d.Tokens {
		key := d.Tokens[i].Key
		if !s.mayBegin(key) {
			continue
		}
		g, ok := s.group[key]
		if !ok {
			continue
		}
		for _, m := range s.groups[g].members {
			if (in == nil || !in[m]) && d.matchAt(i, s.phrases[m], len(s.phrases[m].Tokens)) {
				if in == nil {
					in = make([]bool, len(s.phrases))
				}
				in[m] = true
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
