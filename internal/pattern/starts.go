package pattern

import (
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/text"
)

// starts holds the strings of up to four bytes that every match of a
// pattern begins with one of, ASCII capitals read as small letters unless
// the pattern is exact, folding the case of none of its letters. Most
// of sitrep's patterns are long lists of words; at a word start the next
// four bytes rule most of them out for the cost of a look-up in a set of
// bits, where Go's engine, given a program of hundreds of instructions,
// takes a microsecond to say no.
type starts struct {
	// one holds the single bytes after which anything may follow.
	one [256]bool
	// more is a set of bits, one for each string of two to four bytes by
	// its key's hash. A string whose bit another has set passes too:
	// that costs a try of the pattern, never a match, and with 64 bits a
	// string it is rare, where a map look-up at every word start cost a
	// twentieth of the extraction. The bits are kept in blocks of a
	// cache line, the block chosen by the string's first two bytes: the
	// three look-ups at a word start read one line, not three lines
	// anywhere in a table of up to 32 KB, of which an article meets
	// hundreds.
	more []uint64
	// blockShift keeps the top bits of the hash of the first two bytes
	// that number a block; blockBits is a block's length in bits, and
	// bitShift keeps the top bits of a key's hash that number a bit in
	// it.
	blockShift, bitShift uint
	blockBits            uint32
	// lens has bit n set when a string of n bytes is in more: most
	// patterns' strings are all of one length, and a look-up of the
	// others could only let a text through wrongly.
	lens uint8
	// low maps a byte of the text to a byte of the strings: ASCII
	// capitals to small letters, or, where the pattern folds no case,
	// each byte to itself, so that a pattern of capitals ("[A-Z][A-Z
	// .]{2,40}") rules out the "The" of most lines.
	low *[256]byte
}

// unlowered maps each byte to itself: starts.low for an exact pattern.
var unlowered = func() (t [256]byte) {
	for i := range 256 {
		t[i] = byte(i)
	}
	return t
}()

// maxWideRunes bounds the runes from U+0080 on of a class whose bytes
// starts follows in full; of a wider class it knows only the first byte.
const maxWideRunes = 8

// bitsPerStart sizes starts.more.
const bitsPerStart = 64

// block returns the bit of more at which the block of strings beginning
// with the bytes b0 and b1 begins.
func (st *starts) block(b0, b1 byte) uint32 {
	return ((uint32(b0)<<8 | uint32(b1)) * 0x9e3779b1 >> st.blockShift) * st.blockBits
}

// mix hashes a key so that its top bits hang on all of it. The keys in a
// block share their first two bytes: a plain product would set bits of
// strings that differ in a byte or their length close together.
func mix(k uint32) uint32 {
	k ^= k >> 16
	k *= 0x85ebca6b
	k ^= k >> 13
	return k * 0xc2b2ae35
}

// add sets the bit of k in the block at base.
func (st *starts) add(base, k uint32) {
	h := base + mix(k)>>st.bitShift
	st.more[h/64] |= 1 << (h % 64)
}

// has reports whether the bit of k is set in the block at base.
func (st *starts) has(base, k uint32) bool {
	h := base + mix(k)>>st.bitShift
	return st.more[h/64]&(1<<(h%64)) != 0
}

// maxStarts bounds the strings a pattern may begin with before starts
// gives up on it: beyond that the look-up rules out too little.
const maxStarts = 4096

// prefix is a string a match can begin with; open means the pattern can
// end, or go on with what follows it, right after it.
type prefix struct {
	s    string
	open bool
}

// newStarts works out the starts of re, or returns nil when a match can
// begin with any byte or the strings are too many.
func newStarts(re *syntax.Regexp) *starts {
	exact := !folds(re)
	ps, ok := prefixes(re, 3, exact)
	if !ok {
		if ps, ok = prefixes(re, 2, exact); !ok {
			return nil
		}
	} else if len(ps) <= maxStarts/16 {
		// A fourth byte tells "market" from "mar." and "decided" from
		// "dec ". It is looked for only where the strings of three are
		// few: where a class begins a match, the strings of four are
		// too many, and working them out to find so cost more than
		// the rest of the pattern's tries.
		if more, ok := prefixes(re, 4, exact); ok {
			ps = more
		}
	}
	// A power of two of at least bitsPerStart bits a string, and a
	// word's worth, in blocks of up to a cache line.
	bits := uint(6)
	for 1<<bits < bitsPerStart*len(ps) {
		bits++
	}
	inBlock := min(bits, 9) // 512 bits, a cache line
	st := &starts{
		more:       make([]uint64, 1<<bits/64),
		blockShift: 32 - (bits - inBlock),
		bitShift:   32 - inBlock,
		blockBits:  1 << inBlock,
		low:        &lowerTable,
	}
	if exact {
		st.low = &unlowered
	}
	for _, p := range ps {
		switch len(p.s) {
		case 0:
			return nil
		case 1:
			st.one[p.s[0]] = true
		default:
			st.add(st.block(p.s[0], p.s[1]), key(p.s))
			st.lens |= 1 << len(p.s)
		}
	}
	return st
}

// key packs a string of two or three bytes with its length; one of four
// bytes has no room for its length and may share the key of a shorter
// string, which costs a try of the pattern, never a match.
func key(s string) uint32 {
	if len(s) == 4 {
		return uint32(s[0])<<24 | uint32(s[1])<<16 | uint32(s[2])<<8 | uint32(s[3])
	}
	k := uint32(len(s)) << 24
	for i := 0; i < len(s); i++ {
		k |= uint32(s[i]) << (16 - 8*i)
	}
	return k
}

// may reports whether a match can begin at s[p:], the text after it
// being s's alone.
func (st *starts) may(s string, p int) bool {
	if st == nil {
		return true
	}
	if p >= len(s) {
		return false // every match holds a byte
	}
	low := st.low
	b0 := low[s[p]]
	if st.one[b0] {
		return true
	}
	if p+1 >= len(s) {
		return false
	}
	b1 := low[s[p+1]]
	base := st.block(b0, b1)
	k := 2<<24 | uint32(b0)<<16 | uint32(b1)<<8
	if st.lens&(1<<2) != 0 && st.has(base, k) {
		return true
	}
	if p+2 >= len(s) {
		return false
	}
	b2 := uint32(low[s[p+2]])
	if st.lens&(1<<3) != 0 && st.has(base, k+1<<24|b2) {
		return true
	}
	return p+3 < len(s) && st.lens&(1<<4) != 0 && st.has(base, uint32(b0)<<24|uint32(b1)<<16|b2<<8|uint32(low[s[p+3]]))
}

// folds reports whether any part of re matches letters of either case.
func folds(re *syntax.Regexp) bool {
	if re.Flags&syntax.FoldCase != 0 {
		return true
	}
	return slices.ContainsFunc(re.Sub, folds)
}

// prefixes returns the strings of at most n bytes, lowered unless exact,
// that every match of re begins with one of; ok is false when they are
// more than maxStarts. Assertions are passed over: they narrow where a
// match can be, never which bytes it holds.
func prefixes(re *syntax.Regexp, n int, exact bool) (ps []prefix, ok bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return nil, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []prefix{{open: true}}, true
	case syntax.OpLiteral:
		ps = []prefix{{open: true}}
		for _, c := range re.Rune {
			var runes []prefix
			if c == utf8.RuneError {
				// Matched by any byte that is not UTF-8.
				runes = invalidBytes()
			}
			for _, v := range variants(c, re.Flags&syntax.FoldCase != 0, exact) {
				runes = append(runes, prefix{s: v, open: true})
			}
			if ps, ok = concat(ps, runes, n); !ok {
				return nil, false
			}
		}
		return ps, true
	case syntax.OpCharClass:
		var seen [utf8.RuneSelf]bool
		var lead [256]bool // the first bytes of the class's wide runes
		var wide []prefix
		for i := 0; i < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			for c := lo; c <= hi && c < utf8.RuneSelf; c++ {
				if exact {
					seen[c] = true
				} else {
					seen[text.LowerASCIIByte(byte(c))] = true
				}
			}
			lo = max(lo, utf8.RuneSelf)
			switch {
			case lo > hi:
			case lo <= utf8.RuneError && utf8.RuneError <= hi:
				// Where the text is not UTF-8, any byte from 0x80 on
				// reads as U+FFFD.
				for b := utf8.RuneSelf; b < 256; b++ {
					lead[b] = true
				}
			case hi-lo < maxWideRunes:
				// A few runes ("’", "–"): the whole of each.
				for c := lo; c <= hi; c++ {
					if w := string(c); len(w) > n {
						wide = append(wide, prefix{s: w[:n]})
					} else {
						wide = append(wide, prefix{s: w, open: true})
					}
				}
			default:
				for b := utf8.AppendRune(nil, lo)[0]; b <= utf8.AppendRune(nil, hi)[0]; b++ {
					lead[b] = true
				}
			}
		}
		for b, in := range seen {
			if in {
				ps = append(ps, prefix{s: string([]byte{byte(b)}), open: true})
			}
		}
		for b, in := range lead {
			if in {
				// Any continuation: the rune's other bytes are not
				// followed.
				ps = append(ps, prefix{s: string([]byte{byte(b)})})
			}
		}
		return union(ps, wide), true
	case syntax.OpCapture:
		return prefixes(re.Sub[0], n, exact)
	case syntax.OpQuest:
		ps, ok = prefixes(re.Sub[0], n, exact)
		return union(ps, []prefix{{open: true}}), ok
	case syntax.OpStar:
		return repeat(re.Sub[0], 0, n, exact)
	case syntax.OpPlus:
		return repeat(re.Sub[0], 1, n, exact)
	case syntax.OpRepeat:
		if re.Max == 1 && re.Min == 1 {
			return prefixes(re.Sub[0], n, exact)
		}
		if re.Max == 0 {
			return []prefix{{open: true}}, true
		}
		return repeat(re.Sub[0], min(re.Min, 1), n, exact)
	case syntax.OpConcat:
		ps = []prefix{{open: true}}
		for _, sub := range re.Sub {
			// What follows matters only to the prefixes still open,
			// and only for the bytes they lack.
			need := 0
			for _, p := range ps {
				if p.open {
					need = max(need, n-len(p.s))
				}
			}
			if need == 0 {
				break
			}
			next, ok := prefixes(sub, need, exact)
			if !ok {
				return nil, false
			}
			if ps, ok = concat(ps, next, n); !ok {
				return nil, false
			}
		}
		return ps, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			next, ok := prefixes(sub, n, exact)
			if !ok {
				return nil, false
			}
			if ps = union(ps, next); len(ps) > maxStarts {
				return nil, false
			}
		}
		return ps, true
	}
	// Any character, or an operator not known here: the match may begin
	// with anything.
	return []prefix{{}}, true
}

// repeat returns the prefixes of at least least (0 or 1) repetitions of
// re. A second repetition's bytes are not followed: a repetition's
// prefixes stop where its first one might.
func repeat(re *syntax.Regexp, least, n int, exact bool) ([]prefix, bool) {
	ps, ok := prefixes(re, n, exact)
	if !ok {
		return nil, false
	}
	closed := make([]prefix, len(ps))
	for i, p := range ps {
		closed[i] = prefix{s: p.s}
	}
	if least == 0 {
		return union(closed, []prefix{{open: true}}), true
	}
	return concat(ps, union(closed, []prefix{{open: true}}), n)
}

// concat returns the prefixes of a followed by b.
func concat(a, b []prefix, n int) ([]prefix, bool) {
	var out []prefix
	seen := map[prefix]bool{}
	add := func(p prefix) {
		if len(p.s) >= n {
			p = prefix{s: p.s[:n]}
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, x := range a {
		if !x.open {
			add(x)
			continue
		}
		for _, y := range b {
			// Given up as soon as there are too many, not after
			// every pairing: long lists pair into thousands.
			if add(prefix{s: x.s + y.s, open: y.open}); len(out) > maxStarts {
				return nil, false
			}
		}
	}
	return out, true
}

// union returns the prefixes in a or b.
func union(a, b []prefix) []prefix {
	out := append([]prefix(nil), a...)
	seen := make(map[prefix]bool, len(a))
	for _, x := range a {
		seen[x] = true
	}
	for _, y := range b {
		if !seen[y] {
			seen[y] = true
			out = append(out, y)
		}
	}
	return out
}

// invalidBytes returns each byte from 0x80 on, any continuation allowed.
func invalidBytes() []prefix {
	ps := make([]prefix, 0, 256-utf8.RuneSelf)
	for b := utf8.RuneSelf; b < 256; b++ {
		ps = append(ps, prefix{s: string([]byte{byte(b)})})
	}
	return ps
}

// variants returns the bytes of c and, folded, of every rune it matches,
// ASCII capitals read as small letters unless exact.
func variants(c rune, fold, exact bool) []string {
	if exact {
		return []string{string(c)}
	}
	out := []string{text.LowerASCII(string(c))}
	if fold {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if v := text.LowerASCII(string(f)); !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}
