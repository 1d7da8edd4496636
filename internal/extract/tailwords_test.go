package extract

import (
	"testing"
)

// tailCases are texts for the tail readers: hand-made edge cases and
// windows of the development articles, most of them given a space to end
// in, as the words before an actor have.
func tailCases(t *testing.T, size int, extra ...string) []string {
	cases := corpusWindows(t, size, 5, append([]string{
		"", " ", "by ", "by", " by ", "xby ", "x-by ", "(by ", "9by ", "_by ", "éby ", "BY THE ", "by the the ",
		"by\u00a0the ", "by \u212a ", "\u017fince by ", "blamed on ", "blamed  on ", "blamed\ton ", "was blamed on the ",
		"attributed to the ", "claimed by Al ", "out of ", "of the ", "a b c d e f ", "between ", "Between the ",
		"in between the army and ", "attacks on ", "on a ", "on an army ", "on two army ", "attacks against the ",
		"killing a ", "killed by ", "into the ", "upon ", "towards ", "toward the ", "detaining x ", "kill\n",
		"near ", "near the ", "near the town ", "near the town of ", "on the outskirts of ", "outskirts of the ",
		"close to the x ", "close  to ", "km from ", "12 km from the ", "kilometres from x ", "miles from  the  y ",
		"according to ", "according to a b c d ", "according to a b c d e ", "told a b ", "through the ", "citing ",
		"held by ", "held by the ", "held by Al Qaeda affiliate ", "held by a b c d ", "controlled by the a-b c’d ",
		"run by x,y ", "dominated by the Islamic State ", "held  by\tthe ", "heldby ", "withheld by ", "held by the the ",
		"held by ’x ", "held by x’ ", "held by \xe2\x80 ", "held by \xe2 ", "held by é ",
	}, extra...))
	for i, c := range cases {
		if i%3 != 0 {
			cases[i] = c + " "
		}
	}
	return cases
}

func TestTailReaders(t *testing.T) {
	cases := tailCases(t, 40)
	sameAsPatterns(t, cases, tailReaders...)
}

// tailReaders read the words before an actor back from its start.
var tailReaders = []standIn{
	{"agentBefore", agentBefore, agentBeforeRE},
	{"between", between, betweenRE},
	{"patientBefore", patientBefore, patientBeforeRE},
	{"near", near, nearRE},
}

func FuzzTailReaders(f *testing.F) {
	for _, s := range []string{"held by the a b ", "blamed on the ", "12 km from the town ", "according to a b c d "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkStandIns(t, s, tailReaders...)
	})
}

func TestSelfRef(t *testing.T) {
	cases := corpusWindows(t, 60, 7, []string{
		"", "said they", "said it", "said its fighters", "said that they", "said  that\tthey", "said a b c they",
		"said a b c d they", "said a b c that they", "said that a b c they", "saidthey", "said they'd", "said itx",
		"said it_", "xsaid they", "_said it", "ésaid it", "SAID THAT IT", "Claims their", "said\u00a0they", "said \u212at",
		"\u017faid it", "said that", "said", "said ", "told reporters it", "reported on Monday that its forces",
		"said\xff it", "said \xff it", "said it,", "said (they",
	})
	sameOnAll(t, "selfRef", cases, selfRef, selfRefRE.Regexp.MatchString, func(b bool) bool { return b })
}

func FuzzSelfRef(f *testing.F) {
	fuzzSame(f, "selfRef", selfRef, selfRefRE.Regexp.MatchString, "said that they", "told reporters it", "said a b c d they")
}

func TestPassiveVictim(t *testing.T) {
	cases := corpusWindows(t, 40, 3, []string{
		"", ",", " were killed", ", were killed", ",were killed", "  was shot", " had been  badly hurt", " has been x y killed",
		" Were Killed", "\twas\nkilled", " were killedx", " wer killed", " x were killed", ",, were killed", " \u212a",
	})
	sameOnAll(t, "passiveVictim", cases, passiveVictim, passiveVictimRE.Regexp.MatchString, func(b bool) bool { return b })
}
