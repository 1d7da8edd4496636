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
	"strings"
	"sync"
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
)

// lists parses every file once; the lists never change after.
var lists = sync.OnceValues(func() (map[string][]string, error) { return parseAll() })

func parseAll() (map[string][]string, error) {
	files, err := data.ReadDir("data")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	out := make(map[string][]string, len(files))
	for _, f := range files {
		b, err := data.ReadFile(path.Join("data", f.Name()))
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		phrases, err := Parse(b)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %s: %w", f.Name(), err)
		}
		out[strings.TrimSuffix(f.Name(), ".txt")] = phrases
	}
	return out, nil
}

// Parse reads a list: one phrase a line, words separated by single
// spaces, "#" to the end of a line a comment, blank lines ignored. A
// phrase written twice, in any case, is an error.
func Parse(b []byte) ([]string, error) {
	var out []string
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.Join(strings.Fields(line), " ") != line {
			return nil, fmt.Errorf("line %d: %q: words must be separated by single spaces", n, line)
		}
		key := strings.ToLower(line)
		if first, ok := seen[key]; ok {
			return nil, fmt.Errorf("line %d: %q written already on line %d", n, line, first)
		}
		seen[key] = n
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no phrases")
	}
	return out, nil
}

// Words returns the phrases of the named list, in the file's order. It
// panics on a name with no file: the names are the constants above, and
// the embedded files are checked by the package's tests.
func Words(name string) []string {
	all, err := lists()
	if err != nil {
		panic(err)
	}
	w, ok := all[name]
	if !ok {
		panic("lexicon: no list " + name)
	}
	return slices.Clone(w)
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
// any phrase of the named lists, longest first, with the space between
// two words standing for any white space. It does not fold case or
// bound words: the pattern that holds it says how it is matched.
func Alternation(names ...string) string {
	var phrases []string
	for _, n := range names {
		phrases = append(phrases, Words(n)...)
	}
	// Longest first, so that a leftmost match takes "air strikes"
	// rather than "air strike".
	sort.SliceStable(phrases, func(i, j int) bool { return len(phrases[i]) > len(phrases[j]) })
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		parts[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	return `(?:` + strings.Join(parts, "|") + `)`
}
