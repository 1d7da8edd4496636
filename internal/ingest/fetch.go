package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/load"
)

// Errors of fetching, for the summary.
var (
	ErrForbiddenAddress = errors.New("address is loopback or private")
	ErrRobots           = errors.New("disallowed by robots.txt")
	ErrHTTPStatus       = errors.New("HTTP error status")
)

// Fetcher downloads articles and feeds politely and safely: a timeout, a
// size cap, bounded redirects, robots.txt respected, and no loopback or
// private addresses unless allowed.
type Fetcher struct {
	Client       *http.Client
	UserAgent    string
	MaxBytes     int
	AllowPrivate bool

	mu     sync.Mutex
	robots map[string]*robotsRules // by scheme://host
}

// NewFetcher returns a fetcher with sitrep's defaults.
func NewFetcher(maxBytes int, allowPrivate bool) *Fetcher {
	f := &Fetcher{UserAgent: "sitrep/0.1 (+event coding; respects robots.txt)", MaxBytes: maxBytes, AllowPrivate: allowPrivate, robots: map[string]*robotsRules{}}
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	transport := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, port, err := net.SplitHostPort(addr)
			if err != nil {
				return nil, err
			}
			ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
			if err != nil {
				return nil, err
			}
			for _, ip := range ips {
				// Checked at dial time, so that no redirect or DNS answer
				// can lead to a private address.
				if !f.AllowPrivate && (ip.IP.IsLoopback() || ip.IP.IsPrivate() || ip.IP.IsLinkLocalUnicast() || ip.IP.IsUnspecified()) {
					return nil, fmt.Errorf("%w: %s", ErrForbiddenAddress, ip.IP)
				}
			}
			return dialer.DialContext(ctx, network, net.JoinHostPort(ips[0].IP.String(), port))
		},
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 15 * time.Second,
	}
	f.Client = &http.Client{
		Transport: transport,
		Timeout:   30 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			return nil
		},
	}
	return f
}

// Get downloads url, if robots.txt allows it.
func (f *Fetcher) Get(ctx context.Context, raw string) ([]byte, error) {
	data, _, err := f.GetDated(ctx, raw)
	return data, err
}

// GetDated is Get that also returns what the server's headers say of the
// page's date: Last-Modified, and Date (when it was fetched).
func (f *Fetcher) GetDated(ctx context.Context, raw string) ([]byte, []load.Dated, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, nil, fmt.Errorf("not an http(s) URL: %q", raw)
	}
	if !f.allowed(ctx, u) {
		return nil, nil, fmt.Errorf("%w: %s", ErrRobots, raw)
	}
	var hdr http.Header
	data, err := f.get(ctx, raw, f.MaxBytes, &hdr)
	if err != nil {
		return nil, nil, err
	}
	var dates []load.Dated
	if t, err := http.ParseTime(hdr.Get("Last-Modified")); err == nil {
		dates = append(dates, load.Dated{Day: t, From: "http-last-modified"})
	}
	if t, err := http.ParseTime(hdr.Get("Date")); err == nil {
		dates = append(dates, load.Dated{Day: t, From: "http-date"})
	}
	return data, dates, nil
}

func (f *Fetcher) get(ctx context.Context, raw string, limit int, hdr *http.Header) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.UserAgent)
	resp, err := f.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", raw, err)
	}
	defer resp.Body.Close()
	if hdr != nil {
		*hdr = resp.Header
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: %w %d", raw, ErrHTTPStatus, resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", raw, err)
	}
	if len(data) > limit {
		return nil, fmt.Errorf("fetch %s: more than %d bytes", raw, limit)
	}
	return data, nil
}

// robotsRules are the Disallow prefixes that apply to every agent.
type robotsRules struct{ disallow []string }

func (f *Fetcher) allowed(ctx context.Context, u *url.URL) bool {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	rules, ok := f.robots[key]
	f.mu.Unlock()
	if !ok {
		rules = &robotsRules{}
		if data, err := f.get(ctx, key+"/robots.txt", 512<<10, nil); err == nil {
			rules = parseRobots(string(data))
		}
		f.mu.Lock()
		f.robots[key] = rules
		f.mu.Unlock()
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	for _, d := range rules.disallow {
		if strings.HasPrefix(path, d) {
			return false
		}
	}
	return true
}

// parseRobots reads the rules of the "*" group and of groups naming
// sitrep.
func parseRobots(s string) *robotsRules {
	r := &robotsRules{}
	applies := false
	for _, line := range strings.Split(s, "\n") {
		line, _, _ = strings.Cut(line, "#")
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		switch k {
		case "user-agent":
			applies = v == "*" || strings.Contains(strings.ToLower(v), "sitrep")
		case "disallow":
			if applies && v != "" {
				r.disallow = append(r.disallow, v)
			}
		}
	}
	return r
}

func fetchReason(err error) string {
	for _, e := range []error{ErrForbiddenAddress, ErrRobots, ErrHTTPStatus} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	if t, ok := errors.AsType[net.Error](err); ok && t.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return "fetch timed out"
	}
	return "fetch failed"
}
