package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/nlnwa/gowarc"

	"github.com/sitrep/sitrep/internal/load"
)

// doc is one article to run through the pipeline.
type doc struct {
	data   []byte
	source string
	// dates are what the container says of the document's date: a feed
	// item's date, WARC-Date, HTTP Last-Modified.
	dates []load.Dated
}

// kind of a file or download, by content.
type kind int

const (
	kindArticle kind = iota
	kindWARC
	kindFeed
)

// sniff tells a WARC file or a feed from an article by its first bytes.
func sniff(head []byte) kind {
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return kindWARC
	}
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		if zr, err := gzip.NewReader(bytes.NewReader(head)); err == nil {
			b := make([]byte, 5)
			if n, _ := io.ReadFull(zr, b); n == 5 && string(b) == "WARC/" {
				return kindWARC
			}
		}
	}
	h := strings.ToLower(string(head[:min(len(head), 1024)]))
	if strings.Contains(h, "<rss") || strings.Contains(h, "<feed") || strings.Contains(h, "<rdf:rdf") {
		return kindFeed
	}
	return kindArticle
}

// Bounds on containers, beyond the bound on each document. A feed parses
// into about thirty times its size in memory; a WARC record must be read
// through to reach the next, so one that declares more than maxWARCRecord
// (a gzip bomb, or not a crawl of articles) ends the file.
const (
	maxFeedBytes  = 16 << 20
	maxFeedItems  = 1000
	maxWARCRecord = 1 << 30
)

// A feed item's own text of teaserBytes or more is read as the article;
// under it, the linked page is read when it can be, and the item's text
// when it cannot and has at least minItemText bytes.
const (
	teaserBytes = 500
	minItemText = 80
)

// ErrRecordTooLarge ends reading a WARC file at a record declaring more
// than maxWARCRecord bytes.
var ErrRecordTooLarge = errors.New("WARC record too large")

// warcDocs reads the HTML responses of a WARC file (plain or gzipped per
// record), each bounded by limit; a record too large or unreadable is
// counted as failed and the rest of the file goes on.
func (in *Ingester) warcDocs(ctx context.Context, path string, limit int, sum *Summary, each func(doc)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open WARC %s: %w", path, err)
	}
	defer f.Close()
	// The WARC reader loops for ever on a stream that keeps failing, as a
	// truncated gzip member does, so the stream it reads is decompressed
	// here and ends at its first error, which is then reported.
	br := bufio.NewReader(f)
	stream := &endAtError{r: br}
	if head, _ := br.Peek(2); bytes.Equal(head, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("open WARC %s: %w", path, err)
		}
		defer zr.Close()
		stream.r = zr
	}
	r, err := gowarc.NewWarcFileReaderFromStream(stream, 0)
	if err != nil {
		return fmt.Errorf("open WARC %s: %w", path, err)
	}
	defer r.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := nextRecord(r, limit)
		switch {
		case errors.Is(err, io.EOF) && stream.err != nil:
			return fmt.Errorf("read WARC %s: %w: %w", path, ErrBadWARC, stream.err)
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return fmt.Errorf("read WARC %s: %w", path, err)
		case rec.article != nil:
			each(*rec.article)
		case rec.skipped != "":
			sum.Skipped[rec.skipped]++
		case rec.failed != "":
			sum.Failed[rec.failed]++
		}
	}
}

// endAtError reads r until its first error, and reports io.EOF from then
// on; err keeps the error when it was not io.EOF.
type endAtError struct {
	r   io.Reader
	err error
}

func (e *endAtError) Read(p []byte) (int, error) {
	if e.err != nil {
		return 0, io.EOF
	}
	n, err := e.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		e.err = err
		return n, io.EOF
	}
	return n, err
}

// ErrBadWARC is a WARC file the reader cannot make sense of.
var ErrBadWARC = errors.New("malformed WARC file")

// A warcResult is what one record of a WARC file holds: an article, or
// why it is skipped or failed; none of them for records that never hold an
// article (requests, metadata, redirects).
type warcResult struct {
	article         *doc
	skipped, failed string
}

// nextRecord reads the next record of a WARC file, or the error that ends
// the file. The WARC reader panics on some malformed files; that too ends
// the file, with ErrBadWARC.
func nextRecord(r *gowarc.WarcFileReader, limit int) (out warcResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrBadWARC, p)
		}
	}()
	rec, _, _, err := r.Next()
	if err != nil {
		return out, err
	}
	// A record's block may spill to a temporary file of up to 2 GB;
	// only Close removes it. The article's bytes are copied out before.
	defer rec.Close()
	if n, err := strconv.ParseInt(rec.WarcHeader().Get(gowarc.ContentLength), 10, 64); err == nil && n > maxWARCRecord {
		return out, fmt.Errorf("record %s declares %d bytes, more than %d: %w",
			rec.WarcHeader().Get(gowarc.WarcRecordID), n, maxWARCRecord, ErrRecordTooLarge)
	}
	if rec.Type() != gowarc.Response {
		return out, nil
	}
	block, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok || block.HttpStatusCode() != 200 {
		return out, nil
	}
	if ct := block.HttpHeader().Get("Content-Type"); ct != "" && !strings.Contains(ct, "html") && !strings.Contains(ct, "text/plain") {
		return warcResult{skipped: "not an article (WARC record type " + strings.Split(ct, ";")[0] + ")"}, nil
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return warcResult{failed: "unreadable WARC record"}, nil
	}
	data, err := io.ReadAll(io.LimitReader(payload, int64(limit)+1))
	if err != nil {
		return warcResult{failed: "unreadable WARC record"}, nil
	}
	if len(data) > limit {
		return warcResult{failed: load.ErrTooLarge.Error()}, nil
	}
	d := &doc{data: data, source: rec.WarcHeader().Get(gowarc.WarcTargetURI)}
	if t, err := time.Parse(time.RFC3339, rec.WarcHeader().Get(gowarc.WarcDate)); err == nil {
		d.dates = append(d.dates, load.Dated{Day: t, From: "warc"})
	}
	if t, err := http.ParseTime(block.HttpHeader().Get("Last-Modified")); err == nil {
		d.dates = append(d.dates, load.Dated{Day: t, From: "http-last-modified"})
	}
	return warcResult{article: d}, nil
}

// feedDocs reads the items of an RSS or Atom feed: an item's own content
// when it carries the article, otherwise its link, fetched when the
// ingester may fetch.
func (in *Ingester) feedDocs(ctx context.Context, data []byte, source string, sum *Summary, each func(doc)) error {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("parse feed %s: %w", source, err)
	}
	items := feed.Items
	if len(items) > maxFeedItems {
		sum.Failed[fmt.Sprintf("feed item past the first %d", maxFeedItems)] += len(items) - maxFeedItems
		in.Log.Warn("feed has too many items", "source", source, "items", len(items), "read", maxFeedItems)
		items = items[:maxFeedItems]
	}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		var dates []load.Dated
		if it.PublishedParsed != nil {
			dates = append(dates, load.Dated{Day: *it.PublishedParsed, From: "feed"})
		} else if it.UpdatedParsed != nil {
			dates = append(dates, load.Dated{Day: *it.UpdatedParsed, From: "feed"})
		}
		// The item's own text: its content, or its description when it
		// has none. Much of it is a teaser of the linked page, which is
		// read instead when it can be; short wire items are whole.
		own := it.Content
		if strings.TrimSpace(own) == "" {
			own = it.Description
		}
		hasOwn := len(strings.TrimSpace(own)) >= minItemText
		page := func() []byte {
			return []byte("<html><head><title>" + htmlEscape(it.Title) + "</title></head><body><article>" + own + "</article></body></html>")
		}
		switch {
		case len(own) >= teaserBytes:
			each(doc{data: page(), source: firstNonEmpty(it.Link, source), dates: dates})
		case it.Link != "" && in.Fetcher != nil && in.readBefore(it.Link):
			sum.Skipped["feed item already read"]++
		case it.Link != "" && in.Fetcher != nil:
			data, fetched, err := in.Fetcher.GetDated(ctx, it.Link)
			if err != nil {
				if hasOwn {
					// The item's own words are better than nothing.
					in.Log.Warn("cannot fetch; reading the feed item's own text", "url", it.Link, "err", err)
					each(doc{data: page(), source: it.Link, dates: dates})
					continue
				}
				sum.Failed[fetchReason(err)]++
				in.Log.Warn("cannot fetch", "url", it.Link, "err", err)
				continue
			}
			in.markRead(it.Link)
			each(doc{data: data, source: it.Link, dates: append(dates, fetched...)})
		case hasOwn:
			each(doc{data: page(), source: firstNonEmpty(it.Link, source), dates: dates})
		default:
			sum.Skipped["feed item without article text"]++
		}
	}
	return nil
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// readHead returns the first bytes of a file.
func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	k, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf[:k], nil
}
