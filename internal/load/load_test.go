package load

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/lexicon"
)

// sharedCorpus returns the path of the project's reference corpus, or
// skips the test when it is not there (it is not shipped to users).
func sharedCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/corpus not present (%v): the reference article is only available beside the repository", err)
	}
	return dir
}

func TestSharedArticle(t *testing.T) {
	dir := sharedCorpus(t)
	data, err := os.ReadFile(filepath.Join(dir, "newsaz-2025-10-14-pakistan-afghanistan.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Load(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Published != "2025-10-14" || doc.PublishedFrom != "dateline" || doc.Outlet != "News.Az" || doc.Language != "en" || doc.Format != "text" {
		t.Errorf("metadata = %q %q %q %q %q", doc.Published, doc.PublishedFrom, doc.Outlet, doc.Language, doc.Format)
	}
	if !strings.HasPrefix(doc.Text, "In recent days, escalating clashes") || !strings.HasSuffix(doc.Text, "Salam said.") {
		t.Errorf("text runs %q ... %q", doc.Text[:40], doc.Text[len(doc.Text)-40:])
	}
	if strings.Contains(doc.Text, "16 px") || strings.Contains(doc.Text, "News.Az\n") {
		t.Error("chrome left in the text")
	}
	gold, err := os.ReadFile(filepath.Join(dir, "newsaz-2025-10-14-pakistan-afghanistan.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	// Every gold evidence passage survives cleaning byte for byte.
	for _, line := range strings.Split(string(gold), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, `"evidence": "`) {
			continue
		}
		ev := strings.TrimSuffix(strings.TrimPrefix(line, `"evidence": "`), `",`)
		if !strings.Contains(doc.Text, ev) {
			t.Errorf("evidence %q not in clean text", ev)
		}
	}
}

func TestTextPages(t *testing.T) {
	tests := []struct {
		name, input                      string
		title, outlet, published, inText string
		notInText                        []string
	}{
		{
			name: "wire",
			input: "Home | World | Africa | Politics\nShare  Tweet  Email\n\nGunmen kill 12 in northeast Nigeria village\n\nPublished: 2 March 2024 14:05 GMT\nBy Jane Doe\n\n" +
				"MAIDUGURI, Nigeria, March 2 (SMN) — Gunmen killed at least 12 villagers in Borno State late on Friday, a local official said.\n\n" +
				"The attackers arrived on motorcycles and set fire to several homes before fleeing into the bush, residents told reporters.\n\n" +
				"Related articles\nTroops repel attack on base\nFloods displace thousands\n\n© 2024 Sahel Monitor. All rights reserved.",
			title: "Gunmen kill 12 in northeast Nigeria village", outlet: "Sahel Monitor", published: "2024-03-02",
			inText:    "MAIDUGURI, Nigeria, March 2 (SMN) — Gunmen killed at least 12 villagers",
			notInText: []string{"Share", "Related articles", "Troops repel attack on base", "By Jane Doe", "©"},
		},
		{
			name:   "us-date",
			input:  "The Frontier Post Online\nMarch 2, 2024 | 6:05 AM\n\nProtesters marched through the capital on Saturday to demand the release of detained activists, witnesses said.\n\nPolice did not intervene and the march ended peacefully in the afternoon, organisers said.\n",
			outlet: "The Frontier Post Online", published: "2024-03-02",
			inText: "Protesters marched through the capital",
		},
		{
			name:      "dotted-date",
			input:     "Updated 02.03.2024\nA+ A-\nThe army said on Monday that its soldiers had recaptured the town after two days of fighting with the rebels.\n",
			published: "2024-03-02",
			inText:    "The army said on Monday",
			notInText: []string{"A+ A-", "Updated"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Load(context.Background(), []byte(tt.input), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title || doc.Outlet != tt.outlet || string(doc.Published) != tt.published {
				t.Errorf("title %q outlet %q published %q, want %q %q %q", doc.Title, doc.Outlet, doc.Published, tt.title, tt.outlet, tt.published)
			}
			if !strings.Contains(doc.Text, tt.inText) {
				t.Errorf("text lacks %q:\n%s", tt.inText, doc.Text)
			}
			for _, s := range tt.notInText {
				if strings.Contains(doc.Text, s) {
					t.Errorf("text holds chrome %q", s)
				}
			}
		})
	}
}

func TestHTMLPage(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><title>Troops retake town | Lake Chad Herald</title>
<meta property="og:site_name" content="Lake Chad Herald">
<meta property="og:title" content="Troops retake town from insurgents">
<meta property="article:published_time" content="2024-05-06T08:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Troops retake town from insurgents</h1>
<p>Nigerian troops recaptured the town of Malam Fatori in Borno State on Sunday after a two-day battle with insurgents, the army said in a statement on Monday.</p>
<p>Army spokesman Onyema Nwachukwu said 23 insurgents were killed and several weapons were seized during the operation, which was supported by air strikes.</p>
<p>Residents who fled to nearby villages said they had begun returning to their homes, although many houses had been burned during the fighting.</p>
</article><aside><h3>Most read</h3><ul><li>Floods hit the capital</li></ul></aside>
<footer>© 2024 Lake Chad Herald</footer><script>var x = 1;</script></body></html>`
	doc, err := Load(context.Background(), []byte(page), Options{Source: "https://example.org/a"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "html" || doc.Outlet != "Lake Chad Herald" || doc.Published != "2024-05-06" || doc.PublishedFrom != "html-meta" {
		t.Errorf("metadata: format %q outlet %q published %q from %q", doc.Format, doc.Outlet, doc.Published, doc.PublishedFrom)
	}
	if !strings.Contains(doc.Text, "Nigerian troops recaptured the town of Malam Fatori in Borno State on Sunday") {
		t.Errorf("text lacks the lede:\n%s", doc.Text)
	}
	if strings.Contains(doc.Text, "var x") || strings.Contains(doc.Text, "Floods hit") {
		t.Errorf("boilerplate left in:\n%s", doc.Text)
	}
}

func TestBadInput(t *testing.T) {
	big := bytes.Repeat([]byte("a"), DefaultMaxBytes+1)
	tests := []struct {
		name  string
		input []byte
		want  error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\t "), ErrEmpty},
		{"binary", []byte("\x00\x01\x02binary\x00data"), ErrBinary},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00"), ErrBinary},
		{"pdf", []byte("%PDF-1.7 ..."), ErrBinary},
		{"mostly-invalid", []byte("\u00e9\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8 ok"), ErrEncoding},
		{"too-large", big, ErrTooLarge},
		{"truncated-html", []byte("<!DOCTYPE html><html><head><title>x</title></head><body><div><p>Short text that ends"), ErrTruncated},
		{"no-text", []byte("Home | World | Sport\nShare Tweet\n"), ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(context.Background(), tt.input, Options{})
			if !errors.Is(err, tt.want) {
				t.Errorf("Load = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestUTF16(t *testing.T) {
	text := "Soldiers clashed with rebels near the town on Monday, the army said in a statement."
	var b bytes.Buffer
	b.Write([]byte{0xff, 0xfe})
	for _, r := range text {
		b.Write([]byte{byte(r), byte(r >> 8)})
	}
	doc, err := Load(context.Background(), b.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != text {
		t.Errorf("text = %q", doc.Text)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"date 2025-10-14 + ↺ − 16 px":   "2025-10-14",
		"Published: 2 March 2024 14:05": "2024-03-02",
		"March 2, 2024 | 6:05 AM":       "2024-03-02",
		"Updated 02.03.2024":            "2024-03-02",
		"10/14/2025":                    "2025-10-14",
		"Mon 4 Mar 2024":                "2024-03-04",
		"31 February 2024":              "",
		"16 px":                         "",
		"May":                           "",
		"Sept. 7, 2004":                 "2004-09-07",
		"SEP 7 2004":                    "2004-09-07",
		"14 Oct. 2025":                  "2025-10-14",
		"October. 14, 2025":             "2025-10-14",
		"May 5, 2020":                   "2020-05-05",
		"3rd June 2021":                 "2021-06-03",
		"Septem 7, 2004":                "",
	} {
		if got := ParseDate(in); got != want {
			t.Errorf("ParseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMonthStems checks what monthOf and urlDate rest on: every form of
// a month opens with its first three letters.
func TestMonthStems(t *testing.T) {
	for _, m := range lexicon.MonthNames() {
		for _, f := range append([]string{m.Name}, m.Short...) {
			if !strings.HasPrefix(f, monthStems[m.Number-1]) {
				t.Errorf("%s: %q does not open with %q", m.Name, f, monthStems[m.Number-1])
			}
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte("date 2025-10-14 + ↺ − 16 px\n\nIn recent days, clashes along the border have marked one of the most serious confrontations.\n\nNews.Az"))
	f.Add([]byte("<html><body><p>Soldiers clashed with rebels near the town on Monday, the army said.</p></body></html>"))
	f.Add([]byte("<div><div><div><p>truncated"))
	f.Add([]byte(`<html><body><article><header><h1>Base attacked</h1></header><p>Soldiers clashed with rebels near the town on Monday, the army said.</p>` +
		`<h2>‘Repelled’</h2><ul><li><a href="/a">Other</a></li></ul><figure><figcaption>A soldier</figcaption></figure>` +
		`<article><h3><a href="/b">Floods hit the capital</a></h3><p>Thousands fled.</p></article><p>Residents fled to the bush, witnesses said.</p></article></body></html>`))
	f.Add([]byte("\xff\xfeS\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Load(context.Background(), data, Options{})
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || doc.Text == "" || len(doc.ID) != 64 {
			t.Fatalf("bad document: id %q, valid %v", doc.ID, utf8.ValidString(doc.Text))
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-10-14", "2 March 2024", "March 2, 2024", "02.03.2024", "99/99/9999", "Sept 31 2024", "Oct 14, 202", "x 1.2.2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := ParseDate(s)
		if d != "" && len(d) != 10 {
			t.Fatalf("ParseDate(%q) = %q", s, d)
		}
		if all := parseDate(s); d != all {
			t.Fatalf("ParseDate(%q) = %q, the patterns alone say %q", s, d, all)
		}
	})
}

// TestHTMLChromeParagraph: a page whose article starts with a paragraph of
// chrome keeps the rest of the article (paragraphs come from the block
// elements, not from text that may run them together).
func TestHTMLChromeParagraph(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Insurgents storm army base</title></head><body><article>
<p>Home | Nigeria | Security | Politics | Business</p>
<p>MAIDUGURI, March 26 (LCH) — Fighters of the Islamic State West Africa Province attacked a military base in Monguno, Borno State, late on Monday, sparking a gun battle that lasted several hours, military and local sources said.</p>
<p>The army said in a statement on Tuesday that five soldiers were killed and that troops "neutralised" 27 insurgents.</p>
</article></body></html>`
	doc, err := Load(context.Background(), []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(doc.Text, "\n\n")
	if len(paras) != 2 || !strings.HasPrefix(paras[0], "MAIDUGURI") || !strings.HasPrefix(paras[1], "The army said") {
		t.Errorf("paragraphs %q", paras)
	}
}

// TestHTMLHeadings checks that of the blocks that read as headings the
// article's own subhead is kept and the rest left out (a date line, a
// byline, the headline of a second story, which links to it), and that
// short paragraphs of prose are kept.
func TestHTMLHeadings(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Insurgents storm army base</title></head><body><article>
<p>Published: 26 March 2025 | 09:12 WAT</p>
<p>By Amina Bello</p>
<p>MAIDUGURI, March 26 (LCH) — Fighters of the Islamic State West Africa Province attacked a military base in Monguno, Borno State, late on Monday, sparking a gun battle that lasted several hours, military and local sources said.</p>
<h2>Air force strikes back</h2>
<p>Five soldiers were killed.</p>
<p>“We repelled them,” the army said.</p>
<p><a href="/sudan/el-fasher-market">Drone strike hits market in El Fasher as shelling pounds displacement camp</a></p>
<p>Residents of the town, many of whom had fled to the bush when the shooting began, said the insurgents burned shops and a clinic before they withdrew towards the lake</p>
</article></body></html>`
	doc, err := Load(context.Background(), []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(doc.Text, "\n\n")
	want := []string{"MAIDUGURI", "Air force strikes back", "Five soldiers", "“We repelled", "Residents of the town"}
	if len(paras) != len(want) {
		t.Fatalf("paragraphs %q, want %d beginning %q", paras, len(want), want)
	}
	for i, w := range want {
		if !strings.HasPrefix(paras[i], w) {
			t.Errorf("paragraph %d is %q, want it to begin %q", i, paras[i], w)
		}
	}
}

// TestHTMLLooseText checks that text outside block elements, as in a feed
// item's body, is read a paragraph at a time, links and emphasis inside
// it, and not a piece per element.
func TestHTMLLooseText(t *testing.T) {
	page := `<html><head><title>Base attacked</title></head><body><article>Fighters of the Islamic State West Africa Province attacked <a href="/x">a military base in Monguno</a>, Borno State, late on Monday, sparking a gun battle that lasted several hours, military and local sources said.<br><br>The army said in a statement on Tuesday that five soldiers were killed and that troops <b>neutralised</b> 27 insurgents in the fighting.<div>Residents said the insurgents burned shops and a clinic before they withdrew towards the lake.</div></article></body></html>`
	doc, err := Load(context.Background(), []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Fighters of the Islamic State West Africa Province attacked a military base in Monguno, Borno State, late on Monday, sparking a gun battle that lasted several hours, military and local sources said.",
		"The army said in a statement on Tuesday that five soldiers were killed and that troops neutralised 27 insurgents in the fighting.",
		"Residents said the insurgents burned shops and a clinic before they withdrew towards the lake.",
	}
	if got := strings.Split(doc.Text, "\n\n"); !slices.Equal(got, want) {
		t.Errorf("paragraphs\n%q\nwant\n%q", got, want)
	}
}

// TestHTMLEncodings checks that a page's text comes out as the page means
// it: in the charset it declares, and composed, without soft hyphens.
func TestHTMLEncodings(t *testing.T) {
	body := func(head, para string) string {
		return `<!DOCTYPE html><html><head>` + head + `<title>Talks</title></head><body><article>` +
			`<p>` + para + `</p>` +
			`<p>Delegations from both governments met for a second day of talks on the disputed border crossing, officials said.</p>` +
			`<p>The talks are due to resume next week after consultations in both capitals, a spokesman for the mediators said.</p>` +
			`</article></body></html>`
	}
	tests := []struct {
		name string
		page string
		want string
	}{
		{
			name: "declared windows-1252",
			page: body(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`,
				"The mediators met at a caf\xe9 in Bamako on Monday, where the envoy told reporters the ceasefire would hold."),
			want: "The mediators met at a café in Bamako on Monday",
		},
		{
			name: "undeclared UTF-8",
			page: body(``, "Kürşat Özdemir, the envoy, met the Đắk Lắk delegation and the Кременчук council on Monday to discuss the ceasefire."),
			want: "Kürşat Özdemir, the envoy, met the Đắk Lắk delegation and the Кременчук council on Monday",
		},
		{
			name: "decomposed accents and soft hyphens",
			page: body(`<meta charset="utf-8">`, "The envoy arrived in Se\u0301gou and met the com\u00admanders on Monday to discuss the ceasefire in the region."),
			want: "The envoy arrived in Ségou and met the commanders on Monday",
		},
		{
			name: "soft hyphens as entities",
			page: body(`<meta charset="utf-8">`, "The envoy arrived in Ségou and met the com&shy;man&#173;ders on Monday to discuss the ceasefire in the region."),
			want: "The envoy arrived in Ségou and met the commanders on Monday",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Load(context.Background(), []byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(doc.Text, tt.want) {
				t.Errorf("text lacks %q:\n%s", tt.want, doc.Text)
			}
		})
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("Twelve  soldiers\twere killed\u00a0on Monday\u2003.")
	f.Add("\xff \x85 a\u0085b")
	f.Fuzz(func(t *testing.T, s string) {
		for _, most := range []int{0, 1, 6, 25, len(s) + 1} {
			if got, want := countWords(s, most), min(len(strings.Fields(s)), most); got != want {
				t.Fatalf("countWords(%q, %d) = %d, want %d", s, most, got, want)
			}
		}
	})
}

// TestControls checks the count of control characters, eight bytes at a
// time, against a count one byte at a time, over every byte.
func TestControls(t *testing.T) {
	var all []byte
	for c := range 256 {
		all = append(all, byte(c))
	}
	tests := [][]byte{nil, []byte("plain text\r\n\tand a form feed\f"), []byte("\x00\x01\x0b\x1f\x7f\x80\x9f"), all,
		bytes.Repeat([]byte("ab\x1b[0m\x0e\xe2\x80\x99 "), 9)}
	for _, s := range tests {
		want := 0
		for _, b := range s {
			if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
				want++
			}
		}
		if got := controls(s); got != want {
			t.Errorf("controls(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestParseDateLooks checks that the looks parseDate takes before its
// patterns change no date: it reads as the patterns alone, in order, do.
func TestParseDateLooks(t *testing.T) {
	patterns := func(s string) string {
		if m := isoDateRE.FindStringSubmatch(s); m != nil {
			return validDate(m[1], m[2], m[3])
		}
		if m := mdyRE.FindStringSubmatch(s); m != nil {
			return validDate(m[2], monthOf(m[0]), m[1])
		}
		if m := dmyRE.FindStringSubmatch(s); m != nil {
			return validDate(m[2], monthOf(m[0]), m[1])
		}
		if m := numDateRE.FindStringSubmatch(s); m != nil {
			a, _ := strconv.Atoi(m[1])
			if m[2] == "." || a > 12 {
				return validDate(m[4], m[3], m[1])
			}
			return validDate(m[4], m[1], m[3])
		}
		return ""
	}
	for _, s := range []string{
		"Published: 26 March 2025 | 09:12 WAT", "2025-06-18", "June 25, 2025 | 7:40 PM", "Published 03.08.2024",
		"27 January 2025", "Posted: Mon 13 Jan 2025", "20/01/2025", "10/14/2025", "Sept 23, 2024 | 11:02 AM",
		"May 13, 2025 - 10:15", "© 2025 Lake Chad Herald. All rights reserved.", "ſept 5, 2024", "5 AUGUſT 2024",
		"12 2024", "2024", "1.2.2024", "31/31/2024", "2024-13-01", "Mar. 3 2023", "",
	} {
		if got, want := parseDate(s), patterns(s); got != want {
			t.Errorf("parseDate(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestHasLetter(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{{"20/01/2025", false}, {"2025-06-18 12:00", false}, {"", false}, {"1 Jan", true}, {"12 \u017f", true}, {"x", true}}
	for _, tt := range tests {
		if got := hasLetter(tt.s); got != tt.want {
			t.Errorf("hasLetter(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestTextID holds the buffered hash to the hash of the whole text, on
// texts shorter than, as long as and longer than its buffer.
func TestTextID(t *testing.T) {
	for _, n := range []int{0, 1, 1023, 1024, 1025, 5000} {
		s := strings.Repeat("x", n)
		sum := sha256.Sum256([]byte(s))
		if got, want := textID(s), hex.EncodeToString(sum[:]); got != want {
			t.Errorf("textID of %d bytes = %s, want %s", n, got, want)
		}
	}
}
