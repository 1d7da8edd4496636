package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// startCluster makes a cluster with the programs in bin in a new
// temporary directory and starts it on a free loopback port, as the
// postgres user when this process is root (initdb refuses root). It
// returns the cluster's URL and the function that stops it and removes
// its files. The server dies with this process, whatever ends it.
func startCluster(ctx context.Context, bin string) (string, func() error, error) {
	dir, err := os.MkdirTemp("", "sitrep-pgtest-")
	if err != nil {
		return "", nil, err
	}
	fail := func(err error) (string, func() error, error) {
		os.RemoveAll(dir)
		return "", nil, err
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fail(fmt.Errorf("running as root, and initdb will not: %w", err))
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			return fail(err)
		}
	}
	data := filepath.Join(dir, "data")
	initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		return fail(fmt.Errorf("initdb: %w: %s", err, lastLine(out)))
	}
	port, err := freePort()
	if err != nil {
		return fail(err)
	}
	log, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		return fail(err)
	}
	defer log.Close()
	// Durability is not wanted of a cluster that is removed at the end.
	srv := exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-p", strconv.Itoa(port), "-k", dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	srv.Stdout, srv.Stderr = log, log
	// Killed with this process, so that no test run leaves one behind.
	srv.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL}
	if err := srv.Start(); err != nil {
		return fail(fmt.Errorf("start postgres: %w", err))
	}
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	stop := func() error {
		// A fast shutdown: it ends the sessions and exits.
		srv.Process.Signal(syscall.SIGINT)
		var err error
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			srv.Process.Kill()
			<-exited
			err = errors.New("postgres did not stop within 30 s; killed")
		}
		return errors.Join(err, os.RemoveAll(dir))
	}
	u := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	deadline := time.Now().Add(60 * time.Second)
	for {
		err := ping(ctx, u)
		if err == nil {
			return u, stop, nil
		}
		select {
		case <-exited:
			os.RemoveAll(dir)
			logged, _ := os.ReadFile(log.Name())
			return "", nil, fmt.Errorf("postgres exited: %s", lastLine(logged))
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			stop()
			return "", nil, fmt.Errorf("postgres did not accept connections within 60 s: %w", err)
		}
	}
}

// freePort is a loopback TCP port no one listens on at the moment.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// lastLine is the last line of a program's output, which says why it
// failed.
func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}
