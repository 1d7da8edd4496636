package text

import "iter"

// Keys is a set of words' keys asked of every word of a text: it rules
// out most words by their first byte and length before it looks them
// up.
type Keys struct {
	set    map[string]bool
	shapes Shapes
}

// NewKeys makes the set of keys, words as Tokens keys them.
func NewKeys(keys ...string) *Keys {
	ks := &Keys{set: make(map[string]bool, len(keys))}
	for _, k := range keys {
		ks.set[k] = true
		ks.shapes.Add(k)
	}
	return ks
}

// Has reports whether key is in ks.
func (ks *Keys) Has(key string) bool { return ks.shapes.May(key) && ks.set[key] }

// AnyIn reports whether a token of d within the bytes start..end has one
// of keys: a check by words where a rule needs one of a few.
func (d *Doc) AnyIn(start, end int, keys *Keys) bool {
	from, to := d.Span(start, end)
	for _, t := range d.Tokens[from:to] {
		if keys.Has(t.Key) {
			return true
		}
	}
	return false
}

// Shapes is a filter of words' keys by their first byte and length: a
// look-up in it rules out most words of a text before a map of keys is
// asked, and never a key added to it.
type Shapes [256]uint32

// shapeBit is the bit of a key of n bytes; the last bit stands for 31
// bytes or more.
func shapeBit(n int) uint32 { return 1 << min(n, 31) }

// Add adds key's shape.
func (s *Shapes) Add(key string) {
	if key != "" {
		s[key[0]] |= shapeBit(len(key))
	}
}

// ShapesOf returns the Shapes of the keys of each of seqs: the keys of a
// map of words, most often.
func ShapesOf(seqs ...iter.Seq[string]) Shapes {
	var s Shapes
	for _, seq := range seqs {
		for key := range seq {
			s.Add(key)
		}
	}
	return s
}

// May reports whether key may be one of the keys added; never for "".
func (s *Shapes) May(key string) bool { return key != "" && s[key[0]]&shapeBit(len(key)) != 0 }

// MayShape is May for a key of n bytes that begins with first, for a
// caller that has yet to make the key.
func (s *Shapes) MayShape(first byte, n int) bool { return n > 0 && s[first]&shapeBit(n) != 0 }

// MayBytes is May for a key held in bytes, which need not be made a
// string to be asked.
func (s *Shapes) MayBytes(key []byte) bool { return len(key) > 0 && s.MayShape(key[0], len(key)) }
