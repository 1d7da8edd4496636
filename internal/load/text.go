package load

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/bytewise"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/lexicon"
	"github.com/sitrep/sitrep/internal/pattern"
)

// loadText reads plain text with page chrome: each line is a paragraph of
// the article or a piece of chrome, and the chrome says when the article
// was published and by whom.
func loadText(text string) (*event.Document, error) {
	raw := rawLines(text)
	if n := headlineList(raw); n > 0 {
		return nil, fmt.Errorf("%w: %d lines that read as headlines and not one sentence", ErrListing, n)
	}
	lines := paragraphs(raw)
	doc := &event.Document{Format: string(FormatText)}
	content := contentLines(lines)
	if !slices.Contains(content, true) {
		// A feed item or a wire snippet: a headline and a lead cut off
		// before its stop. Lines of prose words are its text, the first
		// that reads as a title apart.
		title := ""
		if len(lines) > 1 {
			title = headline(lines[:1], "")
		}
		for i, l := range lines {
			content[i] = l != title && countWords(l, 3) >= 3 && lowerWords(l) > 0
		}
	}
	// A list of tags opens with "Tag": a text that never writes it has
	// none, and its paragraphs need no search for one.
	tags := strings.Contains(text, "Tag")
	var body []string
	firstBody := -1
	for i, l := range lines {
		if content[i] {
			if firstBody < 0 {
				firstBody = i
			}
			if tags {
				l = dropTagList(l)
			}
			body = append(body, l)
		}
	}
	if firstBody < 0 {
		return nil, noProse(lines)
	}
	doc.Outlet = outlet(lines)
	doc.Title = headline(lines[:firstBody], doc.Outlet)
	d, from := publishedLine(lines, content, firstBody)
	doc.Published, doc.PublishedFrom = event.Date(d), from
	doc.Text = strings.Join(body, "\n\n")
	if doc.Title != "" && len(body) <= 2 {
		// A short item (a feed's or a wire's headline and lead) says half
		// of what it says in its headline, which may name what the lead
		// leaves out ("Car bomb kills marines in Fallujah"): it is part of
		// the text, and extraction folds its event into the lead's.
		doc.Text = doc.Title + "\n\n" + doc.Text
		doc.Headline = &event.Span{Start: 0, End: len(doc.Title)}
		body[0] = doc.Text[:len(doc.Title)+2+len(body[0])]
	}
	// The article's own date line, in its first paragraph: FA-KES-style
	// scrapes run date, headline and body together on one line.
	o := readOpening(body[0])
	if o.outlet != "" {
		if doc.Outlet == "" {
			doc.Outlet = o.outlet
		}
		s := o.outletSpan
		doc.OutletTag = &s
	}
	if loc := sourceLineRE.FindStringSubmatchIndex(doc.Text[max(0, len(doc.Text)-400):]); loc != nil && doc.OutletTag == nil {
		// "(Source: Syrian Coalition's Media Office)" closing a press
		// release: who publishes it, and so who says what it tells.
		off := max(0, len(doc.Text)-400)
		s := event.Span{Start: off + loc[2], End: off + loc[3]}
		doc.Outlet = doc.Text[s.Start:s.End]
		doc.OutletTag = &s
	}
	if !o.date.IsZero() {
		if doc.Published == "" {
			doc.Published, doc.PublishedFrom = event.DateOf(o.date), "dateline"
		}
		doc.Dateline = &event.Span{Start: o.dateSpan.Start, End: o.dateSpan.End}
		if o.headline.Len() > 0 {
			doc.Headline = &event.Span{Start: o.headline.Start, End: o.headline.End}
			if doc.Title == "" {
				doc.Title = doc.Text[o.headline.Start:o.headline.End]
			}
		}
	}
	return doc, nil
}

// minListed is how many headlines a plain-text listing has at least: a
// feed item or a wire snippet has a headline and a lead, and perhaps a
// line of chrome.
const minListed = 4

// headlineList returns how many lines of a plain-text listing of
// headlines (a copied section page, a list of links) the raw lines of a
// text hold, or 0 when it is not one: every line short, none ending a
// sentence, and nearly all starting as a headline does, with a capital
// or a digit.
// Joined, its lines would read as one report, and the events of
// different stories would merge. The lines of hard-wrapped prose end
// mid-sentence too, but the last of a paragraph ends with its stop,
// many start with a small letter, and many hold the end of a sentence;
// wire text in capitals alone is never a listing.
func headlineList(raw []string) int {
	// An article has a line that ends a sentence or runs long within its
	// first few: asked first, that spares the patterns below the lines of
	// chrome before it.
	for _, l := range raw {
		if l = strings.TrimSpace(l); l != "" && (endsSentence(l) || countWords(l, 26) > 25) {
			return 0
		}
	}
	lines, upper := 0, 0
	lower := false
	for _, l := range raw {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		words := countWords(l, 26)
		if innerStopRE.MatchString(l) {
			return 0
		}
		lower = lower || strings.IndexFunc(l, unicode.IsLower) >= 0
		if words < 3 || words < 6 && ParseDate(l) != "" {
			continue // a menu item, a date, the outlet's name
		}
		lines++
		if first, _ := utf8.DecodeRuneInString(l); unicode.IsUpper(first) || unicode.IsDigit(first) {
			upper++
		}
	}
	if lines < minListed || upper*10 < lines*9 || !lower {
		return 0
	}
	return lines
}

// innerStopRE finds the end of a sentence inside a line.
var innerStopRE = pattern.MustCompile(`[a-z\]\)][.!?]["”’]?\s+["“]?[A-Z]`)

// noProse says why lines hold no article: nothing but short lines (a
// listing of links or a menu), or nothing but page chrome.
func noProse(lines []string) error {
	if len(lines) == 0 {
		return fmt.Errorf("%w: only white space", ErrNoText)
	}
	chrome := 0
	for _, l := range lines {
		if isChrome(l) {
			chrome++
		}
	}
	if chrome == len(lines) {
		return fmt.Errorf("%w: only page chrome (%d lines)", ErrNoText, len(lines))
	}
	return fmt.Errorf("%w: no line reads as prose (%d short lines, as a menu or a list of links)", ErrNoText, len(lines))
}

// splitLines returns the non-blank lines of text, trimmed; the lines of
// a hard-wrapped paragraph (wire and e-mail text broken at about 70
// characters) are joined into one.
func splitLines(text string) []string { return paragraphs(rawLines(text)) }

// rawLines returns the lines of text as written, split once for every
// reader of them.
func rawLines(text string) []string {
	return strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
}

// paragraphs is splitLines for a text's raw lines, which it may
// overwrite.
func paragraphs(raw []string) []string {
	if hardWrapped(raw) {
		return joinWrapped(raw)
	}
	out := raw[:0]
	for _, l := range raw {
		l = strings.TrimSpace(l)
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// hardWrapped reports whether the text's lines were broken at a fixed
// width: most long lines end within a few characters of the same column
// and many of them in mid-sentence.
func hardWrapped(raw []string) bool {
	long, near, open := 0, 0, 0
	widest := 0
	for _, l := range raw {
		// A line wider than 100 bytes settles it: most articles have
		// one among their first.
		w := len(trimRightBlank(l))
		if w > 100 {
			return false
		}
		widest = max(widest, w)
	}
	if widest < 40 {
		return false
	}
	for _, l := range raw {
		l = trimRightBlank(l)
		if len(l) < 30 {
			continue
		}
		long++
		if len(l) >= widest-20 {
			near++
		}
		if !endsSentence(l) {
			open++
		}
	}
	return long >= 3 && near*10 >= long*6 && open*3 >= long
}

// trimRightBlank is strings.TrimRight(l, " \t\r").
func trimRightBlank(l string) string {
	for l != "" && (l[len(l)-1] == ' ' || l[len(l)-1] == '\t' || l[len(l)-1] == '\r') {
		l = l[:len(l)-1]
	}
	return l
}

// joinWrapped joins hard-wrapped lines into paragraphs, which end at a
// blank line or at an indented line.
func joinWrapped(raw []string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range raw {
		l := strings.TrimSpace(r)
		if l == "" {
			flush()
			continue
		}
		if r[0] == ' ' || r[0] == '\t' {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(l)
	}
	flush()
	return out
}

// Caption and chrome patterns, split by where they look: run unanchored
// over a whole paragraph, a "^" alternative costs the engine a pass over
// every byte, so the line's start and end are cut off and matched alone.
// A start pattern holds its "^" before all its alternatives: package
// pattern then rules out a line by its first three bytes.
var (
	captionStartRE = pattern.MustCompile(`(?i)^(?:(?:photo|image|file photo|caption|picture|video|watch|listen|graphic)\b|(?:by|reporting by|writing by|editing by|additional reporting by)\s)`)
	captionEndRE   = pattern.MustCompile(`(?i)\((?:AFP|Reuters|AP|EPA|Getty Images)\)$|/(?:Reuters|AFP|AP|EPA)$`)
	chromeStartRE  = pattern.MustCompile(`(?i)^(?:share|tweet|email|print|comments?|subscribe|sign up|log ?in|register|advertisement|cookies?|accept|related|read more|more from|most read|you may also like|trending|follow us|newsletter|all rights reserved|©|copyright|home\b|menu|search|skip to)\b`)
	chromeAnyRE    = pattern.MustCompile(`(?i)cookie|newsletter|all rights reserved|©\s*\d{4}`)
	endPunct       = ".!?”\"’:)"
)

// reach is longer than any match of the start and end patterns, with a
// byte to spare for the word boundary after it.
const reach = 40

// isChrome reports whether a line is a caption, a byline or page chrome.
func isChrome(l string) bool {
	head, tail := l[:min(len(l), reach)], l[max(0, len(l)-reach):]
	return captionStartRE.MatchString(head) || creditEnd(tail) && captionEndRE.MatchString(tail) || isPageChrome(l)
}

// creditEnd reports whether a line's end may be a photo's credit, which
// captionEndRE finds: it closes a bracket or follows a slash. Few lines
// do, and the check spares the pattern the others.
func creditEnd(tail string) bool {
	return strings.HasSuffix(tail, ")") || strings.IndexByte(tail, '/') >= 0
}

// isPageChrome reports whether a line is a site's own text: share
// buttons, menus, cookie notices, copyright.
func isPageChrome(l string) bool {
	// The pattern's own prefilter lowers a copy of the line to search
	// it; HoldsNeedle searches the line for the rarest byte of each of
	// its words in both cases, which costs a prose line a quarter as
	// much.
	return chromeStartRE.MatchString(l[:min(len(l), reach)]) || chromeAnyRE.HoldsNeedle(l) && chromeAnyRE.MatchString(l)
}

// isContent reports whether a line is a paragraph of the article: a
// sentence or more of prose, not chrome.
func isContent(l string) bool {
	// Most lines of an article end a sentence, and for those eight
	// words settle it; counting to 25, as the tests below need, reads
	// three times as far.
	prose := endsSentence(l) && countWords(l, 8) >= 8
	if !prose {
		words := countWords(l, 25)
		// A long line with no final stop is prose too; a menu is not.
		prose = words >= 25 && strings.Count(l, "|") < 3 ||
			words >= 16 && lowerWords(l)*2 >= words // a lead cut off before its stop: longer than a headline
	}
	if prose && len(l) >= longParagraph {
		// A scrape that runs a whole article into one line may carry a
		// cookie notice or a caption inside it: that is no reason to drop
		// the article.
		return strings.Count(l, "|") < 3
	}
	return prose && !isChrome(l) // the patterns last: they cost the most
}

// longParagraph is the length past which a line is never taken for a
// caption or a piece of chrome.
const longParagraph = 600

// lowerWords counts the words of l that start with a lower-case letter:
// prose has many, headlines and menus few.
func lowerWords(l string) int {
	n := 0
	for _, w := range strings.Fields(l) {
		if c := w[0]; 'a' <= c && c <= 'z' {
			n++
		}
	}
	return n
}

// endsSentence reports whether l ends as a sentence does, with a stop or
// a closing quote or bracket.
func endsSentence(l string) bool {
	last, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(endPunct, last)
}

// countWords is min(len(strings.Fields(s)), most) without the slice:
// it runs for every line of every page, and no caller needs to count a
// long paragraph to its end. It counts the starts of words eight bytes
// at a time where they are ASCII.
func countWords(s string, most int) int {
	n, in := 0, false // in: the byte before i is in a word
	for i := 0; i < len(s) && n < most; {
		if i+8 <= len(s) {
			if x := bytewise.Load64(s[i : i+8]); x&(0x80*bytewise.Ones) == 0 {
				// The top bit of each byte of space is set where the byte
				// is white space: ' ' or '\t' to '\r'. Sums of ASCII bytes
				// carry into no other byte.
				space := ^(x^' '*bytewise.Ones+0x7f*bytewise.Ones)&(0x80*bytewise.Ones) | bytewise.InRange(x, '\t', '\r')
				before := space << 8 // set where the byte before is white space
				if !in {
					before |= 0x80
				}
				n += bits.OnesCount64(before &^ space & (0x80 * bytewise.Ones))
				in = space>>63 == 0
				i += 8
				continue
			}
		}
		var white bool
		if c := s[i]; c < utf8.RuneSelf {
			white = byteKinds[c] == spaceByte
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			white = unicode.IsSpace(r)
			i += size
		}
		if !white && !in {
			n++
		}
		in = !white
	}
	return min(n, most)
}

// Kinds of byte, as the readers of words take them: in a word, ASCII
// white space, or the first byte of a rune to decode, which may be white
// space.
const (
	wordByte = iota
	spaceByte
	runeByte
)

var byteKinds = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = runeByte
		case c == ' ' || '\t' <= c && c <= '\r':
			t[c] = spaceByte
		}
	}
	return t
}()

// pastWord returns where the word at i in s ends: at white space, as
// unicode.IsSpace tells it, or at the end of s.
func pastWord(s string, i int) int {
	for i < len(s) {
		switch byteKinds[s[i]] {
		case wordByte:
			i++
			continue
		case runeByte:
			if r, size := utf8.DecodeRuneInString(s[i:]); !unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// pastSpace returns where the white space at i in s ends.
func pastSpace(s string, i int) int {
	for i < len(s) {
		switch byteKinds[s[i]] {
		case spaceByte:
			i++
			continue
		case runeByte:
			if r, size := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// headline returns the last line before the body that reads as a title
// and is not the outlet's name.
func headline(before []string, outlet string) string {
	for i := len(before) - 1; i >= 0; i-- {
		l := before[i]
		if l == outlet {
			continue
		}
		// "Israeli Officer Arrested Over Killing of Gaza Girl (Reuters)":
		// a wire headline ends with its agency, which is no part of it.
		if loc := agencyTagRE.FindStringIndex(l); loc != nil {
			l = l[:loc[0]]
		}
		words := countWords(l, 31)
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		if words < 4 || words > 30 || !unicode.IsUpper(first) && !unicode.IsDigit(first) || last == '.' || strings.Count(l, "|") > 0 ||
			isChrome(l) || dateRE.MatchString(l) && words < 8 {
			continue
		}
		return l
	}
	return ""
}

// monthRE matches a month's full name or short form, with a dot after
// either or without ("Sept. 7, 2004", "14 Oct. 2025"). monthStems are
// the months' first three letters, January first: a page's address cuts
// a month to them, and monthOf finds a month by them, as every form of a
// month opens with them.
var monthRE, monthStems = func() (string, []string) {
	var names, stems []string
	for _, m := range lexicon.MonthNames() {
		names = append(names, m.Pattern())
		stems = append(stems, m.Name[:3])
	}
	return `(?:` + strings.Join(names, "|") + `)\.?`, stems
}()

var (
	isoDateRE = pattern.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	numDateRE = pattern.MustCompile(`\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b`)
	mdyRE     = pattern.MustCompile(`(?i)\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dmyRE     = pattern.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRE + `,?\s+(\d{4})\b`)
	dateRE    = pattern.MustCompile(`(?i)\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b` + monthRE + `\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\s+` + monthRE + `,?\s+\d{4}\b`)
	pubWordRE = pattern.MustCompile(`(?i)\b(?:published|posted|date|dated|first published)\b`)
	updWordRE = pattern.MustCompile(`(?i)\bupdated\b`)
)

// ParseDate reads one date in the formats pages print: "2025-10-14",
// "14.10.2025", "10/14/2025", "October 14, 2025", "14 Oct 2025". It
// returns YYYY-MM-DD, or "" when s holds no date.
func ParseDate(s string) string {
	// Every format has a year of four digits: most lines have none,
	// and four patterns need not read them.
	if !hasDigits(s, 4) {
		return ""
	}
	return parseDate(s)
}

// hasDigits reports whether s holds a run of n ASCII digits.
func hasDigits(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			if run++; run == n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// parseDate is ParseDate without the check for a year.
func parseDate(s string) string {
	// Each pattern is tried only where the line has what every match of
	// it holds: a dash, a month's name in letters, a dot or a slash.
	// Most date lines are in one form, and the others cost more than
	// the look.
	if strings.IndexByte(s, '-') >= 0 {
		if m := isoDateRE.FindStringSubmatch(s); m != nil {
			return validDate(m[1], m[2], m[3])
		}
	}
	if hasLetter(s) {
		if m := mdyRE.FindStringSubmatch(s); m != nil {
			return validDate(m[2], monthOf(m[0]), m[1])
		}
		if m := dmyRE.FindStringSubmatch(s); m != nil {
			return validDate(m[2], monthOf(m[0]), m[1])
		}
	}
	if !strings.ContainsAny(s, "./") {
		return ""
	}
	if m := numDateRE.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		// Dotted dates are day first; slashed ones month first unless
		// the first number cannot be a month.
		if m[2] == "." || a > 12 {
			return validDate(m[4], m[3], m[1])
		}
		return validDate(m[4], m[1], m[3])
	}
	return ""
}

// hasLetter reports whether s may hold a letter of a month's name: an
// ASCII letter, or a byte beyond ASCII, which may open the long s that
// (?i) folds to "s".
func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if isLetter(s[i]) || s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// monthOf finds the month name in a matched date.
func monthOf(s string) string {
	low := strings.ToLower(s)
	best, at := "", len(low)
	for n, stem := range monthStems {
		if i := strings.Index(low, stem); i >= 0 && i < at {
			// "mar" inside "march" is the same month; "may" is only a
			// month as a word of its own here.
			best, at = strconv.Itoa(n+1), i
		}
	}
	return best
}

func validDate(y, m, d string) string {
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil || yi < 1990 || yi > 2100 {
		return ""
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Year() != yi || int(t.Month()) != mi || t.Day() != di {
		return ""
	}
	return t.Format(time.DateOnly)
}

// contentLines tells, for each line, whether it is content (isContent).
func contentLines(lines []string) []bool {
	content := make([]bool, len(lines))
	for i, l := range lines {
		content[i] = isContent(l)
	}
	return content
}

// publishedLine finds the publication date in the chrome, the lines content
// does not mark: a line that says "Published" or "date" first, then any
// dated chrome line before the body, then an "Updated" line.
func publishedLine(lines []string, content []bool, firstBody int) (string, string) {
	var any, updated string
	for i, l := range lines {
		if content[i] || !hasDigits(l, 4) {
			continue
		}
		// The words cost less to find than the date to read: a line
		// whose date would change nothing (one past the body's start
		// that says neither, as the next story's in a scrape of
		// several) is not read.
		pub := pubWordRE.MatchString(l)
		upd := !pub && updWordRE.MatchString(l)
		early := any == "" && i < firstBody+2
		if !pub && !(upd && updated == "") && !early {
			continue
		}
		d := parseDate(l)
		if d == "" {
			continue
		}
		switch {
		case pub:
			return d, "dateline"
		case upd:
			if updated == "" {
				updated = d
			}
		case early:
			any = d
		}
	}
	if any != "" {
		return any, "dateline"
	}
	if updated != "" {
		return updated, "dateline"
	}
	return "", ""
}

var (
	// agencyTagRE finds a news agency's name closing a headline.
	agencyTagRE = pattern.MustCompile(`\s+\((?:Reuters|AFP|AP|UPI|Xinhua|dpa|DPA|IANS|PTI|ANI|Bloomberg|CP|Canadian Press)\)\s*$`)
	// sourceLineRE finds a release's closing credit, "(Source: X)".
	sourceLineRE = pattern.MustCompile(`\((?:Source|SOURCE|Sources):\s*([A-Z][^()\n]{1,80}?)\s*\)`)
	copyrightRE  = pattern.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:-\s*\d{4}\s*)?([^.|]+?)\.?\s*(?:all rights reserved\.?)?$`)
	siteRE       = pattern.MustCompile(`^(?:[A-Z][\w&'-]*\.)?[A-Za-z][\w-]*\.(?:[A-Za-z]{2,6})$|^(?:The\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,4}$`)
)

// outlet finds the publication's name: a copyright line, or a short last
// or first line that reads as a site name ("News.Az").
func outlet(lines []string) string {
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-6; i-- {
		if m := copyrightRE.FindStringSubmatch(lines[i]); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	for _, l := range []string{lines[len(lines)-1], lines[0]} {
		if countWords(l, 6) <= 5 && siteRE.MatchString(l) && !dateRE.MatchString(l) && !isPageChrome(l) {
			return l
		}
	}
	return ""
}

// tagListRE finds where a page's list of tags opens, at the start of a
// paragraph or after a sentence ("... Monday morning. Tags Aleppo Syria
// Assad Russia Attack Airstrikes At least 16 people were killed ...").
var tagListRE = pattern.MustCompile(`(?:^|[.!?"”]\s+)(Tags?:?\s+)[A-Z]`)

// storyOpeners are the words that open a story's first sentence after a
// list of tags, capitalised: articles, prepositions and counts. Tags are
// names and topics, which these words do not begin.
var storyOpeners = map[string]bool{
	"A": true, "An": true, "The": true, "At": true, "In": true, "On": true, "Over": true, "More": true,
	"Some": true, "Several": true, "Dozens": true, "Hundreds": true, "Thousands": true, "Scores": true,
	"One": true, "Two": true, "Three": true, "Four": true, "Five": true, "Six": true, "Seven": true,
	"Eight": true, "Nine": true, "Ten": true, "Eleven": true, "Twelve": true, "Thirteen": true,
	"Fourteen": true, "Fifteen": true, "Sixteen": true, "Seventeen": true, "Eighteen": true,
	"Nineteen": true, "Twenty": true, "Thirty": true, "Forty": true, "Fifty": true, "Sixty": true,
	"Seventy": true, "Eighty": true, "Ninety": true,
}

// dropTagList removes a list of tags that a scrape ran into the story's
// first sentence: its place and actor names are no part of the story. It
// ends at the first word that opens a sentence; a list with no such word
// is left as it is, since where it ends cannot be told.
func dropTagList(para string) string {
	loc := tagListRE.FindStringSubmatchIndex(para)
	if loc == nil {
		return para
	}
	start := loc[2]
	words := 0
	for i := loc[3]; i < len(para) && words < 30; {
		j := i
		for j < len(para) && para[j] != ' ' {
			j++
		}
		w := para[i:j]
		if words >= 1 && (storyOpeners[w] || w[0] >= '0' && w[0] <= '9') {
			return para[:start] + para[i:]
		}
		if strings.ContainsAny(w, ".!?") {
			return para // a sentence ended: no list
		}
		words++
		for j < len(para) && para[j] == ' ' {
			j++
		}
		i = j
	}
	return para
}
