// Package pgtest gives tests a PostgreSQL server to make empty databases
// in: the one $SITREP_TEST_POSTGRES names, or else a throwaway cluster
// of the PostgreSQL installed on the machine, started on a loopback port
// and removed when the tests are done.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL is the variable that names a server for the tests, as a URL of
// a database they may create schemas in.
const EnvURL = "SITREP_TEST_POSTGRES"

// Server is a PostgreSQL server to test against.
type Server struct {
	url  string
	stop func() error
	// schemas numbers the schemas this process made.
	schemas atomic.Int64
}

// Start finds a server: $SITREP_TEST_POSTGRES when set, or else a new
// cluster of the newest PostgreSQL under /usr/lib/postgresql, made in a
// temporary directory. The error says why neither could be had.
func Start(ctx context.Context) (*Server, error) {
	if u := os.Getenv(EnvURL); u != "" {
		if err := ping(ctx, u); err != nil {
			return nil, fmt.Errorf("$%s is set, but: %w", EnvURL, err)
		}
		return &Server{url: u, stop: func() error { return nil }}, nil
	}
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		return nil, fmt.Errorf("$%s is not set and no PostgreSQL is installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install postgresql)", EnvURL)
	}
	// The newest version: its directory sorts last once numbers are
	// compared as numbers, which they are up to version 99.
	sort.Slice(bins, func(i, j int) bool {
		return len(bins[i]) < len(bins[j]) || len(bins[i]) == len(bins[j]) && bins[i] < bins[j]
	})
	u, stop, err := startCluster(ctx, filepath.Dir(bins[len(bins)-1]))
	if err != nil {
		return nil, fmt.Errorf("$%s is not set and a throwaway cluster did not start: %w", EnvURL, err)
	}
	return &Server{url: u, stop: stop}, nil
}

// Close stops a cluster Start started and removes its files.
func (s *Server) Close() error { return s.stop() }

// ping connects to the database at u.
func ping(ctx context.Context, u string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		return err
	}
	return conn.Close(ctx)
}

// Schema makes a new, empty schema and returns the URL of the database
// with that schema first on the search path, so that what is made through
// the URL lands there. The schema is dropped when t ends.
func (s *Server) Schema(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("sitrep_test_%d_%d", os.Getpid(), s.schemas.Add(1))
	if err := s.exec(ctx, `CREATE SCHEMA `+name); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if err := s.exec(ctx, `DROP SCHEMA `+name+` CASCADE`); err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	u, err := url.Parse(s.url)
	if err != nil {
		t.Fatalf("$%s: %v", EnvURL, err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

func (s *Server) exec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, s.url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// Shared is the server a package's tests share, started by their
// TestMain:
//
//	var pg pgtest.Shared
//
//	func TestMain(m *testing.M) { os.Exit(pg.Main(m)) }
//
// and a test's pg.Schema(t) is an empty database of its own.
type Shared struct {
	srv *Server
	// why there is no server, when there is none.
	why error
}

// Main starts the server, runs the tests and stops it; it returns the
// exit code. Without a server the tests run and skip, saying why.
func (sh *Shared) Main(m *testing.M) int {
	sh.srv, sh.why = Start(context.Background())
	code := m.Run()
	if sh.srv != nil {
		if err := sh.srv.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest: stop the server:", err)
			code = max(code, 1)
		}
	}
	return code
}

// Schema is Server.Schema of the shared server; without one it skips t,
// saying why.
func (sh *Shared) Schema(t testing.TB) string {
	t.Helper()
	if sh.srv == nil {
		why := sh.why
		if why == nil {
			why = errors.New("TestMain did not call Main")
		}
		t.Skipf("no PostgreSQL to test against: %v", why)
	}
	return sh.srv.Schema(t)
}
