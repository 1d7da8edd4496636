package text

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// FuzzFoldByToken checks what phrase look-ups rely on: a token folds to one word,
// and a phrase of tokens folds to their folds joined by spaces.
func FuzzFoldByToken(f *testing.F) {
	f.Add("Dera Ismail Khan, N'Djamena São Tomé Ḩalab İstanbul ǅemal ﬁ Kabul’s")
	f.Add("e\u0301 \u0301x a\u200db")
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokens(text)
		for i := range toks {
			one := Fold(text[toks[i].Start:toks[i].End])
			if one == "" || strings.Contains(one, " ") {
				t.Fatalf("token %q folds to %q", text[toks[i].Start:toks[i].End], one)
			}
			var parts, folds []string
			for k := i; k < min(len(toks), i+3); k++ {
				parts = append(parts, text[toks[k].Start:toks[k].End])
				folds = append(folds, toks[k].Key)
				if got, want := strings.Join(folds, " "), Fold(strings.Join(parts, " ")); got != want {
					t.Fatalf("tokens %q fold to %q, the phrase to %q", parts, got, want)
				}
			}
		}
	})
}

// TestFoldFastPath holds Fold's path for plain words to the general one.
func TestFoldFastPath(t *testing.T) {
	for _, s := range []string{"", "kabul", "Kabul", "KABUL", "N'Djamena", "o'clock", "F16", "abc_d", "Dera Ismail", "Kabul’s", "São", "x-y", "a.b", " -Kabul- ", "\xffA\xc3"} {
		if got, want := Fold(s), foldSpec(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(AppendFold(nil, s)), foldSpec(s); got != want {
			t.Errorf("AppendFold(nil, %q) = %q, want %q", s, got, want)
		}
	}
}

// foldSpec is Fold as first written, which Fold and AppendFold must
// agree with.
func foldSpec(s string) string {
	r := s
	if !IsASCII(s) {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if out, _, err := transform.String(t, s); err == nil {
			r = out
		}
	}
	var b strings.Builder
	space := false
	for _, c := range r {
		switch {
		case c == '-' || c == '–' || c == '—' || c == '‐' || unicode.IsSpace(c):
			space = true
			continue
		case c == '’' || c == 'ʼ' || c == '‘' || c == '`':
			c = '\''
		case c == '.':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

func FuzzFold(f *testing.F) {
	f.Add("São Tomé  N’Djamena -- Dera-Ismail. Khan ǅemal İ \xff")
	f.Add("Kabul")
	f.Add("N'Djamena")
	f.Fuzz(func(t *testing.T, s string) {
		want := foldSpec(s)
		if got := Fold(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
		if got := string(AppendFold([]byte("x"), s)); got != "x"+want {
			t.Errorf("AppendFold(x, %q) = %q, want %q", s, got, "x"+want)
		}
	})
}

// tokensSpec is the tokenizer as first written, decoding every rune,
// which tokens must agree with.
func tokensSpec(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				i += size
				continue
			}
			if (r == '\'' || r == '’') && i+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if (next == 's' || next == 'S') && (i+size+1 >= len(text) || !isLetterAt(text, i+size+1)) {
					out = append(out, Token{Start: start, End: i, Key: Fold(text[start:i])}, Token{Start: i, End: i + size + 1, Key: Possessive})
					i += size + 1
					start = -1
					break
				}
				if unicode.IsLetter(next) {
					i += size
					continue
				}
			}
			break
		}
		if start >= 0 {
			out = append(out, Token{Start: start, End: i, Key: Fold(text[start:i])})
		}
	}
	return out
}

func TestTokensFastPath(t *testing.T) {
	for _, s := range []string{"", "Kabul", "N'Djamena's base", "Kabul’s outskirts", "e\u0301a \u0301x", "São Tomé, 12 km", "a'", "'s", "x's", "F-16s\xff\xfeA", "Dera Ismail Khan.", "ǅemal İstanbul"} {
		if got, want := Tokens(s), tokensSpec(s); !slices.Equal(got, want) {
			t.Errorf("Tokens(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzTokensSpec(f *testing.F) {
	f.Add("N'Djamena's base, Kabul’s outskirts — São Tomé \xff e\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Tokens(s), tokensSpec(s); !slices.Equal(got, want) {
			t.Fatalf("Tokens(%q) = %v, want %v", s, got, want)
		}
	})
}
