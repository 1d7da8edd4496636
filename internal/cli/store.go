package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/export"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/query"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
)

// dbFlag adds --db, defaulting to $SITREP_DB or ./sitrep.db: an SQLite
// file or a PostgreSQL URL, as openStore takes.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("SITREP_DB")
	if def == "" {
		def = "sitrep.db"
	}
	return fs.String("db", def, "SQLite database `file`, or a postgres:// URL (default from $SITREP_DB)")
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "PATH|URL ...", "Reads articles from files and directories (recursively), WARC files (plain or .gz),\nRSS/Atom feeds and http(s) URLs, extracts their events and merges them into the\ndatabase. The same article twice changes nothing. Progress goes to stderr: a bar on a\nterminal, a log line every 10 seconds otherwise.",
		`sitrep ingest --db events.db articles/
sitrep ingest --db events.db crawl.warc.gz https://example.org/feed.xml
sitrep ingest --db events.db --fetch=false feeds/*.xml 2> ingest.log
sitrep ingest --queue nats://queue.example:4222 articles/   (for 'sitrep worker' to store)`)
	db := dbFlag(fs)
	q := queueFlag(fs, queueUsage)
	fetch := fs.Bool("fetch", true, "download URLs given as arguments and feed items' links")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from loopback and private addresses")
	workers := fs.Int("workers", 0, "articles extracted at once (default one per CPU)")
	published := publishedFlag(fs)
	if err := parse(fs, args, -1); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: give files, directories or URLs to ingest", errUsage)
	}
	if *workers < 0 {
		return fmt.Errorf("%w: --workers %d: give 0 for one per CPU, or more", errUsage, *workers)
	}
	day, err := publishedDay(*published)
	if err != nil {
		return err
	}
	in, closeStore, err := openIngesterOrQueue(ctx, e, *db, *q, *fetch, *allowPrivate)
	if err != nil {
		return err
	}
	defer closeStore()
	in.Workers = *workers
	in.Published = day
	report, stop := progress(e, "ingest")
	in.Progress = report
	sum, err := in.Paths(ctx, fs.Args())
	stop()
	fmt.Fprintln(e.stdout, sum)
	hintPrivate(e, sum, *allowPrivate)
	if err != nil {
		return err
	}
	if sum.Read == 0 && sum.Duplicates == 0 && sum.Queued == 0 && sum.Requeued == 0 {
		return fmt.Errorf("nothing could be read")
	}
	return nil
}

// hintPrivate names the flag that allows what the fetcher refused.
func hintPrivate(e *env, sum ingest.Summary, allowed bool) {
	if n := sum.Failed[ingest.ErrForbiddenAddress.Error()]; n > 0 && !allowed {
		fmt.Fprintf(e.stderr, "%s refused: the address is loopback or private; --allow-private allows it (for a feed served on this machine or a private network)\n",
			plural(n, "fetch"))
	}
}

// openIngester opens the database and loads the pipeline; the returned
// function closes the database.
func openIngester(ctx context.Context, e *env, db string, fetch, allowPrivate bool) (*ingest.Ingester, func() error, error) {
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.New()
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	in := &ingest.Ingester{Pipeline: p, Store: st, Log: e.log}
	if fetch {
		in.Fetcher = ingest.NewFetcher(load.DefaultMaxBytes, allowPrivate)
	}
	return in, st.Close, nil
}

// isTerminal reports whether w is a terminal, for the progress line.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "", "Writes the database's merged events that pass the filters as ACLED CSV, PLOVER JSON\nlines or GeoJSON, to stdout or to the file -o names. Filters are matched as the\ndashboard matches them: the type in any case (an ACLED type or sub-type, or a PLOVER\ntype), the country by ISO code or name, the actor by its name or any alias.",
		`sitrep export --db events.db -o events.csv
sitrep export --db events.db --country Sudan --from 2025-01-01 --type battles
sitrep export --db events.db --format geojson --actor RSF -o rsf.geojson
sitrep export --db events.db --format plover-jsonl --type "air/drone strike"`)
	db := dbFlag(fs)
	format := fs.String("format", "acled-csv", "`format`: acled-csv, plover-jsonl or geojson")
	out := fs.String("o", "", "write to `file` instead of stdout")
	var f store.Filter
	fs.StringVar(&f.From, "from", "", "first day, `YYYY-MM-DD`")
	fs.StringVar(&f.To, "to", "", "last day, `YYYY-MM-DD`")
	fs.StringVar(&f.Country, "country", "", "ISO alpha-2 `code` or country name")
	fs.StringVar(&f.EventType, "type", "", "ACLED event `type` or sub-type, or a PLOVER type, in any case")
	fs.StringVar(&f.Admin1, "admin1", "", "first-level `division`, e.g. a province")
	fs.StringVar(&f.Actor, "actor", "", "actor `name`, alias or part of a name")
	fs.StringVar(&f.Text, "q", "", "`text` in the notes or the evidence")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if !export.Known(*format) {
		return fmt.Errorf("%w: unknown format %q (acled-csv, plover-jsonl, geojson)", errUsage, *format)
	}
	res := query.New()
	f, err := res.Resolve(f)
	if err != nil {
		if errors.Is(err, query.ErrInvalid) {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		return err
	}
	if err := storeExists(*db); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	g, err := res.Gazetteer()
	if err != nil {
		return err
	}
	w := e.stdout
	var file *os.File
	if *out != "" && *out != "-" {
		if file, err = os.Create(*out); err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	// Files are written oldest first, as the record grew.
	f.Oldest = true
	bw := bufio.NewWriter(w)
	stats, err := export.Stream(ctx, bw, *format, st, f, g)
	n := stats.Written
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		if file != nil {
			os.Remove(*out)
		}
		return err
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s written to %s\n", plural(n, "event"), *out)
	}
	if stats.Undated > 0 {
		fmt.Fprintf(e.stderr, "%s left out of the ACLED CSV: %s\n", plural(stats.Undated, "undated event"), "ACLED codes an event only with its day")
	}
	if n == 0 && stats.Undated == 0 {
		fmt.Fprintln(e.stderr, "no events pass the filters")
	}
	return nil
}

func runWatch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "watch", "FEEDS.txt", "Polls the RSS/Atom feeds listed one URL per line in FEEDS.txt (# starts a comment)\nand ingests what is new, until interrupted. Feeds and pages on loopback or private\naddresses are refused unless --allow-private is given.",
		`sitrep watch --db events.db feeds.txt
sitrep watch --db events.db --every 5m feeds.txt
sitrep watch --db events.db --allow-private local-feeds.txt
sitrep watch --queue nats://queue.example:4222 feeds.txt   (for 'sitrep worker' to store)`)
	db := dbFlag(fs)
	q := queueFlag(fs, queueUsage)
	every := fs.Duration("every", 15*time.Minute, "time between polls")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from loopback and private addresses")
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: give one file of feed URLs", errUsage)
	}
	if *every < time.Second {
		return fmt.Errorf("%w: --every %v is too short", errUsage, *every)
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	var feeds []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			feeds = append(feeds, l)
		}
	}
	if len(feeds) == 0 {
		return fmt.Errorf("no feed URLs in %s", fs.Arg(0))
	}
	in, closeStore, err := openIngesterOrQueue(ctx, e, *db, *q, true, *allowPrivate)
	if err != nil {
		return err
	}
	defer closeStore()
	fmt.Fprintf(e.stderr, "watching %s every %v; Ctrl-C stops\n", plural(len(feeds), "feed"), *every)
	return in.Watch(ctx, feeds, *every, func(s ingest.Summary) {
		fmt.Fprintf(e.stdout, "%s %s\n", time.Now().UTC().Format(time.RFC3339), s)
		hintPrivate(e, s, *allowPrivate)
	})
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "", "Ingests the bundled development articles into a temporary database and serves it,\nuntil interrupted; the database is removed on exit.",
		`sitrep demo
sitrep demo --addr 127.0.0.1:9000`)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "sitrep-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "demo.db")
	fmt.Fprintln(e.stderr, "loading the gazetteer, actor dictionary and extraction patterns…")
	in, closeStore, err := openIngester(ctx, e, db, false, false)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "reading the bundled articles into %s…\n", db)
	report, stop := progress(e, "demo ingest")
	in.Progress = report
	sum, err := in.FS(ctx, corpus.Articles())
	stop()
	closeStore()
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, sum)
	return serve(ctx, e, db, *addr)
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "", `Serves the database's events, read-only: pages for analysts and a JSON API.

Pages:
  /                 dashboard: time axis, map, filters, the events newest first
  /events/ID        one event with its claims and the highlighted evidence
  /actors/NAME      an actor's events, trend, map and top counterparts
  /countries/CODE   a country's events, trend, map and most active actors

API (described at /api/openapi.json):
  /api/events       events that pass the filters, a page at a time (limit, cursor),
                    newest first, or by sort=type|actor1|actor2|location|country|
                    fatalities|sources with dir=asc|desc
  /api/events/ID    one event and the mentions it was merged from
  /api/documents/ID a stored article and its mentions
  /api/aggregates   counts and fatalities by=day|country|type|admin1
  /api/timeline     counts by day, week or month and type, empty bins included
  /api/map          events in grid cells for a zoom level and bbox
  /api/export       the filtered events as format=acled-csv|geojson|plover-jsonl
  /api/suggest      filter suggestions: field=country|actor|admin1&q=...
  /api/admin1       counts by first-level division, each at its point

Filters (query parameters, on every listing):
  from, to   YYYY-MM-DD        type     ACLED type or sub-type, or PLOVER type, any case
  subtype    ACLED sub-type     country  ISO code or name
  actor      name or alias      admin1   first-level division
  q          text               bbox     minLon,minLat,maxLon,maxLat`,
		`sitrep serve --db events.db
sitrep serve --db events.db --addr :8080
curl 'http://127.0.0.1:8080/api/events?country=Sudan&type=battles&from=2025-01-01'
curl -o view.csv 'http://127.0.0.1:8080/api/export?format=acled-csv&actor=RSF'`)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if err := storeExists(*db); err != nil {
		return err
	}
	return serve(ctx, e, *db, *addr)
}

// serve serves db on addr until ctx ends.
func serve(ctx context.Context, e *env, db, addr string) error {
	st, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	// A server answers from the facets in memory: a count or an
	// aggregate over a million events is then a loop, not a walk of an
	// index through SQLite. Reading them takes seconds on a large
	// record, during which the indexes answer.
	// Only the SQLite store keeps them; Postgres answers from its indexes.
	keep, stop := context.WithCancel(ctx)
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		k, ok := st.(interface {
			KeepFacets(context.Context, *slog.Logger) error
		})
		if !ok {
			return
		}
		if err := k.KeepFacets(keep, e.log); err != nil && keep.Err() == nil {
			e.log.Error("keep the filter columns in memory", "err", err)
		}
	}()
	defer func() { stop(); <-loaded }()
	h, err := server.New(st, e.log)
	if err != nil {
		return err
	}
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 60 * time.Second}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "sitrep serving %s on http://%s/\n", dbName(db), ln.Addr())
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
