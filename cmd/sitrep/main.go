// Command sitrep turns news articles into sourced, ACLED- and
// PLOVER-coded event records.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/sitrep/sitrep/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
