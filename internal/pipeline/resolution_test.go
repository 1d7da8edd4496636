package pipeline

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/text"
)

// resolutionCase is one line of testdata/resolution/mentions.jsonl: a
// sentence with the places and actors it names and what they should
// resolve to.
type resolutionCase struct {
	Text   string `json:"text"`
	Date   string `json:"date"`
	Places []struct {
		Mention, Country, Admin1 string
	} `json:"places"`
	Actors []struct {
		Mention, Actor string
		Inter          int
	} `json:"actors"`
}

// TestResolutionAccuracy measures place and actor resolution on mentions
// written apart from the development corpus.
func TestResolutionAccuracy(t *testing.T) {
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	d, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("..", "..", "testdata", "resolution", "mentions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var placeRight, places, actorRight, actors int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c resolutionCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		date, err := time.Parse(time.DateOnly, c.Date)
		if err != nil {
			t.Fatal(err)
		}
		resolved := g.Resolve(c.Text, g.Find(c.Text), nil)
		country := ""
		if len(resolved) > 0 {
			country = resolved[0].Place.CountryCode
		}
		for _, want := range c.Places {
			places++
			ok := false
			for _, r := range resolved {
				if r.Text == want.Mention || strings.HasPrefix(want.Mention, r.Text) {
					ok = r.Place.CountryCode == want.Country && (want.Admin1 == "" || sameDivision(r.Place.Admin1, want.Admin1))
					if !ok {
						t.Logf("place %q in %q: got %s/%s, want %s/%s", want.Mention, c.Text, r.Place.CountryCode, r.Place.Admin1, want.Country, want.Admin1)
					}
					break
				}
			}
			if ok {
				placeRight++
			}
		}
		found := d.Find(c.Text, date)
		for _, want := range c.Actors {
			actors++
			ok := false
			for _, m := range found {
				if !strings.Contains(m.Text, want.Mention) && !strings.Contains(want.Mention, m.Text) {
					continue
				}
				a := m.Actor
				if a == nil && m.Bare != "" {
					a, _ = d.ForCountry(country, m.Bare, date)
				}
				ok = a != nil && strings.Contains(strings.ToLower(a.Name), strings.ToLower(want.Actor)) && a.Inter == want.Inter
				if !ok {
					name := "nothing"
					if a != nil {
						name = a.Name
					}
					t.Logf("actor %q in %q: got %s, want %s (%d)", want.Mention, c.Text, name, want.Actor, want.Inter)
				}
				break
			}
			if ok {
				actorRight++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	pa, aa := float64(placeRight)/float64(places), float64(actorRight)/float64(actors)
	t.Logf("places %d/%d right (%.3f), actors %d/%d right (%.3f)", placeRight, places, pa, actorRight, actors, aa)
	if pa < 0.75 || aa < 0.75 {
		t.Errorf("resolution accuracy places %.3f, actors %.3f, want at least 0.75 each", pa, aa)
	}
}

// sameDivision compares division names as people write them: "Kisumu"
// and "Kisumu County" are the same.
func sameDivision(got, want string) bool {
	g, w := text.Fold(got), text.Fold(want)
	return g == w || strings.HasPrefix(g, w) || strings.HasPrefix(w, g)
}
