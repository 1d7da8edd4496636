package text

import (
	"fmt"
	"strings"
	"testing"
)

func TestPhrases(t *testing.T) {
	ps, err := NewPhrases([][]string{
		{"clash", "clashes", "gun battle", "exchange of fire"},
		{"battle"},
		{"cross-border attack", "regime's bombing"},
		{"took * hostage", "took hostage"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want string // list:matched words, in the order Each gives them
	}{
		{"Clashes erupted.", "0:Clashes"},
		{"A GUN BATTLE broke out", "0:GUN BATTLE 1:BATTLE"},
		{"a gun\n  battle", "0:gun\n  battle 1:battle"},
		{"a gun, battle", "1:battle"},
		{"a cross-border attack", "2:cross-border attack"},
		{"a cross border attack", ""},
		{"the regime’s bombing", "2:regime’s bombing"},
		{"an exchange of fire", "0:exchange of fire"},
		{"they took 12 hostage", "3:took 12 hostage"},
		{"they took hostage", "3:took hostage"},
		{"they took Kabul's hostage", ""},
		{"clashing", ""},
	} {
		d := Split(tt.text)
		var got []string
		ps.Each(d, 0, len(d.Tokens), func(list, first, last int) {
			got = append(got, fmt.Sprintf("%d:%s", list, d.Text[d.Tokens[first].Start:d.Tokens[last].End]))
		})
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
	if _, err := NewPhrases([][]string{{"..."}}); err == nil {
		t.Error("a phrase of no word was taken")
	}
}

func TestSpan(t *testing.T) {
	d := Split("One two. Three four five. Six")
	for _, tt := range []struct{ start, end, from, to int }{
		{0, 8, 0, 2},
		{9, 25, 2, 5},
		{26, 29, 5, 6},
		{10, 25, 3, 5}, // a cut word is left out
		{0, 0, 0, 0},
	} {
		if from, to := d.Span(tt.start, tt.end); from != tt.from || to != tt.to {
			t.Errorf("Span(%d, %d) = %d, %d, want %d, %d", tt.start, tt.end, from, to, tt.from, tt.to)
		}
	}
}

func TestBegins(t *testing.T) {
	long := "Pneumonoultramicroscopicsilicovolcanoconiosis" // one word of 45 bytes
	// "axbya" and "azbwa" hash alike: the second is found a slot on.
	ps, err := NewPhrases([][]string{{"air strike", "shelled", long + " attacked", "axbya", "azbwa one"}, {"* killed", "air raid"}})
	if err != nil {
		t.Fatal(err)
	}
	if wordHash("axbya") != wordHash("azbwa") {
		t.Fatal("the test's keys no longer hash alike")
	}
	for key, want := range map[string]int{"air": 2, "shelled": 1, "pneumonoultramicroscopicsilicovolcanoconiosis": 1, "axbya": 1, "azbwa": 1,
		"ai": 0, "shelle": 0, "x": 0, "": 0, "killed": 0, "axbxa": 0, "aix": 0, "sir": 0, "shellex": 0} {
		if want > 0 && !ps.mayBegin(key) {
			t.Errorf("mayBegin(%q) = false, but phrases begin with it", key)
		}
		got := ps.begins(key)
		if len(got) != want {
			t.Errorf("begins(%q) = %d phrases, want %d", key, len(got), want)
		}
		for _, p := range got {
			if p.keys[0] != key {
				t.Errorf("begins(%q) gave a phrase of %q", key, p.keys[0])
			}
		}
	}
	if got := ps.begins("air"); len(got) == 2 && (got[0].list != 0 || got[1].list != 1) {
		t.Errorf("begins(%q) gave lists %d, %d, want 0, 1", "air", got[0].list, got[1].list)
	}
	// A key of 31 bytes or more shares the last bit: it may begin one.
	d := Split(long + " attacked the town")
	var got []int
	ps.Each(d, 0, len(d.Tokens), func(list, first, last int) { got = append(got, list, first, last) })
	if len(got) != 3 || got[0] != 0 || got[1] != 0 {
		t.Errorf("Each over %q = %v, want the long phrase of list 0 at token 0", d.Text, got)
	}
}
