package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestCollapse(t *testing.T) {
	trig := func(text, typ, plover string) Trigger {
		return Trigger{Text: text, EventType: typ, Plover: plover}
	}
	tests := []struct {
		name string
		in   []Trigger
		want []string // the texts of the triggers kept
	}{
		{"none", nil, nil},
		{"one type twice", []Trigger{trig("clashes", "Battles", "FIGHT"), trig("fighting", "Battles", "FIGHT")}, []string{"clashes"}},
		{"two types", []Trigger{trig("clashes", "Battles", "FIGHT"), trig("protest", "Protests", "PROTEST")}, []string{"clashes", "protest"}},
		{"type beats PLOVER", []Trigger{trig("clashes", "Battles", "FIGHT"), trig("shelled", "Battles", "ASSAULT")}, []string{"clashes"}},
		{"PLOVER only", []Trigger{trig("said", "", "ACCUSE"), trig("accused", "", "ACCUSE"), trig("met", "", "CONSULT")}, []string{"said", "met"}},
		{"typed and untyped", []Trigger{trig("said", "", "FIGHT"), trig("clashes", "Battles", "FIGHT")}, []string{"said", "clashes"}},
	}
	for _, tt := range tests {
		var got []string
		for _, t := range collapse(tt.in) {
			got = append(got, t.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: collapse kept %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestClauseStart(t *testing.T) {
	tests := []struct {
		text string
		want string // the clause before the last word
	}{
		{"Gunmen attacked", "Gunmen "},
		{"He said: gunmen attacked", " gunmen "},
		{"The army; gunmen attacked", " gunmen "},
		{`He said "gunmen attacked`, "gunmen "},
		{"Police (who arrived late) attacked", "who arrived late) "},
		{"Troops, police and gunmen attacked", "Troops, police and gunmen "},
		{"Troops advanced, but gunmen attacked", " but gunmen "},
		{"Troops advanced,  which attacked", "  which "},
		{"Troops advanced,but attacked", "but "},
		{"Troops advanced, and attacked", "Troops advanced, and "},
	}
	for _, tt := range tests {
		i := strings.LastIndexByte(tt.text, ' ') + 1
		if got := tt.text[clauseStart(tt.text, 0, i):i]; got != tt.want {
			t.Errorf("clauseStart(%q) gives %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLastWords(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"", 2, ""},
		{"one two three", 2, "two three"},
		{"one two three ", 2, "two three "},
		{"one\ttwo\n three", 2, "two\n three"},
		{"one two", 5, "one two"},
		{"  one", 1, "one"},
		{"one\u00a0two three", 2, "one\u00a0two three"}, // no-break space is no \s
		{"a b c", 0, ""},
	}
	for _, tt := range tests {
		if got := lastWords(tt.s, tt.n); got != tt.want {
			t.Errorf("lastWords(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
