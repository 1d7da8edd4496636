package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/nlnwa/gowarc"

	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
)

// doc is one article to run through the pipeline.
type doc struct {
	data      []byte
	source    string
	published string // YYYY-MM-DD from the container (feed item), if any
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

// warcDocs reads the HTML responses of a WARC file (plain or gzipped per
// record), each bounded by limit; a record too large or unreadable is
// counted as failed and the rest of the file goes on.
func (in *Ingester) warcDocs(ctx context.Context, path string, limit int, sum *Summary, each func(doc)) error {
	r, err := gowarc.NewWarcFileReader(path, 0)
	if err != nil {
		return fmt.Errorf("open WARC %s: %w", path, err)
	}
	defer r.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, _, _, err := r.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read WARC %s: %w", path, err)
		}
		if rec.Type() != gowarc.Response {
			continue
		}
		block, ok := rec.Block().(gowarc.HttpResponseBlock)
		if !ok || block.HttpStatusCode() != 200 {
			continue
		}
		if ct := block.HttpHeader().Get("Content-Type"); ct != "" && !strings.Contains(ct, "html") && !strings.Contains(ct, "text/plain") {
			sum.Skipped["not an article (WARC record type "+strings.Split(ct, ";")[0]+")"]++
			continue
		}
		payload, err := block.PayloadBytes()
		if err != nil {
			sum.Failed["unreadable WARC record"]++
			continue
		}
		data, err := io.ReadAll(io.LimitReader(payload, int64(limit)+1))
		if err != nil {
			sum.Failed["unreadable WARC record"]++
			continue
		}
		if len(data) > limit {
			sum.Failed[load.ErrTooLarge.Error()]++
			continue
		}
		each(doc{data: data, source: rec.WarcHeader().Get(gowarc.WarcTargetURI)})
	}
}

// feedDocs reads the items of an RSS or Atom feed: an item's own content
// when it carries the article, otherwise its link, fetched when the
// ingester may fetch.
func (in *Ingester) feedDocs(ctx context.Context, data []byte, source string, sum *Summary, each func(doc)) error {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("parse feed %s: %w", source, err)
	}
	for _, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		published := ""
		if it.PublishedParsed != nil {
			published = it.PublishedParsed.UTC().Format(time.DateOnly)
		}
		body := it.Content
		if len(body) < 500 {
			body = ""
		}
		switch {
		case body != "":
			page := "<html><head><title>" + htmlEscape(it.Title) + "</title></head><body><article>" + body + "</article></body></html>"
			each(doc{data: []byte(page), source: firstNonEmpty(it.Link, source), published: published})
		case it.Link != "" && in.Fetcher != nil:
			data, err := in.Fetcher.Get(ctx, it.Link)
			if err != nil {
				sum.Failed[fetchReason(err)]++
				in.Log.Warn("cannot fetch", "url", it.Link, "err", err)
				continue
			}
			each(doc{data: data, source: it.Link, published: published})
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

// process runs one document through the pipeline into the store.
func (in *Ingester) process(ctx context.Context, d doc, limit int, sum *Summary) {
	opts := pipeline.Options{Load: load.Options{Source: d.source, MaxBytes: limit, Published: d.published}}
	res, err := in.Pipeline.Process(ctx, d.data, opts)
	if err != nil {
		sum.Failed[reason(err)]++
		in.Log.Warn("cannot extract", "source", d.source, "err", err)
		return
	}
	if strings.HasPrefix(d.source, "http://") || strings.HasPrefix(d.source, "https://") {
		res.Document.URL = firstNonEmpty(res.Document.URL, d.source)
	}
	out, err := in.Store.Ingest(ctx, res)
	if err != nil {
		sum.Failed["store error"]++
		in.Log.Error("cannot store", "source", d.source, "err", err)
		return
	}
	if out.Duplicate {
		sum.Duplicates++
		return
	}
	sum.Read++
	sum.New += out.New
	sum.Merged += out.Merged
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
