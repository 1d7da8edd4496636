package lexicon

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// known is every list the code names; a file no constant names is a list
// nobody reads.
var known = []string{ModalPhrases, TollBeforeCount, SpeechVerbs, TollSourceVerbs, PersonSpeechVerbs, AirWeapons, ShellingWeapons, ExplosiveWeapons, BombWords, SuicideWeapons, GrenadeWeapons, VictimWords, CivilianTargets, ArmedTargets, Hedges, TollAfterCount, WarWords, Months}

// TestLists validates the embedded files: each parses, opens with a
// comment that says what it is and who reads it, and is named by a
// constant; each constant has its file.
func TestLists(t *testing.T) {
	names := Names()
	for _, n := range names {
		if !slices.Contains(known, n) {
			t.Errorf("data/%s.txt: no constant names this list", n)
		}
		b, err := data.ReadFile("data/" + n + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "# ") {
			t.Errorf("data/%s.txt: opens without the comment that says what the list is", n)
		}
		var inParts []string
		for _, p := range Parts(n) {
			inParts = append(inParts, p.Phrases...)
		}
		if w := Words(n); !slices.Equal(w, inParts) {
			t.Errorf("data/%s.txt: Words gives %d phrases, its parts %d", n, len(w), len(inParts))
		}
	}
	if got := Parts(Hedges); len(got) != 5 || got[0].Name != "confirmed" || !slices.Contains(got[2].Phrases, "an estimated") {
		t.Errorf("Parts(Hedges) = %v, want five parts, confirmed first, estimated third", got)
	}
	if of := PartOf(Hedges); of["an estimated"] != "estimated" || of["unconfirmed"] != "reportedly" || len(of) != len(Words(Hedges)) {
		t.Errorf("PartOf(Hedges) = %v", of)
	}
	for _, n := range known {
		if !slices.Contains(names, n) {
			t.Errorf("constant %q has no file data/%s.txt", n, n)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      string
	}{
		{"phrases and comments", "# a list\nsaid\n\nput the toll # a phrase\n", []string{"said", "put the toll"}, ""},
		{"duplicate in another case", "said\nSaid\n", nil, "written already on line 1"},
		{"double space", "air  strike\n", nil, "single spaces"},
		{"empty", "# only a comment\n", nil, "no phrases"},
		{"parts", "= one\nsaid\n= two\ntold\nwrote\n", []string{"said", "told", "wrote"}, ""},
		{"phrase before the parts", "said\n= one\ntold\n", nil, "before the first part"},
		{"phrase in two parts", "= one\nsaid\n= two\nSaid\n", nil, "written already on line 2"},
		{"part of two words", "= one two\nsaid\n", nil, "one word"},
		{"empty part", "= one\n= two\nsaid\n", nil, "section one: no phrases"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Fatalf("Parse = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestAlternation checks that a list's pattern matches each of its
// phrases whole, across any white space, and prefers the longer phrase.
func TestAlternation(t *testing.T) {
	for _, n := range Names() {
		re := regexp.MustCompile(`(?i)^` + Alternation(n) + `$`)
		for _, p := range Words(n) {
			if !re.MatchString(strings.ReplaceAll(p, " ", " \n ")) {
				t.Errorf("%s: pattern misses %q written across lines", n, p)
			}
		}
	}
	re := regexp.MustCompile(`(?i)\b` + Alternation(AirWeapons) + `\b`)
	if got := re.FindString("two air strikes hit"); got != "air strikes" {
		t.Errorf("leftmost match %q, want the longer phrase %q", got, "air strikes")
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		err  bool
	}{
		{"rocket{|s} {hit|struck}", []string{"rocket hit", "rocket struck", "rockets hit", "rockets struck"}, false},
		{"hurled {|a }grenade", []string{"hurled grenade", "hurled a grenade"}, false},
		{"took {|* }hostages", []string{"took hostages", "took * hostages"}, false},
		{"air{", nil, true},
		{"air}strike", nil, true},
		{"a{b{c}}", nil, true},
	}
	for _, tt := range tests {
		got, err := expand(tt.in)
		if (err != nil) != tt.err || !tt.err && !slices.Equal(got, tt.want) {
			t.Errorf("expand(%q) = %q, %v; want %q (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestTriggers validates the trigger lexicon: every section's types are
// ACLED's and PLOVER's, and its pattern matches each of its phrases.
func TestTriggers(t *testing.T) {
	secs := Triggers()
	if len(secs) < 30 {
		t.Fatalf("%d sections", len(secs))
	}
	names := map[string]bool{}
	for _, s := range secs {
		if names[s.Name] {
			t.Errorf("section %s written twice", s.Name)
		}
		names[s.Name] = true
		re := regexp.MustCompile(`(?i)^` + Pattern(s.Phrases) + `$`)
		for _, p := range s.Phrases {
			if !re.MatchString(strings.ReplaceAll(p, "*", "word")) {
				t.Errorf("%s: pattern misses %q", s.Name, p)
			}
		}
	}
	for _, bad := range []string{
		"= x | Battles | Air/drone strike | ASSAULT | - | - | -\nclash\n",
		"= x | - | - | FIGHT | - | - | -\nclash\n",
		"= x | Battles | Armed clash | ASSAULT | - | -\nclash\n",
		"clash\n= x | Battles | Armed clash | ASSAULT | - | - | -\nfighting\n",
		"= x | Battles | Armed clash | ASSAULT | - | - | -\n",
		"= x | Battles | Armed clash | ASSAULT | - | killing | -\nclash\n",
	} {
		if _, err := parse([]byte(bad), true); err == nil {
			t.Errorf("parse accepted %q", bad)
		}
	}
}

func TestMonthNames(t *testing.T) {
	ms := MonthNames()
	if len(ms) != 12 {
		t.Fatalf("MonthNames() gives %d months, want 12", len(ms))
	}
	tests := []struct {
		num   time.Month
		name  string
		short []string
	}{
		{time.January, "january", []string{"jan"}},
		{time.May, "may", nil},
		{time.June, "june", []string{"jun"}},
		{time.September, "september", []string{"sep", "sept"}},
		{time.December, "december", []string{"dec"}},
	}
	for _, tt := range tests {
		m := ms[tt.num-1]
		if m.Number != tt.num || m.Name != tt.name || !slices.Equal(m.Short, tt.short) {
			t.Errorf("month %d = %+v, want %s with short forms %q", tt.num, m, tt.name, tt.short)
		}
	}
	for i, m := range ms {
		if m.Number != time.Month(i+1) || m.Name != strings.ToLower(m.Number.String()) {
			t.Errorf("month %d = %+v, want %s", i+1, m, time.Month(i+1))
		}
	}
	// The table is the callers' to change.
	ms[0].Short[0] = "x"
	if MonthNames()[0].Short[0] != "jan" {
		t.Error("a change to MonthNames' result changed the list")
	}
}

func TestMonthPattern(t *testing.T) {
	tests := []struct {
		m            Month
		want, short  string
		match, other []string
	}{
		{Month{Name: "may"}, `may`, ``, []string{"may"}, []string{"ma", "mayo"}},
		{Month{Name: "june", Short: []string{"jun"}}, `jun(?:e)?`, `jun`, []string{"jun", "june"}, []string{"ju", "junee"}},
		{Month{Name: "september", Short: []string{"sep", "sept"}}, `sep(?:t(?:ember)?)?`, `sep(?:t)?`, []string{"sep", "sept", "september"}, []string{"se", "septe", "sepember"}},
		// Forms that do not open one another stay alternatives.
		{Month{Name: "july", Short: []string{"jly"}}, `(?:july|jly)`, `jly`, []string{"july", "jly"}, []string{"jul", "jl"}},
	}
	for _, tt := range tests {
		if got := tt.m.Pattern(); got != tt.want {
			t.Errorf("%s: Pattern() = %q, want %q", tt.m.Name, got, tt.want)
		}
		if got := tt.m.ShortPattern(); got != tt.short {
			t.Errorf("%s: ShortPattern() = %q, want %q", tt.m.Name, got, tt.short)
		}
		re := regexp.MustCompile(`^(?:` + tt.m.Pattern() + `)$`)
		for _, s := range tt.match {
			if !re.MatchString(s) {
				t.Errorf("%s: Pattern() does not match %q", tt.m.Name, s)
			}
		}
		for _, s := range tt.other {
			if re.MatchString(s) {
				t.Errorf("%s: Pattern() matches %q", tt.m.Name, s)
			}
		}
	}
	// Every month of the list matches all its forms and nothing more.
	for _, m := range MonthNames() {
		re := regexp.MustCompile(`^(?:` + m.Pattern() + `)$`)
		for _, s := range append([]string{m.Name}, m.Short...) {
			if !re.MatchString(s) {
				t.Errorf("%s: Pattern() %s does not match %q", m.Name, m.Pattern(), s)
			}
		}
		if re.MatchString(m.Name[:2]) || re.MatchString(m.Name+"s") {
			t.Errorf("%s: Pattern() %s matches more than the month's forms", m.Name, m.Pattern())
		}
	}
}
