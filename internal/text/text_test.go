package text

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokens(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // keys joined by |
	}{
		{"", ""},
		{"Gunmen killed 12 in Goma.", "gunmen|killed|12|in|goma"},
		{"N'Djamena and N’Djamena", "n'djamena|and|n'djamena"},
		{"Kabul's army, Afghanistan’s forces", "kabul|'s|army|afghanistan|'s|forces"},
		{"the New People's Army", "the|new|people|'s|army"},
		{"PEOPLE'S ARMY", "people|'s|army"},
		{"al-Shabaab fighters", "al|shabaab|fighters"},
		{"Jama'at Nusrat al-Islam", "jama'at|nusrat|al|islam"},
		{"Dar'a, 'quoted' words'", "dar'a|quoted|words"},
		{"Kyiv’s", "kyiv|'s"},
		{"São Paulo, Ḥalab and Düsseldorf", "sao|paulo|halab|and|dusseldorf"},
		{"U.S. forces", "u|s|forces"},
		{"ДОНЕЦК и Донецк", "донецк|и|донецк"},
		{"it's 5pm", "it|'s|5pm"},
		{"rock'n'roll", "rock'n'roll"},
	} {
		var keys []string
		for _, tok := range Tokens(tt.in) {
			keys = append(keys, tok.Key)
		}
		if got := strings.Join(keys, "|"); got != tt.want {
			t.Errorf("Tokens(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Goma", "goma"},
		{"goma", "goma"},
		{"Deir ez-Zor", "deir ez zor"},
		{"Deir  ez–Zor", "deir ez zor"},
		{"Côte d’Ivoire", "cote d'ivoire"},
		{"U.S.", "us"},
		{"  Kyiv ", "kyiv"},
		{"ḤALAB", "halab"},
	} {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendFold([]byte("x"), tt.in)); got != "x"+tt.want {
			t.Errorf("AppendFold(x, %q) = %q", tt.in, got)
		}
	}
}

func TestLowerASCII(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""}, {"abc", "abc"}, {"Goma ÉTAT", "goma État"},
		// Past eight bytes the capitals are lowered a word at a time:
		// the bytes either side of 'A' to 'Z', and those with the high
		// bit set, stay.
		{"@AZ[`az{ ABCDEFGHIJKLMNOPQRSTUVWXYZ", "@az[`az{ abcdefghijklmnopqrstuvwxyz"},
		{"x\xc1\xdaÀÉÎ\x80\xffQ@[Z", "x\xc1\xdaÀÉÎ\x80\xffq@[z"},
		{strings.Repeat("Ab", 300) + "C", strings.Repeat("ab", 300) + "c"},
	} {
		if got := LowerASCII(tt.in); got != tt.want {
			t.Errorf("LowerASCII(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzTokens holds Tokens to its contract on any input: spans in order,
// inside the text, each a word whose key is its fold.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Kabul's army", "N’Djamena", "São Paulo", "a'b'", "'s", "\xff\xfeab", "Ǆ'S"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, tok := range Tokens(s) {
			if tok.Start < end || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("Tokens(%q): span %d-%d after %d", s, tok.Start, tok.End, end)
			}
			end = tok.End
			word := s[tok.Start:tok.End]
			if tok.Key == Possessive {
				continue
			}
			if !utf8.ValidString(word) && utf8.ValidString(s) {
				t.Fatalf("Tokens(%q): token %q cuts a character", s, word)
			}
			if tok.Key != Fold(word) {
				t.Fatalf("Tokens(%q): key %q of %q, want its fold %q", s, tok.Key, word, Fold(word))
			}
		}
	})
}

func TestHas(t *testing.T) {
	d := Split("Reuters - U.S. planes bombed Falluja; the New People’s Army and Forces Armées du Congo said, al-Shabaab's men too.")
	for _, tt := range []struct {
		phrase string
		want   bool
	}{
		{"U.S. planes", true},
		{"us planes", false}, // "U.S." is two words parted by a dot
		{"u.s", true},
		{"PLANES BOMBED", true},
		{"planes  bombed", false},
		{"New People's Army", true},
		{"forces armees", true},
		{"Al-Shabaab", true},
		{"al Shabaab", false},
		{"Falluja", true},
		{"Fallujah", false},
		{"bombed Falluja the", false},
		{"", false},
		{"...", false},
		{"said al", false},
		{"men too", true},
	} {
		if got := d.Has(tt.phrase); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.phrase, got, tt.want)
		}
	}
	// A word written several times: each place it is written is tried.
	d = Split("the army, the rebels and the police")
	for _, p := range []string{"the police", "the rebels", "the army"} {
		if !d.Has(p) {
			t.Errorf("Has(%q) = false", p)
		}
	}
	if d.Has("the militia") {
		t.Error(`Has("the militia") = true`)
	}
}

func TestIsCapital(t *testing.T) {
	for s, want := range map[string]bool{"": false, "Kabul": true, "kabul": false, "1st": false, "Ürümqi": true, "ürümqi": false, "Δ": true, "\xff": false, "'s": false} {
		if got := IsCapital(s); got != want {
			t.Errorf("IsCapital(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzLowerASCII holds LowerASCII to lowering one byte at a time.
func FuzzLowerASCII(f *testing.F) {
	for _, s := range []string{"", "Goma ÉTAT", "@AZ[`az{ ABCDEFGHIJ", "\xc1\xdaZZZZZZZZZZ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := make([]byte, len(s))
		for i := 0; i < len(s); i++ {
			want[i] = LowerASCIIByte(s[i])
		}
		if got := LowerASCII(s); got != string(want) {
			t.Errorf("LowerASCII(%q) = %q, want %q", s, got, want)
		}
	})
}

// sameLowered fails t unless LowerInto lowers s as lowerByte does, one
// byte at a time, and tells whether s is all ASCII.
func sameLowered(t *testing.T, s string) {
	t.Helper()
	got := make([]byte, len(s))
	ascii := LowerInto(got, s)
	want := make([]byte, len(s))
	wantASCII := true
	for i := range len(s) {
		if want[i] = s[i]; 'A' <= s[i] && s[i] <= 'Z' {
			want[i] += 'a' - 'A'
		}
		wantASCII = wantASCII && s[i] < 0x80
	}
	if !bytes.Equal(got, want) || ascii != wantASCII {
		t.Fatalf("LowerInto(%q) = %q, %v; want %q, %v", s, got, ascii, want, wantASCII)
	}
}

func TestLowerInto(t *testing.T) {
	for _, s := range []string{"", "A", "AZaz@[`{", "THE QUICK BROWN FOX JUMPS", "ÀÉ ÖZ\u212a", "abcdefg\x80", "@@@@[[[[````{{{{"} {
		sameLowered(t, s)
	}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	for i := range 8 { // every byte, at every place in a word of eight
		sameLowered(t, string(all[i:]))
	}
}

func FuzzLowerInto(f *testing.F) {
	f.Add("Killed in an ATTACK on Kabul\u2019s north-west")
	f.Fuzz(sameLowered)
}
