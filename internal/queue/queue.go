// Package queue carries documents from the machines that find them to
// the workers that extract and store them, through a NATS JetStream work
// queue: a stream that keeps each document until one worker acknowledges
// it, and gives it to another when a worker dies before it does.
//
// A worker acknowledges a document only once it is stored, so a document
// is stored at least once; the store takes the same document twice as a
// no-op, so each is stored once in effect.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep/sitrep/internal/load"
)

// The stream, its subject and the consumer all workers share.
const (
	Stream   = "SITREP_DOCUMENTS"
	Subject  = "sitrep.documents"
	Consumer = "sitrep-workers"
)

// hdrDoc is the header of a document's message that holds what came
// with it, as JSON (which escapes the line breaks a header cannot hold);
// the document's bytes are the body.
const hdrDoc = "Sitrep-Doc"

// meta is what comes with a document.
type meta struct {
	Source    string       `json:"source,omitempty"`
	Published string       `json:"published,omitempty"`
	Dates     []load.Dated `json:"dates,omitempty"`
}

// Doc is one document to extract and store, as the command that found it
// read it.
type Doc struct {
	Data []byte
	// Source is the file name or URL the document came from.
	Source string
	// Published (YYYY-MM-DD) is the user's publication date, above what
	// the document says.
	Published string
	// Dates are what the document's container said of its date.
	Dates []load.Dated
}

// Options tune the consumer workers share; zero fields take defaults.
type Options struct {
	// AckWait is how long a worker may hold a document before it is given
	// to another; a worker that is still at it says so every AckWait/2.
	AckWait time.Duration
	// MaxDeliver is how many times a document is given out before it is
	// left in the stream, failed.
	MaxDeliver int
	// RetryDelay is how long a document that failed waits before it is
	// given out again.
	RetryDelay time.Duration
}

// Defaults of Options.
const (
	DefaultAckWait    = time.Minute
	DefaultMaxDeliver = 5
	DefaultRetryDelay = 5 * time.Second
)

// Queue is a connection to the work queue.
type Queue struct {
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream
	name   string // the server's URL, without credentials
}

// IsURL reports whether s names a NATS server: a nats:// (or tls://) URL.
func IsURL(s string) bool {
	scheme, _, ok := strings.Cut(s, "://")
	return ok && (strings.EqualFold(scheme, "nats") || strings.EqualFold(scheme, "tls"))
}

// Redact is u without its password or token, to be shown or logged.
func Redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "nats://…"
	}
	p.User = nil
	return p.String()
}

// Open connects to the NATS server at u and makes the work-queue stream
// when it does not exist yet.
func Open(ctx context.Context, u string) (*Queue, error) {
	name := Redact(u)
	nc, err := nats.Connect(u, nats.Name("sitrep"), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", name, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream at %s: %w", name, err)
	}
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:      Stream,
		Subjects:  []string{Subject},
		Retention: jetstream.WorkQueuePolicy,
		Storage:   jetstream.FileStorage,
		// Publishing the same bytes again within the window is dropped
		// by the server; after it, the store drops it.
		Duplicates: 10 * time.Minute,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("make stream %s at %s: %w", Stream, name, err)
	}
	return &Queue{nc: nc, js: js, stream: st, name: name}, nil
}

// Close closes the connection.
func (q *Queue) Close() error {
	q.nc.Close()
	return nil
}

// String names the queue's server.
func (q *Queue) String() string { return q.name }

// ID is a document's message ID: the hash of its bytes, so that the
// server drops the same document queued twice.
func ID(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// Put queues d; duplicate says the server already had the same bytes.
func (q *Queue) Put(ctx context.Context, d Doc) (duplicate bool, err error) {
	m := nats.NewMsg(Subject)
	m.Data = d.Data
	b, err := json.Marshal(meta{Source: d.Source, Published: d.Published, Dates: d.Dates})
	if err != nil {
		return false, fmt.Errorf("queue %s: %w", d.Source, err)
	}
	m.Header.Set(hdrDoc, string(b))
	ack, err := q.js.PublishMsg(ctx, m, jetstream.WithMsgID(ID(d.Data)))
	if err != nil {
		return false, fmt.Errorf("queue %s on %s: %w", d.Source, q.name, err)
	}
	return ack.Duplicate, nil
}

// Pending is how many documents the stream holds: queued and not yet
// acknowledged.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	info, err := q.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("stream %s on %s: %w", Stream, q.name, err)
	}
	return info.State.Msgs, nil
}

// Handler extracts and stores one document. It returns an error only
// when the document should be tried again later (the store is down); a
// document that cannot be read is the handler's to report, and returns
// nil.
type Handler func(ctx context.Context, d Doc) error

// Work takes documents from the queue, n at a time, and hands each to h,
// until ctx ends; it returns an error only when it cannot start. A document is acknowledged once h returns nil, and
// given back for another try when it returns an error.
func (q *Queue) Work(ctx context.Context, n int, opts Options, log *slog.Logger, h Handler) error {
	if opts.AckWait <= 0 {
		opts.AckWait = DefaultAckWait
	}
	if opts.MaxDeliver <= 0 {
		opts.MaxDeliver = DefaultMaxDeliver
	}
	if opts.RetryDelay <= 0 {
		opts.RetryDelay = DefaultRetryDelay
	}
	n = max(n, 1)
	cons, err := q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       Consumer,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       opts.AckWait,
		MaxDeliver:    opts.MaxDeliver,
		FilterSubject: Subject,
	})
	if err != nil {
		return fmt.Errorf("make consumer %s on %s: %w", Consumer, q.name, err)
	}
	// A buffer of n: no document waits in this process for long while
	// another worker is idle.
	it, err := cons.Messages(jetstream.PullMaxMessages(n))
	if err != nil {
		return fmt.Errorf("consume %s on %s: %w", Stream, q.name, err)
	}
	defer it.Stop()
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for {
				m, err := it.Next(jetstream.NextContext(ctx))
				if err != nil {
					if ctx.Err() != nil || errors.Is(err, jetstream.ErrMsgIteratorClosed) {
						return
					}
					// A missed heartbeat while the server is away: the
					// iterator reconnects.
					log.Warn("waiting for documents", "queue", q.name, "err", err)
					select {
					case <-ctx.Done():
						return
					case <-time.After(time.Second):
					}
					continue
				}
				q.handle(ctx, m, opts, log, h)
			}
		})
	}
	wg.Wait()
	return nil
}

// handle runs h on one message and acknowledges it, or gives it back.
func (q *Queue) handle(ctx context.Context, m jetstream.Msg, opts Options, log *slog.Logger, h Handler) {
	d := Doc{Data: m.Data()}
	if hd := m.Headers().Get(hdrDoc); hd != "" {
		var md meta
		if err := json.Unmarshal([]byte(hd), &md); err != nil {
			log.Warn("what came with a document is unreadable; it is read without", "err", err)
		}
		d.Source, d.Published, d.Dates = md.Source, md.Published, md.Dates
	}
	// Say that the document is in hand while h runs, so that a slow one
	// is not given to a second worker.
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(opts.AckWait / 2)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				m.InProgress()
			}
		}
	})
	err := h(ctx, d)
	close(done)
	wg.Wait()
	if err != nil {
		if ctx.Err() != nil {
			// Stopping: the document goes back at once.
			m.Nak()
			return
		}
		if meta, merr := m.Metadata(); merr == nil && meta.NumDelivered >= uint64(opts.MaxDeliver) {
			log.Error("document failed on its last delivery; it stays in the stream", "source", d.Source,
				"deliveries", meta.NumDelivered, "err", err)
		} else {
			log.Warn("document failed; it will be tried again", "source", d.Source, "err", err)
		}
		if err := m.NakWithDelay(opts.RetryDelay); err != nil {
			log.Warn("cannot give the document back; it returns after the ack wait", "source", d.Source, "err", err)
		}
		return
	}
	// The server confirms the acknowledgement: a document stored and
	// acknowledged is not given out again. When that fails, it is given
	// out again, and the store finds it stored.
	// It is sent even when the worker is stopping: the document is stored.
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := m.DoubleAck(actx); err != nil {
		log.Warn("acknowledgement not confirmed; the document may come again, as a duplicate", "source", d.Source, "err", err)
	}
}
