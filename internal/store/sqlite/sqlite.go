// Package sqlite is sitrep's embedded store: one SQLite file in WAL mode,
// written through modernc.org/sqlite (pure Go, no cgo).
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/merge"
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
	// A large record: every index a filter reads ends in the listing order
	// (date_start, seq, which a WITHOUT ROWID table appends to them), so a
	// filtered page reads its own rows only, newest or oldest first, and a
	// count reads only the rows it counts. Actors are found through a
	// dictionary of their names instead of in every event, places through
	// an R*Tree. record_state holds the longest span of days an event
	// covers, which bounds a search by date from below, and a count of
	// writes, against which counts are cached.
	{sql: `DROP INDEX event_facets_iso;
	DROP INDEX event_facets_kind;
	DROP INDEX event_facets_lat;
	CREATE INDEX event_facets_iso ON event_facets(iso);
	CREATE INDEX event_facets_iso_kind ON event_facets(iso, kind);
	CREATE INDEX event_facets_kind ON event_facets(kind);
	CREATE INDEX event_facets_end ON event_facets(date_end);
	CREATE TABLE actor_names (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL UNIQUE
	);
	CREATE TABLE event_actors (
		actor INTEGER NOT NULL,
		date_start TEXT NOT NULL,
		seq INTEGER NOT NULL,
		PRIMARY KEY (actor, date_start, seq)
	) WITHOUT ROWID;
	CREATE INDEX event_actors_seq ON event_actors(seq);
	CREATE VIRTUAL TABLE event_places USING rtree(seq, min_lon, max_lon, min_lat, max_lat);
	INSERT INTO event_places SELECT seq, lon, lon, lat, lat FROM event_facets WHERE lat IS NOT NULL AND lon IS NOT NULL;
	CREATE TABLE record_state (
		writes INTEGER NOT NULL,
		max_span INTEGER NOT NULL
	);
	INSERT INTO record_state
		SELECT 0, coalesce(max(CAST(julianday(date_end) - julianday(date_start) AS INTEGER)), 0) FROM event_facets;`,
		fill: fillActors},
	// An event's sources, each with the claims its report made, get a row
	// each, so that a merge appends one instead of rewriting the event
	// with all of them; the event's body keeps the rest.
	{sql: `CREATE TABLE event_sources (
		event_seq INTEGER NOT NULL,
		n INTEGER NOT NULL,
		source TEXT NOT NULL,
		claims TEXT,
		PRIMARY KEY (event_seq, n)
	) WITHOUT ROWID;`, fill: fillSources},
	// The filters' indexes cover what counts and aggregates read (type,
	// country, day, toll), so that counting a country's or a type's
	// events reads its index alone, not a row of the table per event.
	{sql: `DROP INDEX event_facets_iso;
	DROP INDEX event_facets_iso_kind;
	DROP INDEX event_facets_kind;
	DROP INDEX event_facets_admin1;
	CREATE INDEX event_facets_iso ON event_facets(iso, date_start, seq, kind, event_date, fatalities);
	CREATE INDEX event_facets_iso_kind ON event_facets(iso, kind, date_start, seq, event_date, fatalities);
	CREATE INDEX event_facets_kind ON event_facets(kind, date_start, seq, iso, event_date, fatalities);
	CREATE INDEX event_facets_admin1 ON event_facets(admin1, date_start, seq, iso, kind, event_date, fatalities);
	ANALYZE event_facets;`},
}

// eventBatch reads the next thousand stored events after *last, for the
// migrations that rewrite every event, and moves *last on.
func eventBatch(ctx context.Context, w *writeTx, last *int64) ([]store.Event, []int64, error) {
	rows, err := w.query(ctx, `SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT 1000`, *last)
	if err != nil {
		return nil, nil, fmt.Errorf("read events: %w", err)
	}
	defer rows.Close()
	var batch []store.Event
	var seqs []int64
	for rows.Next() {
		var body string
		var e store.Event
		if err := rows.Scan(last, &body); err != nil {
			return nil, nil, err
		}
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, nil, fmt.Errorf("stored event %d: %w", *last, err)
		}
		batch = append(batch, e)
		seqs = append(seqs, *last)
	}
	return batch, seqs, rows.Err()
}

// fillSources moves the sources and claims of a database's events out of
// their bodies into event_sources. Which source made which claim was not
// kept: the first holds them all, in their order.
func fillSources(ctx context.Context, w *writeTx) error {
	for last := int64(-1); ; {
		batch, seqs, err := eventBatch(ctx, w, &last)
		if err != nil || len(batch) == 0 {
			return err
		}
		for i := range batch {
			e := &batch[i]
			for j, src := range e.Sources {
				var claims []event.Claim
				if j == 0 {
					claims = e.Claims
				}
				if err := putSource(ctx, w, seqs[i], src, claims); err != nil {
					return err
				}
			}
			body, err := coreBody(e)
			if err != nil {
				return err
			}
			if _, err := w.exec(ctx, `UPDATE events SET body = ? WHERE seq = ?`, body, seqs[i]); err != nil {
				return fmt.Errorf("store event: %w", err)
			}
		}
	}
}

// coreBody is the JSON of e without its sources and claims, which
// event_sources holds.
func coreBody(e *store.Event) (string, error) {
	core := *e
	core.Sources, core.Claims, core.Updated = nil, nil, ""
	body, err := json.Marshal(core)
	return string(body), err
}

// putSource appends src, which made claims, to the sources of the event
// numbered seq.
func putSource(ctx context.Context, w *writeTx, seq int64, src store.Source, claims []event.Claim) error {
	sb, err := json.Marshal(src)
	if err != nil {
		return err
	}
	var cb *string
	if len(claims) > 0 {
		b, err := json.Marshal(claims)
		if err != nil {
			return err
		}
		c := string(b)
		cb = &c
	}
	if _, err := w.exec(ctx, `INSERT INTO event_sources (event_seq, n, source, claims)
		VALUES (?, (SELECT coalesce(max(n), -1) + 1 FROM event_sources WHERE event_seq = ?), ?, ?)`, seq, seq, string(sb), cb); err != nil {
		return fmt.Errorf("store event source: %w", err)
	}
	return nil
}

// addSource appends a row of event_sources to e.
func addSource(e *store.Event, source string, claims sql.NullString) error {
	var src store.Source
	if err := json.Unmarshal([]byte(source), &src); err != nil {
		return fmt.Errorf("stored source: %w", err)
	}
	e.Sources = append(e.Sources, src)
	if claims.Valid {
		var cs []event.Claim
		if err := json.Unmarshal([]byte(claims.String), &cs); err != nil {
			return fmt.Errorf("stored claims: %w", err)
		}
		e.Claims = append(e.Claims, cs...)
	}
	return nil
}

// fillActors indexes the actors of a database made before event_actors.
func fillActors(ctx context.Context, w *writeTx) error {
	for last := int64(-1); ; {
		rows, err := w.query(ctx, `SELECT seq, date_start, actors FROM event_facets WHERE seq > ? ORDER BY seq LIMIT 1000`, last)
		if err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		type row struct {
			seq    int64
			start  string
			actors string
		}
		var batch []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.seq, &r.start, &r.actors); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, r)
			last = r.seq
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, r := range batch {
			var names []string
			if r.actors != "" {
				names = strings.Split(r.actors, store.Sep)
			}
			if err := putActors(ctx, w, r.seq, r.start, names); err != nil {
				return err
			}
		}
	}
}

// fillFacets indexes the events of a database made before event_facets.
func fillFacets(ctx context.Context, w *writeTx) error {
	for last := int64(-1); ; {
		batch, seqs, err := eventBatch(ctx, w, &last)
		if err != nil || len(batch) == 0 {
			return err
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
	// counts keeps totals and aggregates, which read every event they
	// count, until the next write.
	counts cache
	// mem holds the facets in memory for a server, once KeepFacets is
	// called.
	mem memory
}

// cache holds results computed at one count of writes to the record;
// a result of another count is stale. It holds at most cacheSize. Calls
// that want a result being computed wait for it rather than compute it
// again: a dashboard's first views all ask for the same totals at once.
type cache struct {
	mu     sync.Mutex
	writes int64
	m      map[string]*result
}

// result is a computed value, ready once done is closed.
type result struct {
	done chan struct{}
	v    any
	err  error
}

const cacheSize = 4096

// do returns the value key has at writes, computing it if no one has.
func (c *cache) do(ctx context.Context, writes int64, key string, compute func() (any, error)) (any, error) {
	c.mu.Lock()
	if writes < c.writes {
		// Read before the latest write: not a value to share.
		c.mu.Unlock()
		return compute()
	}
	if c.m == nil || c.writes != writes || len(c.m) >= cacheSize {
		// A write since, or a full cache: start again rather than track
		// which entries are used.
		c.writes, c.m = writes, map[string]*result{}
	}
	if r, ok := c.m[key]; ok {
		c.mu.Unlock()
		select {
		case <-r.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if r.err != nil {
			// The call that computed it failed, perhaps only because its
			// client went away: try again.
			return compute()
		}
		return r.v, nil
	}
	r := &result{done: make(chan struct{})}
	c.m[key] = r
	c.mu.Unlock()
	r.v, r.err = compute()
	close(r.done)
	if r.err != nil {
		c.mu.Lock()
		if c.m[key] == r {
			delete(c.m, key)
		}
		c.mu.Unlock()
	}
	return r.v, r.err
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
	// The query planner chooses among the filters' indexes by statistics
	// on them: without, it takes a type's index, which holds an eighth of
	// the record, for as narrow as a province's. optimize gathers them
	// for indexes that have none or whose tables have grown much since.
	// They are not sampled (analysis_limit): a sample of the first entries
	// of an index on a few values, such as types, says nothing of them.
	if _, err := db.ExecContext(ctx, `PRAGMA optimize = 0x10002`); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: gather statistics: %w", path, err)
	}
	// Readers map the file rather than read it page by page: the pages
	// come from the OS's cache, shared by all connections, without a
	// system call each, up to the 2 GB SQLite maps at most. Past that,
	// and for the pages they decode, each keeps a cache of its own: with
	// SQLite's default of 2 MB, a page of a large record loaded hundreds
	// of pages again per call.
	s.read, err = sql.Open("sqlite", dsn+"&_pragma=query_only(1)&_pragma=mmap_size(2147418112)&_pragma=cache_size(-65536)")
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

// Close closes the database, first bringing the planner's statistics up
// to date if the record has grown much.
func (s *DB) Close() error {
	s.mem.stop()
	_, err := s.db.Exec(`PRAGMA optimize`)
	return errors.Join(err, s.read.Close(), s.db.Close())
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
	// actors are the ids of the actor names this transaction has looked up.
	actors map[string]int64
	// maxSpan is the longest span of days of any event stored, this
	// transaction's included; -1 until read.
	maxSpan int
}

func newWriteTx(tx *sql.Tx) *writeTx {
	return &writeTx{tx: tx, stmts: map[string]*sql.Stmt{}, actors: map[string]int64{}, maxSpan: -1}
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
	if err := w.queryRow(ctx, `SELECT max_span FROM record_state`).Scan(&w.maxSpan); err != nil {
		return out, fmt.Errorf("read record state: %w", err)
	}
	for _, res := range results {
		o, err := s.ingest(ctx, w, res, now)
		if err != nil {
			return store.Outcome{}, err
		}
		out.Duplicate = out.Duplicate || o.Duplicate
		out.New += o.New
		out.Merged += o.Merged
	}
	if out.New+out.Merged > 0 {
		if _, err := w.exec(ctx, `UPDATE record_state SET writes = writes + 1, max_span = max(max_span, ?)`, w.maxSpan); err != nil {
			return store.Outcome{}, fmt.Errorf("update record state: %w", err)
		}
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
			merge.Into(ev, m, src)
			out.Merged++
		} else {
			ev = &store.Event{Event: m, Sources: []store.Source{src}}
			ev.ID = store.EventID(doc.ID, m.ID)
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

// match finds the stored event mention m reports, looking only at events
// of the same type and country whose dates overlap: the blocking that keeps
// merging far from quadratic.
func (s *DB) match(ctx context.Context, w *writeTx, m event.Event) (*store.Event, bool, error) {
	// No stored event starts before m does by more than the longest span:
	// a lower bound that keeps the candidates those of a few days.
	rows, err := w.query(ctx, `SELECT body FROM events WHERE kind = ? AND iso = ? AND date_start BETWEEN ? AND ? AND date_end >= ? ORDER BY seq`,
		merge.Key(m), m.ISO, store.Earliest(string(m.DateStart), w.maxSpan), m.DateEnd, m.DateStart)
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
		if merge.SameEvent(e.Event, m) {
			return &e, true, nil
		}
	}
	return nil, false, rows.Err()
}

// putEvent stores e, new or merged. Its Sources and Claims are only those
// it gained, which are appended to the stored ones: a merge writes what
// it adds and the event's fields, never the sources it had.
func (s *DB) putEvent(ctx context.Context, w *writeTx, e *store.Event, isNew bool, now string) error {
	body, err := coreBody(e)
	if err != nil {
		return err
	}
	var seq int64
	if isNew {
		err = w.queryRow(ctx, `INSERT INTO events (id, seq, kind, iso, date_start, date_end, body, updated_at)
			VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM events), ?, ?, ?, ?, ?, ?) RETURNING seq`,
			e.ID, merge.Key(e.Event), e.ISO, e.DateStart, e.DateEnd, body, now).Scan(&seq)
	} else {
		err = w.queryRow(ctx, `UPDATE events SET date_start = ?, date_end = ?, body = ?, updated_at = ? WHERE id = ? RETURNING seq`,
			e.DateStart, e.DateEnd, body, now, e.ID).Scan(&seq)
	}
	if err != nil {
		return fmt.Errorf("store event: %w", err)
	}
	for i, src := range e.Sources {
		// The claims gained came with the last source gained.
		var claims []event.Claim
		if i == len(e.Sources)-1 {
			claims = e.Claims
		}
		if err := putSource(ctx, w, seq, src, claims); err != nil {
			return err
		}
	}
	if err := putFacets(ctx, w, seq, e); err != nil {
		return err
	}
	return putLookups(ctx, w, seq, e)
}

// putLookups writes the event numbered seq into the actor dictionary and
// the R*Tree of places, and widens the longest span of days if it must.
func putLookups(ctx context.Context, w *writeTx, seq int64, e *store.Event) error {
	var names []string
	for _, a := range []string{e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2} {
		if a != "" {
			names = append(names, strings.ToLower(a))
		}
	}
	if err := putActors(ctx, w, seq, string(e.DateStart), names); err != nil {
		return err
	}
	if _, err := w.exec(ctx, `DELETE FROM event_places WHERE seq = ?`, seq); err != nil {
		return fmt.Errorf("index event place: %w", err)
	}
	if e.Latitude != nil && e.Longitude != nil {
		if _, err := w.exec(ctx, `INSERT INTO event_places VALUES (?, ?, ?, ?, ?)`, seq, *e.Longitude, *e.Longitude, *e.Latitude, *e.Latitude); err != nil {
			return fmt.Errorf("index event place: %w", err)
		}
	}
	w.maxSpan = max(w.maxSpan, store.SpanDays(e.DateStart, e.DateEnd))
	return nil
}

// putActors makes names, folded, the actors of the event numbered seq.
func putActors(ctx context.Context, w *writeTx, seq int64, dateStart string, names []string) error {
	if _, err := w.exec(ctx, `DELETE FROM event_actors WHERE seq = ?`, seq); err != nil {
		return fmt.Errorf("index event actors: %w", err)
	}
	for _, name := range names {
		id, ok := w.actors[name]
		if !ok {
			if _, err := w.exec(ctx, `INSERT INTO actor_names (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, name); err != nil {
				return fmt.Errorf("index actor: %w", err)
			}
			if err := w.queryRow(ctx, `SELECT id FROM actor_names WHERE name = ?`, name).Scan(&id); err != nil {
				return fmt.Errorf("index actor: %w", err)
			}
			w.actors[name] = id
		}
		if _, err := w.exec(ctx, `INSERT OR IGNORE INTO event_actors (actor, date_start, seq) VALUES (?, ?, ?)`, id, dateStart, seq); err != nil {
			return fmt.Errorf("index event actors: %w", err)
		}
	}
	return nil
}

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
		e.DateStart, seq, e.DateEnd, e.EventDate, e.ISO, merge.Key(e.Event), strings.ToLower(e.Admin1),
		lat, lon, e.Fatalities, strings.Join(actors, store.Sep)); err != nil {
		return fmt.Errorf("index event: %w", err)
	}
	if _, err := w.exec(ctx, `INSERT OR REPLACE INTO event_text (seq, text) VALUES (?, ?)`,
		seq, strings.Join(texts, store.Sep)); err != nil {
		return fmt.Errorf("index event text: %w", err)
	}
	return nil
}

// where is the SQL condition on event_facets f, and its arguments, that
// the filter's fields other than After, Limit and Oldest ask for.
func (sn *snapshot) where(ctx context.Context, f store.Filter) (string, []any, error) {
	kinds, err := sn.kinds(ctx, f.EventType)
	if err != nil {
		return "", nil, err
	}
	cond, args := where(f, sn.maxSpan, kinds)
	return cond, args, nil
}

// kinds are the stored kinds a type filter selects: those of its two
// readings, an ACLED type or a PLOVER one, that any event has, so that
// the condition is one equality, which an index lists in order, whenever
// it can be.
func (sn *snapshot) kinds(ctx context.Context, eventType string) ([]string, error) {
	if eventType == "" {
		return nil, nil
	}
	readings := []string{eventType, "PLOVER:" + strings.ToUpper(eventType)}
	var found []string
	for _, k := range readings {
		var n int
		if err := sn.tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM event_facets WHERE kind = ? LIMIT 1)`, k).Scan(&n); err != nil {
			return nil, fmt.Errorf("look up type: %w", err)
		}
		if n > 0 {
			found = append(found, k)
		}
	}
	if len(found) == 0 {
		return readings, nil
	}
	return found, nil
}

// where is the SQL condition on event_facets f, and its arguments, that
// the filter's fields other than After, Limit and Oldest ask for, when no
// event spans more than maxSpan days and f.EventType selects the kinds
// given.
func where(f store.Filter, maxSpan int, kinds []string) (string, []any) {
	conds := []string{"1=1"}
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.From != "" {
		add(`f.date_end >= ?`, f.From)
		// Implied by the first: a bound on the listing order's key.
		if first := store.Earliest(f.From, maxSpan); first != "" {
			add(`f.date_start >= ?`, first)
		}
	}
	if f.To != "" {
		add(`f.date_start <= ?`, f.To)
	}
	if f.Country != "" {
		add(`f.iso = ?`, strings.ToUpper(f.Country))
	}
	switch len(kinds) {
	case 0:
	case 1:
		add(`f.kind = ?`, kinds[0])
	default:
		add(`f.kind IN (?, ?)`, kinds[0], kinds[1])
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
		// The R*Tree stores 32-bit floats, rounded outwards: it narrows,
		// the facets decide.
		add(`f.seq IN (SELECT seq FROM event_places WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)
			AND f.lon BETWEEN ? AND ? AND f.lat BETWEEN ? AND ?`, b[0], b[2], b[1], b[3], b[0], b[2], b[1], b[3])
	}
	if f.Actor != "" {
		// Names are few beside events: search the names, then list the
		// events of those that match.
		add(`f.seq IN (SELECT a.seq FROM event_actors a WHERE a.actor IN (SELECT id FROM actor_names WHERE instr(name, ?) > 0))`, store.Search(f.Actor))
	}
	if f.Text != "" {
		// Correlated, so that other filters narrow the events first.
		add(`EXISTS (SELECT 1 FROM event_text t WHERE t.seq = f.seq AND instr(t.text, ?) > 0)`, store.Search(f.Text))
	}
	return strings.Join(conds, " AND "), args
}

// snapshot is a read transaction and the state of the record it sees.
type snapshot struct {
	tx      *sql.Tx
	writes  int64
	maxSpan int
	// mem is the facets in memory when they are those of this moment.
	mem *facets
	db  *DB
}

// snapshot begins a read transaction: what it reads is of one moment.
func (s *DB) snapshot(ctx context.Context) (*snapshot, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	sn := &snapshot{tx: tx, db: s}
	if err := tx.QueryRowContext(ctx, `SELECT writes, max_span FROM record_state`).Scan(&sn.writes, &sn.maxSpan); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("read record state: %w", err)
	}
	sn.mem = s.fresh(sn)
	return sn, nil
}

// list returns the events that pass f after f.After, at most f.Limit of
// them when it is positive, and the cursor of the page that follows; ""
// when none does.
func (sn *snapshot) list(ctx context.Context, f store.Filter) ([]store.Event, string, error) {
	if sn.mem != nil {
		if sel, ok := sn.compile(f); ok {
			return sn.listFacets(ctx, sel, f)
		}
	}
	cond, args, err := sn.where(ctx, f)
	if err != nil {
		return nil, "", err
	}
	order, after := `DESC`, `<`
	if f.Oldest {
		order, after = `ASC`, `>`
	}
	if f.After != "" {
		c, err := store.ParseCursor(f.After)
		if err != nil {
			return nil, "", err
		}
		cond += ` AND (f.date_start, f.seq) ` + after + ` (?, ?)`
		args = append(args, c.DateStart, c.Seq)
	}
	// The page's keys first, from the facets alone, then the bodies of
	// those events only: when the order needs a sort, it sorts keys.
	keys := `SELECT f.date_start, f.seq FROM event_facets f WHERE ` + cond + ` ORDER BY f.date_start ` + order + `, f.seq ` + order
	if f.Limit > 0 {
		// One more row than asked for tells whether a next page exists.
		keys += ` LIMIT ?`
		args = append(args, f.Limit+1)
	}
	// A row per source; the event's own columns come with its first.
	query := `SELECT k.date_start, k.seq, iif(s.n = 0, e.body, ''), e.updated_at, s.source, s.claims
		FROM (` + keys + `) k CROSS JOIN events e ON e.seq = k.seq CROSS JOIN event_sources s ON s.event_seq = k.seq
		ORDER BY k.date_start ` + order + `, k.seq ` + order + `, s.n`
	rows, err := sn.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	var out []store.Event
	var at store.Cursor
	for rows.Next() {
		var row store.Cursor
		var body, updated, source string
		var claims sql.NullString
		if err := rows.Scan(&row.DateStart, &row.Seq, &body, &updated, &source, &claims); err != nil {
			return nil, "", fmt.Errorf("query events: %w", err)
		}
		if len(out) == 0 || row != at {
			if f.Limit > 0 && len(out) == f.Limit {
				return out, at.String(), rows.Close()
			}
			at = row
			var e store.Event
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				return nil, "", fmt.Errorf("stored event %d: %w", at.Seq, err)
			}
			e.Updated = updated
			out = append(out, e)
		}
		if err := addSource(&out[len(out)-1], source, claims); err != nil {
			return nil, "", fmt.Errorf("stored event %d: %w", at.Seq, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("query events: %w", err)
	}
	return out, "", nil
}

// Events implements store.Store.
func (s *DB) Events(ctx context.Context, f store.Filter) ([]store.Event, error) {
	sn, err := s.snapshot(ctx)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer sn.tx.Rollback()
	evs, _, err := sn.list(ctx, f)
	return evs, err
}

// All implements store.Store.
func (s *DB) All(ctx context.Context, f store.Filter) iter.Seq2[store.Event, error] {
	return func(yield func(store.Event, error) bool) {
		sn, err := s.snapshot(ctx)
		if err != nil {
			yield(store.Event{}, fmt.Errorf("list events: %w", err))
			return
		}
		defer sn.tx.Rollback()
		for e, err := range store.Pages(f, func(p store.Filter) ([]store.Event, string, error) { return sn.list(ctx, p) }) {
			if !yield(e, err) {
				return
			}
		}
	}
}

// Page implements store.Store.
func (s *DB) Page(ctx context.Context, f store.Filter) (store.Page, error) {
	// One read transaction, so that the page and the total see the same
	// events.
	sn, err := s.snapshot(ctx)
	if err != nil {
		return store.Page{}, fmt.Errorf("list events: %w", err)
	}
	defer sn.tx.Rollback()
	var p store.Page
	if sn.mem != nil {
		if sel, ok := sn.compile(f); ok {
			ps, next, total, err := s.pageOf(ctx, sn, sel, f)
			if err != nil {
				return store.Page{}, err
			}
			if p.Events, err = sn.events(ctx, sel.m, ps); err != nil {
				return store.Page{}, err
			}
			p.Next, p.Total = next, total
			return p, nil
		}
	}
	if p.Events, p.Next, err = sn.list(ctx, f); err != nil {
		return store.Page{}, err
	}
	if p.Total, err = s.total(ctx, sn, f); err != nil {
		return store.Page{}, err
	}
	return p, nil
}

// total counts the events that pass f as sn sees them.
func (s *DB) total(ctx context.Context, sn *snapshot, f store.Filter) (int, error) {
	if sn.mem != nil {
		if sel, ok := sn.compile(f); ok {
			return s.countSel(ctx, sn, sel, f)
		}
	}
	cond, args, err := sn.where(ctx, f)
	if err != nil {
		return 0, err
	}
	return s.count(ctx, sn, cond, args)
}

// dimensions are the event_facets expressions Aggregate groups by.
var dimensions = map[store.Dimension]string{
	store.ByDay:     `f.event_date`,
	store.ByCountry: `f.iso`,
	// Grouped as stored, so that the index serves; Aggregate drops the
	// "PLOVER:" of types ACLED does not code.
	store.ByType:   `f.kind`,
	store.ByAdmin1: `f.iso || '/' || f.admin1`,
}

// Aggregate implements store.Store.
func (s *DB) Aggregate(ctx context.Context, f store.Filter, by store.Dimension) ([]store.Bucket, error) {
	key, ok := dimensions[by]
	if !ok {
		return nil, fmt.Errorf("aggregate by %q: not a dimension", by)
	}
	sn, err := s.snapshot(ctx)
	if err != nil {
		return nil, fmt.Errorf("aggregate events by %s: %w", by, err)
	}
	defer sn.tx.Rollback()
	// The facets in memory hold no division, so SQLite counts by them.
	if sn.mem != nil && by != store.ByAdmin1 {
		if sel, ok := sn.compile(f); ok {
			bs, err := s.counts.do(ctx, sn.writes, "facets\x00"+string(by)+"\x00"+filterKey(f), func() (any, error) {
				return sel.aggregate(by), nil
			})
			if err != nil {
				return nil, fmt.Errorf("aggregate events by %s: %w", by, err)
			}
			return slices.Clone(bs.([]store.Bucket)), nil
		}
	}
	cond, args, err := sn.where(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("aggregate events by %s: %w", by, err)
	}
	cached := fmt.Sprintf("%s\x00%s\x00%q", by, cond, args)
	bs, err := s.counts.do(ctx, sn.writes, cached, func() (any, error) {
		return sn.aggregate(ctx, key, cond, args)
	})
	if err != nil {
		return nil, fmt.Errorf("aggregate events by %s: %w", by, err)
	}
	return slices.Clone(bs.([]store.Bucket)), nil
}

// aggregate groups the events that pass cond by the expression key.
func (sn *snapshot) aggregate(ctx context.Context, key, cond string, args []any) ([]store.Bucket, error) {
	rows, err := sn.tx.QueryContext(ctx, `SELECT `+key+`, count(*), coalesce(sum(f.fatalities), 0) FROM event_facets f
		WHERE `+cond+` GROUP BY 1 ORDER BY 1`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Bucket{}
	for rows.Next() {
		var b store.Bucket
		if err := rows.Scan(&b.Key, &b.Events, &b.Fatalities); err != nil {
			return nil, err
		}
		b.Key = strings.TrimPrefix(b.Key, "PLOVER:")
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if key == dimensions[store.ByType] {
		slices.SortFunc(out, func(a, b store.Bucket) int { return strings.Compare(a.Key, b.Key) })
	}
	return out, nil
}

// Event implements store.Store.
func (s *DB) Event(ctx context.Context, id string) (store.Event, []store.Mention, error) {
	sn, err := s.snapshot(ctx)
	if err != nil {
		return store.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	defer sn.tx.Rollback()
	var seq int64
	var body, updated string
	err = sn.tx.QueryRowContext(ctx, `SELECT seq, body, updated_at FROM events WHERE id = ?`, id).Scan(&seq, &body, &updated)
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
	rows, err := sn.tx.QueryContext(ctx, `SELECT source, claims FROM event_sources WHERE event_seq = ? ORDER BY n`, seq)
	if err != nil {
		return store.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var source string
		var claims sql.NullString
		if err := rows.Scan(&source, &claims); err != nil {
			return store.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
		}
		if err := addSource(&e, source, claims); err != nil {
			return store.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
		}
	}
	if err := rows.Err(); err != nil {
		return store.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	// In the snapshot: a second connection while this one is held could
	// wait for ever on a pool that concurrent calls like this one hold.
	ms, err := mentions(ctx, sn.tx, `WHERE event_id = ?`, id)
	return e, ms, err
}

// Mentions implements store.Store.
func (s *DB) Mentions(ctx context.Context, documentID string) ([]store.Mention, error) {
	return mentions(ctx, s.read, `WHERE document_id = ?`, documentID)
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func mentions(ctx context.Context, q querier, where string, arg string) ([]store.Mention, error) {
	rows, err := q.QueryContext(ctx, `SELECT document_id, event_id, body FROM mentions `+where+` ORDER BY rowid`, arg)
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
