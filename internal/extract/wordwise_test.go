package extract

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
)

// habitualAfterOracle is the pattern habitualAfter stands for.
var habitualAfterOracle = regexp.MustCompile(`(?i)^\S*\s+(?:\S+\s+){0,14}?` + habitualPhrases + `\b`)

func TestHabitualAfter(t *testing.T) {
	cases := corpusWindows(t, 120, 37, []string{
		"", " ", "repeatedly", " repeatedly", "attacked repeatedly", "attacked  \t repeatedly since 2019",
		"the town, which has been attacked many times", "x in 2019", "x in 20190",
		"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen repeatedly",
		"one two three four five six seven eight nine ten eleven twelve thirteen fourteen repeatedly",
		"x \xffrepeatedly", "x \u00a0repeatedly", "x Repeatedly,", "x repeatedlyx", "x   ",
	})
	sameOnAll(t, "habitualAfter", cases, habitualAfter, habitualAfterOracle.MatchString, func(b bool) bool { return b })
}

// corpusWindows returns cases and, after them, windows of size bytes of
// the development articles, step bytes apart.
func corpusWindows(t *testing.T, size, step int, cases []string) []string {
	t.Helper()
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		for i := 0; i+size <= len(text); i += step {
			cases = append(cases, text[i:i+size])
		}
	}
	return cases
}

// sameOnAll holds got to want on every case, and fails when fewer than
// ten cases are hits, where the test would prove little.
func sameOnAll[T any](t *testing.T, name string, cases []string, got, want func(string) T, hit func(T) bool) {
	t.Helper()
	hits := 0
	for _, s := range cases {
		g, w := got(s), want(s)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s(%q) = %v, want %v", name, s, g, w)
		}
		if hit(w) {
			hits++
		}
	}
	if hits < 10 {
		t.Errorf("%s: only %d of %d texts are hits: the test proves little", name, hits, len(cases))
	}
}

// standIn is a reader written by hand and the pattern it stands in for,
// which it must agree with on every text.
type standIn struct {
	name string
	got  func(string) bool
	re   *pattern.Regexp
}

// sameAsPatterns holds each reader to its pattern on cases.
func sameAsPatterns(t *testing.T, cases []string, readers ...standIn) {
	t.Helper()
	for _, r := range readers {
		sameOnAll(t, r.name, cases, r.got, r.re.Regexp.MatchString, func(b bool) bool { return b })
	}
}

// checkStandIns holds each reader to its pattern on s, for fuzz targets.
func checkStandIns(t *testing.T, s string, readers ...standIn) {
	t.Helper()
	for _, r := range readers {
		if got, want := r.got(s), r.re.Regexp.MatchString(s); got != want {
			t.Errorf("%s(%q) = %v, want %v", r.name, s, got, want)
		}
	}
}

// fuzzSame holds got to want on every text the fuzzer makes from seeds.
func fuzzSame[T any](f *testing.F, name string, got, want func(string) T, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if g, w := got(s), want(s); !reflect.DeepEqual(g, w) {
			t.Errorf("%s(%q) = %v, want %v", name, s, g, w)
		}
	})
}

// withStarts gives a scan of a sentence's word starts the starts of the
// text it is asked about, as assignClaims does.
func withStarts[T any](scan func(string, []int32) T) func(string) T {
	return func(s string) T { return scan(s, wordStarts(nil, s)) }
}

// findAll is re's FindAllStringSubmatchIndex(s, -1), run by the engine
// alone.
func findAll(re *pattern.Regexp) func(string) [][]int {
	return func(s string) [][]int { return re.Regexp.FindAllStringSubmatchIndex(s, -1) }
}

func FuzzHabitualAfter(f *testing.F) {
	fuzzSame(f, "habitualAfter", habitualAfter, habitualAfterOracle.MatchString,
		"attacked repeatedly since 2019", "x in 2019", " since early March")
}

// kindAfterOracle is the pattern kindAfter stands for.
var kindAfterOracle = regexp.MustCompile(`(?i)^\s*((?:[\w’'-]+\s+){0,8}?)` + kindPhrase)

func TestKindAfter(t *testing.T) {
	cases := corpusWindows(t, 100, 13, []string{
		"", " ", " were killed", "soldiers were killed", " soldiers and police officers were killed in",
		"one two three four five six seven eight killed", "one two three four five six seven eight nine killed",
		" of them dead", " people’s homes destroyed and 3 dead", " soldiers, police killed", " x-y_z's killed",
		" \xffkilled", " killedx", " Killed", "  taken  hostage", " were\tkilled", "\u00a0killed",
	})
	sameOnAll(t, "kindAfter", cases, kindAfter, kindAfterOracle.FindStringSubmatchIndex, func(loc []int) bool { return loc != nil })
}

func FuzzKindAfter(f *testing.F) {
	fuzzSame(f, "kindAfter", kindAfter, kindAfterOracle.FindStringSubmatchIndex,
		" soldiers and police officers were killed", " of them dead")
}

func TestLocative(t *testing.T) {
	cases := corpusWindows(t, 45, 7, []string{
		"", " ", "in ", "in", " in ", "xin ", "x-in ", "(in ", "9in ", "IN THE ", "in the the ", "clashes in the restive northern ",
		"on the outskirts of ", "in the town of ", "town of ", "in parts of the ", "in part of ", "fighting in  the\tcentral\n",
		"in northern southern eastern ", "in the capital ", "near the border ", "in the north-eastern ", "in the north eastern ",
		"into Kelvin \u212a ", "acro\u017fs the ", "in \u00e9 ", "in\u00a0the ", "éin ", "in the province ", "in the province of  ",
		"of outskirts of ", "at the outskirts  of the ", "from the city of the ", "between ",
		"in the rebel-held ", "in rebel-held ", "in the government-controlled northern ", "in besieged ", "in -held ", "in the held ",
	})
	sameOnAll(t, "locative", cases, locative, locativeRE.Regexp.MatchString, func(b bool) bool { return b })
}

func FuzzLocative(f *testing.F) {
	fuzzSame(f, "locative", locative, locativeRE.Regexp.MatchString, "clashes in the restive northern ", "on the outskirts of ")
}

func TestSingleVictims(t *testing.T) {
	cases := corpusWindows(t, 150, 41, []string{
		"", "a man was killed", "A Man Was Shot Dead.", "an officer was killed", "one police officer had been killed by",
		"a young man was killed and a boy was shot and killed", "a man man was killed", "a b c d man was killed",
		"a b c d e man was killed", "xa man was killed", "_a man was killed", "a  \tman\nwas  killed", "a man was  shot  dead",
		"a man wasx killed", "a man was killedx", "a policeman has been stabbed to death", "a sub-district farmer was beaten to death",
		"a man's son was killed", "a m\u00e9n was killed", "a \u212aman was killed", "one stu\u017fent was killed", "a-man was killed",
		"an an man was killed", "a a a a man was killed", "one teenager had been killed by police",
	})
	sameOnAll(t, "singleVictims", cases, withStarts(singleVictims), findAll(singleVictimRE), func(locs [][]int) bool { return len(locs) > 0 })
}

func FuzzSingleVictims(f *testing.F) {
	fuzzSame(f, "singleVictims", withStarts(singleVictims), findAll(singleVictimRE),
		"a young man was killed and a boy was shot and killed", "one police officer had been killed by")
}

func TestSourceAfter(t *testing.T) {
	cases := corpusWindows(t, 80, 3, []string{
		"", " said", "said", "saidx", " said_", "’s spokesman said", "'S officials told", " sources said", " source says",
		" officials, speaking on condition of anonymity, said", " ,x,said", ", a, said", " and its allies said", " and  a b c said",
		" and a b c d said", " and\tsaid", "andsaid", " sources  ,\u00e9\u00e9, told", " spokesperson", " spokesmanx", " ’s x said",
		"\u212a said", " \u017fources said", ",\xff\xff, said", " official stated that", "’s\tsources\t,\t,\tand\tx\tnoted",
		" , " + strings.Repeat("x", 60) + ", said", " , " + strings.Repeat("x", 61) + ", said",
		" , " + strings.Repeat("\u00e9", 60) + ", said", strings.Repeat(" ", 130) + "said",
	})
	sameOnAll(t, "sourceAfter", cases, sourceAfter, sourceAfterRE.Regexp.MatchString, func(b bool) bool { return b })
}

func FuzzSourceAfter(f *testing.F) {
	fuzzSame(f, "sourceAfter", sourceAfter, sourceAfterRE.Regexp.MatchString,
		"’s spokesman said", " officials, speaking on condition of anonymity, said", " and its allies said")
}

func TestSpeakers(t *testing.T) {
	cases := corpusWindows(t, 160, 23, []string{
		"", "Officials said", "and officials said", ", local volunteers said.", "x; a b c d e f g said", "x; a b c d e f g h said",
		"Rwanda said", "x and  police and army said", "but he said", "while\tit said", "butter said", "x,said", "“Police said",
		"\"Police said", "a medical source put the death toll at 5", "they put the number of dead at", "they put the number at",
		"they put the toll", "they put the death tolls", "12 soldiers said", "Ali’s aide said", "x-y_z said", "said said",
		"x, Officials saidx", "\u00e9and they said", "x:\u00a0they said", "x,\xff said", "O'Neil-Smith told",
	})
	sameOnAll(t, "speakers", cases, speakers, findAll(saidByRE), func(locs [][]int) bool { return len(locs) > 0 })
}

func FuzzSpeakers(f *testing.F) {
	fuzzSame(f, "speakers", speakers, findAll(saidByRE),
		"x, local volunteers said, and the army put the death toll at 5", "while they said")
}

func TestHabitual(t *testing.T) {
	cases := corpusWindows(t, 90, 11, []string{
		"", "repeatedly", "Repeatedly attacked", "xrepeatedly", "repeatedlyx", "has  long", "has long", "HAS LONG been",
		"a two-month siege", "a 3-year war", "a month-long", "_-month", "x-months", "near-daily", "near daily", "months-long",
		"has also carried out", "which is", "year of", "years", "stillness", "still,", "the \u212a-month", "acro\u017fs the years ago",
		"\u00e9still", "still\u00e9", "x_still", "9-year-old", "commonly", "common_", "through-",
	})
	sameOnAll(t, "habitual", cases, habitual, habitualRE.Regexp.MatchString, func(b bool) bool { return b })
}

func FuzzHabitual(f *testing.F) {
	fuzzSame(f, "habitual", habitual, habitualRE.Regexp.MatchString, "a two-month siege, which has long been", "near-daily strikes")
}

// modalOracle is modalRE on the standard library's engine, built from the
// same list: modal, which searches word by word, must agree with it, and
// a phrase added to the list is a case of both.
var modalOracle = regexp.MustCompile(`(?i)\b` + lexicon.Alternation(lexicon.ModalPhrases) + `\s+(?:\S+\s+){0,3}$`)

func TestModal(t *testing.T) {
	cases := []string{"", " ", "will ", "Will\t", "(will) strike ", "won't ", "wills ", "x_will ", "éwill ",
		"they threatened \n to  strike the  town ", "plans to a b c d ", "plans to a b c ", "who had been\tholding ",
		"the city, which had ", "it broke off talks with ", "no", "not\v", "\vnot ", "NO ONE ", "broKE  off ",
		"calls for ", "a-no ", "CANCELED ", "cancelled x y z ", "any\u00a0 "}
	for _, size := range []int{24, 61} {
		cases = corpusWindows(t, size, 5, cases)
	}
	for i, c := range cases {
		cases[i] = c + " " // most windows end mid-word: a space gives matches a place to end
	}
	sameOnAll(t, "modal", cases, modal, modalOracle.MatchString, func(b bool) bool { return b })
	sameOnAll(t, "modalRE", cases, modalRE.MatchString, modalOracle.MatchString, func(b bool) bool { return b })
}

func FuzzModal(f *testing.F) {
	fuzzSame(f, "modal", modal, modalOracle.MatchString,
		"The army said it would soon ", "threatened\tto\nretaliate if x ", "\u212aeep ", "x\vwould a b c ")
}

// kindBeforeOracle is kindBeforeRE on the standard library's engine,
// built from the same list as kindBefore, which reads it backwards.
var kindBeforeOracle = regexp.MustCompile(`(?i)\b(` + lexicon.Alternation(lexicon.TollBeforeCount) + `)["”’]?\s+(?:(?:` + strings.Join(kindQualifiers, "|") + `)\s+)?$`)

func TestKindBefore(t *testing.T) {
	cases := []string{"", " ", "killed ", "Killed\t", "(killed) ", "unkilled ", "x_killed ", "ékilled ",
		"the death toll rose to ", "The Death Toll Was At Least ", "toll was at least  ", "death toll has risen to\n",
		"toll has risen to ", "the killing of ", "attacks killed ” more than ", "they suffered’ some ", "killed  at least ",
		"killed at  least ", "killed all ", "killed overall ", "killing about\f", "lost up to ", "lost up  to ",
		"death toll stood at ", "death toll stood at about ", "wounded\v", "neutralized nearly ", "captured over over "}
	cases = corpusWindows(t, 60, 3, cases)
	for i, c := range cases {
		cases[i] = c + " "
	}
	sameOnAll(t, "kindBefore", cases, kindBefore, kindBeforeOracle.FindStringSubmatch, func(m []string) bool { return m != nil })
	sameOnAll(t, "kindBeforeRE", cases, kindBeforeRE.FindStringSubmatch, kindBeforeOracle.FindStringSubmatch, func(m []string) bool { return m != nil })
}

func FuzzKindBefore(f *testing.F) {
	fuzzSame(f, "kindBefore", kindBefore, kindBeforeOracle.FindStringSubmatch,
		"the death toll rose to ", "killed at least ", "suffered” about\t", "\u212ailled ")
}

func TestInfinitive(t *testing.T) {
	cases := corpusWindows(t, 30, 7, []string{
		"", " ", "to", "to ", "To\t", "TO \n ", "into ", "x-to ", "_to ", "9to ", "éto ", "(to ", "to x ", "tox ",
		"going to\v", "going to\v ", "t o ", "o ", " to ",
	})
	for i, c := range cases {
		if i%2 == 0 {
			cases[i] = c + " " // most windows end mid-word
		}
	}
	sameOnAll(t, "infinitive", cases, infinitive, infinitiveRE.Regexp.MatchString, func(b bool) bool { return b })
}

func FuzzInfinitive(f *testing.F) {
	fuzzSame(f, "infinitive", infinitive, infinitiveRE.Regexp.MatchString, "plans to ", "into\t", "éto ")
}

func TestMayBeRelative(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"", false},
		{" ", false},
		{"which is ", true},
		{" Who are\t", true},
		{"that has been a b ", true},
		{"whose troops had also fought ", true},
		{"which is a b c d ", false},  // six words
		{"which is", false},           // no white space after
		{"the army, which is ", true}, // four words, opening on "t"
		{"an army, which is ", false},
		{"ſome ", false},
	} {
		if got := mayBeRelative(c.in); got != c.want {
			t.Errorf("mayBeRelative(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	// Every match of either pattern passes.
	cases := corpusWindows(t, 40, 3, []string{"which is ", "who have been fighting ", "whose  men had also ", "That are x y ",
		"which has been ", "who are a ", "that have been x y ", "\twhose x had ", "who had also ", "which x ", "WHO HAS "})
	hits := 0
	for _, s := range cases {
		for _, s := range []string{s, s + " "} {
			if relativeRE.Regexp.MatchString(s) || pastRelativeRE.Regexp.MatchString(s) {
				hits++
				if !mayBeRelative(s) {
					t.Errorf("mayBeRelative(%q) = false, but a pattern matches", s)
				}
			}
		}
	}
	if hits < 10 {
		t.Errorf("only %d hits: the test proves little", hits)
	}
}

func FuzzMayBeRelative(f *testing.F) {
	for _, s := range []string{"which is ", "whose troops had also fought ", " who are a b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if (relativeRE.Regexp.MatchString(s) || pastRelativeRE.Regexp.MatchString(s)) && !mayBeRelative(s) {
			t.Errorf("mayBeRelative(%q) = false, but a pattern matches", s)
		}
	})
}

// yearBeforeOracle is yearBefore as pastYear read it, by the pattern.
func yearBeforeOracle(pub string) func(string) bool {
	return func(s string) bool {
		for _, y := range pastYearRE.Regexp.FindAllString(s, -1) {
			if y < pub {
				return true
			}
		}
		return false
	}
}

func TestYearBefore(t *testing.T) {
	cases := corpusWindows(t, 60, 17, []string{
		"", "1950", "1949", "2049", "2050", "in 2024.", "in 2025", "(1999)", "x1999", "1999x", "1999_", "_1999",
		"19999", "é1999", "1999é", "2019-2020", "20190", "\xff2019\xff", "since 1960s", "2024 2026",
	})
	for _, pub := range []string{"2025", "2000", "1970"} {
		sameOnAll(t, "yearBefore "+pub, cases, func(s string) bool { return yearBefore(s, pub) }, yearBeforeOracle(pub), func(b bool) bool { return b })
	}
}

func FuzzYearBefore(f *testing.F) {
	fuzzSame(f, "yearBefore", func(s string) bool { return yearBefore(s, "2025") }, yearBeforeOracle("2025"),
		"in 2019 and 2030", "x1999 (2003)")
}

func TestIndexFold(t *testing.T) {
	oracle := func(s, sub string) int { return strings.Index(strings.ToLower(s), strings.ToLower(sub)) }
	subs := []string{"", "a", "Attack", "ATTACKED", "killed", "x-y", "é", "İstanbul", "\u212a"}
	cases := corpusWindows(t, 40, 97, []string{"", "attack", "An ATTACK on", "the Attacked", "x-Y", "éattack", "İstanbul attack", "\u212ailled", "kill"})
	hits := 0
	for _, s := range cases {
		for _, sub := range append(subs, s[len(s)/2:]) {
			got, want := indexFold(s, sub), oracle(s, sub)
			if got != want {
				t.Errorf("indexFold(%q, %q) = %d, want %d", s, sub, got, want)
			}
			if want > 0 {
				hits++
			}
		}
	}
	if hits < 10 {
		t.Errorf("only %d hits", hits)
	}
}

func TestReadClaimPrechecks(t *testing.T) {
	cases := corpusWindows(t, 40, 11, []string{
		"", " ", " of the dead", "of the dead", " of  them", " Of The Victims", " ofthe dead", " of", " of\tthose killed",
		"that ", "which\t", "that", "xthat ", "-that ", " THAT  ", "whichx ", "thatt ", " that which ", "\u212athat ",
		" people that killed", " men, which left", " that killed", " x y z which left", " w x y z that killed", " that  Killed",
		" thatkilled", " those that killed nobody", " \u017fome that killed", " of those killed", " of them, two", "\nof the wounded",
		" of the injured", " of whom", " of the killed", " of victims,", " of dead",
	})
	sameAsPatterns(t, cases, claimPrechecks...)
}

// claimPrechecks are readClaim's readers of the words after a count.
var claimPrechecks = []standIn{{"subsetOf", subsetOf, subsetRE}, {"relClause", relClause, relClauseRE}, {"relKill", relKill, relKillRE}}

func FuzzReadClaimPrechecks(f *testing.F) {
	for _, s := range []string{" of the dead", "that ", " people that killed"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkStandIns(t, s, claimPrechecks...)
	})
}

func TestSayersTests(t *testing.T) {
	cases := corpusWindows(t, 24, 5, []string{
		"", "he", "He", "SHE", "\u017fhe", "they", "It", "we", "I", "who", "Which", "that", "this", "thi\u017f", "thex", "é",
		"two children are", "they were", "it is", "has been", "to be", "maybe", "xare", "Was", "i\u017f", "the source iS",
		"monitor", "a monitor", "the Britain-based monitoring group", "An  UK-based war monitor", "the watchdog", "Watchdog",
		"a local group", "monitors", "the monitor group", "x-based monitor", "London-based Observatory", "a-based monitor",
		"the London-based monitor", "-based x", "UK-based  ", "according to officials, the", "According To the army in",
		"according to x", "accordingto", "x according to a b c d e f g.", "MONITOR", "the\tmonitoring  group", "an monitor",
	})
	sameAsPatterns(t, cases, sayersTests...)
	sameOnAll(t, "basedPrefix", cases, basedPrefix, basedPrefixRE.Regexp.FindStringIndex, func(loc []int) bool { return loc != nil })
	sameOnAll(t, "accordingTo", cases, accordingTo, findAll(accordingToRE), func(locs [][]int) bool { return len(locs) > 0 })
}

// sayersTests are sayers' readers of a speaker's subject.
var sayersTests = []standIn{{"isPronoun", isPronoun, pronounRE}, {"passiveEnd", passiveEnd, passiveEndRE}, {"genericMonitor", genericMonitor, genericMonitorRE}}

func FuzzSayersTests(f *testing.F) {
	for _, s := range []string{"she", "two children are", "the London-based monitor", "according to officials, the"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkStandIns(t, s, sayersTests...)
		if g, w := basedPrefix(s), basedPrefixRE.Regexp.FindStringIndex(s); !reflect.DeepEqual(g, w) {
			t.Errorf("basedPrefix(%q) = %v, want %v", s, g, w)
		}
		if g, w := accordingTo(s), accordingToRE.Regexp.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(g, w) {
			t.Errorf("accordingTo(%q) = %v, want %v", s, g, w)
		}
	})
}

func TestSubsetWords(t *testing.T) {
	cases := corpusWindows(t, 30, 7, []string{
		"", "including ", "civilians, including at least ", "Includes  some ", "among them ", "among whom about ", "of them ",
		"of whom\t", "among the dead ", "among the victims ", "dead included ", "victims  included some ", "killed included ",
		"includingx ", "xincluding ", "of them", "\u212aincluding ", "some \u017fome ", "of the ", "amongst them ",
		" were among those", " who was among the dead", "x; were among the dead", " is among the young victims",
		" are among the casualties.", " was  among\tthe killed", " were amongst the dead", " were among the wounded",
		"five children were among the dead", " Were Among Those", " is among the victims", "two are among the dead-",
		" of whom were among the killed", " women and children were among those killed",
	})
	sameOnAll(t, "subsetBefore", cases, subsetBefore, subsetBeforeRE.Regexp.MatchString, func(b bool) bool { return b })
	sameOnAll(t, "subsetAfter", cases, subsetAfter, subsetAfterRE.Regexp.MatchString, func(b bool) bool { return b })
}

func FuzzSubsetWords(f *testing.F) {
	for _, s := range []string{"civilians, including at least ", " were among those", "of whom\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if g, w := subsetBefore(s), subsetBeforeRE.Regexp.MatchString(s); g != w {
			t.Errorf("subsetBefore(%q) = %v, want %v", s, g, w)
		}
		if g, w := subsetAfter(s), subsetAfterRE.Regexp.MatchString(s); g != w {
			t.Errorf("subsetAfter(%q) = %v, want %v", s, g, w)
		}
	})
}
