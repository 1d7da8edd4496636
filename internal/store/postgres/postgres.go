// Package postgres is sitrep's shared store: a PostgreSQL database that
// several processes, on one machine or several, read and write at once,
// through github.com/jackc/pgx/v5.
//
// Writers that merge reports of one event at the same moment end with one
// event: each ingest takes a transaction-scoped advisory lock on the
// blocking keys (type and country) of the mentions it merges before it
// looks for their events, so that the second writer finds the event the
// first made.
package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/merge"
	"github.com/sitrep/sitrep/internal/store"
)

// DB is a store.Store backed by a PostgreSQL database.
type DB struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*DB)(nil)

// IsURL reports whether dsn names a PostgreSQL database rather than a
// file: a postgres:// or postgresql:// URL.
func IsURL(dsn string) bool {
	scheme, _, ok := strings.Cut(dsn, "://")
	return ok && (strings.EqualFold(scheme, "postgres") || strings.EqualFold(scheme, "postgresql"))
}

// Open connects to the database at url (postgres://user:pass@host/db,
// with any of libpq's parameters) and brings its schema up to date.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// The error quotes the URL, and may not find every password in
		// one that does not parse: say less.
		return nil, errors.New("open postgres: the URL does not parse; the form is postgres://user:password@host:port/database?param=value")
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres %s: %w", Redact(url), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s: %w", Redact(url), err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s: %w", Redact(url), err)
	}
	return &DB{pool: pool}, nil
}

// Redact is url without its password, to be shown or logged.
func Redact(url string) string {
	cfg, err := pgconn.ParseConfig(url)
	if err != nil {
		return "postgres://…"
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// Close closes the connections.
func (s *DB) Close() error {
	s.pool.Close()
	return nil
}

// Ingest implements store.Store. The whole document goes in one
// transaction, so an interrupted ingest leaves no half document.
func (s *DB) Ingest(ctx context.Context, res *event.Result) (store.Outcome, error) {
	return s.IngestAll(ctx, []*event.Result{res})
}

// retries is how many times a batch deadlocked with another writer's is
// tried again: two batches that share documents may lock them in orders
// that cross, and Postgres then aborts one of them.
const retries = 5

// IngestAll ingests documents as Ingest does, all in one transaction: all
// of them are stored or none. The outcome adds up the documents'.
func (s *DB) IngestAll(ctx context.Context, results []*event.Result) (store.Outcome, error) {
	for try := 0; ; try++ {
		out, err := s.ingestAll(ctx, results)
		var pe *pgconn.PgError
		if try < retries && errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001") {
			continue
		}
		return out, err
	}
}

func (s *DB) ingestAll(ctx context.Context, results []*event.Result) (store.Outcome, error) {
	var out store.Outcome
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return out, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	// Locks on every blocking key the batch merges into, in one order,
	// before anything else: two writers never hold one each of two locks
	// they both want.
	var locks []int32
	for _, res := range results {
		for _, m := range res.Events {
			locks = append(locks, mergeLock(m))
		}
	}
	slices.Sort(locks)
	for _, l := range slices.Compact(locks) {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, int32(mergeLockSpace), l); err != nil {
			return out, fmt.Errorf("lock events to merge into: %w", err)
		}
	}
	// Read once the locks are held: it includes the spans of the events
	// any writer of these keys stored before.
	w := &writer{tx: tx, now: time.Now().UTC().Format(time.RFC3339)}
	if err := tx.QueryRow(ctx, `SELECT max_span FROM record_state`).Scan(&w.maxSpan); err != nil {
		return out, fmt.Errorf("read record state: %w", err)
	}
	stored := w.maxSpan
	for _, res := range results {
		o, err := w.ingest(ctx, res)
		if err != nil {
			return store.Outcome{}, err
		}
		out.Duplicate = out.Duplicate || o.Duplicate
		out.New += o.New
		out.Merged += o.Merged
	}
	if w.maxSpan > stored {
		if _, err := tx.Exec(ctx, `UPDATE record_state SET max_span = $1 WHERE max_span < $1`, w.maxSpan); err != nil {
			return store.Outcome{}, fmt.Errorf("update record state: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return store.Outcome{}, fmt.Errorf("commit: %w", err)
	}
	return out, nil
}

// Merge locks are advisory locks (mergeLockSpace, n), n below
// mergeLocks. Blocking keys share them by hash: a batch of any size holds
// at most mergeLocks of Postgres's shared lock slots (64 a connection by
// default), and writers of unrelated keys rarely wait for each other.
const (
	mergeLockSpace = 0x73697472 // "sitr"
	mergeLocks     = 256
)

// mergeLock is the lock that guards the events of mention m's blocking
// key: its type and country.
func mergeLock(m event.Event) int32 {
	h := fnv.New32a()
	h.Write([]byte(merge.Key(m) + "\x1f" + m.ISO))
	return int32(h.Sum32() % mergeLocks)
}

// writer is one write transaction.
type writer struct {
	tx  pgx.Tx
	now string
	// maxSpan is the longest span of days of any event stored, this
	// transaction's included.
	maxSpan int
}

func (w *writer) ingest(ctx context.Context, res *event.Result) (store.Outcome, error) {
	var out store.Outcome
	doc := res.Document
	// A document stored already, by id or by URL, conflicts; one another
	// writer is storing at this moment waits for it to commit.
	tag, err := w.tx.Exec(ctx, `INSERT INTO documents (id, url, title, outlet, published, language, format, source, text, ingested_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
		doc.ID, doc.URL, doc.Title, doc.Outlet, string(doc.Published), doc.Language, doc.Format, doc.Source, doc.Text, w.now)
	if err != nil {
		return out, fmt.Errorf("store document %s: %w", doc.ID, err)
	}
	if tag.RowsAffected() == 0 {
		out.Duplicate = true
		return out, nil
	}
	for _, m := range res.Events {
		src := store.Source{DocumentID: doc.ID, MentionID: m.ID, Outlet: doc.Outlet, URL: doc.URL, Title: doc.Title, Published: string(doc.Published), Fatalities: m.Fatalities}
		ev, seq, err := w.match(ctx, m)
		if err != nil {
			return out, err
		}
		if ev != nil {
			merge.Into(ev, m, src)
			out.Merged++
		} else {
			ev = &store.Event{Event: m, Sources: []store.Source{src}}
			ev.ID = store.EventID(doc.ID, m.ID)
			out.New++
		}
		if seq, err = w.putEvent(ctx, ev, seq); err != nil {
			return out, err
		}
		body, err := json.Marshal(m)
		if err != nil {
			return out, err
		}
		if _, err := w.tx.Exec(ctx, `INSERT INTO mentions (id, document_id, event_id, body) VALUES ($1, $2, $3, $4)
			ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, body = excluded.body`,
			doc.ID+"/"+m.ID, doc.ID, ev.ID, string(body)); err != nil {
			return out, fmt.Errorf("store mention: %w", err)
		}
	}
	return out, nil
}

// match finds the stored event mention m reports, and its seq, looking
// only at events of the same type and country whose dates overlap; nil
// when there is none.
func (w *writer) match(ctx context.Context, m event.Event) (*store.Event, int64, error) {
	rows, err := w.tx.Query(ctx, `SELECT seq, body FROM events
		WHERE kind = $1 AND iso = $2 AND date_start BETWEEN $3 AND $4 AND date_end >= $5 ORDER BY seq`,
		merge.Key(m), m.ISO, store.Earliest(string(m.DateStart), w.maxSpan), string(m.DateEnd), string(m.DateStart))
	if err != nil {
		return nil, 0, fmt.Errorf("find events to merge: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var body string
		if err := rows.Scan(&seq, &body); err != nil {
			return nil, 0, err
		}
		var e store.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, 0, fmt.Errorf("stored event %d: %w", seq, err)
		}
		if merge.SameEvent(e.Event, m) {
			return &e, seq, nil
		}
	}
	return nil, 0, rows.Err()
}

// putEvent stores e, new when seq is 0, and returns its seq. Its Sources
// and Claims are only those it gained, which are appended to the stored
// ones.
func (w *writer) putEvent(ctx context.Context, e *store.Event, seq int64) (int64, error) {
	core := *e
	core.Sources, core.Claims, core.Updated = nil, nil, ""
	body, err := json.Marshal(core)
	if err != nil {
		return 0, err
	}
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
	var sub string
	if e.SubEventType != nil {
		sub = *e.SubEventType
	}
	args := []any{string(e.DateStart), string(e.DateEnd), string(e.EventDate), sub, strings.ToLower(e.Admin1),
		lat, lon, e.Fatalities, strings.Join(actors, store.Sep), strings.Join(texts, store.Sep), string(body), w.now}
	if seq == 0 {
		err = w.tx.QueryRow(ctx, `INSERT INTO events (date_start, date_end, event_date, sub_event_type, admin1,
			lat, lon, fatalities, actors, search, body, updated_at, id, kind, iso)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING seq`,
			append(args, e.ID, merge.Key(e.Event), e.ISO)...).Scan(&seq)
	} else {
		_, err = w.tx.Exec(ctx, `UPDATE events SET date_start = $1, date_end = $2, event_date = $3, sub_event_type = $4, admin1 = $5,
			lat = $6, lon = $7, fatalities = $8, actors = $9, search = $10, body = $11, updated_at = $12
			WHERE seq = $13`, append(args, seq)...)
	}
	if err != nil {
		return 0, fmt.Errorf("store event: %w", err)
	}
	for i, src := range e.Sources {
		// The claims gained came with the last source gained.
		var claims []event.Claim
		if i == len(e.Sources)-1 {
			claims = e.Claims
		}
		if err := w.putSource(ctx, seq, src, claims); err != nil {
			return 0, err
		}
	}
	w.maxSpan = max(w.maxSpan, store.SpanDays(e.DateStart, e.DateEnd))
	return seq, nil
}

// putSource appends src, which made claims, to the sources of the event
// numbered seq. The blocking key's lock keeps other writers off the
// event; the primary key would refuse a second source numbered alike.
func (w *writer) putSource(ctx context.Context, seq int64, src store.Source, claims []event.Claim) error {
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
	if _, err := w.tx.Exec(ctx, `INSERT INTO event_sources (event_seq, n, source, claims)
		VALUES ($1, (SELECT coalesce(max(n), -1) + 1 FROM event_sources WHERE event_seq = $1), $2, $3)`, seq, string(sb), cb); err != nil {
		return fmt.Errorf("store event source: %w", err)
	}
	return nil
}

// addSource appends a row of event_sources to e.
func addSource(e *store.Event, source string, claims *string) error {
	var src store.Source
	if err := json.Unmarshal([]byte(source), &src); err != nil {
		return fmt.Errorf("stored source: %w", err)
	}
	e.Sources = append(e.Sources, src)
	if claims != nil {
		var cs []event.Claim
		if err := json.Unmarshal([]byte(*claims), &cs); err != nil {
			return fmt.Errorf("stored claims: %w", err)
		}
		e.Claims = append(e.Claims, cs...)
	}
	return nil
}

// query is an SQL condition being built, with its arguments.
type query struct {
	conds []string
	args  []any
}

// arg adds v to the arguments and returns its placeholder.
func (q *query) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

func (q *query) add(cond string) { q.conds = append(q.conds, cond) }

func (q *query) where() string {
	if len(q.conds) == 0 {
		return "true"
	}
	return strings.Join(q.conds, " AND ")
}

// filter is the condition on events e that the filter's fields other
// than After, Limit and Oldest ask for, when no event spans more than
// maxSpan days.
func filter(f store.Filter, maxSpan int) *query {
	q := &query{}
	if f.From != "" {
		q.add(`e.date_end >= ` + q.arg(f.From))
		// Implied by the first: a bound on the listing order's key.
		if first := store.Earliest(f.From, maxSpan); first != "" {
			q.add(`e.date_start >= ` + q.arg(first))
		}
	}
	if f.To != "" {
		q.add(`e.date_start <= ` + q.arg(f.To))
	}
	if f.Country != "" {
		q.add(`e.iso = ` + q.arg(strings.ToUpper(f.Country)))
	}
	if f.EventType != "" {
		// An ACLED type as spelled, or a PLOVER type for the events
		// ACLED does not code.
		q.add(`e.kind IN (` + q.arg(f.EventType) + `, ` + q.arg("PLOVER:"+strings.ToUpper(f.EventType)) + `)`)
	}
	if f.SubEventType != "" {
		q.add(`e.sub_event_type = ` + q.arg(f.SubEventType))
	}
	if f.Admin1 != "" {
		q.add(`e.admin1 = ` + q.arg(strings.ToLower(f.Admin1)))
	}
	if b := f.BBox; b != nil {
		q.add(`e.lon BETWEEN ` + q.arg(b[0]) + ` AND ` + q.arg(b[2]) + ` AND e.lat BETWEEN ` + q.arg(b[1]) + ` AND ` + q.arg(b[3]))
	}
	if f.Actor != "" {
		q.add(`strpos(e.actors, ` + q.arg(store.Search(f.Actor)) + `) > 0`)
	}
	if f.Text != "" {
		q.add(`strpos(e.search, ` + q.arg(store.Search(f.Text)) + `) > 0`)
	}
	return q
}

// snapshot is a read transaction: what it reads is of one moment.
type snapshot struct {
	tx      pgx.Tx
	maxSpan int
}

func (s *DB) snapshot(ctx context.Context) (*snapshot, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, err
	}
	sn := &snapshot{tx: tx}
	if err := tx.QueryRow(ctx, `SELECT max_span FROM record_state`).Scan(&sn.maxSpan); err != nil {
		tx.Rollback(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("read record state: %w", err)
	}
	return sn, nil
}

func (sn *snapshot) close(ctx context.Context) { sn.tx.Rollback(context.WithoutCancel(ctx)) }

// list returns the events that pass f after f.After, at most f.Limit of
// them when it is positive, and the cursor of the page that follows; ""
// when none does.
func (sn *snapshot) list(ctx context.Context, f store.Filter) ([]store.Event, string, error) {
	q := filter(f, sn.maxSpan)
	var after *store.SortCursor
	if f.After != "" {
		c, err := store.ParseCursor(f.After)
		if err != nil {
			return nil, "", err
		}
		after = &store.SortCursor{Key: c.DateStart, Seq: c.Seq}
	}
	out, next, err := sn.keyed(ctx, q, `e.date_start`, !f.Oldest, after, f.Limit)
	if err != nil {
		return nil, "", fmt.Errorf("query events: %w", err)
	}
	if next == nil {
		return out, "", nil
	}
	key, _ := next.Key.(string)
	return out, store.Cursor{DateStart: key, Seq: next.Seq}.String(), nil
}

// keyed reads the events that pass q in the order of key, an SQL
// expression, and then of seq, both descending when desc: those after the
// row after when it is set, at most limit of them when limit is positive.
// It returns them and, when another event follows, the key and seq of the
// last, where the next page starts. The events' own columns and their
// sources come in one query, a row per source.
func (sn *snapshot) keyed(ctx context.Context, q *query, key string, desc bool, after *store.SortCursor, limit int) ([]store.Event, *store.SortCursor, error) {
	order, cmp := `ASC`, `>`
	if desc {
		order, cmp = `DESC`, `<`
	}
	if after != nil {
		q.add(`(` + key + `, e.seq) ` + cmp + ` (` + q.arg(after.Key) + `, ` + q.arg(after.Seq) + `)`)
	}
	keys := `SELECT ` + key + ` AS k, e.seq FROM events e WHERE ` + q.where() + ` ORDER BY 1 ` + order + `, e.seq ` + order
	if limit > 0 {
		// One more row than asked for tells whether a next page exists.
		keys += ` LIMIT ` + q.arg(limit+1)
	}
	// A row per source; the event's own columns come with its first.
	rows, err := sn.tx.Query(ctx, `SELECT k.k, k.seq, CASE WHEN s.n = 0 THEN b.body ELSE '' END, b.updated_at, s.source, s.claims
		FROM (`+keys+`) k JOIN events b ON b.seq = k.seq JOIN event_sources s ON s.event_seq = k.seq
		ORDER BY k.k `+order+`, k.seq `+order+`, s.n`, q.args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []store.Event
	var at store.SortCursor
	for rows.Next() {
		var row store.SortCursor
		var body, updated, source string
		var claims *string
		if err := rows.Scan(&row.Key, &row.Seq, &body, &updated, &source, &claims); err != nil {
			return nil, nil, err
		}
		if len(out) == 0 || row.Seq != at.Seq {
			if limit > 0 && len(out) == limit {
				return out, &at, nil
			}
			at = row
			var e store.Event
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				return nil, nil, fmt.Errorf("stored event %d: %w", at.Seq, err)
			}
			e.Updated = updated
			out = append(out, e)
		}
		if err := addSource(&out[len(out)-1], source, claims); err != nil {
			return nil, nil, fmt.Errorf("stored event %d: %w", at.Seq, err)
		}
	}
	return out, nil, rows.Err()
}

// Events implements store.Store.
func (s *DB) Events(ctx context.Context, f store.Filter) ([]store.Event, error) {
	sn, err := s.snapshot(ctx)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer sn.close(ctx)
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
		defer sn.close(ctx)
		for e, err := range store.Pages(f, func(p store.Filter) ([]store.Event, string, error) { return sn.list(ctx, p) }) {
			if !yield(e, err) {
				return
			}
		}
	}
}

// Page implements store.Store.
func (s *DB) Page(ctx context.Context, f store.Filter) (store.Page, error) {
	// One snapshot, so that the page and the total see the same events.
	sn, err := s.snapshot(ctx)
	if err != nil {
		return store.Page{}, fmt.Errorf("list events: %w", err)
	}
	defer sn.close(ctx)
	var p store.Page
	if p.Events, p.Next, err = sn.list(ctx, f); err != nil {
		return store.Page{}, err
	}
	q := filter(f, sn.maxSpan)
	if err := sn.tx.QueryRow(ctx, `SELECT count(*) FROM events e WHERE `+q.where(), q.args...).Scan(&p.Total); err != nil {
		return store.Page{}, fmt.Errorf("count events: %w", err)
	}
	return p, nil
}

// dimensions are the expressions Aggregate groups by.
var dimensions = map[store.Dimension]string{
	store.ByDay:     `e.event_date`,
	store.ByCountry: `e.iso`,
	// Grouped as stored; Aggregate drops the "PLOVER:" of types ACLED
	// does not code.
	store.ByType: `e.kind`,
	// Byte by byte, as the codes are: admin1 has the database's collation.
	store.ByAdmin1: `(e.iso || '/' || e.admin1) COLLATE "C"`,
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
	defer sn.close(ctx)
	q := filter(f, sn.maxSpan)
	rows, err := sn.tx.Query(ctx, `SELECT `+key+`, count(*), coalesce(sum(e.fatalities), 0) FROM events e
		WHERE `+q.where()+` GROUP BY 1 ORDER BY 1`, q.args...)
	if err != nil {
		return nil, fmt.Errorf("aggregate events by %s: %w", by, err)
	}
	defer rows.Close()
	out := []store.Bucket{}
	for rows.Next() {
		var b store.Bucket
		var n, fat int64
		if err := rows.Scan(&b.Key, &n, &fat); err != nil {
			return nil, fmt.Errorf("aggregate events by %s: %w", by, err)
		}
		b.Key = strings.TrimPrefix(b.Key, "PLOVER:")
		b.Events, b.Fatalities = int(n), int(fat)
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

// Cells implements store.Store: one grouped scan of the events' places.
func (s *DB) Cells(ctx context.Context, f store.Filter, size float64) ([]store.Cell, error) {
	if !(size > 0) || size > 360 {
		return nil, fmt.Errorf("grid cells of %v degrees", size)
	}
	sn, err := s.snapshot(ctx)
	if err != nil {
		return nil, fmt.Errorf("grid events: %w", err)
	}
	defer sn.close(ctx)
	q := filter(f, sn.maxSpan)
	// Shifted to be positive, the coordinates floor to their cell.
	sz := q.arg(size)
	rows, err := sn.tx.Query(ctx, `SELECT floor((e.lat + 90) / `+sz+`)::bigint, floor((e.lon + 180) / `+sz+`)::bigint, e.kind,
		count(*), coalesce(sum(e.fatalities), 0), sum(e.lat), sum(e.lon)
		FROM events e WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND `+q.where()+` GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`, q.args...)
	if err != nil {
		return nil, fmt.Errorf("grid events: %w", err)
	}
	defer rows.Close()
	var g store.Grid
	for rows.Next() {
		var y, x int64
		var kind string
		var n, fat int64
		var slat, slon float64
		if err := rows.Scan(&y, &x, &kind, &n, &fat, &slat, &slon); err != nil {
			return nil, fmt.Errorf("grid events: %w", err)
		}
		g.Add(y, x, kind, int(n), int(fat), slat, slon)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("grid events: %w", err)
	}
	return g.Cells(), nil
}

// Event implements store.Store.
func (s *DB) Event(ctx context.Context, id string) (store.Event, []store.Mention, error) {
	sn, err := s.snapshot(ctx)
	if err != nil {
		return store.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	defer sn.close(ctx)
	var seq int64
	var body, updated string
	err = sn.tx.QueryRow(ctx, `SELECT seq, body, updated_at FROM events WHERE id = $1`, id).Scan(&seq, &body, &updated)
	if errors.Is(err, pgx.ErrNoRows) {
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
	rows, err := sn.tx.Query(ctx, `SELECT source, claims FROM event_sources WHERE event_seq = $1 ORDER BY n`, seq)
	if err != nil {
		return store.Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var source string
		var claims *string
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
	ms, err := mentions(ctx, sn.tx, `event_id`, id)
	return e, ms, err
}

// Mentions implements store.Store.
func (s *DB) Mentions(ctx context.Context, documentID string) ([]store.Mention, error) {
	return mentions(ctx, s.pool, `document_id`, documentID)
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// mentions returns the mentions whose column col is v, in the order
// they were stored.
func mentions(ctx context.Context, q querier, col, v string) ([]store.Mention, error) {
	rows, err := q.Query(ctx, `SELECT document_id, event_id, body FROM mentions WHERE `+col+` = $1 ORDER BY ord`, v)
	if err != nil {
		return nil, fmt.Errorf("query mentions: %w", err)
	}
	defer rows.Close()
	ms := []store.Mention{}
	for rows.Next() {
		var m store.Mention
		var mb string
		if err := rows.Scan(&m.DocumentID, &m.EventID, &mb); err != nil {
			return nil, fmt.Errorf("query mentions: %w", err)
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
	var published string
	err := s.pool.QueryRow(ctx, `SELECT id, url, title, outlet, published, language, format, source, text FROM documents WHERE id = $1`, id).
		Scan(&d.ID, &d.URL, &d.Title, &d.Outlet, &published, &d.Language, &d.Format, &d.Source, &d.Text)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("document %s: %w", id, err)
	}
	d.Published = event.Date(published)
	return d, nil
}
