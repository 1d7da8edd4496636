package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/klauspost/compress/s2"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/store"
)

// rowColumn is the JSON of every event as store.Event encodes it, by its
// position in the facets, each compressed on its own against a dictionary
// of the first ones. A page of a listing copies its rows instead of
// reading each event's body and sources from SQLite, decoding and
// encoding them again: that was most of the cost of a call on a large
// record, whose pages are rarely in SQLite's cache.
type rowColumn struct {
	from, to []int // row p is data[from[p]:to[p]]
	data     []byte
	dict     *s2.Dict
}

// dictRows is how many rows, the first read, make the dictionary.
const dictRows = 48

// size is the length of the JSON of the event at position p.
func (c *rowColumn) size(p int) int {
	n, err := s2.DecodedLen(c.data[c.from[p]:c.to[p]])
	if err != nil {
		return 0
	}
	return n
}

// row appends the JSON of the event at position p to dst.
func (c *rowColumn) row(dst []byte, p int) ([]byte, error) {
	src := c.data[c.from[p]:c.to[p]]
	n, err := s2.DecodedLen(src)
	if err != nil {
		return dst, err
	}
	dst = slices.Grow(dst, n)
	out, err := c.dict.Decode(dst[len(dst):len(dst)+n], src)
	if err != nil {
		return dst, err
	}
	return dst[:len(dst)+len(out)], nil
}

// rawRows holds what a row is made of as events and event_sources keep
// it, for rowJSON.
type rawRows struct {
	body, updated []byte
	sources       [][]byte
	claims        [][]byte // the claims of each source that made some
}

// Where a stored body, encoded with no sources, claims or update time,
// holds them.
var (
	nullClaims  = []byte(`"claims":null`)
	nullSources = []byte(`"sources":null}`)
)

// rowJSON appends to dst the JSON of the event r holds, as encoding the
// store.Event read from it would write it, by splicing the stored JSON;
// ok is false when the body is not of the form this expects (claims in
// the body, for one), and the event must be decoded and encoded instead.
func rowJSON(dst []byte, r *rawRows) (out []byte, ok bool) {
	body := r.body
	// Within a JSON string a quote is escaped, so the key alone can
	// match; the event's own fields come before any nested object's.
	i := bytes.Index(body, nullClaims)
	if i < 0 || !bytes.HasSuffix(body, nullSources) || bytes.Count(body, []byte(`"claims":`)) != 1 {
		return dst, false
	}
	dst = append(dst, body[:i]...)
	dst = append(dst, `"claims":`...)
	n := 0
	for _, c := range r.claims {
		inner := bytes.TrimSpace(c)
		if len(inner) < 2 || inner[0] != '[' || inner[len(inner)-1] != ']' {
			return dst, false
		}
		inner = bytes.TrimSpace(inner[1 : len(inner)-1])
		if len(inner) == 0 {
			continue
		}
		if n == 0 {
			dst = append(dst, '[')
		} else {
			dst = append(dst, ',')
		}
		dst = append(dst, inner...)
		n++
	}
	if n == 0 {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, ']')
	}
	rest := body[i+len(nullClaims) : len(body)-len(nullSources)]
	dst = append(dst, rest...)
	dst = append(dst, `"sources":`...)
	if len(r.sources) == 0 {
		dst = append(dst, "null"...)
	}
	for j, s := range r.sources {
		if j == 0 {
			dst = append(dst, '[')
		} else {
			dst = append(dst, ',')
		}
		dst = append(dst, s...)
	}
	if len(r.sources) > 0 {
		dst = append(dst, ']')
	}
	if len(r.updated) > 0 {
		u, err := json.Marshal(string(r.updated))
		if err != nil {
			return dst, false
		}
		dst = append(dst, `,"updated":`...)
		dst = append(dst, u...)
	}
	return append(dst, '}'), true
}

// decodedJSON is what rowJSON writes, the slow way: the event decoded as
// list decodes it, then encoded. Claims are appended to the event in the
// order of its sources, so which source made them does not matter here.
func decodedJSON(dst []byte, r *rawRows) ([]byte, error) {
	var e store.Event
	if err := json.Unmarshal(r.body, &e); err != nil {
		return nil, err
	}
	e.Updated = string(r.updated)
	for _, s := range r.sources {
		var src store.Source
		if err := json.Unmarshal(s, &src); err != nil {
			return nil, fmt.Errorf("stored source: %w", err)
		}
		e.Sources = append(e.Sources, src)
	}
	for _, c := range r.claims {
		var cs []event.Claim
		if err := json.Unmarshal(c, &cs); err != nil {
			return nil, fmt.Errorf("stored claims: %w", err)
		}
		e.Claims = append(e.Claims, cs...)
	}
	b, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	return append(dst, b...), nil
}

// spliceChecks is how many of the first events are also decoded and
// encoded to check that splicing writes what encoding would; if one
// differs, every event is decoded and encoded.
const spliceChecks = 256

// rowWriter compresses rows into a column, once it has seen enough to
// make the dictionary.
type rowWriter struct {
	col      *rowColumn
	pending  [][]byte
	pendingP []int32
	buf      []byte
	written  int
}

func (w *rowWriter) put(p int32, row []byte) {
	if w.col.dict == nil {
		w.pending, w.pendingP = append(w.pending, bytes.Clone(row)), append(w.pendingP, p)
		if len(w.pending) == dictRows {
			w.flush()
		}
		return
	}
	w.buf = w.col.dict.Encode(w.buf[:cap(w.buf)], row)
	w.col.from[p] = len(w.col.data)
	w.col.data = append(w.col.data, w.buf...)
	w.col.to[p] = len(w.col.data)
	w.written++
}

// flush makes the dictionary of the rows held back, and compresses them.
func (w *rowWriter) flush() {
	if w.col.dict != nil {
		return
	}
	dict := bytes.Join(w.pending, nil)
	raw := len(dict)
	if len(dict) > maxDict {
		dict = dict[len(dict)-maxDict:]
	}
	// A dictionary must not be empty; rows that share nothing with it
	// are compressed all the same.
	w.col.dict = s2.MakeDictManual(append([]byte("{}"), dict...), 0)
	pending, ps := w.pending, w.pendingP
	w.pending, w.pendingP = nil, nil
	for i, row := range pending {
		w.put(ps[i], row)
	}
	// Room for all the rows, if they are as long as the first and
	// compress about four times: growing hundreds of megabytes a step at
	// a time copied them over and over.
	if len(pending) > 0 {
		w.col.data = slices.Grow(w.col.data, raw/len(pending)*len(w.col.from)/4)
	}
}

// maxDict is the longest dictionary S2 takes, less a little.
const maxDict = 64<<10 - 16

// loadRows reads every event's JSON row into m, the events at positions
// at (by seq). It reads events and event_sources each in its own order,
// seq, side by side.
func (m *facets) loadRows(ctx context.Context, sn *snapshot, at []int32) error {
	evs, err := sn.tx.QueryContext(ctx, `SELECT seq, body, updated_at FROM events ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	defer evs.Close()
	srcs, err := sn.tx.QueryContext(ctx, `SELECT event_seq, source, claims FROM event_sources ORDER BY event_seq, n`)
	if err != nil {
		return fmt.Errorf("read event sources: %w", err)
	}
	defer srcs.Close()
	w := &rowWriter{col: &rowColumn{from: make([]int, len(m.seq)), to: make([]int, len(m.seq))}}
	var (
		r              rawRows
		seq, srcSeq    int64
		source, claims sql.RawBytes
		more           bool
		buf            []byte
		splice         = true
		checked        int
	)
	nextSource := func() error {
		if more = srcs.Next(); !more {
			return srcs.Err()
		}
		return srcs.Scan(&srcSeq, &source, &claims)
	}
	if err := nextSource(); err != nil {
		return fmt.Errorf("read event sources: %w", err)
	}
	for evs.Next() {
		var body, updated sql.RawBytes
		if err := evs.Scan(&seq, &body, &updated); err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		r.body, r.updated = body, updated
		r.sources, r.claims = r.sources[:0], r.claims[:0]
		for more && srcSeq < seq {
			if err := nextSource(); err != nil {
				return fmt.Errorf("read event sources: %w", err)
			}
		}
		for more && srcSeq == seq {
			r.sources = append(r.sources, bytes.Clone(source))
			if claims != nil {
				r.claims = append(r.claims, bytes.Clone(claims))
			}
			if err := nextSource(); err != nil {
				return fmt.Errorf("read event sources: %w", err)
			}
		}
		if seq < 0 || seq >= int64(len(at)) || at[seq] < 0 {
			continue
		}
		var ok bool
		buf = buf[:0]
		if splice {
			buf, ok = rowJSON(buf, &r)
		}
		if ok && checked < spliceChecks {
			checked++
			want, err := decodedJSON(nil, &r)
			if err != nil {
				return fmt.Errorf("stored event %d: %w", seq, err)
			}
			if !bytes.Equal(buf, want) {
				splice, ok = false, false
			}
		}
		if !ok {
			if buf, err = decodedJSON(buf[:0], &r); err != nil {
				return fmt.Errorf("stored event %d: %w", seq, err)
			}
		}
		w.put(at[seq], buf)
	}
	if err := evs.Err(); err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	w.flush()
	if w.written != len(m.seq) {
		return fmt.Errorf("read events: %d of %d events found", w.written, len(m.seq))
	}
	m.rows = w.col
	return nil
}

var _ store.JSONPager = (*DB)(nil)

// PageJSON implements store.JSONPager: with the facets in memory, the
// events' rows are copied from there.
func (s *DB) PageJSON(ctx context.Context, f store.Filter) (store.JSONPage, error) {
	sn, err := s.snapshot(ctx)
	if err != nil {
		return store.JSONPage{}, fmt.Errorf("list events: %w", err)
	}
	defer sn.tx.Rollback()
	var p store.JSONPage
	if sn.mem != nil && sn.mem.rows != nil {
		if sel, ok := sn.compile(f); ok {
			ps, next, total, err := s.pageOf(ctx, sn, sel, f)
			if err != nil {
				return store.JSONPage{}, err
			}
			size := 0
			for _, pos := range ps {
				size += sel.m.rows.size(pos)
			}
			buf := make([]byte, 0, size)
			ends := make([]int, len(ps))
			for i, pos := range ps {
				if buf, err = sel.m.rows.row(buf, pos); err != nil {
					return store.JSONPage{}, fmt.Errorf("stored event %d: %w", sel.m.seq[pos], err)
				}
				ends[i] = len(buf)
			}
			p.Events, p.Next = make([]json.RawMessage, len(ps)), next
			from := 0
			for i, end := range ends {
				p.Events[i] = buf[from:end:end]
				from = end
			}
			p.Total = total
			return p, nil
		}
	}
	evs, next, err := sn.list(ctx, f)
	if err != nil {
		return store.JSONPage{}, err
	}
	p.Next = next
	for _, e := range evs {
		b, err := json.Marshal(e)
		if err != nil {
			return store.JSONPage{}, fmt.Errorf("encode event %s: %w", e.ID, err)
		}
		p.Events = append(p.Events, b)
	}
	if p.Total, err = s.total(ctx, sn, f); err != nil {
		return store.JSONPage{}, err
	}
	return p, nil
}
