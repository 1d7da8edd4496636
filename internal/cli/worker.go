package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/sitrep/sitrep/internal/store/postgres"
)

// queueFlag is --queue, from $SITREP_QUEUE by default; what says what
// the command does with it.
func queueFlag(fs *flag.FlagSet, what string) *string {
	return fs.String("queue", os.Getenv("SITREP_QUEUE"), "NATS JetStream `URL` (nats://host:4222) "+what+" (default from $SITREP_QUEUE)")
}

// queueUsage is what ingest and watch do with --queue.
const queueUsage = "to queue documents on for 'sitrep worker', instead of storing them"

// openIngesterOrQueue opens what ingest and watch read into: the queue q
// names when it is set, else the database.
func openIngesterOrQueue(ctx context.Context, e *env, db, q string, fetch, allowPrivate bool) (*ingest.Ingester, func() error, error) {
	if q == "" {
		return openIngester(ctx, e, db, fetch, allowPrivate)
	}
	if !queue.IsURL(q) {
		return nil, nil, fmt.Errorf("%w: --queue %q is not a nats:// URL", errUsage, q)
	}
	wq, err := queue.Open(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	in := &ingest.Ingester{Queue: wq, Log: e.log}
	if fetch {
		in.Fetcher = ingest.NewFetcher(load.DefaultMaxBytes, allowPrivate)
	}
	return in, wq.Close, nil
}

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "", "Takes documents that 'sitrep ingest --queue' and 'sitrep watch --queue' queued on a NATS\nJetStream server, extracts their events and merges them into a PostgreSQL database,\nuntil interrupted. Run as many as you like, on as many machines: each document is\nstored once, and one a worker was holding when it died goes to another.",
		`sitrep worker --queue nats://queue.example:4222 --db postgres://sitrep@db.example/sitrep
sitrep worker --queue nats://queue.example:4222 --db postgres://sitrep@db.example/sitrep --workers 8`)
	db := dbFlag(fs)
	q := queueFlag(fs, "to take documents from")
	workers := fs.Int("workers", 0, "documents extracted at once (default one per CPU)")
	ackWait := fs.Duration("ack-wait", queue.DefaultAckWait, "how long a document held by a worker that stopped answering waits before another takes it")
	maxDeliver := fs.Int("max-deliver", queue.DefaultMaxDeliver, "tries a document gets before it is left failed in the queue")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if !queue.IsURL(*q) {
		return fmt.Errorf("%w: give the queue's nats:// URL with --queue", errUsage)
	}
	if !postgres.IsURL(*db) {
		return fmt.Errorf("%w: --db %q: workers share a PostgreSQL database; give its postgres:// URL", errUsage, *db)
	}
	if *workers < 0 || *ackWait < time.Second || *maxDeliver < 1 {
		return fmt.Errorf("%w: --workers must be 0 or more, --ack-wait at least 1s, --max-deliver at least 1", errUsage)
	}
	n := *workers
	if n == 0 {
		n = runtime.GOMAXPROCS(0)
	}
	wq, err := queue.Open(ctx, *q)
	if err != nil {
		return err
	}
	defer wq.Close()
	in, closeStore, err := openIngester(ctx, e, *db, false, false)
	if err != nil {
		return err
	}
	defer closeStore()
	var tally ingest.Tally
	fmt.Fprintf(e.stderr, "working on %s into %s with %d at once; Ctrl-C stops\n", wq, dbName(*db), n)
	stopReport := make(chan struct{})
	reported := make(chan struct{})
	go func() {
		defer close(reported)
		t := time.NewTicker(30 * time.Second)
		defer t.Stop()
		last := ""
		for {
			select {
			case <-stopReport:
				return
			case <-t.C:
				if s := tally.Summary().String(); s != last {
					fmt.Fprintf(e.stderr, "%s %s\n", time.Now().UTC().Format(time.RFC3339), s)
					last = s
				}
			}
		}
	}()
	err = wq.Work(ctx, n, queue.Options{AckWait: *ackWait, MaxDeliver: *maxDeliver}, e.log, in.Handler(&tally))
	close(stopReport)
	<-reported
	fmt.Fprintln(e.stdout, tally.Summary())
	return err
}
