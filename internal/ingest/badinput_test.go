package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/sitrep/sitrep/internal/load"
)

// heapPeak samples the heap in use until stop is called, which returns
// the most it saw.
func heapPeak() (stop func() uint64) {
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var most uint64
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			most = max(most, m.HeapInuse)
			select {
			case <-done:
				peak <- most
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-peak }
}

// gzipMember appends one gzip member holding head, n zero bytes and tail.
func gzipMember(w *bytes.Buffer, head string, n int64, tail string) {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	zw.Write([]byte(head))
	zeros := make([]byte, 1<<20)
	for ; n > 0; n -= int64(len(zeros)) {
		zw.Write(zeros[:min(n, int64(len(zeros)))])
	}
	zw.Write([]byte(tail))
	zw.Close()
}

// zeroRecord is the start of a WARC response record whose HTML payload is
// n zero bytes; "\r\n\r\n" ends it.
func zeroRecord(uri string, n int64) string {
	http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", n)
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-02T10:00:00Z\r\n"+
		"WARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s",
		uri, n%1e8, int64(len(http))+n, http)
}

// TestBadInputBatch ingests one batch of hostile input beside two good
// articles. Each bad input must fail with its own reason, the good ones
// must be read, and the batch must end in bounded time and memory.
func TestBadInputBatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("empty.txt", nil)
	write("binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00"))
	write("invalid-utf8.txt", []byte("Gunmen killed 12 villagers \xff\xfe\xc3\x28 near Bamá on Friday, a local official said. "+strings.Repeat("\xe2\x82", 40)))
	write("good.html", []byte(article))

	// 100 MB of text, six times the largest document read.
	f, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	for written := 0; written < 100<<20; {
		n, _ := bw.WriteString("Soldiers clashed with rebels near the town on Monday, the army said. ")
		written += n
	}
	if err := errors.Join(bw.Flush(), f.Close()); err != nil {
		t.Fatal(err)
	}

	// UTF-16 with a byte-order mark is decoded and read.
	utf16Text := "Gunmen killed at least 9 farmers in an attack on a village near Gwoza in Borno State on Tuesday, police said in a statement on Wednesday. The attackers burned several homes and stole cattle before fleeing, residents said."
	u := []byte{0xff, 0xfe}
	for _, c := range utf16.Encode([]rune(utf16Text)) {
		u = append(u, byte(c), byte(c>>8))
	}
	write("utf16.txt", u)

	// A million nested elements around the story.
	write("deep.html", []byte("<html><body>"+strings.Repeat("<div>", 1_000_000)+"<p>"+strings.Repeat("Soldiers clashed with rebels near the town. ", 8)+"</p></body></html>"))

	// A WARC file: an article, a 200 MB record (read through and
	// refused), a second article, then a record of 2 GiB of zeros in a
	// 2 MB gzip member, which ends the file.
	var warc bytes.Buffer
	gzipMember(&warc, warcRecord("https://example.org/a", article), 0, "")
	gzipMember(&warc, zeroRecord("https://example.org/big", 200<<20), 200<<20, "\r\n\r\n")
	gzipMember(&warc, warcRecord("https://example.org/b", strings.Replace(article, "Bama", "Dikwa", 1)), 0, "")
	gzipMember(&warc, zeroRecord("https://example.org/bomb", 2<<30), 2<<30, "\r\n\r\n")
	write("crawl.warc.gz", warc.Bytes())

	// A feed of 100,000 items.
	var feed strings.Builder
	feed.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Everything</title>`)
	for i := range 100_000 {
		fmt.Fprintf(&feed, "<item><title>Item %d</title><description>Short.</description></item>\n", i)
	}
	feed.WriteString("</channel></rss>")
	write("feed.xml", []byte(feed.String()))

	// A server that redirects forever and one that never answers.
	loop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
	}))
	defer loop.Close()
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()

	// The WARC reader buffers a big record's block in a temporary
	// file; none may outlive the batch.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	in, _ := ingester(t)
	in.Fetcher = NewFetcher(1<<20, true)
	in.Fetcher.Client.Timeout = 2 * time.Second
	runtime.GC()
	stop := heapPeak()
	start := time.Now()
	sum, err := in.Paths(context.Background(), []string{dir, loop.URL + "/a", "http://" + silent.Addr().String() + "/story"})
	took, peak := time.Since(start), stop()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s in %v, peak heap %d MiB", sum, took.Round(time.Millisecond), peak>>20)
	want := map[string]int{
		load.ErrEmpty.Error():           1,
		load.ErrBinary.Error():          1,
		load.ErrEncoding.Error():        1,
		load.ErrTooLarge.Error():        2, // huge.txt and the 200 MB record
		load.ErrNoText.Error():          1, // deep.html
		ErrRecordTooLarge.Error():       1,
		"feed item past the first 1000": 99_000,
		"fetch failed":                  1, // the redirects
		"fetch timed out":               1,
	}
	for why, n := range want {
		if sum.Failed[why] != n {
			t.Errorf("failed for %q: %d, want %d", why, sum.Failed[why], n)
		}
	}
	if total(sum.Failed) != total(want) {
		t.Errorf("failures %v, want %v", sum.Failed, want)
	}
	// good.html, utf16.txt and the two articles of the WARC file; the
	// first WARC article is the same story as good.html.
	if sum.Read+sum.Duplicates != 4 {
		t.Errorf("%d read, %d duplicates; want the 4 good documents", sum.Read, sum.Duplicates)
	}
	if sum.Skipped["feed item without article text"] != 1000 {
		t.Errorf("feed items read: %d, want 1000", sum.Skipped["feed item without article text"])
	}
	if peak > 1<<30 {
		t.Errorf("peak heap %d MiB, want under 1 GiB", peak>>20)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("%d temporary files left after the batch, the first %s", len(left), left[0].Name())
	}
}

// FuzzWARC reads arbitrary WARC files: no panic, no record past the
// size bound, and the reading ends.
func FuzzWARC(f *testing.F) {
	f.Add([]byte(warcRecord("https://example.org/a", article)))
	f.Add([]byte(warcRecord("https://example.org/a", article)[:300]))
	f.Add([]byte(zeroRecord("https://example.org/z", 40) + strings.Repeat("\x00", 40) + "\r\n\r\n"))
	var gz bytes.Buffer
	gzipMember(&gz, warcRecord("https://example.org/a", "<p>x</p>"), 0, "")
	f.Add(gz.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "f.warc")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		in := &Ingester{Log: slog.New(slog.DiscardHandler)}
		sum := Summary{Skipped: map[string]int{}, Failed: map[string]int{}}
		const limit = 1 << 10
		_ = in.warcDocs(context.Background(), path, limit, &sum, func(d doc) {
			if len(d.data) > limit {
				t.Fatalf("record of %d bytes passed a bound of %d", len(d.data), limit)
			}
		})
	})
}
