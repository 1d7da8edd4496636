// Package sqlite is sitrep's embedded store: one SQLite file in WAL mode,
// written through modernc.org/sqlite (pure Go, no cgo).
package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// A migration brings a database from one version to the next: its SQL,
// then fill, when set, for what only Go can compute from stored rows.
type migration struct {
	sql  string
	fill func(ctx context.Context, w *writeTx) error
}

// migrations bring a database from version i to i+1. Applied in order,
// each in its own transaction; never edit one that has shipped.
var migrations = []migration{
	{sql: `CREATE TABLE documents (
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
	CREATE INDEX mentions_event ON mentions(event_id);`},
	// Listing, filtering and aggregating read event_facets, a narrow copy
	// of the fields they need, clustered in listing order, so that none of
	// them decodes or even reads the events' JSON bodies; event_text keeps
	// the text the q filter searches out of its way. Text columns are
	// folded to lower case in Go, as the filters fold what they look for.
	{sql: `CREATE INDEX events_seq ON events(seq);
	CREATE TABLE event_facets (
		date_start TEXT NOT NULL,
		seq INTEGER NOT NULL,
		date_end TEXT NOT NULL,
		event_date TEXT NOT NULL,
		iso TEXT NOT NULL,
		kind TEXT NOT NULL,
		admin1 TEXT NOT NULL,
		lat REAL,
		lon REAL,
		fatalities INTEGER,
		actors TEXT NOT NULL,
		PRIMARY KEY (date_start, seq)
	) WITHOUT ROWID;
	CREATE UNIQUE INDEX event_facets_seq ON event_facets(seq);
	CREATE INDEX event_facets_iso ON event_facets(iso, fatalities);
	CREATE INDEX event_facets_kind ON event_facets(kind, fatalities);
	CREATE INDEX event_facets_day ON event_facets(event_date, fatalities);
	CREATE INDEX event_facets_admin1 ON event_facets(admin1);
	CREATE INDEX event_facets_lat ON event_facets(lat, lon);
	CREATE TABLE event_text (
		seq INTEGER PRIMARY KEY,
		text TEXT NOT NULL
	);`, fill: fillFacets},
}

// fillFacets indexes the events of a database made before event_facets.
func fillFacets(ctx context.Context, w *writeTx) error {
	for last := int64(-1); ; {
		rows, err := w.query(ctx, `SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT 1000`, last)
		if err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		var batch []store.Event
		var seqs []int64
		for rows.Next() {
			var body string
			var e store.Event
			if err := rows.Scan(&last, &body); err != nil {
				rows.Close()
				return err
			}
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				rows.Close()
				return fmt.Errorf("stored event %d: %w", last, err)
			}
			batch = append(batch, e)
			seqs = append(seqs, last)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for i := range batch {
			if err := putFacets(ctx, w, seqs[i], &batch[i]); err != nil {
				return err
			}
		}
	}
}

// DB is a store.Store backed by one SQLite file.
type DB struct {
	// db writes, through one connection: SQLite serialises writes anyway,
	// and one connection keeps transactions simple.
	db *sql.DB
	// read is a pool of query-only connections, so that reads run side by
	// side (WAL lets them) instead of queueing behind one another and
	// behind the writer.
	read *sql.DB
}

var _ store.Store = (*DB)(nil)

// Open opens or creates the database at path and brings its schema up to
// date.
func Open(ctx context.Context, path string) (*DB, error) {
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn+"&_pragma=cache_size(-65536)")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s := &DB{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Readers map the file rather than read it page by page: the pages
	// come from the OS's cache, shared by all connections, without a
	// system call each.
	s.read, err = sql.Open("sqlite", dsn+"&_pragma=query_only(1)&_pragma=mmap_size(1073741824)")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	s.read.SetMaxOpenConns(n)
	// Idle connections stay open: each keeps its page cache warm.
	s.read.SetMaxIdleConns(n)
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
		m := migrations[v]
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if m.fill != nil {
			w := newWriteTx(tx)
			err := m.fill(ctx, w)
			w.close()
			if err != nil {
				tx.Rollback()
				return fmt.Errorf("migration %d: %w", v+1, err)
			}
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
func (s *DB) Close() error {
	return errors.Join(s.read.Close(), s.db.Close())
}

// IntegrityCheck runs SQLite's integrity check and returns its verdict.
func (s *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var out string
	err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&out)
	return out, err
}

// writeTx is a write transaction that prepares each statement once, however
// many documents it stores: parsing SQL is much of the cost of a small
// statement.
type writeTx struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newWriteTx(tx *sql.Tx) *writeTx {
	return &writeTx{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (w *writeTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writeTx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (w *writeTx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (w *writeTx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := w.stmt(ctx, query)
	if err != nil {
		// Unprepared, the query fails again and its Row reports why.
		return w.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// close releases the statements; the transaction stays open.
func (w *writeTx) close() {
	for _, st := range w.stmts {
		st.Close()
	}
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
	return s.IngestAll(ctx, []*event.Result{res})
}

// IngestAll ingests documents as Ingest does, all in one transaction: all
// of them are stored or none. Loading a backlog this way is several times
// faster than one Ingest each. The outcome adds up the documents'.
func (s *DB) IngestAll(ctx context.Context, results []*event.Result) (store.Outcome, error) {
	var out store.Outcome
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return out, err
	}
	defer tx.Rollback()
	w := newWriteTx(tx)
	defer w.close()
	now := time.Now().UTC().Format(time.RFC3339)
	for _, res := range results {
		o, err := s.ingest(ctx, w, res, now)
		if err != nil {
			return store.Outcome{}, err
		}
		out.Duplicate = out.Duplicate || o.Duplicate
		out.New += o.New
		out.Merged += o.Merged
	}
	if err := tx.Commit(); err != nil {
		return store.Outcome{}, fmt.Errorf("commit: %w", err)
	}
	return out, nil
}

func (s *DB) ingest(ctx context.Context, w *writeTx, res *event.Result, now string) (store.Outcome, error) {
	var out store.Outcome
	doc := res.Document
	var n int
	if err := w.queryRow(ctx, `SELECT count(*) FROM documents WHERE id = ? OR (url != '' AND url = ?)`, doc.ID, doc.URL).Scan(&n); err != nil {
		return out, fmt.Errorf("look up document: %w", err)
	}
	if n > 0 {
		out.Duplicate = true
		return out, nil
	}
	if _, err := w.exec(ctx, `INSERT INTO documents (id, url, title, outlet, published, language, format, source, text, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, doc.ID, doc.URL, doc.Title, doc.Outlet, doc.Published, doc.Language, doc.Format, doc.Source, doc.Text, now); err != nil {
		return out, fmt.Errorf("store document: %w", err)
	}
	for _, m := range res.Events {
		src := store.Source{DocumentID: doc.ID, MentionID: m.ID, Outlet: doc.Outlet, URL: doc.URL, Title: doc.Title, Published: string(doc.Published), Fatalities: m.Fatalities}
		ev, found, err := s.match(ctx, w, m)
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
		if err := s.putEvent(ctx, w, ev, !found, now); err != nil {
			return out, err
		}
		body, err := json.Marshal(m)
		if err != nil {
			return out, err
		}
		if _, err := w.exec(ctx, `INSERT OR REPLACE INTO mentions (id, document_id, event_id, body) VALUES (?, ?, ?, ?)`,
			doc.ID+"/"+m.ID, doc.ID, ev.ID, string(body)); err != nil {
			return out, fmt.Errorf("store mention: %w", err)
		}
	}
	return out, nil
}

// eventID is stable: the same first report always gives the same id.
func eventID(docID, mentionID string) string {
	h := sha256.Sum256([]byte(docID + "/" + mentionID))
	return hex.EncodeToString(h[:8])
}

// match finds the stored event mention m reports, looking only at events
// of the same type and country whose dates overlap: the blocking that keeps
// merging far from quadratic.
func (s *DB) match(ctx context.Context, w *writeTx, m event.Event) (*store.Event, bool, error) {
	rows, err := w.query(ctx, `SELECT body FROM events WHERE kind = ? AND iso = ? AND date_start <= ? AND date_end >= ? ORDER BY seq`,
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

func (s *DB) putEvent(ctx context.Context, w *writeTx, e *store.Event, isNew bool, now string) error {
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	var seq int64
	if isNew {
		err = w.queryRow(ctx, `INSERT INTO events (id, seq, kind, iso, date_start, date_end, body, updated_at)
			VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM events), ?, ?, ?, ?, ?, ?) RETURNING seq`,
			e.ID, kindOf(e.Event), e.ISO, e.DateStart, e.DateEnd, string(body), now).Scan(&seq)
	} else {
		err = w.queryRow(ctx, `UPDATE events SET date_start = ?, date_end = ?, body = ?, updated_at = ? WHERE id = ? RETURNING seq`,
			e.DateStart, e.DateEnd, string(body), now, e.ID).Scan(&seq)
	}
	if err != nil {
		return fmt.Errorf("store event: %w", err)
	}
	return putFacets(ctx, w, seq, e)
}

// sep joins the several values of one facet column. A search for text
// holding it would match across two values, so such searches find nothing.
const sep = "\x1f"

// putFacets writes what listing, filtering and aggregating read of the
// event numbered seq.
func putFacets(ctx context.Context, w *writeTx, seq int64, e *store.Event) error {
	var actors []string
	for _, a := range []string{e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2} {
		if a != "" {
			actors = append(actors, strings.ToLower(a))
		}
	}
	texts := []string{strings.ToLower(e.Notes)}
	for _, ev := range e.Evidence {
		texts = append(texts, strings.ToLower(ev.Text))
	}
	var lat, lon *float64
	if e.Latitude != nil && e.Longitude != nil {
		lat, lon = e.Latitude, e.Longitude
	}
	// REPLACE drops the old row by its seq even when date_start, the
	// other half of the key, has moved.
	if _, err := w.exec(ctx, `INSERT OR REPLACE INTO event_facets
		(date_start, seq, date_end, event_date, iso, kind, admin1, lat, lon, fatalities, actors)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.DateStart, seq, e.DateEnd, e.EventDate, e.ISO, kindOf(e.Event), strings.ToLower(e.Admin1),
		lat, lon, e.Fatalities, strings.Join(actors, sep)); err != nil {
		return fmt.Errorf("index event: %w", err)
	}
	if _, err := w.exec(ctx, `INSERT OR REPLACE INTO event_text (seq, text) VALUES (?, ?)`,
		seq, strings.Join(texts, sep)); err != nil {
		return fmt.Errorf("index event text: %w", err)
	}
	return nil
}

// cursor is a place in the listing order, date_start then seq.
type cursor struct {
	dateStart string
	seq       int64
}

func (c cursor) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte(c.dateStart + "/" + strconv.FormatInt(c.seq, 10)))
}

func parseCursor(s string) (cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, store.ErrBadCursor
	}
	date, num, ok := strings.Cut(string(b), "/")
	seq, err := strconv.ParseInt(num, 10, 64)
	if !ok || err != nil || seq < 1 {
		return cursor{}, store.ErrBadCursor
	}
	// An event of unknown date sorts first, with an empty date_start.
	if _, err := time.Parse(time.DateOnly, date); err != nil && date != "" {
		return cursor{}, store.ErrBadCursor
	}
	return cursor{date, seq}, nil
}

// where is the SQL condition on event_facets f, and its arguments, that
// the filter's fields other than After and Limit ask for.
func where(f store.Filter) (string, []any) {
	conds := []string{"1=1"}
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.From != "" {
		add(`f.date_end >= ?`, f.From)
	}
	if f.To != "" {
		add(`f.date_start <= ?`, f.To)
	}
	if f.Country != "" {
		add(`f.iso = ?`, strings.ToUpper(f.Country))
	}
	if f.EventType != "" {
		add(`f.kind IN (?, ?)`, f.EventType, "PLOVER:"+strings.ToUpper(f.EventType))
	}
	if f.SubEventType != "" {
		// Read from the body: the type filter, which goes with it, has
		// already narrowed the events by index.
		add(`EXISTS (SELECT 1 FROM events b WHERE b.seq = f.seq AND json_extract(b.body, '$.sub_event_type') = ?)`, f.SubEventType)
	}
	if f.Admin1 != "" {
		add(`f.admin1 = ?`, strings.ToLower(f.Admin1))
	}
	if b := f.BBox; b != nil {
		add(`f.lon BETWEEN ? AND ? AND f.lat BETWEEN ? AND ?`, b[0], b[2], b[1], b[3])
	}
	if f.Actor != "" {
		add(`instr(f.actors, ?) > 0`, search(f.Actor))
	}
	if f.Text != "" {
		// Correlated, so that other filters narrow the events first.
		add(`EXISTS (SELECT 1 FROM event_text t WHERE t.seq = f.seq AND instr(t.text, ?) > 0)`, search(f.Text))
	}
	return strings.Join(conds, " AND "), args
}

// search folds what a filter looks for as the facet columns are folded;
// text that cannot be inside one value becomes a needle nothing contains.
func search(s string) string {
	if strings.Contains(s, sep) {
		return sep + sep
	}
	return strings.ToLower(s)
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// list returns the events that pass f after f.After, at most f.Limit of
// them when it is positive, and the cursor of the page that follows; ""
// when none does.
func list(ctx context.Context, q querier, f store.Filter) ([]store.Event, string, error) {
	cond, args := where(f)
	if f.After != "" {
		c, err := parseCursor(f.After)
		if err != nil {
			return nil, "", err
		}
		cond += ` AND (f.date_start, f.seq) > (?, ?)`
		args = append(args, c.dateStart, c.seq)
	}
	query := `SELECT f.date_start, f.seq, e.body, e.updated_at FROM event_facets f CROSS JOIN events e ON e.seq = f.seq
		WHERE ` + cond + ` ORDER BY f.date_start, f.seq`
	if f.Limit > 0 {
		// One more row than asked for tells whether a next page exists.
		query += ` LIMIT ?`
		args = append(args, f.Limit+1)
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	var out []store.Event
	var at cursor
	for rows.Next() {
		if f.Limit > 0 && len(out) == f.Limit {
			return out, at.String(), rows.Close()
		}
		var body, updated string
		if err := rows.Scan(&at.dateStart, &at.seq, &body, &updated); err != nil {
			return nil, "", fmt.Errorf("query events: %w", err)
		}
		var e store.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, "", fmt.Errorf("stored event %d: %w", at.seq, err)
		}
		e.Updated = updated
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("query events: %w", err)
	}
	return out, "", nil
}

// Events implements store.Store.
func (s *DB) Events(ctx context.Context, f store.Filter) ([]store.Event, error) {
	evs, _, err := list(ctx, s.read, f)
	return evs, err
}

// Page implements store.Store.
func (s *DB) Page(ctx context.Context, f store.Filter) (store.Page, error) {
	// One read transaction, so that the page and the total see the same
	// events.
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return store.Page{}, fmt.Errorf("list events: %w", err)
	}
	defer tx.Rollback()
	var p store.Page
	if p.Events, p.Next, err = list(ctx, tx, f); err != nil {
		return store.Page{}, err
	}
	cond, args := where(f)
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM event_facets f WHERE `+cond, args...).Scan(&p.Total); err != nil {
		return store.Page{}, fmt.Errorf("count events: %w", err)
	}
	return p, nil
}

// dimensions are the event_facets expressions Aggregate groups by.
var dimensions = map[store.Dimension]string{
	store.ByDay:     `f.event_date`,
	store.ByCountry: `f.iso`,
	// Grouped as stored, so that the index serves; Aggregate drops the
	// "PLOVER:" of types ACLED does not code.
	store.ByType: `f.kind`,
}

// Aggregate implements store.Store.
func (s *DB) Aggregate(ctx context.Context, f store.Filter, by store.Dimension) ([]store.Bucket, error) {
	key, ok := dimensions[by]
	if !ok {
		return nil, fmt.Errorf("aggregate by %q: not a dimension", by)
	}
	cond, args := where(f)
	rows, err := s.read.QueryContext(ctx, `SELECT `+key+`, count(*), coalesce(sum(f.fatalities), 0) FROM event_facets f
		WHERE `+cond+` GROUP BY 1 ORDER BY 1`, args...)
	if err != nil {
		return nil, fmt.Errorf("aggregate events by %s: %w", by, err)
	}
	defer rows.Close()
	out := []store.Bucket{}
	for rows.Next() {
		var b store.Bucket
		if err := rows.Scan(&b.Key, &b.Events, &b.Fatalities); err != nil {
			return nil, fmt.Errorf("aggregate events by %s: %w", by, err)
		}
		b.Key = strings.TrimPrefix(b.Key, "PLOVER:")
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("aggregate events by %s: %w", by, err)
	}
	if by == store.ByType {
		slices.SortFunc(out, func(a, b store.Bucket) int { return strings.Compare(a.Key, b.Key) })
	}
	return out, nil
}

// Event implements store.Store.
func (s *DB) Event(ctx context.Context, id string) (store.Event, []store.Mention, error) {
	var body, updated string
	err := s.read.QueryRowContext(ctx, `SELECT body, updated_at FROM events WHERE id = ?`, id).Scan(&body, &updated)
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
	rows, err := s.read.QueryContext(ctx, `SELECT document_id, event_id, body FROM mentions `+where+` ORDER BY rowid`, arg)
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
	err := s.read.QueryRowContext(ctx, `SELECT id, url, title, outlet, published, language, format, source, text FROM documents WHERE id = ?`, id).
		Scan(&d.ID, &d.URL, &d.Title, &d.Outlet, &d.Published, &d.Language, &d.Format, &d.Source, &d.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("document %s: %w", id, err)
	}
	return d, nil
}
