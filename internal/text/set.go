package text

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
	var in []bool
	for _, g := range s.groups {
		d.each(g.key, func(at int) bool {
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
			return true
		})
	}
	var out []string
	for i, ok := range in {
		if ok {
			out = append(out, s.phrases[i].Text)
		}
	}
	return out
}
