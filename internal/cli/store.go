package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep/sitrep/corpus"
	"github.com/sitrep/sitrep/internal/export"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/ingest"
	"github.com/sitrep/sitrep/internal/load"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// dbFlag adds --db, defaulting to $SITREP_DB or ./sitrep.db.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("SITREP_DB")
	if def == "" {
		def = "sitrep.db"
	}
	return fs.String("db", def, "SQLite database `file` (default from $SITREP_DB)")
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "PATH|URL ...", "Reads articles from files and directories (recursively), WARC files (plain or .gz),\nRSS/Atom feeds and http(s) URLs, extracts their events and merges them into the\ndatabase. The same article twice changes nothing.")
	db := dbFlag(fs)
	fetch := fs.Bool("fetch", true, "download URLs given as arguments and feed items' links")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from loopback and private addresses")
	workers := fs.Int("workers", 0, "articles extracted at once (default one per CPU)")
	published := publishedFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: give files or directories to ingest", errUsage)
	}
	day, err := publishedDay(*published)
	if err != nil {
		return err
	}
	in, closeStore, err := openIngester(ctx, e, *db, *fetch, *allowPrivate)
	if err != nil {
		return err
	}
	defer closeStore()
	in.Workers = *workers
	in.Published = day
	if isTerminal(e.stderr) {
		in.Progress = func(done int, path string) { fmt.Fprintf(e.stderr, "\r%d documents…", done) }
	}
	sum, err := in.Paths(ctx, fs.Args())
	if in.Progress != nil {
		fmt.Fprint(e.stderr, "\r")
	}
	fmt.Fprintln(e.stdout, sum)
	if err != nil {
		return err
	}
	if sum.Read == 0 && sum.Duplicates == 0 {
		return fmt.Errorf("nothing could be read")
	}
	return nil
}

// openIngester opens the database and loads the pipeline; the returned
// function closes the database.
func openIngester(ctx context.Context, e *env, db string, fetch, allowPrivate bool) (*ingest.Ingester, func() error, error) {
	st, err := sqlite.Open(ctx, db)
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
	fs := newFlags(e, "export", "", "Writes the database's merged events as ACLED CSV, PLOVER JSON lines or GeoJSON.")
	db := dbFlag(fs)
	format := fs.String("format", "acled-csv", "`format`: acled-csv, plover-jsonl or geojson")
	var f store.Filter
	fs.StringVar(&f.From, "from", "", "first day, `YYYY-MM-DD`")
	fs.StringVar(&f.To, "to", "", "last day, `YYYY-MM-DD`")
	fs.StringVar(&f.Country, "country", "", "ISO alpha-2 `code`")
	fs.StringVar(&f.EventType, "type", "", "ACLED event `type`, or a PLOVER type")
	fs.StringVar(&f.Actor, "actor", "", "actor name `part`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(*db); err != nil {
		return fmt.Errorf("database %s: %w", *db, err)
	}
	st, err := sqlite.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	// Files are written oldest first, as the record grew, an event at a
	// time as the store reads them.
	f.Oldest = true
	evs := st.All(ctx, f)
	switch *format {
	case "acled-csv":
		g, err := gazetteer.Load()
		if err != nil {
			return err
		}
		return export.ACLEDCSV(e.stdout, evs, g)
	case "plover-jsonl":
		return export.PLOVERJSONL(e.stdout, evs)
	case "geojson":
		return export.GeoJSON(e.stdout, evs)
	}
	return fmt.Errorf("%w: unknown format %q (acled-csv, plover-jsonl, geojson)", errUsage, *format)
}

func runWatch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "watch", "FEEDS.txt", "Polls the RSS/Atom feeds listed one URL per line in FEEDS.txt and ingests what is new,\nuntil interrupted.")
	db := dbFlag(fs)
	every := fs.Duration("every", 15*time.Minute, "time between polls")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from loopback and private addresses")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
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
	in, closeStore, err := openIngester(ctx, e, *db, true, *allowPrivate)
	if err != nil {
		return err
	}
	defer closeStore()
	return in.Watch(ctx, feeds, *every, func(s ingest.Summary) {
		fmt.Fprintf(e.stdout, "%s %s\n", time.Now().UTC().Format(time.RFC3339), s)
	})
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "", "Ingests the bundled development articles into a temporary database and serves it.")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := parse(fs, args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "sitrep-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "demo.db")
	in, closeStore, err := openIngester(ctx, e, db, false, false)
	if err != nil {
		return err
	}
	sum, err := in.FS(ctx, corpus.Articles())
	closeStore()
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, sum)
	return serve(ctx, e, db, *addr)
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "", "Serves the database's events: a JSON API (/api/..., described at /api/openapi.json)\nand pages for analysts, read-only.")
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(*db); err != nil {
		return fmt.Errorf("database %s: %w", *db, err)
	}
	return serve(ctx, e, *db, *addr)
}

// serve serves db on addr until ctx ends.
func serve(ctx context.Context, e *env, db, addr string) error {
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	h, err := server.New(st, e.log)
	if err != nil {
		return err
	}
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 60 * time.Second}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "sitrep serving %s on http://%s/\n", db, ln.Addr())
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
