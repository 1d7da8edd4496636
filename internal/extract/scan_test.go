package extract

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/pattern"
)

// monitorOracle is the pattern monitorsIn stands for, built from the
// same list.
var monitorOracle = func() *regexp.Regexp {
	quoted := make([]string, len(monitorNames))
	for i, n := range monitorNames {
		quoted[i] = regexp.QuoteMeta(n)
	}
	return regexp.MustCompile(`\b(?:` + strings.Join(quoted, "|") + `)\b`)
}()

func TestMonitorsIn(t *testing.T) {
	cases := corpusWindows(t, 200, 31, []string{
		"", "SANA", "xSANA", "SANAx", "SANA_", "_SANA", "SANA SANA", "SANA-SANA", "sana", "the Syrian Observatory for Human Rights said",
		"the Syrian Observatory for Human Right", "Syrian Observatory for Human Rightsx", "Médecins Sans Frontieres",
		"Medecins Sans Frontières said", "éSANA", "SANAé", "civil Defense and Civil defence", "World Health Organisation Organization",
		"Syrian Civil Defence, Civil defence", "The Observatory the observatory THE OBSERVATORY", "Red Crescent Red Cross ICRC",
		"OCHA, UNICEF and MSF", "Human Rights Watch and Amnesty International", "White Helmets", "Local Coordination Committees",
		"Syrian Network for Human Rights", "Doctors Without Borders", "SOHR", "Syrian Observatory",
	})
	sameOnAll(t, "monitorsIn", cases, monitorsIn, func(s string) [][]int { return monitorOracle.FindAllStringIndex(s, -1) },
		func(locs [][]int) bool { return len(locs) > 0 })
}

func FuzzMonitorsIn(f *testing.F) {
	fuzzSame(f, "monitorsIn", monitorsIn, func(s string) [][]int { return monitorOracle.FindAllStringIndex(s, -1) },
		"the Syrian Observatory for Human Rights said", "SANA and MSF", "Médecins Sans Frontières")
}

func TestVictimDeathIn(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"", false},
		{"a man was killed", true},
		{"x\nWAS\tSHOT DEAD", true},
		{"it had been  stabbed to death", true},
		{" has been beaten to death", true},
		{"has been beaten to death", false},
		{"x was killedx", true}, // a pre-check: the word's end is the pattern's to test
		{"xwas killed", false},
		{"waskilled", false},
		{"was  ", false},
		{"were killed", false},
		{"has  been killed", false},
		{"the soldier was wounded", false},
		{"killed was", false},
	}
	for _, tt := range tests {
		if got := victimDeathIn(tt.text, wordStarts(nil, tt.text)); got != tt.want {
			t.Errorf("victimDeathIn(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestByFirstByte(t *testing.T) {
	got := byFirstByte([]string{"said", "Says", "told", "'s", "spokesman"})
	tests := []struct {
		c    byte
		want []string
	}{
		{'s', []string{"said", "Says", "spokesman"}},
		{'S', []string{"said", "Says", "spokesman"}},
		{'t', []string{"told"}},
		{'T', []string{"told"}},
		{'\'', []string{"'s"}},
		{'x', nil},
		{'"', nil},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(got[tt.c], tt.want) {
			t.Errorf("byFirstByte(...)[%q] = %q, want %q", tt.c, got[tt.c], tt.want)
		}
	}
}

func TestPlaces(t *testing.T) {
	tests := []struct {
		add  []int
		from int
		want []int
	}{
		{nil, 0, nil},
		{[]int{0}, 0, []int{0}},
		{[]int{5, 0, 63, 64, 128}, 0, []int{0, 5, 63, 64, 128}},
		{[]int{5, 0, 63, 64, 128}, 6, []int{63, 64, 128}},
		{[]int{5, 0, 63, 64, 128}, 64, []int{64, 128}},
		{[]int{127, 127}, 65, []int{127}},
		{[]int{1}, 2, nil},
	}
	for _, tt := range tests {
		var ps places
		for _, p := range tt.add {
			ps.add(p)
		}
		var got []int
		for p := ps.next(tt.from); p >= 0; p = ps.next(p + 1) {
			got = append(got, p)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("places %v from %d = %v, want %v", tt.add, tt.from, got, tt.want)
		}
	}
}

func TestKilledOne(t *testing.T) {
	cases := corpusWindows(t, 150, 29, []string{
		"", "killed a man", "Killed A Man", "soldiers shot and killed a Palestinian gunman", "killed a two-day-old baby",
		"killed one police officer", "killed a policeman", "killed an officer", "killed a b c man", "killed a b c d man",
		"xkilled a man", "_killed a man", "killed  \ta\nman", "killed a manx", "killed a man_", "killed a man-", "killed aman",
		"killing one of the fighters", "beheaded a hostage and executed a worker", "stabbed to death a farmer", "shot dead an infant",
		"killed a \u212aid", "\u212ailled a man", "killed a ſtudent", "killed a m\u00e9n", "killed a-b man", "killed a a a a man",
		"killed an an man", "killed a woman’s son", "executed a man's son", "killed a police  officer", "killed a police officers",
	})
	sameOnAll(t, "killedOne", cases, withStarts(killedOne), findAll(killedOneRE), func(locs [][]int) bool { return len(locs) > 0 })
}

func FuzzKilledOne(f *testing.F) {
	fuzzSame(f, "killedOne", withStarts(killedOne), findAll(killedOneRE),
		"soldiers shot and killed a Palestinian gunman and killed one police officer", "killed a two-day-old baby")
}

func TestPartDeadAfter(t *testing.T) {
	cases := corpusWindows(t, 80, 7, []string{
		"", " were among the dead", " Were Among The Dead.", " soldiers were among those killed", " was among the killed",
		" civilians are among the civilian dead", " is among the wounded-civilian killed", " were among thedead", " were among the dead_",
		" were amongst the dead", " were among those  killed", " were among the  dead", " were among the a b dead", "xwere among the dead",
		"_were among the dead", "; were among the dead", ". were among the dead", strings.Repeat("x", 60) + " were among the dead",
		strings.Repeat("x", 59) + " were among the dead", strings.Repeat("é", 59) + " were among the dead", strings.Repeat("é", 60) + " were among the dead",
		"\xff\xff were among the dead", " were among the \u212Ailled", " \u017fome were among the dead", " were\tamong\nthe\fdead",
		" were among the dead-", " were among the children killed", " were among the dead;",
	})
	sameOnAll(t, "partDeadAfter", cases, partDeadAfter, partDeadAfterRE.Regexp.MatchString, func(b bool) bool { return b })
}

func FuzzPartDeadAfter(f *testing.F) {
	fuzzSame(f, "partDeadAfter", partDeadAfter, partDeadAfterRE.Regexp.MatchString,
		" soldiers were among those killed", " were among the civilian dead")
}

func TestCoordinatedWords(t *testing.T) {
	cases := corpusWindows(t, 30, 3, []string{
		"", " ", "  ", " and ", "and ", " and", " soldiers and ", " Pakistani soldiers as well as ", " as  well as ", " plus ",
		" a b c d e and ", " a b c d e f and ", " a b c d e as well as ", " , ", " soldiers, ", " a b c d e, ", " a b c d e f, ",
		" abc,def, ", " soldiers , ", " soldiers ,", " soldiers. and ", " soldiers’ and ", " o’clock and ", " é and ",
		" \xff and ", " soldiers\tand\n", " (soldiers) and ", " x-y's and ", " and and and ", " AND ",
		"\tas well as ", " x\nas well as\t", " as well  as ", " as\twell as ", " as well as as ", " as well asx ", " a b c d e f as well as ",
		" a b c d e as well as ", " well as ", " as as ", " soldiers’ , ", " o’clock, ", " ’’ , ", " \xe2\x80 , ", " a,b, ", " a , , ",
		" and , ", " plus plus ", " x and", " ,", " , x ", " a b c d e f , ", " a-b c’d e'f g_h i9 , ", " a-b c’d e'f g_h i9 j , ",
		" , \t", "\n,\n", " a b c d e plus ", " a b c d e f plus ", " é, ",
	})
	sameOnAll(t, "coordinatedWords", cases, coordinatedWords, coordinatedRE.Regexp.MatchString, func(b bool) bool { return b })
}

func FuzzCoordinatedWords(f *testing.F) {
	fuzzSame(f, "coordinatedWords", coordinatedWords, coordinatedRE.Regexp.MatchString, " soldiers and ", " a b, ", " as well as ")
}

func TestNoVictims(t *testing.T) {
	cases := corpusWindows(t, 120, 11, []string{
		"", "no one was killed", "No One Was Hurt", "nobody were injured", "no-one was harmed", "no casualties were reported",
		"No deaths was reported", "no fatalities were reported", "no injuries were reported", "without casualties",
		"without causing casualties", "caused no casualties", "xno one was killed", "no  one was killed", "there were no casualties",
		"no one was \u212Ailled", "without cau\u017fing casualties", "nobody was killedx",
	})
	sameOnAll(t, "noVictims", cases, withStarts(noVictims), noVictimsRE.Regexp.FindStringIndex, func(loc []int) bool { return loc != nil })
}

func TestDamageOnly(t *testing.T) {
	cases := corpusWindows(t, 120, 11, []string{
		"", "causing material damage", "Caused Property Damages", "leaving only a lot of material damage", "left x y z property damage",
		"inflicting material  damage", "causing materialdamage", "causing material damagex", "xcausing material damage",
		"cau\u017fing material damage", "left material damages", "causing heavy material damage to the buildings",
		"the blast caused property damage", "leaving only property damage", "it left heavy property damage", "inflicting great material damages",
		"caused only some material damage.", "(causing material damage)",
	})
	sameOnAll(t, "damageOnly", cases, withStarts(damageOnly), damageOnlyRE.Regexp.FindStringIndex, func(loc []int) bool { return loc != nil })
}

func TestPhraseAtWordStart(t *testing.T) {
	phrases := byFirstByte([]string{"no one", "casualties"})
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"no one", true},
		{"There were NO ONE", true},
		{"(casualties)", true},
		{"xno one", false},
		{"no-one", false},
		{"nobody", false},
		{"\u212A", true}, // the Kelvin sign: left to the pattern
	}
	for _, tt := range tests {
		if got := phraseAtWordStart(tt.s, wordStarts(nil, tt.s), phrases); got != tt.want {
			t.Errorf("phraseAtWordStart(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestWordStarts(t *testing.T) {
	tests := []struct {
		s    string
		want []int32
	}{
		{"", nil},
		{"a", []int32{0}},
		{"ab cd", []int32{0, 3}},
		{"(ab)  c_d,e", []int32{1, 6, 10}},
		{"é x", []int32{3}},
		{"xéy 9z", []int32{0, 3, 5}},
		{" ", nil},
		{"abcdefgh ijklmnop", []int32{0, 9}},
		{"abcdefghijklmnopq r", []int32{0, 18}},
		{"a_b-c.d@e[f`g{h~i\x7f\xffZ 09", []int32{0, 4, 6, 8, 10, 12, 14, 16, 19, 21}},
		{"\u00e9\u00e9\u00e9\u00e9xyz", []int32{8}},
	}
	for _, tt := range tests {
		if got := wordStarts(nil, tt.s); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wordStarts(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// wordStartsOracle is wordStarts a byte at a time.
func wordStartsOracle(s string) []int32 {
	var out []int32
	for p := 0; p < len(s); p++ {
		if pattern.IsWordByte(s[p]) && (p == 0 || !pattern.IsWordByte(s[p-1])) {
			out = append(out, int32(p))
		}
	}
	return out
}

func FuzzWordStarts(f *testing.F) {
	fuzzSame(f, "wordStarts", func(s string) []int32 { return wordStarts(nil, s) }, wordStartsOracle,
		"abcdefgh ijklmnop", "a_b-c.d@e[f`g{h~i\x7f\xffZ 09")
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		s     string
		words []string
		want  bool
	}{
		{"", []string{"that"}, false},
		{"that", []string{"that"}, true},
		{"xTHATx", []string{"that"}, true},
		{"tha", []string{"that"}, false},
		{"people which left", []string{"that", "which"}, true},
		{"people who left", []string{"that", "which"}, false},
		{"the dead Included", []string{"includ", "among", "of them"}, true},
		{"of  them", []string{"of them"}, false},
		{"\u00e9among", []string{"among"}, true},
	}
	for _, tt := range tests {
		if got := containsFold(tt.s, tt.words...); got != tt.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tt.s, tt.words, got, tt.want)
		}
	}
}

func FuzzNoVictims(f *testing.F) {
	for _, s := range []string{"no one was killed", "There were NO casualties were reported", "causing material damage to homes"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if g, w := noVictims(s, wordStarts(nil, s)), noVictimsRE.Regexp.FindStringIndex(s); !reflect.DeepEqual(g, w) {
			t.Errorf("noVictims(%q) = %v, want %v", s, g, w)
		}
		if g, w := damageOnly(s, wordStarts(nil, s)), damageOnlyRE.Regexp.FindStringIndex(s); !reflect.DeepEqual(g, w) {
			t.Errorf("damageOnly(%q) = %v, want %v", s, g, w)
		}
	})
}
