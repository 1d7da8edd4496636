package sentence

import (
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two", "Fighting broke out. Ten died.", []string{"Fighting broke out.", "Ten died."}},
		{"abbrev", "Lt. Gen. Ahmed Sharif said so. Col. Ali agreed.", []string{"Lt. Gen. Ahmed Sharif said so.", "Col. Ali agreed."}},
		{"acronym", "The U.S. military said it struck. Nobody died.", []string{"The U.S. military said it struck.", "Nobody died."}},
		{"quote", "“We will respond,” he said. The army denied it.", []string{"“We will respond,” he said.", "The army denied it."}},
		{"quote-end", "He said: “They fled.” Then it rained.", []string{"He said: “They fled.”", "Then it rained."}},
		{"paragraphs", "One here.\n\nTwo there", []string{"One here.", "Two there"}},
		{"decimal", "Prices rose 2.5 percent. Then fell.", []string{"Prices rose 2.5 percent.", "Then fell."}},
		{"month", "On Oct. 14 the army moved. It stopped.", []string{"On Oct. 14 the army moved.", "It stopped."}},
		{"lowercase-next", "He visited St. petersburg. Fine.", []string{"He visited St. petersburg.", "Fine."}},
		{"question", "Who fired first? Nobody knows!", []string{"Who fired first?", "Nobody knows!"}},
		{"lines", "Home | World\nThe strike hit.", []string{"Home | World", "The strike hit."}},
		{"empty", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text)
			var texts []string
			for _, s := range got {
				texts = append(texts, tt.text[s.Start:s.End])
			}
			if len(texts) != len(tt.want) {
				t.Fatalf("Split(%q) = %q, want %q", tt.text, texts, tt.want)
			}
			for i := range texts {
				if texts[i] != tt.want[i] {
					t.Errorf("sentence %d = %q, want %q", i, texts[i], tt.want[i])
				}
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "A one. A two.\n\nB one.\n\n\nC one. C two."
	got := Paragraphs(text)
	want := []string{"A one. A two.", "B one.", "C one. C two."}
	if len(got) != len(want) {
		t.Fatalf("got %d paragraphs, want %d", len(got), len(want))
	}
	for i, p := range got {
		if text[p.Start:p.End] != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, text[p.Start:p.End], want[i])
		}
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Lt. Gen. Ali said so. “Yes,” he said.\n\nNext.")
	f.Add("U.S. a.b. ... ?!")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Split(text) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %+v after %d in %q", s, prev, text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[s.Start:s.End]) {
				t.Fatalf("span %+v splits a rune in %q", s, text)
			}
			prev = s.End
		}
	})
}
