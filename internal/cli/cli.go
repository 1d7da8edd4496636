// Package cli implements sitrep's command line: each subcommand parses its
// flags and calls the packages that do the work.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"sort"
	"strings"
)

// env is what a command runs with.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"extract": {"read articles and print their events as JSON", runExtract},
		"eval":    {"score extraction against gold files in a directory", runEval},
		"ingest":  {"read articles into the event database, merging reports of one event", runIngest},
		"export":  {"write the database's events as ACLED CSV, PLOVER JSON lines or GeoJSON", runExport},
		"watch":   {"poll RSS/Atom feeds and ingest what is new", runWatch},
		"serve":   {"serve the event database: JSON API and pages for analysts", runServe},
		"demo":    {"serve the bundled articles from a temporary database", runDemo},
		"version": {"print sitrep's version and the commit it was built from", runVersion},
		"worker":  {"store documents queued on NATS JetStream into a shared PostgreSQL database", runWorker},
	}
}

// errUsage marks errors that are the caller's words, not the work's.
var errUsage = errors.New("usage")

// Run runs the sitrep command line and returns the exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	cmds := commands()
	if len(args) == 0 {
		usage(stderr, cmds)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout, cmds)
		return 0
	case "-version", "--version", "-v":
		fmt.Fprintln(stdout, version())
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "sitrep: unknown command %q\n\n", args[0])
		usage(stderr, cmds)
		return 2
	}
	if err := c.run(ctx, e, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "sitrep %s: %s\n", args[0], strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
		if errors.Is(err, errUsage) {
			fmt.Fprintf(stderr, "Run 'sitrep %s -h' for its flags and examples.\n", args[0])
			return 2
		}
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "sitrep turns news articles into sourced, ACLED- and PLOVER-coded events.")
	fmt.Fprintln(w, "\nUsage: sitrep COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprint(w, `
Examples:
  sitrep demo                                   serve the bundled articles on http://127.0.0.1:8080/
  sitrep ingest --db events.db articles/        read a directory of articles into a database
  sitrep serve --db events.db                   browse and query it
  sitrep export --db events.db --country Sudan -o sudan.csv

Run 'sitrep COMMAND -h' for a command's flags and examples; 'sitrep --version' for the build.
`)
}

// version names the build: the module version and, when the build
// recorded it, the commit and whether the tree had changes.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "sitrep (no build information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", with uncommitted changes"
			}
		}
	}
	if rev == "" {
		return fmt.Sprintf("sitrep %s, commit unknown (built without version control information), %s", v, bi.GoVersion)
	}
	return fmt.Sprintf("sitrep %s, commit %s (%s%s), %s", v, rev, at, dirty, bi.GoVersion)
}

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "", "Prints sitrep's version, the commit it was built from and the Go it was built with.", "sitrep version")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, version())
	return nil
}

// newFlags returns a flag set whose -h prints the command's usage, flags
// and examples on stdout, and whose errors are returned, not printed.
func newFlags(e *env, name, argsUsage, summary, examples string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "Usage: sitrep %s [flags] %s\n\n%s\n\nFlags:\n", name, argsUsage, summary)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		if examples != "" {
			fmt.Fprintf(w, "\nExamples:\n")
			for _, l := range strings.Split(strings.TrimSpace(examples), "\n") {
				fmt.Fprintf(w, "  %s\n", l)
			}
		}
	}
	return fs
}

// parse parses flags, wrapping errors as usage errors; maxArgs bounds the
// arguments after the flags (-1: any number).
func parse(fs *flag.FlagSet, args []string, maxArgs int) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if maxArgs >= 0 && fs.NArg() > maxArgs {
		extra := fs.Args()[maxArgs:]
		if maxArgs == 0 {
			return fmt.Errorf("%w: takes no arguments, but was given %q (flags go before arguments)", errUsage, strings.Join(extra, " "))
		}
		return fmt.Errorf("%w: unexpected argument %q", errUsage, strings.Join(extra, " "))
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, strings.TrimSuffix(word, "s"))
}
