package extract

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/event"
)

// TestRoleNouns: a role noun is a word or an abbreviation, and "woman"
// alone (only "spokeswoman") names no role.
func TestRoleNouns(t *testing.T) {
	word := regexp.MustCompile(`^[a-z]+\.?$`)
	for _, w := range roleNouns {
		if !word.MatchString(w) {
			t.Errorf("role noun %q is not a word", w)
		}
	}
	if _, _, ok := roleIn("a woman "); ok || roleRE.MatchString("a woman ") {
		t.Error(`"woman" reads as a role`)
	}
}

// roleSpec is roleRE with the words that (?i)[A-Z][a-z]+ covers spelled
// out beside it, as it was first written: the two must agree.
var roleSpec = regexp.MustCompile(`(?i)\b((?:(?:[A-Z][a-z]+|deputy|acting|former|senior|local|regional|provincial|district|military|army|police|rebel|militia|interior|foreign|defence|defense|information|health|security|government|group|political|prime|vice)\s+){0,3}(?:` + roleNounsRE + `))\s+$`)

// checkRole fails t where roleRE disagrees with roleSpec on s, or
// findPersons' shortcuts with roleRE: roleIn finds roleRE's group, and
// roleRE on the last roleWords words finds the role it finds on all of
// s. It reports whether roleRE matched.
func checkRole(t *testing.T, s string) bool {
	t.Helper()
	if got, want := roleRE.FindStringSubmatchIndex(s), roleSpec.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Errorf("roleRE on %q: %v, roleSpec: %v", s, got, want)
	}
	whole, cut := roleRE.FindStringSubmatch(s), roleRE.FindStringSubmatch(lastWords(s, roleWords))
	if (whole == nil) != (cut == nil) || whole != nil && whole[1] != cut[1] {
		t.Errorf("roleRE on %q: %q, on its last words %q: %q", s, whole, lastWords(s, roleWords), cut)
	}
	var want []int
	if loc := roleRE.FindStringSubmatchIndex(s); loc != nil {
		want = loc[2:4]
	}
	if start, end, ok := roleIn(s); !ok && want != nil || ok && !slices.Equal([]int{start, end}, want) {
		t.Errorf("roleIn(%q) = %d, %d, %v; roleRE's group: %v", s, start, end, ok, want)
	}
	return whole != nil
}

func TestRoleShortcuts(t *testing.T) {
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	cases := []string{"", " ", "the army spokesman ", "army spokesman", "Foreign Minister\t", "said Dr. ", "vice-president  ",
		"the \u212aing ", "SPOKESPERSON ", "a resident of the town ", "the army spo\u017fesman ",
		"(Deputy Minister ", "_ab minister ", "3ab Vice president ", "x minister\n", "Ab Cd Ef Gh chief ", "a minister ",
		"Ab  Cd\tEf  chief \t", "’s Foreign Minister ", "Minister", "vice-president Dr. ", "president resident "}
	for _, text := range texts {
		for i := 0; i+60 <= len(text); i += 11 {
			cases = append(cases, text[i:i+60])
		}
	}
	matched := 0
	for _, s := range cases {
		if checkRole(t, s) {
			matched++
		}
	}
	if matched < 10 {
		t.Errorf("roleRE matched only %d texts: the test proves little", matched)
	}
}

func FuzzRoleShortcuts(f *testing.F) {
	for _, s := range []string{
		"said the army spokesman ", "Pakistan's Foreign Minister ", "according to deputy provincial police chief ",
		"the vice-president ", "said Col. ", "a Local Government official  ", "Dr. ", "", "Ab 1b Cd chief ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkRole(t, s) })
}

// capitalisedOracle is the pattern capitalised stands for.
var capitalisedOracle = regexp.MustCompile(`\b[A-Z][\p{L}'’-]+\b`)

func TestCapitalised(t *testing.T) {
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, "", "A", "Ab", "Ali’s-", "Ali'-", "x Kürşat Ağrı", "ÉX", "O'Neil-Smith’s", "Q-", "Ab\xffCd", "AB_C", "Ab9", "aBc Bc", "Aé", "Aé b")
	for _, text := range texts {
		if got, want := capitalised(text), capitalisedOracle.FindAllStringIndex(text, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("capitalised(%.60q) = %v, want %v", text, got, want)
		}
	}
}

func FuzzCapitalised(f *testing.F) {
	fuzzSame(f, "capitalised", capitalised, func(s string) [][]int { return capitalisedOracle.FindAllStringIndex(s, -1) },
		"Ali’s- Kürşat Ağrı O'Neil")
}

// namesOracle is the pattern names stands for.
var namesOracle = regexp.MustCompile(`\b[A-Z][\p{L}'’-]+(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|du)[- ])?[A-Z][\p{L}'’-]+){1,3}\b`)

func TestNames(t *testing.T) {
	cases := corpusWindows(t, 200, 97, []string{
		"", "A B", "Ab Cd", "Abu Bakr al-Baghdadi said", "Abu Bakr al Baghdadi", "Ab al-cd", "Ab Cd Ef Gh Ij Kl",
		"Ab Cd-", "Ab Cdé", "Ab Cdé x", "Ab Cé Dé", "Aé Bé", "Ali’s Ministry", "Ab\u00a0Cd", "Ab\tCd\nEf",
		"Ab  de-Cd", "Ab de Cd", "Ab du-", "Ab Cd\xff", "O'Neil-Smith’s Aide", "Ab Cd_e", "Ab Cd9", "x Ab Cd", "xAb Cd",
	})
	sameOnAll(t, "names", cases, names, func(s string) [][]int { return namesOracle.FindAllStringIndex(s, -1) },
		func(locs [][]int) bool { return len(locs) > 0 })
}

func FuzzNames(f *testing.F) {
	fuzzSame(f, "names", names, func(s string) [][]int { return namesOracle.FindAllStringIndex(s, -1) },
		"Abu Bakr al-Baghdadi said", "Ab Cé Dé Ali’s- Ef")
}

func TestFirstField(t *testing.T) {
	for _, s := range []string{"Abu Bakr al-Baghdadi", "Salam", "Hamza\tAzhar", "Ali\u00a0Khan Jr", "Zabiullah\nMujahid"} {
		if got, want := firstField(s), strings.Fields(s)[0]; got != want {
			t.Errorf("firstField(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNameRune holds nameRune to the class [\p{L}'’-] it reads.
func TestNameRune(t *testing.T) {
	class := regexp.MustCompile(`^[\p{L}'’-]`)
	for _, s := range []string{"a", "Z", "'", "-", "’", "é", "\u212a", " ", "1", "_", ".", "\xff", "\u2019", "‘", "\u00a0", "ß"} {
		r, n := nameRune(s, 0)
		want := class.FindStringIndex(s)
		if n > 0 && (want == nil || want[1] != n || string(r) != s[:n]) || n == 0 && want != nil {
			t.Errorf("nameRune(%q) = %q, %d; the class matches %v", s, r, n, want)
		}
	}
}

// TestNextCapital checks nextCapital against a search byte by byte, at
// every start, on texts around the eight bytes it reads at a time.
func TestNextCapital(t *testing.T) {
	for _, text := range []string{"", "a", "Z", "abcdefgh", "abcdefgH", "abcdefghI", "@[`{ \x80\xc1\xda\xff@[`{ \xc1Q",
		"the army said on Tuesday that Boko Haram", "ÀÉÎÕÜàéîõü and then X", "________________A"} {
		for p := 0; p <= len(text); p++ {
			want := p
			for want < len(text) && (text[want] < 'A' || text[want] > 'Z') {
				want++
			}
			if got := nextCapital(text, p); got != want {
				t.Errorf("nextCapital(%q, %d) = %d, want %d", text, p, got, want)
			}
		}
	}
}

func TestNotNameShapes(t *testing.T) {
	for w := range notNames {
		if !notNameShapes.May(w) {
			t.Errorf("notNameShapes rules out %q", w)
		}
	}
	if notNameShapes.May("Salam") && notNameShapes.May("Mujahid") && notNameShapes.May("Karzai") {
		t.Error("notNameShapes lets by every name tried")
	}
}

// TestFindPersonsTaken: with the actors in text order, findPersons tells
// the spans taken by cursors; out of order, by looking at every span.
// Both find the same persons.
func TestFindPersonsTaken(t *testing.T) {
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, "Army spokesman Ali Khan said the Taliban attacked. Khan said so again, and Khan's aide Omar Said agreed.")
	x := extractor(t)
	persons := 0
	for _, txt := range texts {
		actors := x.actors.Find(txt, time.Time{})
		reversed := slices.Clone(actors)
		slices.Reverse(reversed)
		got, want := findPersons(txt, nil, actors), findPersons(txt, nil, reversed)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findPersons(%.40q): %d persons with the actors in order, %d out of order", txt, len(got), len(want))
		}
		persons += len(got)
	}
	if persons < 20 {
		t.Errorf("only %d persons found: the test proves little", persons)
	}
}

func TestSpanCursor(t *testing.T) {
	var c spanCursor
	if !c.of([]actor.Mention{{Start: 2, End: 5}, {Start: 5, End: 9}, {Start: 20, End: 25}}) {
		t.Fatal("spans in order taken as out of order")
	}
	for _, tt := range []struct {
		s    event.Span
		want bool
	}{{event.Span{Start: 0, End: 2}, false}, {event.Span{Start: 3, End: 4}, true}, {event.Span{Start: 9, End: 20}, false}, {event.Span{Start: 24, End: 30}, true}, {event.Span{Start: 30, End: 31}, false}} {
		if got := c.overlaps(tt.s); got != tt.want {
			t.Errorf("overlaps(%v) = %v, want %v", tt.s, got, tt.want)
		}
	}
	for _, bad := range [][]actor.Mention{{{Start: 5, End: 9}, {Start: 2, End: 5}}, {{Start: 2, End: 6}, {Start: 5, End: 9}}, {{Start: 3, End: 3}}} {
		if c.of(bad) {
			t.Errorf("of(%v) = true, want false", bad)
		}
	}
}
