package extract

import (
	"strings"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/text"
	"github.com/sitrep/sitrep/internal/timex"
)

// warWords name a whole war rather than one of its events.
var warWords = lexicon.Alternation(lexicon.WarWords)

// backgroundWords are the words without one of which no pattern of
// background matches: the last word of each of warWords, and the
// "hundreds" or "tens" of a cumulative toll. Most sentences have none,
// and are done with by their words rather than four patterns.
var backgroundWords = func() *text.Keys {
	keys := []string{"hundreds", "tens"}
	for _, w := range lexicon.Words(lexicon.WarWords) {
		keys = append(keys, text.Fold(w[strings.LastIndexByte(w, ' ')+1:]))
	}
	return text.NewKeys(keys...)
}()

// The patterns of a war's cumulative toll, which articles repeat as
// background: "more than 300,000 people have been killed since the
// conflict began in 2011", "a war that has killed hundreds of thousands",
// "have died in the Syrian conflict". ACLED codes events with a day and a
// place; such a sentence reports none, and its counts are no event's
// toll. They are three patterns rather than one of three alternatives,
// which the engine would try all at each word a war word or a cue begins:
// apart, each is tried at its own words.
var (
	// warTollRE: the war (which has lasted five years) has killed.
	warTollRE = pattern.MustCompile(`(?i)\b` + warWords + `\b\S*(?:\s+\S+){0,10}?\s+` + hasKilled)
	// hasKilledRE ends every match of warTollRE: most sentences that
	// name a war lack it, and are spared the engine's walk of ten words
	// after each war word.
	hasKilledRE = pattern.MustCompile(`(?i)\b` + hasKilled)
	// diedInWarRE: have been killed in the war.
	diedInWarRE = pattern.MustCompile(`(?i)\b(?:have|has)\s+(?:been\s+killed|died)\s+(?:\S+\s+){0,4}?in\s+(?:the\s+|its\s+|\w+'?s\s+)?(?:[\w-]+\s+){0,2}?` + warWords + `\b(?:[^-]|$)`)
	// thousandsDiedRE: hundreds of thousands have been killed.
	thousandsDiedRE = pattern.MustCompile(`(?i)\b(?:hundreds|tens)\s+of\s+thousands\s+(?:of\s+\w+\s+)?(?:have|had)\s+(?:been\s+killed|died)\b`)
)

// hasKilled is the end of warTollRE: "has killed", "have so far claimed".
const hasKilled = `(?:has|have)\s+(?:since\s+|so\s+far\s+|already\s+|now\s+)?(?:killed|claimed|left)\b`

// warToll reports whether sent, lowered as lower, tells a war's
// cumulative toll.
func warToll(sent, lower string) bool {
	may := func(re *pattern.Regexp) bool { return re.PossibleLower(lower) }
	return may(hasKilledRE) && hasKilledRE.MatchString(sent) && warTollRE.MatchString(sent) ||
		may(diedInWarRE) && diedInWarRE.MatchString(sent) ||
		may(thousandsDiedRE) && thousandsDiedRE.MatchString(sent)
}

// sinceWarRE finds "since the conflict began" and "since the start of
// the war", which make a toll in the same sentence cumulative; without a
// toll they compare an event with the war ("the heaviest attack since the
// war began"), and the event stays.
var sinceWarRE = pattern.MustCompile(`(?i)` +
	// since the conflict began / erupted / broke out
	`\bsince\s+(?:the|its|an?|\w+'?s|\w+’s)\s+(?:[\w-]+\s+){0,3}?` + warWords + `\s+(?:\S+\s+){0,6}?(?:began|erupted|started|broke\s+out)\b` +
	// since the start of the war
	`|\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+|its\s+|\w+'?s\s+)?(?:[\w-]+\s+){0,2}?` + warWords + `\b`)

// warBeganRE finds a war's beginning told as history: "the conflict
// began when forces loyal to the president cracked down on protests",
// "Syria's war, which began in 2011 with protests". After "since" it
// only dates a comparison (sinceWarRE).
var warBeganRE = pattern.MustCompile(`(?i)\b(?:the|its|\w+'?s)\s+(?:[\w-]+\s+){0,2}?` + warBeganTail)

// warBeganTail ends warBeganRE: the war's name and its beginning.
var warBeganTail = warWords + `,?\s+(?:which\s+|that\s+)?(?:began|erupted|started|broke\s+out)\b`

// warBeganTailRE finds warBeganTail after a word boundary, which every
// match of warBeganRE holds: a search for it is tried at war words only,
// where warBeganRE is tried at every word that ends in "s".
var warBeganTailRE = pattern.MustCompile(`(?i)\b` + warBeganTail)

// wholeWarRE finds a sentence that spans the whole war: "Damascus has
// been rocked by occasional bomb blasts throughout the Syrian conflict",
// "over the course of the war". What it tells is a pattern, not an event.
var wholeWarRE = pattern.MustCompile(`(?i)\b(?:throughout|over\s+the\s+course\s+of|during\s+the\s+course\s+of)\s+(?:the|its|an?|\w+'?s|\w+’s)\s+(?:[\w'’-]+\s+){0,3}?` + warWords + `\b`)

// sinceBeforeRE ends with "since" and the words up to a war's name.
var sinceBeforeRE = pattern.MustCompile(`(?i)\bsince\s*$`)

// tollRE finds the words of a toll.
var tollRE = pattern.MustCompile(`(?i)\b(?:killed|died|dead|deaths?|lives|displaced|death toll)\b`)

// background reports whether sentence s tells a war's cumulative toll or
// how it began. A sentence that also gives a day ("on Tuesday") is
// news: "the deadliest day since the war began".
func (a *analysis) background(s event.Span) bool {
	if !a.words.AnyIn(s.Start, s.End, backgroundWords) {
		return false
	}
	// The day first: a loop over the sentence's times spares the
	// patterns.
	for _, e := range a.times {
		if e.Start < s.Start || e.End > s.End {
			continue
		}
		if r := e.Resolve(a.pub, timex.Range{}); !r.IsZero() && r.Days() <= 2 {
			return false
		}
	}
	return backgroundSentence(a.text[s.Start:s.End])
}

// backgroundSentence reports whether sent matches one of background's
// patterns. It lowers sent once and searches it for each pattern's
// needles (pattern.Regexp.PossibleLower) before it tries the pattern:
// on a sentence the patterns try every word, and "since", "began" or
// "throughout" are rarely there.
func backgroundSentence(sent string) bool {
	lower := text.LowerASCII(sent)
	may := func(re *pattern.Regexp) bool { return re.PossibleLower(lower) }
	return warToll(sent, lower) ||
		may(sinceWarRE) && sinceWarRE.MatchString(sent) && may(tollRE) && tollRE.MatchString(sent) ||
		may(warBeganRE) && warBegan(sent) ||
		may(wholeWarRE) && wholeWarRE.MatchString(sent)
}

// warBegan reports whether sent tells how a war began, not after "since".
func warBegan(sent string) bool {
	if !warBeganTailRE.MatchString(sent) {
		return false
	}
	// Past its tail the pattern is tried on few sentences: by the engine
	// alone, whose tables for the faster ways would not pay for
	// themselves.
	for _, loc := range warBeganRE.Regexp.FindAllStringIndex(sent, -1) {
		if !sinceBeforeRE.MatchString(sent[:loc[0]]) {
			return true
		}
	}
	return false
}

// captionRE opens a photo's caption, which scrapes leave among the
// paragraphs: "In this photo taken on June 8 ...", "File photo shows ...".
var captionRE = pattern.MustCompile(`(?i)^[\s"'(]*(?:in\s+this\s+(?:photo|image|picture|handout|file)|(?:a\s+)?file\s+(?:photo|picture|image)|this\s+(?:photo|image|picture)\s+(?:taken|released|provided|shows)|(?:a\s+)?(?:photo|picture|image)\s+(?:taken|released|provided)\b|photo:)`)

// caption reports whether sentence s is a photo's caption, the date line
// that may open it aside.
func (a *analysis) caption(s event.Span) bool {
	start := s.Start
	if d := a.doc.Dateline; d != nil && d.Start >= s.Start && d.End < s.End {
		start = d.End
	}
	if captionRE.MatchString(a.text[start:min(s.End, start+60)]) {
		return true
	}
	// "Related News Iraqs vote violations | The global ... | ...": a
	// list of links a one-line scrape kept.
	// Most sentences hold no "|": counting the byte, which the library
	// does many at a time, spares the search for " | " in them.
	sent := a.text[s.Start:s.End]
	return strings.Count(sent, "|") >= 2 && strings.Count(sent, " | ") >= 2
}
