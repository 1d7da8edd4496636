// Package sqlite is sitrep's embedded store: one SQLite file in WAL mode,
// written through modernc.org/sqlite (pure Go, no cgo).
package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// migrations bring a database from version i to i+1. Applied in order,
// each in its own transaction; never edit one that has shipped.
var migrations = []string{
	`CREATE TABLE documents (
		id TEXT PRIMARY KEY,
		url TEXT,
		title TEXT, outlet TEXT, published TEXT, language TEXT, format TEXT, source TEXT,
		text TEXT NOT NULL,
		ingested_at TEXT NOT NULL
	);
	CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL AND url != '';
	CREATE TABLE events (
		id TEXT PRIMARY KEY,
		seq INTEGER NOT NULL,
		kind TEXT NOT NULL,
		iso TEXT NOT NULL,
		date_start TEXT NOT NULL,
		date_end TEXT NOT NULL,
		body TEXT NOT NULL,
		updated_at TEXT NOT NULL
	);
	CREATE INDEX events_block ON events(kind, iso, date_start);
	CREATE TABLE mentions (
		id TEXT PRIMARY KEY,
		document_id TEXT NOT NULL REFERENCES documents(id),
		event_id TEXT NOT NULL REFERENCES events(id),
		body TEXT NOT NULL
	);
	CREATE INDEX mentions_event ON mentions(event_id);`,
}

// DB is a store.Store backed by one SQLite file.
type DB struct {
	db *sql.DB
}

var _ store.Store = (*DB)(nil)

// Open opens or creates the database at path and brings its schema up to
// date.
func Open(ctx context.Context, path string) (*DB, error) {
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One writer: SQLite serialises writes anyway, and one connection
	// keeps transactions simple.
	db.SetMaxOpenConns(1)
	s := &DB{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

func (s *DB) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this sitrep (%d)", version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	return nil
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// IntegrityCheck runs SQLite's integrity check and returns its verdict.
func (s *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var out string
	err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&out)
	return out, err
}

// kindOf is the blocking key of an event's type.
func kindOf(e event.Event) string {
	if e.EventType != nil {
		return *e.EventType
	}
	return "PLOVER:" + e.Plover
}

// Ingest implements store.Store. The whole document goes in one
// transaction, so an interrupted ingest leaves no half document.
func (s *DB) Ingest(ctx context.Context, res *event.Result) (store.Outcome, error) {
	var out store.Outcome
	doc := res.Document
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return out, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id = ? OR (url != '' AND url = ?)`, doc.ID, doc.URL).Scan(&n); err != nil {
		return out, fmt.Errorf("look up document: %w", err)
	}
	if n > 0 {
		out.Duplicate = true
		return out, nil
	}
	now := time.Now().UTC().Format(time.RFC3339)
	if _, err := tx.ExecContext(ctx, `INSERT INTO documents (id, url, title, outlet, published, language, format, source, text, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, doc.ID, doc.URL, doc.Title, doc.Outlet, doc.Published, doc.Language, doc.Format, doc.Source, doc.Text, now); err != nil {
		return out, fmt.Errorf("store document: %w", err)
	}
	for _, m := range res.Events {
		src := store.Source{DocumentID: doc.ID, MentionID: m.ID, Outlet: doc.Outlet, URL: doc.URL, Title: doc.Title, Published: doc.Published, Fatalities: m.Fatalities}
		ev, found, err := s.match(ctx, tx, m)
		if err != nil {
			return out, err
		}
		if found {
			store.Merge(ev, m, src)
			out.Merged++
		} else {
			ev = &store.Event{Event: m, Sources: []store.Source{src}}
			ev.ID = eventID(doc.ID, m.ID)
			out.New++
		}
		if err := s.putEvent(ctx, tx, ev, !found, now); err != nil {
			return out, err
		}
		body, err := json.Marshal(m)
		if err != nil {
			return out, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO mentions (id, document_id, event_id, body) VALUES (?, ?, ?, ?)`,
			doc.ID+"/"+m.ID, doc.ID, ev.ID, string(body)); err != nil {
			return out, fmt.Errorf("store mention: %w", err)
		}
	}
	return out, tx.Commit()
}

// eventID is stable: the same first report always gives the same id.
func eventID(docID, mentionID string) string {
	h := sha256.Sum256([]byte(docID + "/" + mentionID))
	return hex.EncodeToString(h[:8])
}

// match finds the stored event mention m reports, looking only at events
// of the same type and country whose dates overlap: the blocking that keeps
// merging far from quadratic.
func (s *DB) match(ctx context.Context, tx *sql.Tx, m event.Event) (*store.Event, bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT body FROM events WHERE kind = ? AND iso = ? AND date_start <= ? AND date_end >= ? ORDER BY seq`,
		kindOf(m), m.ISO, m.DateEnd, m.DateStart)
	if err != nil {
		return nil, false, fmt.Errorf("find events to merge: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, false, err
		}
		var e store.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, false, fmt.Errorf("stored event: %w", err)
		}
		if store.SameEvent(e.Event, m) {
			return &e, true, nil
		}
	}
	return nil, false, rows.Err()
}

func (s *DB) putEvent(ctx context.Context, tx *sql.Tx, e *store.Event, isNew bool, now string) error {
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if isNew {
		_, err = tx.ExecContext(ctx, `INSERT INTO events (id, seq, kind, iso, date_start, date_end, body, updated_at)
			VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM events), ?, ?, ?, ?, ?, ?)`,
			e.ID, kindOf(e.Event), e.ISO, e.DateStart, e.DateEnd, string(body), now)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE events SET date_start = ?, date_end = ?, body = ?, updated_at = ? WHERE id = ?`,
			e.DateStart, e.DateEnd, string(body), now, e.ID)
	}
	if err != nil {
		return fmt.Errorf("store event: %w", err)
	}
	return nil
}

// Events implements store.Store.
func (s *DB) Events(ctx context.Context, f store.Filter) ([]store.Event, error) {
	q := `SELECT body, updated_at FROM events WHERE 1=1`
	var args []any
	if f.From != "" {
		q += ` AND date_end >= ?`
		args = append(args, f.From)
	}
	if f.To != "" {
		q += ` AND date_start <= ?`
		args = append(args, f.To)
	}
	if f.Country != "" {
		q += ` AND iso = ?`
		args = append(args, strings.ToUpper(f.Country))
	}
	if f.EventType != "" {
		q += ` AND (kind = ? OR kind = ?)`
		args = append(args, f.EventType, "PLOVER:"+strings.ToUpper(f.EventType))
	}
	q += ` ORDER BY date_start, seq`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		var body, updated string
		if err := rows.Scan(&body, &updated); err != nil {
			return nil, err
		}
		var e store.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, fmt.Errorf("stored event: %w", err)
		}
		e.Updated = updated
		if f.Actor != "" && !hasActor(e.Event, f.Actor) || !matches(e.Event, f) {
			continue
		}
		out = append(out, e)
		if f.Limit > 0 && len(out) >= f.Limit {
			break
		}
	}
	return out, rows.Err()
}

// matches applies the filters SQL does not: division, box and text.
func matches(e event.Event, f store.Filter) bool {
	if f.Admin1 != "" && !strings.EqualFold(e.Admin1, f.Admin1) {
		return false
	}
	if b := f.BBox; b != nil {
		if e.Latitude == nil || *e.Longitude < b[0] || *e.Latitude < b[1] || *e.Longitude > b[2] || *e.Latitude > b[3] {
			return false
		}
	}
	if f.Text != "" {
		want := strings.ToLower(f.Text)
		found := strings.Contains(strings.ToLower(e.Notes), want)
		for _, ev := range e.Evidence {
			found = found || strings.Contains(strings.ToLower(ev.Text), want)
		}
		if !found {
			return false
		}
	}
	return true
}

// Event implements store.Store.
func (s *DB) Event(ctx context.Context, id string) (store.Event, []store.Mention, error) {
	var body, updated string
	err := s.db.QueryRowContext(ctx, `SELECT body, updated_at FROM events WHERE id = ?`, id).Scan(&body, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Event{}, nil, fmt.Errorf("event %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	var e store.Event
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		return store.Event{}, nil, fmt.Errorf("stored event: %w", err)
	}
	e.Updated = updated
	ms, err := s.mentions(ctx, `WHERE event_id = ?`, id)
	return e, ms, err
}

// Mentions implements store.Store.
func (s *DB) Mentions(ctx context.Context, documentID string) ([]store.Mention, error) {
	return s.mentions(ctx, `WHERE document_id = ?`, documentID)
}

func (s *DB) mentions(ctx context.Context, where string, arg string) ([]store.Mention, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT document_id, event_id, body FROM mentions `+where+` ORDER BY rowid`, arg)
	if err != nil {
		return nil, fmt.Errorf("query mentions: %w", err)
	}
	defer rows.Close()
	ms := []store.Mention{}
	for rows.Next() {
		var m store.Mention
		var mb string
		if err := rows.Scan(&m.DocumentID, &m.EventID, &mb); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(mb), &m.Event); err != nil {
			return nil, fmt.Errorf("stored mention: %w", err)
		}
		ms = append(ms, m)
	}
	return ms, rows.Err()
}

// Document implements store.Store.
func (s *DB) Document(ctx context.Context, id string) (event.Document, error) {
	var d event.Document
	err := s.db.QueryRowContext(ctx, `SELECT id, url, title, outlet, published, language, format, source, text FROM documents WHERE id = ?`, id).
		Scan(&d.ID, &d.URL, &d.Title, &d.Outlet, &d.Published, &d.Language, &d.Format, &d.Source, &d.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("document %s: %w", id, err)
	}
	return d, nil
}

func hasActor(e event.Event, want string) bool {
	want = strings.ToLower(want)
	for _, a := range []string{e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2} {
		if a != "" && strings.Contains(strings.ToLower(a), want) {
			return true
		}
	}
	return false
}
