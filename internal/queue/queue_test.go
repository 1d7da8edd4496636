package queue

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/queue/queuetest"
)

// TestQueue queues documents, one of them twice, and works them with a
// handler that fails each document's first delivery: each comes back,
// with what was queued with it, and the queue ends empty.
func TestQueue(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	q, err := Open(ctx, queuetest.Server(t))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	docs := []Doc{
		// A file name may hold what a header line cannot.
		{Data: []byte("one"), Source: "dir/a\r\nb é.txt", Published: "2025-03-02"},
		{Data: []byte("two"), Source: "https://example.org/b", Dates: []load.Dated{{Day: day, From: "feed"}}},
		{Data: []byte("three")},
	}
	for _, d := range append(docs, docs[0]) {
		if _, err := q.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if dup, err := q.Put(ctx, docs[1]); err != nil || !dup {
		t.Errorf("the same document again: duplicate %v, %v", dup, err)
	}
	if n, err := q.Pending(ctx); err != nil || n != uint64(len(docs)) {
		t.Fatalf("pending %d, %v; want %d", n, err, len(docs))
	}

	var mu sync.Mutex
	tries := map[string]int{}
	got := map[string]Doc{}
	workCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- q.Work(workCtx, 2, Options{AckWait: 2 * time.Second, RetryDelay: 10 * time.Millisecond},
			slog.New(slog.NewTextHandler(io.Discard, nil)), func(ctx context.Context, d Doc) error {
				mu.Lock()
				defer mu.Unlock()
				tries[string(d.Data)]++
				if tries[string(d.Data)] == 1 {
					return errors.New("store down")
				}
				got[string(d.Data)] = d
				return nil
			})
	}()
	for {
		n, err := q.Pending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("%d documents still pending", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		g := got[string(d.Data)]
		if tries[string(d.Data)] != 2 || g.Source != d.Source || g.Published != d.Published || len(g.Dates) != len(d.Dates) ||
			len(d.Dates) > 0 && !g.Dates[0].Day.Equal(d.Dates[0].Day) {
			t.Errorf("%s: tried %d times, came as %+v; want twice, as %+v", d.Data, tries[string(d.Data)], g, d)
		}
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{"nats://127.0.0.1:4222": true, "NATS://h": true, "tls://h:4222": true,
		"postgres://h/db": false, "events.db": false, "": false} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
	if r := Redact("nats://user:secret@h:4222"); r != "nats://h:4222" {
		t.Errorf("Redact: %q", r)
	}
}
