// Package load turns the raw bytes of one article, a scraped HTML page or
// plain text with its page chrome left in, into a clean document: the
// article's paragraphs byte for byte, and what the page says of itself
// (title, outlet, publication date, language).
package load

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/sitrep/sitrep/internal/bytewise"
	"github.com/sitrep/sitrep/internal/event"
)

// DefaultMaxBytes is the largest input Load accepts unless told otherwise.
const DefaultMaxBytes = 16 << 20

// Errors callers can test with errors.Is.
var (
	ErrEmpty     = errors.New("empty input")
	ErrBinary    = errors.New("binary input, not an article")
	ErrTooLarge  = errors.New("input too large")
	ErrEncoding  = errors.New("text is not valid UTF-8 or UTF-16")
	ErrTruncated = errors.New("truncated HTML")
	ErrNoText    = errors.New("no article text found")
	// ErrListing is a listing of headlines (a section front, a tag page)
	// with no story text of its own, or, from Load, one of several
	// stories.
	ErrListing = errors.New("a listing of headlines, not one article")
)

// Format is the kind of input.
type Format string

// Input kinds.
const (
	FormatText Format = "text"
	FormatHTML Format = "html"
)

// Options tune Load.
type Options struct {
	// Published (YYYY-MM-DD) is the user's date for the article: it
	// overrides every other.
	Published string
	// Dates are what the source's own metadata says: a feed item's date,
	// HTTP Last-Modified, WARC-Date. They rank by their From (see trust).
	Dates []Dated
	// Source is the file name or URL the input came from.
	Source string
	// MaxBytes bounds the input; 0 means DefaultMaxBytes.
	MaxBytes int
	// HTML is how the article is found in a web page and HTMLBlocks
	// which of its blocks that read as headings make its text; both are
	// for measuring the choice, and no command sets them.
	HTML       HTMLExtractor
	HTMLBlocks HTMLBlocks
}

// Dated is a publication date and where it came from.
type Dated struct {
	Day  time.Time
	From string // "feed", "http-last-modified", "warc", "http-date"
}

// trust ranks where a publication date comes from, most trusted first: the
// user's, the feed item's, what the page's metadata says, the server's
// Last-Modified, the article's own date line, and last the times of the
// fetch or crawl, which say when a page was read, not when it appeared.
var trust = []string{"flag", "feed", "html-meta", "http-last-modified", "dateline", "html-text", "warc", "http-date"}

func rank(from string) int {
	for i, f := range trust {
		if f == from {
			return i
		}
	}
	return len(trust)
}

// magic numbers of formats that are not articles.
var magics = []struct {
	prefix []byte
	name   string
}{
	{[]byte("\x1f\x8b"), "gzip"}, {[]byte("%PDF"), "PDF"}, {[]byte("\x89PNG"), "PNG"},
	{[]byte("PK\x03\x04"), "ZIP"}, {[]byte("\xff\xd8\xff"), "JPEG"}, {[]byte("GIF8"), "GIF"},
	{[]byte("\x7fELF"), "ELF"}, {[]byte("BZh"), "bzip2"}, {[]byte("\xfd7zXZ"), "xz"},
	{[]byte("SQLite format 3"), "SQLite"}, {[]byte("WARC/"), "WARC"},
}

// Detect decides the input kind from its content alone.
func Detect(data []byte) (Format, error) {
	data, _, err := decodeBytes(data)
	if err != nil {
		return "", err
	}
	if isHTML(head(data)) {
		return FormatHTML, nil
	}
	return FormatText, nil
}

// decoded says how input bytes became text.
type decoded struct {
	// encoding is the input's encoding when it was not UTF-8.
	encoding string
	// invalid counts the bytes that were not valid and became U+FFFD.
	invalid int
}

// decode checks data and returns it as UTF-8 text: UTF-16 with a
// byte-order mark and single-byte Windows-1252 (and so Latin-1) text are
// decoded, and the odd invalid byte of otherwise UTF-8 text is replaced.
func decode(data []byte) (string, decoded, error) {
	data, how, err := decodeBytes(data)
	return string(data), how, err
}

// decodeBytes is decode without the copy into a string, which a web
// page, read by the HTML parser from its bytes, does not need. It
// returns data itself when it is UTF-8 already.
func decodeBytes(data []byte) ([]byte, decoded, error) {
	var how decoded
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, how, ErrEmpty
	}
	for _, m := range magics {
		if bytes.HasPrefix(data, m.prefix) {
			return nil, how, fmt.Errorf("%w: looks like %s", ErrBinary, m.name)
		}
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		out, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data)
		if err != nil {
			return nil, how, fmt.Errorf("%w: %v", ErrEncoding, err)
		}
		data, how.encoding = out, "utf-16"
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, how, fmt.Errorf("%w: contains NUL bytes", ErrBinary)
	}
	if !utf8.Valid(data) && !charsetDeclared(data) { // the HTML parser decodes declared charsets
		valid, invalid := 0, 0
		for off := 0; off < len(data); {
			r, size := utf8.DecodeRune(data[off:])
			switch {
			case r == utf8.RuneError && size <= 1:
				invalid++
			case size > 1:
				valid++
			}
			off += size
		}
		if valid == 0 {
			// No multi-byte character anywhere: a single-byte encoding.
			// Windows-1252 is Latin-1 with printable characters where
			// Latin-1 has controls, so it reads both.
			out, err := charmap.Windows1252.NewDecoder().Bytes(data)
			if err != nil {
				return nil, how, fmt.Errorf("%w: %v", ErrEncoding, err)
			}
			data, how.encoding = out, "windows-1252"
		} else {
			data, how.invalid = bytes.ToValidUTF8(data, []byte("\uFFFD")), invalid
			if invalid*20 > len(data) {
				return nil, how, fmt.Errorf("%w: %d invalid bytes in %d", ErrEncoding, invalid, len(data))
			}
		}
		head = data[:min(len(data), 8192)]
	}
	if controls := controls(head); controls*20 > len(head) {
		return nil, how, fmt.Errorf("%w: %d control characters in the first %d bytes", ErrBinary, controls, len(head))
	}
	return data, how, nil
}

// controls counts the control characters of s, less the white space of
// text (tab, line feed, form feed, carriage return). It runs over the
// start of every input: it looks at 16 bytes at a time for any below
// 0x20, and counts one at a time only in the few stretches with one, most
// of them a line's end.
func controls(s []byte) int {
	n := 0
	for ; len(s) >= 16; s = s[16:] {
		// The test for a byte less than 0x20 in a word: exact for any,
		// though not for which.
		x, y := binary.LittleEndian.Uint64(s), binary.LittleEndian.Uint64(s[8:16])
		if ((x-0x20*bytewise.Ones)&^x|(y-0x20*bytewise.Ones)&^y)&(0x80*bytewise.Ones) != 0 {
			n += controlBytes(s[:16])
		}
	}
	return n + controlBytes(s)
}

// controlBytes is controls one byte at a time.
func controlBytes(s []byte) int {
	n := 0
	for _, b := range s {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			n++
		}
	}
	return n
}

// charsetDeclared reports whether an HTML page names a charset other than
// UTF-8, which the HTML reader then decodes.
func charsetDeclared(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	return bytes.Contains(head, []byte("charset=")) && !bytes.Contains(head, []byte("charset=\"utf-8")) &&
		!bytes.Contains(head, []byte("charset=utf-8")) && isHTML(string(head))
}

// head returns the start of data that isHTML reads.
func head(data []byte) string { return string(data[:min(len(data), 2048)]) }

// isHTML reports whether text starts like a web page.
func isHTML(text string) bool {
	text = text[:min(len(text), 2048)]
	// Every sign of a page is a tag, which opens with "<": a text
	// without one is no page, and need not be lowered to tell.
	if !strings.Contains(text, "<") {
		return false
	}
	head := strings.ToLower(strings.TrimSpace(text))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml"} {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	tags := 0
	for _, t := range []string{"<p>", "<p ", "<div", "<article", "<span", "<a href", "<br", "<meta", "<title", "</p>", "<h1", "<h2"} {
		tags += strings.Count(head, t)
	}
	return strings.HasPrefix(head, "<") && tags >= 2 || tags >= 6
}

// Load reads one article. A listing page of several stories is
// ErrListing: LoadAll reads each of them.
func Load(ctx context.Context, data []byte, opts Options) (*event.Document, error) {
	docs, err := LoadAll(ctx, data, opts)
	if err != nil {
		return nil, err
	}
	if len(docs) > 1 {
		return nil, fmt.Errorf("%w: %d stories, each to be read on its own", ErrListing, len(docs))
	}
	return docs[0], nil
}

// LoadAll reads an input that may hold several stories: an article gives
// one document, a listing page (a section front, a tag page) one for each
// story whose teaser is prose. A listing of bare headlines is ErrListing.
func LoadAll(ctx context.Context, data []byte, opts Options) ([]*event.Document, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), limit)
	}
	data, how, err := decodeBytes(data)
	if err != nil {
		return nil, err
	}
	if opts.Published != "" {
		if _, err := time.Parse(time.DateOnly, opts.Published); err != nil {
			return nil, fmt.Errorf("published date %q is not YYYY-MM-DD", opts.Published)
		}
	}
	var docs []*event.Document
	if isHTML(head(data)) {
		docs, err = loadHTML(ctx, data, opts)
	} else {
		var doc *event.Document
		doc, err = loadText(string(data))
		docs = []*event.Document{doc}
	}
	if err != nil {
		return nil, err
	}
	for _, doc := range docs {
		if strings.TrimSpace(doc.Text) == "" {
			return nil, ErrNoText
		}
		finish(doc, how, opts)
	}
	return docs, nil
}

// finish fills in what every document gets the same way: the date by
// trust, where the text came from, its date lines, lead, language and ID.
func finish(doc *event.Document, how decoded, opts Options) {
	if opts.Published != "" {
		doc.Published, doc.PublishedFrom = event.Date(opts.Published), "flag"
	}
	for _, d := range opts.Dates {
		if !d.Day.IsZero() && (doc.Published == "" || rank(d.From) < rank(doc.PublishedFrom)) {
			doc.Published, doc.PublishedFrom = event.DateOf(d.Day), d.From
		}
	}
	if doc.Published == "" {
		doc.PublishedFrom = "none"
	}
	doc.Encoding, doc.InvalidBytes = how.encoding, how.invalid
	doc.Datelines = datelines(doc.Text, doc.Dateline)
	doc.Lead = lead(doc)
	doc.Source = opts.Source
	doc.Language = language(doc.Text)
	doc.ID = textID(doc.Text)
}

// textID returns the SHA-256 of s in hex. s is hashed through a buffer
// on the stack: converted whole, it would be copied to the heap, a
// second article's worth of garbage for every article loaded.
func textID(s string) string {
	h := sha256.New()
	var buf [1024]byte
	for s != "" {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}
