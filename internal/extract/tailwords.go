package extract

import (
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/text"
)

// The patterns of roles.go that end in "\s+$" ask what the last few words
// before an actor or a place are. The engine, which cannot search
// backwards, tries such a pattern at every word of the text; the readers
// here read the last words back instead, against the same word lists
// ("held by" and the hearsay before a speaker are left to their patterns,
// which answer as fast).
// Each stands for its pattern exactly (see tailwords_test.go), and leaves
// text with the Kelvin sign or the long s, which (?i) folds to ASCII
// letters, to the pattern.

// Word lists of the tail patterns, each the one home of its words: the
// patterns are built from them.
var (
	agentWords   = []string{"by", "from", "of", "blamed on", "attributed to", "claimed by"}
	patientWords = []string{"against", "on", "targeting", "targeted", "at", "with", "into", "upon", "toward", "towards",
		"killing", "killed", "kill", "wounding", "injuring", "abducting", "kidnapping", "arresting", "detaining"}
	nearWords = []string{"near", "outside", "around", "close to", "on the outskirts of", "outskirts of", "west of", "east of",
		"north of", "south of", "km from", "kilometres from", "kilometers from", "miles from"}
)

// tailRun is a run of bytes other than white space (\S+) in a text.
type tailRun struct{ start, end int }

// runBefore returns the run of s other than white space that ends at the
// white space before i, and false when only white space is before i.
func runBefore(s string, i int) (tailRun, bool) {
	for i > 0 && pattern.IsSpace(s[i-1]) {
		i--
	}
	if i == 0 {
		return tailRun{}, false
	}
	j := i
	for j > 0 && !pattern.IsSpace(s[j-1]) {
		j--
	}
	return tailRun{j, i}, true
}

// lastRun returns the last run of s other than white space, and false
// unless s ends in white space after one, as every pattern read this way
// does.
func lastRun(s string) (tailRun, bool) {
	if s == "" || !pattern.IsSpace(s[len(s)-1]) {
		return tailRun{}, false
	}
	return runBefore(s, len(s))
}

// phraseEndsAt reports whether one of phrases, ASCII words parted by
// single spaces, ends at e in s and begins at a word boundary, as
// `\b(?:phrases)` matched ending at e.
func phraseEndsAt(s string, e int, phrases []string) bool {
	if e == 0 {
		return false
	}
	// Most words end in a byte none of the phrases ends in.
	last := text.LowerASCIIByte(s[e-1])
	for _, p := range phrases {
		if b := e - len(p); p[len(p)-1] == last && b >= 0 && pattern.HasPrefixFold(s[b:e], p) && (b == 0 || !pattern.IsWordByte(s[b-1])) {
			return true
		}
	}
	return false
}

// runIs reports whether run r of s is word w, case folded.
func runIs(s string, r tailRun, w string) bool {
	return r.end-r.start == len(w) && pattern.HasPrefixFold(s[r.start:r.end], w)
}

// phraseThen reports whether s ends with one of phrases, then "the" or
// not where the is set, then any one word or none where anyWord is set,
// each followed by white space: `\b(?:phrases)\s+(?:the\s+)?(?:\S+\s+)?$`
// with both.
func phraseThen(s string, phrases []string, the, anyWord bool) bool {
	r0, ok := lastRun(s)
	if !ok {
		return false
	}
	if phraseEndsAt(s, r0.end, phrases) {
		return true
	}
	if !anyWord && !(the && runIs(s, r0, "the")) {
		return false
	}
	r1, ok := runBefore(s, r0.start)
	if !ok {
		return false
	}
	if phraseEndsAt(s, r1.end, phrases) {
		return true
	}
	if !the || !anyWord || !runIs(s, r1, "the") {
		return false
	}
	r2, ok := runBefore(s, r1.start)
	return ok && phraseEndsAt(s, r2.end, phrases)
}

// agentBefore is agentBeforeRE.MatchString(s).
func agentBefore(s string) bool {
	if pattern.FoldsToASCII(s) {
		return agentBeforeRE.MatchString(s)
	}
	return phraseThen(s, agentWords, true, false)
}

// between is betweenRE.MatchString(s).
func between(s string) bool {
	if !betweenRE.HoldsNeedle(s) {
		return false // most texts: "between" is rare
	}
	if pattern.FoldsToASCII(s) {
		return betweenRE.MatchString(s)
	}
	return phraseThen(s, betweenWords, true, false)
}

var betweenWords = []string{"between"}

// patientBefore is patientBeforeRE.MatchString(s): one of patientWords,
// then any one word or none.
func patientBefore(s string) bool {
	if pattern.FoldsToASCII(s) {
		return patientBeforeRE.MatchString(s)
	}
	return phraseThen(s, patientWords, false, true)
}

// near is nearRE.MatchString(s): one of nearWords, then "the" or not,
// then any one word or none.
func near(s string) bool {
	if pattern.FoldsToASCII(s) {
		return nearRE.MatchString(s)
	}
	return phraseThen(s, nearWords, true, true)
}

// selfRefVerbs are selfRefRE's verbs.
var selfRefVerbs = byFirstByte(lexicon.Words(lexicon.SpeechVerbs))

// selfRef is selfRefRE.MatchString(s): a verb of speech, then up to
// three words, "that" or not, and a pronoun that refers back to the
// speaker ("said they had taken"). It looks for the verbs at the word
// starts of s, where the engine ran the whole pattern at each byte.
func selfRef(s string) bool {
	if pattern.FoldsToASCII(s) {
		return selfRefRE.MatchString(s)
	}
	for p := 0; p < len(s); p++ {
		if p > 0 && pattern.IsWordByte(s[p-1]) {
			continue // \b: every verb begins with a letter
		}
		for _, v := range selfRefVerbs[s[p]] {
			if pattern.HasPrefixFold(s[p:], v) && refersBack(s, p+len(v)) {
				return true
			}
		}
	}
	return false
}

// refersBack reports whether s after a verb of speech ending at q goes on
// as selfRefRE's does: white space, up to three words each followed by
// white space, "that" or not, and a pronoun.
func refersBack(s string, q int) bool {
	t := pattern.SkipSpace(s, q)
	if t == q {
		return false
	}
	for k := 0; ; k++ {
		if pronounAt(s, t) {
			return true
		}
		if pattern.HasPrefixFold(s[t:], "that") {
			if u := pattern.SkipSpace(s, t+4); u > t+4 && pronounAt(s, u) {
				return true
			}
		}
		if k == 3 {
			return false
		}
		e := t
		for e < len(s) && !pattern.IsSpace(s[e]) {
			e++
		}
		u := pattern.SkipSpace(s, e)
		if e == t || u == e {
			return false
		}
		t = u
	}
}

// pronounAt reports whether a pronoun of selfRefRE begins at t in s and
// ends a word; "its fighters" and "its forces" begin with "its".
func pronounAt(s string, t int) bool {
	for _, w := range [...]string{"they", "it", "its", "their"} {
		if pattern.HasPrefixFold(s[t:], w) && pattern.WordEndsAt(s, t+len(w)) {
			return true
		}
	}
	return false
}
