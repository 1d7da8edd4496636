// Package lexicon holds sitrep's word lists, each written once in a file
// of data/ and embedded: the speech verbs that mark a source, the words
// that name a weapon. A list is one phrase a line; "#" opens a comment,
// and the comment at the top of a file says what the list is and which
// rules read it. Patterns are built from the lists, so that adding a
// phrasing is one line in one file.
package lexicon

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/taxonomy"
)

//go:embed data/*.txt
var data embed.FS

// The lists, by name: the name of their file without ".txt".
const (
	// SpeechVerbs are the verbs of reported speech: "the army said".
	SpeechVerbs = "speech-verbs"
	// TollSourceVerbs are the speech verbs whose subject is the source
	// of a toll told beside them.
	TollSourceVerbs = "toll-source-verbs"
	// PersonSpeechVerbs make the name before them a person speaking.
	PersonSpeechVerbs = "person-speech-verbs"
	// AirWeapons name attacks from the air.
	AirWeapons = "weapons-air"
	// ShellingWeapons name artillery, mortars, rockets and missiles.
	ShellingWeapons = "weapons-shelling"
	// ExplosiveWeapons name bombs set off on the ground.
	ExplosiveWeapons = "weapons-explosive"
	// BombWords make a blast a bomb rather than an accident.
	BombWords = "bomb-words"
	// SuicideWeapons name suicide attacks.
	SuicideWeapons = "weapons-suicide"
	// GrenadeWeapons name grenades.
	GrenadeWeapons = "weapons-grenade"
	// ModalPhrases, before a trigger, make it no event that happened.
	ModalPhrases = "modal-phrases"
	// TollBeforeCount say, right before a count, what it counts, and
	// TollAfterCount right after it; their parts are the kinds of toll.
	TollBeforeCount = "toll-before-count"
	TollAfterCount  = "toll-after-count"
	// VictimWords are what a count of people is made of.
	VictimWords = "victim-words"
	// CivilianTargets and ArmedTargets are the people and places an
	// attack's target is named by, civilian or armed.
	CivilianTargets = "civilian-targets"
	ArmedTargets    = "armed-targets"
	// Hedges say how a count is known: "reportedly", "an estimated".
	Hedges = "hedges"
	// WarWords name a whole war: "the conflict", "the uprising".
	WarWords = "war-words"
	// Months are the months' names and short forms, a part for each;
	// MonthNames reads them.
	Months = "months"
)

// lists parses every file once; the lists never change after.
var lists = sync.OnceValues(func() (map[string][]Section, error) { return parseAll() })

func parseAll() (map[string][]Section, error) {
	files, err := data.ReadDir("data")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	out := make(map[string][]Section, len(files))
	for _, f := range files {
		if f.Name() == triggersFile {
			continue
		}
		b, err := data.ReadFile(path.Join("data", f.Name()))
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		parts, err := parse(b, false)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %s: %w", f.Name(), err)
		}
		out[strings.TrimSuffix(f.Name(), ".txt")] = parts
	}
	return out, nil
}

// Parse reads a list: one phrase a line, words separated by single
// spaces, "#" to the end of a line a comment, blank lines ignored. A
// phrase may give alternatives in braces, the empty one included
// ("rocket{|s} {hit|struck}"), and "*" for any one word. A phrase written
// twice, in any case, is an error. Lines "= name" may cut the list into
// named parts (see Parts); Parse returns the phrases of every part.
func Parse(b []byte) ([]string, error) {
	parts, err := parse(b, false)
	if err != nil {
		return nil, err
	}
	return phrases(parts), nil
}

// phrases returns the phrases of parts, in order.
func phrases(parts []Section) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p.Phrases...)
	}
	return out
}

// parse reads a list, or with sections the sections that "= " lines open.
func parse(b []byte, sections bool) ([]Section, error) {
	var out []Section
	if !sections {
		out = append(out, Section{})
	}
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if sections && strings.HasPrefix(line, "= ") {
			sec, err := header(line[2:])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			out = append(out, sec)
			seen = map[string]int{}
			continue
		}
		if !sections && strings.HasPrefix(line, "= ") {
			// A part of a list: a phrase is in one part only, so that
			// its part tells what it says.
			name := strings.TrimSpace(line[2:])
			if name == "" || strings.ContainsAny(name, " |") {
				return nil, fmt.Errorf("line %d: %q: a part is named by one word", n, line)
			}
			if out[len(out)-1].Name == "" {
				if len(out[len(out)-1].Phrases) > 0 {
					return nil, fmt.Errorf("line %d: phrases before the first part", n)
				}
				out = out[:len(out)-1]
			}
			out = append(out, Section{Name: name})
			continue
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("line %d: a phrase before the first section", n)
		}
		if strings.Join(strings.Fields(line), " ") != line {
			return nil, fmt.Errorf("line %d: %q: words must be separated by single spaces", n, line)
		}
		phrases, err := expand(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		sec := &out[len(out)-1]
		for _, p := range phrases {
			key := strings.ToLower(p)
			if first, ok := seen[key]; ok {
				return nil, fmt.Errorf("line %d: %q written already on line %d", n, p, first)
			}
			seen[key] = n
			sec.Phrases = append(sec.Phrases, p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, sec := range out {
		if len(sec.Phrases) == 0 {
			if sec.Name != "" {
				return nil, fmt.Errorf("section %s: no phrases", sec.Name)
			}
			return nil, fmt.Errorf("no phrases")
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no sections")
	}
	return out, nil
}

// expand writes out the alternatives in braces of a phrase.
func expand(line string) ([]string, error) {
	open := strings.IndexByte(line, '{')
	if open < 0 {
		if strings.ContainsAny(line, "}|") {
			return nil, fmt.Errorf("%q: a brace or bar outside braces", line)
		}
		p := strings.Join(strings.Fields(line), " ")
		if p == "" {
			return nil, fmt.Errorf("an empty phrase")
		}
		return []string{p}, nil
	}
	end := strings.IndexByte(line[open:], '}')
	if end < 0 || strings.IndexByte(line[open+1:open+end], '{') >= 0 {
		return nil, fmt.Errorf("%q: unclosed or nested braces", line)
	}
	end += open
	var out []string
	for _, alt := range strings.Split(line[open+1:end], "|") {
		ps, err := expand(line[:open] + alt + line[end+1:])
		if err != nil {
			return nil, err
		}
		out = append(out, ps...)
	}
	return out, nil
}

// Words returns the phrases of the named list, in the file's order. It
// panics on a name with no file: the names are the constants above, and
// the embedded files are checked by the package's tests.
func Words(name string) []string { return phrases(list(name)) }

// Parts returns the named list's parts, each named, with its phrases in
// the file's order; a list not cut into parts is one part without a name.
// It panics as Words does.
func Parts(name string) []Section {
	out := slices.Clone(list(name))
	for i := range out {
		out[i].Phrases = slices.Clone(out[i].Phrases)
	}
	return out
}

// PartOf maps each phrase of the named list, in lower case, to the name
// of its part: what a list cut into parts says of its phrases. It panics
// as Words does.
func PartOf(name string) map[string]string {
	m := map[string]string{}
	for _, p := range list(name) {
		for _, w := range p.Phrases {
			m[strings.ToLower(w)] = p.Name
		}
	}
	return m
}

// list returns the parts of the named list, which callers must not
// change.
func list(name string) []Section {
	all, err := lists()
	if err != nil {
		panic(err)
	}
	parts, ok := all[name]
	if !ok {
		panic("lexicon: no list " + name)
	}
	return parts
}

// Names returns the names of every list, sorted.
func Names() []string {
	all, err := lists()
	if err != nil {
		panic(err)
	}
	names := make([]string, 0, len(all))
	for n := range all {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Alternation returns a regular expression group, (?:...), that matches
// any phrase of the named lists, a longer phrase before its beginning, with the space between
// two words standing for any white space. It does not fold case or
// bound words: the pattern that holds it says how it is matched.
func Alternation(names ...string) string {
	var phrases []string
	for _, n := range names {
		phrases = append(phrases, Words(n)...)
	}
	return Pattern(phrases)
}

// Pattern is Alternation for phrases given: "*" matches any one word.
func Pattern(phrases []string) string {
	phrases = slices.Clone(phrases)
	// In reverse alphabetical order: a phrase comes before the shorter
	// ones it extends, so that a leftmost match takes "bomb blast"
	// rather than "bomb", and phrases that share a beginning stay side
	// by side, where the regular expression parser factors them into one
	// small program ("air strike|air raid" is tried as "air (strike|raid)").
	sort.SliceStable(phrases, func(i, j int) bool { return strings.ToLower(phrases[i]) > strings.ToLower(phrases[j]) })
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		words := strings.Fields(p)
		for k, w := range words {
			if w == "*" {
				words[k] = `\w+`
			} else {
				words[k] = regexp.QuoteMeta(w)
			}
		}
		parts[i] = strings.Join(words, `\s+`)
	}
	return `(?:` + strings.Join(parts, "|") + `)`
}

// Section is one part of a sectioned list such as the trigger lexicon:
// its phrases and what they report.
type Section struct {
	Name         string
	EventType    string // ACLED's; "" for an event only PLOVER codes
	SubEventType string
	Plover       string
	Mode         string
	Class        Class
	Noun         bool
	Phrases      []string
}

// Class says how a trigger's sentence refines it (see data/triggers.txt).
type Class string

// The classes of triggers.
const (
	// None: the trigger's section gives its type.
	None Class = ""
	// Attack and Kill take their type from the weapon and target words
	// around them; a Kill counts only where its sentence tells of nothing
	// more specific.
	Attack Class = "attack"
	Kill   Class = "kill"
	// Weapon is typed as Attack, and counts only where its sentence
	// names a weapon ("drones struck").
	Weapon Class = "weapon"
	// Territory is typed by who took the ground.
	Territory Class = "territory"
	// Strike counts only in an article about air strikes or shelling.
	Strike Class = "strike"
	// Blast counts only beside bomb words or a count of victims.
	Blast Class = "blast"
	// Agreement and Deal count only with a verb that makes them happen.
	Agreement Class = "agreement"
	Deal      Class = "deal"
)

// classes are the classes a section may give.
var classes = []Class{None, Attack, Kill, Weapon, Territory, Strike, Blast, Agreement, Deal}

// header reads a section's opening line, after its "= ":
// "name | ACLED type | sub-event type | PLOVER type | mode | class | noun".
func header(line string) (Section, error) {
	f := strings.Split(line, "|")
	if len(f) != 7 {
		return Section{}, fmt.Errorf("%q: a section line has 7 fields, not %d", line, len(f))
	}
	for i := range f {
		if f[i] = strings.TrimSpace(f[i]); f[i] == "-" {
			f[i] = ""
		}
	}
	sec := Section{Name: f[0], EventType: f[1], SubEventType: f[2], Plover: f[3], Mode: f[4], Class: Class(f[5]), Noun: f[6] == "noun"}
	switch {
	case sec.Name == "":
		return sec, fmt.Errorf("%q: a section needs a name", line)
	case f[6] != "" && f[6] != "noun":
		return sec, fmt.Errorf("%q: the last field is \"noun\" or \"-\"", line)
	case sec.EventType != "" && !taxonomy.IsSubEventType(sec.EventType, sec.SubEventType):
		return sec, fmt.Errorf("%q: %q is no sub-event type of ACLED's %q", line, sec.SubEventType, sec.EventType)
	case !slices.Contains(classes, sec.Class):
		return sec, fmt.Errorf("%q: %q is no class of triggers", line, sec.Class)
	case sec.EventType == "" && sec.SubEventType != "":
		return sec, fmt.Errorf("%q: a sub-event type without an event type", line)
	case !taxonomy.IsPlover(sec.Plover):
		return sec, fmt.Errorf("%q: %q is no PLOVER event type", line, sec.Plover)
	}
	return sec, nil
}

// Triggers returns the sections of the trigger lexicon, in the file's
// order.
func Triggers() []Section {
	secs, err := triggers()
	if err != nil {
		panic(err)
	}
	out := slices.Clone(secs)
	for i := range out {
		out[i].Phrases = slices.Clone(out[i].Phrases)
	}
	return out
}

var triggers = sync.OnceValues(func() ([]Section, error) {
	b, err := data.ReadFile("data/" + triggersFile)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	secs, err := parse(b, true)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", triggersFile, err)
	}
	return secs, nil
})

// triggersFile holds the trigger lexicon, a list in sections.
const triggersFile = "triggers.txt"

// Month is how text names one month.
type Month struct {
	Number time.Month
	// Name is the full name, in small letters: "september".
	Name string
	// Short are the forms the name is cut to, in small letters, each of
	// which text may write with a dot or without: "sep", "sept".
	Short []string
}

// MonthNames returns the twelve months of the Months list, January
// first. It panics as Words does, or if the list is not twelve parts
// named 1 to 12, each a month's full name and then its short forms, all
// single words.
func MonthNames() []Month {
	ms, err := monthNames()
	if err != nil {
		panic(err)
	}
	out := slices.Clone(ms)
	for i := range out {
		out[i].Short = slices.Clone(out[i].Short)
	}
	return out
}

// MonthWords returns each month's full name and short forms, in small
// letters and without a dot, with the month they name.
func MonthWords() map[string]time.Month {
	m := map[string]time.Month{}
	for _, mo := range MonthNames() {
		m[mo.Name] = mo.Number
		for _, s := range mo.Short {
			m[s] = mo.Number
		}
	}
	return m
}

var monthNames = sync.OnceValues(func() ([]Month, error) {
	parts := Parts(Months)
	if len(parts) != 12 {
		return nil, fmt.Errorf("lexicon: %s: %d parts, not one for each of the 12 months", Months, len(parts))
	}
	out := make([]Month, len(parts))
	for i, p := range parts {
		if p.Name != strconv.Itoa(i+1) {
			return nil, fmt.Errorf("lexicon: %s: part %q where month %d's belongs", Months, p.Name, i+1)
		}
		for k, w := range p.Phrases {
			w = strings.ToLower(w)
			if strings.ContainsAny(w, " *.") {
				return nil, fmt.Errorf("lexicon: %s: %q: a month's name is one word, without its dot", Months, w)
			}
			p.Phrases[k] = w
		}
		out[i] = Month{Number: time.Month(i + 1), Name: p.Phrases[0], Short: p.Phrases[1:]}
	}
	return out, nil
})

// Pattern returns a regular expression that matches the month's full
// name or any of its short forms, and holds no group that alternatives
// around it could split: "sep(?:t(?:ember)?)?".
func (m Month) Pattern() string { return tails(append([]string{m.Name}, m.Short...)) }

// ShortPattern is Pattern for the short forms alone, "" for a month
// without them: "sept?".
func (m Month) ShortPattern() string {
	if len(m.Short) == 0 {
		return ""
	}
	return tails(m.Short)
}

// tails writes words as one regular expression. Where each word, by
// length, opens with the one before ("sep", "sept", "september"), the
// rest of it is an optional tail, sep(?:t(?:ember)?)?, which compiles to
// a smaller program than the words side by side, and so to less work at
// start-up and at each try; otherwise the words are alternatives in a
// group, the longest first.
func tails(words []string) string {
	words = slices.Clone(words)
	slices.SortStableFunc(words, func(a, b string) int { return len(a) - len(b) })
	for i := 1; i < len(words); i++ {
		if !strings.HasPrefix(words[i], words[i-1]) {
			slices.Reverse(words)
			for k, w := range words {
				words[k] = regexp.QuoteMeta(w)
			}
			return `(?:` + strings.Join(words, "|") + `)`
		}
	}
	out := ""
	for i := len(words) - 1; i > 0; i-- {
		out = `(?:` + regexp.QuoteMeta(words[i][len(words[i-1]):]) + out + `)?`
	}
	return regexp.QuoteMeta(words[0]) + out
}
