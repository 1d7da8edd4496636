package ingest

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/queue"
)

// fakeQueue keeps what is put on it, and says a document it has seen is
// a duplicate, as the queue does.
type fakeQueue struct {
	mu   sync.Mutex
	docs []queue.Doc
	seen map[string]bool
}

func (q *fakeQueue) Put(ctx context.Context, d queue.Doc) (bool, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.seen[string(d.Data)] {
		return true, nil
	}
	q.seen[string(d.Data)] = true
	q.docs = append(q.docs, d)
	return false, nil
}

// TestWatchQueue watches a feed and a file with a queue in place of the
// store: the documents are queued with their sources and dates, nothing
// is extracted, and the second round finds them queued before.
func TestWatchQueue(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat("Gunmen attacked a village in Zamfara State on Monday, residents said. ", 40)
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Attack</title><link>https://news.example/a</link><pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
<description>` + body + `</description></item></channel></rss>`
	files := map[string]string{"wire.xml": feed, "note.txt": "Protesters marched in Khartoum on Sunday."}
	var paths []string
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	q := &fakeQueue{seen: map[string]bool{}}
	// No pipeline and no store: a queueing ingester needs neither.
	in := &Ingester{Queue: q, Log: slog.New(slog.DiscardHandler), Published: "2025-03-05"}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var rounds []string
	err := in.Watch(ctx, paths, time.Millisecond, func(s Summary) {
		rounds = append(rounds, s.String())
		if len(rounds) == 2 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2 documents queued, 0 queued before, 0 skipped, 0 failed", "0 documents queued, 2 queued before, 0 skipped, 0 failed"}
	if len(rounds) != 2 || rounds[0] != want[0] || rounds[1] != want[1] {
		t.Errorf("rounds %q; want %q", rounds, want)
	}
	if len(q.docs) != 2 {
		t.Fatalf("%d documents queued; want 2", len(q.docs))
	}
	for _, d := range q.docs {
		if d.Published != "2025-03-05" {
			t.Errorf("%s: published %q", d.Source, d.Published)
		}
		switch {
		case d.Source == "https://news.example/a":
			if len(d.Dates) != 1 || d.Dates[0].From != "feed" || d.Dates[0].Day.Format(time.DateOnly) != "2025-03-04" || !strings.Contains(string(d.Data), "Zamfara") {
				t.Errorf("feed item queued as %+v", d)
			}
		case strings.HasSuffix(d.Source, "note.txt"):
			if string(d.Data) != files["note.txt"] {
				t.Errorf("file queued as %q", d.Data)
			}
		default:
			t.Errorf("unexpected source %q", d.Source)
		}
	}
}
