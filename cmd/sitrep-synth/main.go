// Command sitrep-synth fills a sitrep database with synthetic events, for
// measuring the server and the store at scale:
//
//	sitrep-synth -db synth.db -events 1000000
//
// The events are spread over 200 countries and five years; the same seed
// always makes the same ones. It fills a new database only.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
	"github.com/sitrep/sitrep/internal/synth"
)

func main() {
	db := flag.String("db", "synth.db", "SQLite database `file` to fill")
	events := flag.Int("events", 1_000_000, "how many events the database should hold")
	seed := flag.Uint64("seed", 7, "random seed")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, *db, *events, *seed)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "sitrep-synth:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, path string, events int, seed uint64) error {
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := st.Page(ctx, store.Filter{Limit: 1})
	if err != nil {
		return err
	}
	if p.Total > 0 {
		return fmt.Errorf("%s holds %d events already: give a new file", path, p.Total)
	}
	start, last := time.Now(), time.Now()
	articles, err := synth.Fill(ctx, st, events, seed, func(made, articles int) {
		if time.Since(last) > 10*time.Second {
			last = time.Now()
			fmt.Fprintf(os.Stderr, "%d events from %d articles, %.0f articles/s\n", made, articles, float64(articles)/time.Since(start).Seconds())
		}
	})
	if err != nil {
		return err
	}
	fmt.Printf("stored %d articles in %v\n", articles, time.Since(start).Round(time.Second))
	return nil
}
