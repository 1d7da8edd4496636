package pattern

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/bytewise"
)

// This file works out, from a pattern's syntax, the facts that let a Set
// search it in windows of the text instead of the whole: how long a match
// can be, and where one can begin.

// runs holds the longest runs, in bytes, of some kinds of byte in a text:
// a repeated class of one kind matches no more than that there. The zero
// value knows no text, and leaves repetition unbounded.
type runs struct {
	space, word, nonSpace int
	known                 bool
}

// measure returns the runs of text. It steps over a run at a time, not
// a byte: it reads every byte of every text a Set scans.
func measure(text string) runs {
	r := runs{known: true}
	n := len(text)
	for i := 0; i < n; {
		if byteClass[text[i]] == classSpace {
			j := i + 1
			for j < n && byteClass[text[j]] == classSpace {
				j++
			}
			r.space = max(r.space, j-i)
			i = j
			continue
		}
		// A run of other bytes, holding runs of word bytes.
		j := i
		for j < n {
			c := byteClass[text[j]]
			if c == classSpace {
				break
			}
			j++
			if c == classWord {
				k := j
				for j < n && byteClass[text[j]] == classWord {
					j++
				}
				r.word = max(r.word, j-k+1)
			}
		}
		r.nonSpace = max(r.nonSpace, j-i)
		i = j
	}
	return r
}

// measureSpace returns the runs of text with its longest run of white
// space alone known: the patterns of most Sets repeat nothing else, and
// this reads eight bytes at a time, in a fraction of measure's time.
func measureSpace(text string) runs {
	r := runs{known: true, word: -1, nonSpace: -1}
	run := 0 // the white space that ends the bytes read so far
	i := 0
	for ; i+8 <= len(text); i += 8 {
		x := bytewise.Load64(text[i : i+8])
		// The top bit of each byte of ctl is set where the byte is at
		// most ' ': white space or another control. The sum carries
		// into no other byte.
		ctl := ^((x&^(0x80*bytewise.Ones) + (0x7f-' ')*bytewise.Ones) | x) & (0x80 * bytewise.Ones)
		if ctl == 0 {
			run = 0
			continue
		}
		// Where no two controls touch, no run of white space is longer
		// than one; the rest, and the bytes up to the first white
		// space, which may be some other control, are counted a byte
		// at a time.
		if ctl&(ctl>>8) != 0 || run > 0 && ctl&0x80 != 0 || r.space == 0 {
			for j := i; j < i+8; j++ {
				run = spaceRun(&r, run, text[j])
			}
			continue
		}
		run = 0
		if ctl>>63 != 0 && IsSpace(text[i+7]) {
			run = 1
		}
	}
	for ; i < len(text); i++ {
		run = spaceRun(&r, run, text[i])
	}
	return r
}

// spaceRun returns the run of white space that ends with c, where run
// ended before it, and records it in r.
func spaceRun(r *runs, run int, c byte) int {
	if !IsSpace(c) {
		return 0
	}
	run++
	r.space = max(r.space, run)
	return run
}

// Classes of bytes as measure counts them.
const (
	classOther = iota
	classSpace
	classWord
)

// byteClass holds the class of every byte, a look-up where tests of
// ranges would cost several branches a byte.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case IsSpace(byte(c)):
			t[c] = classSpace
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_':
			t[c] = classWord
		}
	}
	return t
}()

// runKind is the kind of byte a class matches runs of, as runs measures
// them.
type runKind uint8

const (
	runAny runKind = iota // a class runs does not bound
	runSpace
	runWord
	runNonSpace
)

// classRun returns the kind of run a repetition of re can match.
func classRun(re *syntax.Regexp) runKind {
	if re.Op != syntax.OpCharClass {
		return runAny
	}
	space, word, nonSpace := true, true, true
	for i := 0; i < len(re.Rune); i += 2 {
		lo, hi := re.Rune[i], re.Rune[i+1]
		for _, c := range []rune{'\t', '\n', '\f', '\r', ' '} {
			if lo <= c && c <= hi {
				nonSpace = false
			}
		}
		for c := lo; c <= hi && space; c++ {
			if c >= 0x80 || !IsSpace(byte(c)) {
				space = false
			}
		}
		for c := lo; c <= hi && word; c++ {
			if !isWordByte(c) && c != '\u212a' && c != '\u017f' {
				word = false
			}
		}
	}
	switch {
	case space:
		return runSpace
	case word:
		return runWord
	case nonSpace:
		return runNonSpace
	}
	return runAny
}

// run returns the longest run of kind k in the text r measures, or -1.
func (r runs) run(k runKind) int {
	if !r.known {
		return -1
	}
	switch k {
	case runSpace:
		return r.space
	case runWord:
		return r.word
	case runNonSpace:
		return r.nonSpace
	}
	return -1
}

// maxLen returns the most bytes a match of re can span, or -1 when
// repetition leaves it unbounded.
func maxLen(re *syntax.Regexp) int { return runs{}.maxLen(re) }

// maxLen returns the most bytes a match of re can span in the text r
// measures, or -1 when repetition leaves it unbounded.
func (r runs) maxLen(re *syntax.Regexp) int {
	l := lengthOf(re)
	return l.eval(r)
}

// length is the most bytes a match of a pattern can span, as a function
// of the runs of a text. The parts no run bounds are summed when it is
// built, so that working it out for a text reads only the rest.
type length struct {
	op    lengthOp
	n     int     // lenConst: the bytes; lenSum, lenMost: the constant part
	run   runKind // lenRun: the kind of run
	times int     // lenTimes: the most repetitions of subs[0]
	subs  []length
}

type lengthOp uint8

const (
	lenConst lengthOp = iota // n bytes
	lenNone                  // no bound
	lenRun                   // a run of some kind, repeated without bound
	lenTimes                 // subs[0], times times
	lenSum                   // n and the subs, one after another
	lenMost                  // the longest of n and the subs
)

// lengthOf works out the length of a match of re.
func lengthOf(re *syntax.Regexp) length {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return length{op: lenConst}
	case syntax.OpLiteral:
		n := 0
		for _, c := range re.Rune {
			n += runeBytes(c, re.Flags&syntax.FoldCase != 0)
		}
		return length{op: lenConst, n: n}
	case syntax.OpCharClass:
		n := 0
		for i := 1; i < len(re.Rune); i += 2 {
			n = max(n, runeLen(re.Rune[i]))
		}
		return length{op: lenConst, n: n}
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return length{op: lenConst, n: utf8.UTFMax}
	case syntax.OpCapture, syntax.OpQuest:
		return lengthOf(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return runOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return runOf(re.Sub[0])
		}
		sub := lengthOf(re.Sub[0])
		switch sub.op {
		case lenConst:
			return length{op: lenConst, n: sub.n * re.Max}
		case lenNone:
			return sub
		}
		return length{op: lenTimes, times: re.Max, subs: []length{sub}}
	case syntax.OpConcat, syntax.OpAlternate:
		l := length{op: lenSum}
		if re.Op == syntax.OpAlternate {
			l.op = lenMost
		}
		for _, sub := range re.Sub {
			if l = l.with(lengthOf(sub)); l.op == lenNone {
				return l
			}
		}
		return l.norm()
	}
	return length{op: lenNone}
}

// runOf is the length of a repetition of re without bound.
func runOf(re *syntax.Regexp) length {
	k := classRun(re)
	if k == runAny {
		return length{op: lenNone}
	}
	return length{op: lenRun, run: k}
}

// eval returns the most bytes a match can span in the text r measures,
// or -1.
func (l *length) eval(r runs) int {
	switch l.op {
	case lenConst:
		return l.n
	case lenRun:
		return r.run(l.run)
	case lenTimes:
		n := l.subs[0].eval(r)
		if n < 0 {
			return -1
		}
		return n * l.times
	case lenSum, lenMost:
		total := l.n
		for i := range l.subs {
			n := l.subs[i].eval(r)
			if n < 0 {
				return -1
			}
			if l.op == lenSum {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return -1
}

// kinds returns the kinds of run that l reads, a bit 1<<k for each kind
// k.
func (l *length) kinds() uint8 {
	switch l.op {
	case lenRun:
		return 1 << l.run
	case lenTimes, lenSum, lenMost:
		var k uint8
		for i := range l.subs {
			k |= l.subs[i].kinds()
		}
		return k
	}
	return 0
}

// runeBytes is the longest encoding of c or, folded, of any rune it
// matches ("k" matches the three-byte Kelvin sign).
func runeBytes(c rune, fold bool) int {
	n := runeLen(c)
	if fold {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			n = max(n, runeLen(f))
		}
	}
	return n
}

// runeLen is the bytes of c; invalid text is read a byte at a time, and
// the replacement character it stands for is three bytes.
func runeLen(c rune) int {
	if n := utf8.RuneLen(c); n > 0 {
		return n
	}
	return utf8.UTFMax
}

// leadsWithBoundary reports whether every way through re begins with \b.
func leadsWithBoundary(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpCapture:
		return leadsWithBoundary(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && leadsWithBoundary(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !leadsWithBoundary(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// has reports whether re holds any of ops.
func has(re *syntax.Regexp, ops ...syntax.Op) bool {
	for _, op := range ops {
		if re.Op == op {
			return true
		}
	}
	for _, sub := range re.Sub {
		if has(sub, ops...) {
			return true
		}
	}
	return false
}

// wordFirst reports whether the first character of every match of re is
// an ASCII word character, and whether re can match the empty string; it
// adds the bytes a match can begin with to set. The Kelvin sign and the
// long s, which "k" and "s" match under (?i), are let through: a Set does
// not window a text that holds them.
func wordFirst(re *syntax.Regexp, set *[256]bool) (ok, nullable bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, true
		}
		c := re.Rune[0]
		if !isWordByte(c) {
			return false, false
		}
		set[c] = true
		if re.Flags&syntax.FoldCase != 0 {
			set[unicode.ToLower(c)], set[unicode.ToUpper(c)] = true, true
		}
		return true, false
	case syntax.OpCharClass:
		for i := 0; i < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				switch {
				case isWordByte(c):
					set[c] = true
				case c != '\u212a' && c != '\u017f':
					return false, false
				}
			}
		}
		return len(re.Rune) > 0, false
	case syntax.OpCapture, syntax.OpPlus:
		return wordFirst(re.Sub[0], set)
	case syntax.OpQuest, syntax.OpStar:
		ok, _ := wordFirst(re.Sub[0], set)
		return ok, true
	case syntax.OpRepeat:
		ok, nullable := wordFirst(re.Sub[0], set)
		return ok, nullable || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			ok, nullable := wordFirst(sub, set)
			if !ok {
				return false, false
			}
			if !nullable {
				return true, false
			}
		}
		return true, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			ok, n := wordFirst(sub, set)
			if !ok {
				return false, false
			}
			nullable = nullable || n
		}
		return true, nullable
	}
	return false, false
}

// isWordByte reports whether c is a word character as \b means it. It
// runs for every byte of many texts, mostly letters of both cases,
// where a table look-up costs no mispredicted branches.
func isWordByte[T rune | byte](c T) bool {
	return uint32(c) < 256 && byteClass[uint8(c)] == classWord
}

// maxExact bounds the strings exact works out for a part of a pattern.
const maxExact = 64

// exactStrings returns every string re matches, lowered, when they are
// few and all ASCII; the zero-width assertions match "". Over text that
// holds neither the Kelvin sign nor the long s, as a Set's windows do,
// each is as many bytes as the text it matches.
func exactStrings(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine,
		syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true
	case syntax.OpLiteral:
		b := make([]byte, len(re.Rune))
		for i, c := range re.Rune {
			if c >= utf8.RuneSelf {
				return nil, false
			}
			b[i] = lowerTable[c]
		}
		return []string{string(b)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if c >= utf8.RuneSelf || len(out) == maxExact {
					return nil, false
				}
				out = append(out, string(rune(lowerTable[c])))
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return exactStrings(re.Sub[0])
	case syntax.OpQuest:
		out, ok := exactStrings(re.Sub[0])
		return append(out, ""), ok && len(out) < maxExact
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			ss, ok := exactStrings(sub)
			if !ok || len(out)+len(ss) > maxExact {
				return nil, false
			}
			out = append(out, ss...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			ss, ok := exactStrings(sub)
			if !ok {
				return nil, false
			}
			if out, ok = joinExact(out, ss); !ok {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// joinExact returns every string of as followed by one of bs, unless
// they are more than maxExact.
func joinExact(as, bs []string) ([]string, bool) {
	if len(as)*len(bs) > maxExact {
		return nil, false
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out, true
}

// needleAt returns where in s the first of needles begins, or -1.
func needleAt(s string, needles []string) int {
	at := -1
	for _, n := range needles {
		if i := strings.Index(s, n); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// leadOf returns the most bytes by which a match of re can begin before
// a place where one of needles begins, as a length; ok is false unless
// every match holds one of needles where it is known to. A Set tries a
// pattern no further back from each needle it finds in a text than
// that: a match holds a needle no further in than it, one that begins
// before holds an earlier needle and is found there. Most patterns hold
// their needle near their start, far less far in than their longest
// match.
func leadOf(re *syntax.Regexp, needles []string) (length, bool) {
	if ss, ok := exactStrings(re); ok {
		return exactLead(ss, needles)
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return leadOf(re.Sub[0], needles)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return leadOf(re.Sub[0], needles)
		}
	case syntax.OpAlternate:
		l := length{op: lenMost}
		for _, sub := range re.Sub {
			s, ok := leadOf(sub, needles)
			if !ok {
				return length{}, false
			}
			l = l.with(s)
		}
		return l.norm(), true
	case syntax.OpConcat:
		// The first part from the left, or run of exact parts, that
		// holds a needle in every match; the parts before it lead.
		before := length{op: lenSum}
		for i, sub := range re.Sub {
			run := []string{""}
			for j := i; j < len(re.Sub); j++ {
				ss, ok := exactStrings(re.Sub[j])
				if !ok {
					break
				}
				if run, ok = joinExact(run, ss); !ok {
					break
				}
				if s, ok := exactLead(run, needles); ok {
					return before.with(s).norm(), true
				}
			}
			if s, ok := leadOf(sub, needles); ok {
				return before.with(s).norm(), true
			}
			if before = before.with(lengthOf(sub)); before.op == lenNone {
				return length{}, false
			}
		}
	}
	return length{}, false
}

// exactLead is leadOf for a part whose matches are ss.
func exactLead(ss, needles []string) (length, bool) {
	lead := 0
	for _, s := range ss {
		i := needleAt(s, needles)
		if i < 0 {
			return length{}, false
		}
		lead = max(lead, i)
	}
	return length{op: lenConst, n: lead}, true
}

// with returns l, a sum or a longest of, with s added to its parts.
func (l length) with(s length) length {
	switch s.op {
	case lenNone:
		return s
	case lenConst:
		if l.op == lenSum {
			l.n += s.n
		} else {
			l.n = max(l.n, s.n)
		}
		return l
	}
	if l.op == lenNone {
		return l
	}
	l.subs = append(l.subs[:len(l.subs):len(l.subs)], s)
	return l
}

// norm returns l as a constant where it has no parts but its constant.
func (l length) norm() length {
	if (l.op == lenSum || l.op == lenMost) && len(l.subs) == 0 {
		return length{op: lenConst, n: l.n}
	}
	return l
}

// lowerCase returns re changed to match, in a text with its ASCII
// capitals lowered, where re matches in the text, if that text holds
// neither the Kelvin sign nor the long s: its literals lowered and
// matched exactly, an engine's quicker test than folding each rune it
// reads. ok is false where re tells a capital from its small letter, or
// has a literal beyond ASCII.
func lowerCase(re *syntax.Regexp) (*syntax.Regexp, bool) {
	out := *re
	switch re.Op {
	case syntax.OpLiteral:
		out.Rune = make([]rune, len(re.Rune))
		for i, c := range re.Rune {
			if c >= utf8.RuneSelf || re.Flags&syntax.FoldCase == 0 && isASCIILetter(c) {
				return nil, false
			}
			out.Rune[i] = rune(lowerTable[c])
		}
		out.Flags &^= syntax.FoldCase
	case syntax.OpCharClass:
		for c := 'A'; c <= 'Z'; c++ {
			if classHas(re.Rune, c) != classHas(re.Rune, c+'a'-'A') {
				return nil, false
			}
		}
	}
	if len(re.Sub) > 0 {
		out.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, sub := range re.Sub {
			s, ok := lowerCase(sub)
			if !ok {
				return nil, false
			}
			out.Sub[i] = s
		}
	}
	return &out, true
}

func isASCIILetter(c rune) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// classHas reports whether the ranges of a class hold c.
func classHas(ranges []rune, c rune) bool {
	for i := 0; i < len(ranges); i += 2 {
		if ranges[i] <= c && c <= ranges[i+1] {
			return true
		}
	}
	return false
}
