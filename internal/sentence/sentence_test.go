package sentence

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/event"
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
		{"photo credit", "Workers help a woman in Aleppo (AP photo) BEIRUT Air strikes hit a market.", []string{"Workers help a woman in Aleppo (AP photo)", "BEIRUT Air strikes hit a market."}},
		{"glued credit", "Smoke over Ariha August 3 2015(Reuters Photo) Thirty people died.", []string{"Smoke over Ariha August 3 2015(Reuters Photo)", "Thirty people died."}},
		{"other bracket", "The Syrian Observatory (SOHR) Said it.", []string{"The Syrian Observatory (SOHR) Said it."}},
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

// splitParagraphSpec is splitParagraph as first written, decoding every
// rune, which splitParagraph must agree with.
func splitParagraphSpec(text string, start, end, para int, out *[]Sentence) int {
	n := 0
	emit := func(s, e int) {
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if e > s {
			*out = append(*out, Sentence{Span: event.Span{Start: s, End: e}, Paragraph: para})
			n++
		}
	}
	s := start
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			// A single line break inside a paragraph ends a line of
			// chrome or a list item, and so a sentence.
			emit(s, i)
			s = i + size
			i += size
			continue
		}
		if r != '.' && r != '!' && r != '?' {
			i += size
			continue
		}
		j := i + size
		// Closing quotes and brackets belong to the sentence they close.
		for j < end {
			q, qs := utf8.DecodeRuneInString(text[j:])
			if q == '"' || q == '\'' || q == '”' || q == '’' || q == ')' || q == ']' {
				j += qs
				continue
			}
			break
		}
		if j < end && !isSpace(text[j]) {
			i = j
			continue
		}
		if r == '.' && !endsSentence(text, start, i, j, end) {
			i = j
			continue
		}
		emit(s, j)
		s = j
		i = j
	}
	emit(s, end)
	return n
}

// sameSplit checks splitParagraph against splitParagraphSpec on text
// taken as one paragraph.
func sameSplit(t *testing.T, text string) {
	t.Helper()
	var got, want []Sentence
	n, m := splitParagraph(text, 0, len(text), 0, &got), splitParagraphSpec(text, 0, len(text), 0, &want)
	if n != m || !slices.Equal(got, want) {
		t.Fatalf("splitParagraph(%q) = %d %v, want %d %v", text, n, got, m, want)
	}
}

func TestSplitFastPath(t *testing.T) {
	for _, text := range []string{"", "a. B", "Lt. Gen. Ali said so. “Yes,” he said.\nNext!", "\xff.\xe2\x80. x?\xe2 (a.) b", "é. È? ü!\n"} {
		sameSplit(t, text)
	}
	texts, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		sameSplit(t, text)
	}
}

func FuzzSplitFastPath(f *testing.F) {
	f.Add("Lt. Gen. Ali said so. “Yes,” he said.\nNext.")
	f.Add("\xff.\xe2\x80. x?\xe2")
	f.Fuzz(sameSplit)
}
