package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep/sitrep/internal/store"
)

// facets is every event's filter columns, in memory, in listing order
// (date_start, then seq), as of one count of writes. A server reads its
// listings' keys, counts, aggregates and map cells here: a count of a
// type over five years is a loop over an array, not a walk of an index
// page by page through SQLite. Text columns hold ids into sorted
// dictionaries, so that an id compares as its string does.
type facets struct {
	writes  int64
	maxSpan int

	seq             []int64
	rowid           []int64 // of the event in events, where its body is
	start, end, day []int32 // into dates
	dates           []string
	iso, kind       []uint16 // into isos, kinds
	isos, kinds     []string
	admin1          []uint32 // into admin1s
	admin1s         []string
	lat, lon        []float64 // NaN where the event has no place
	fatalities      []int32   // 0 where unknown, as sums count it
	// The actors of position p are actorIDs[actorAt[p]:actorAt[p+1]],
	// into actors; its text (notes and evidence, folded) is
	// text[textFrom[p]:textTo[p]].
	actorAt          []int
	actorIDs         []uint32
	actors           []string
	textFrom, textTo []int
	text             []byte
	// bytes counts a sample of text's bytes, for searches to look first
	// for the rarest byte of what they look for.
	bytes [256]int

	// Positions of the events of each country, type, province and actor,
	// ascending; and of each square degree of the globe, by gridCell.
	byISO, byKind, byAdmin1, byActor, byCell [][]int32

	// subtypes holds each event's sub-event type once a filter has asked
	// for one: it is read from the events' bodies, which takes longer
	// than all the rest, for a filter few use.
	subtypes     atomic.Pointer[subtypeColumn]
	subtypesOnce sync.Once

	// rows is every event's JSON, for listings.
	rows *rowColumn
}

// subtypeColumn is the sub-event type of each position, an id into
// names, or noSubtype.
type subtypeColumn struct {
	id    []uint16
	names []string
}

const noSubtype = math.MaxUint16

// gridCell is the square degree a place is in; places off the globe are
// in the cell at its edge, where a box reaching that edge looks for them.
func gridCell(lat, lon float64) int {
	y := int(math.Floor(min(max(lat, -90), 90))) + 90
	x := int(math.Floor(min(max(lon, -180), 180))) + 180
	return y*361 + x
}

// interner gives strings ids in the order it first sees them, then
// renumbers them in sorted order.
type interner struct {
	ids   map[string]uint32
	names []string
}

func (in *interner) id(b []byte) uint32 {
	if id, ok := in.ids[string(b)]; ok {
		return id
	}
	id := uint32(len(in.names))
	s := string(b)
	in.ids[s] = id
	in.names = append(in.names, s)
	return id
}

// sorted returns the names in order and what each first-seen id became.
func (in *interner) sorted() ([]string, []uint32) {
	order := make([]uint32, len(in.names))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return strings.Compare(in.names[a], in.names[b]) })
	names := make([]string, len(order))
	remap := make([]uint32, len(order))
	for rank, id := range order {
		names[rank] = in.names[id]
		remap[id] = uint32(rank)
	}
	return names, remap
}

func newInterner() *interner { return &interner{ids: map[string]uint32{}} }

// loadFacets reads every event's facets as the snapshot sees them.
func loadFacets(ctx context.Context, sn *snapshot) (*facets, error) {
	var n int
	if err := sn.tx.QueryRowContext(ctx, `SELECT count(*) FROM event_facets`).Scan(&n); err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}
	m := &facets{writes: sn.writes, maxSpan: sn.maxSpan}
	m.seq = make([]int64, 0, n)
	m.start, m.end, m.day = make([]int32, 0, n), make([]int32, 0, n), make([]int32, 0, n)
	m.iso, m.kind, m.admin1 = make([]uint16, 0, n), make([]uint16, 0, n), make([]uint32, 0, n)
	m.lat, m.lon, m.fatalities = make([]float64, 0, n), make([]float64, 0, n), make([]int32, 0, n)
	m.rowid, m.textFrom, m.textTo = make([]int64, n), make([]int, n), make([]int, n)
	m.actorAt = make([]int, 1, n+1)
	dates, isos, kinds, admin1s, actors := newInterner(), newInterner(), newInterner(), newInterner(), newInterner()
	// Each table is read in its own order, which is the order of its
	// pages: joined, every row would cost a search of the other.
	rows, err := sn.tx.QueryContext(ctx, `SELECT date_start, seq, date_end, event_date, iso, kind, admin1,
		lat, lon, coalesce(fatalities, 0), actors FROM event_facets ORDER BY date_start, seq`)
	if err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	defer rows.Close()
	var start, end, day, iso, kind, admin1, names sql.RawBytes
	var seq, fat, maxSeq int64
	var lat, lon sql.NullFloat64
	for rows.Next() {
		if err := rows.Scan(&start, &seq, &end, &day, &iso, &kind, &admin1, &lat, &lon, &fat, &names); err != nil {
			return nil, fmt.Errorf("read events: %w", err)
		}
		m.seq = append(m.seq, seq)
		maxSeq = max(maxSeq, seq)
		m.start = append(m.start, int32(dates.id(start)))
		m.end = append(m.end, int32(dates.id(end)))
		m.day = append(m.day, int32(dates.id(day)))
		m.iso = append(m.iso, uint16(isos.id(iso)))
		m.kind = append(m.kind, uint16(kinds.id(kind)))
		m.admin1 = append(m.admin1, admin1s.id(admin1))
		if lat.Valid && lon.Valid {
			m.lat, m.lon = append(m.lat, lat.Float64), append(m.lon, lon.Float64)
		} else {
			m.lat, m.lon = append(m.lat, math.NaN()), append(m.lon, math.NaN())
		}
		m.fatalities = append(m.fatalities, int32(fat))
		if len(names) > 0 {
			first := len(m.actorIDs)
			for name := range bytes.SplitSeq(names, []byte(store.Sep)) {
				id := actors.id(name)
				// One actor named twice in an event is one of its actors.
				if !slices.Contains(m.actorIDs[first:], id) {
					m.actorIDs = append(m.actorIDs, id)
				}
			}
		}
		m.actorAt = append(m.actorAt, len(m.actorIDs))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	rows.Close()
	// Where each event sits, by its number.
	at := make([]int32, maxSeq+1)
	for i := range at {
		at[i] = -1
	}
	for p, seq := range m.seq {
		at[seq] = int32(p)
	}
	if err := m.loadText(ctx, sn, at); err != nil {
		return nil, err
	}
	if err := m.loadRowids(ctx, sn, at); err != nil {
		return nil, err
	}
	if err := m.loadRows(ctx, sn, at); err != nil {
		return nil, err
	}
	if len(isos.names) > math.MaxUint16 || len(kinds.names) > math.MaxUint16 {
		return nil, fmt.Errorf("%d countries and %d types: too many to keep in memory", len(isos.names), len(kinds.names))
	}
	var remap []uint32
	m.dates, remap = dates.sorted()
	for _, col := range [][]int32{m.start, m.end, m.day} {
		for i, id := range col {
			col[i] = int32(remap[id])
		}
	}
	m.isos, remap = isos.sorted()
	m.byISO = postings(m.iso, remap, len(m.isos))
	m.kinds, remap = kinds.sorted()
	m.byKind = postings(m.kind, remap, len(m.kinds))
	m.admin1s, remap = admin1s.sorted()
	m.byAdmin1 = postings(m.admin1, remap, len(m.admin1s))
	m.byCell = make([][]int32, 181*361)
	for p := range m.seq {
		if !math.IsNaN(m.lat[p]) && !math.IsNaN(m.lon[p]) {
			c := gridCell(m.lat[p], m.lon[p])
			m.byCell[c] = append(m.byCell[c], int32(p))
		}
	}
	m.actors, remap = actors.sorted()
	m.byActor = make([][]int32, len(m.actors))
	for p := range m.seq {
		for i := m.actorAt[p]; i < m.actorAt[p+1]; i++ {
			id := remap[m.actorIDs[i]]
			m.actorIDs[i] = id
			m.byActor[id] = append(m.byActor[id], int32(p))
		}
	}
	return m, nil
}

// loadText reads the searched text of the events at positions at (by
// seq), in the order event_text keeps it.
func (m *facets) loadText(ctx context.Context, sn *snapshot, at []int32) error {
	var size int64
	if err := sn.tx.QueryRowContext(ctx, `SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM event_text`).Scan(&size); err != nil {
		return fmt.Errorf("read events' text: %w", err)
	}
	m.text = make([]byte, 0, size)
	rows, err := sn.tx.QueryContext(ctx, `SELECT seq, text FROM event_text ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("read events' text: %w", err)
	}
	defer rows.Close()
	var seq int64
	var text sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&seq, &text); err != nil {
			return fmt.Errorf("read events' text: %w", err)
		}
		if seq < 0 || seq >= int64(len(at)) || at[seq] < 0 {
			continue
		}
		p := at[seq]
		m.textFrom[p] = len(m.text)
		m.text = append(m.text, text...)
		m.textTo[p] = len(m.text)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read events' text: %w", err)
	}
	for i := 0; i < len(m.text); i += 61 {
		m.bytes[m.text[i]]++
	}
	return nil
}

// loadRowids reads where the body of each event is.
func (m *facets) loadRowids(ctx context.Context, sn *snapshot, at []int32) error {
	rows, err := sn.tx.QueryContext(ctx, `SELECT seq, rowid FROM events ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	defer rows.Close()
	var seq, rowid int64
	for rows.Next() {
		if err := rows.Scan(&seq, &rowid); err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		if seq >= 0 && seq < int64(len(at)) && at[seq] >= 0 {
			m.rowid[at[seq]] = rowid
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read events: %w", err)
	}
	return nil
}

// postings renumbers a column's ids and lists the positions of each.
func postings[T uint16 | uint32](col []T, remap []uint32, n int) [][]int32 {
	lists := make([][]int32, n)
	for p, id := range col {
		id = T(remap[id])
		col[p] = id
		lists[id] = append(lists[id], int32(p))
	}
	return lists
}

// lowerBound is the first date id whose date is at least d.
func (m *facets) lowerBound(d string) int32 { return int32(sort.SearchStrings(m.dates, d)) }

// upperBound is the first date id whose date is after d.
func (m *facets) upperBound(d string) int32 {
	return int32(sort.Search(len(m.dates), func(i int) bool { return m.dates[i] > d }))
}

// selection is a filter compiled against the facets: a range of
// positions, the posting list to walk inside it when walk is set, and
// the conditions each event walked must pass.
type selection struct {
	m      *facets
	lo, hi int // positions [lo, hi)
	list   []int32
	walk   bool // walk list rather than [lo, hi)
	none   bool // nothing can pass

	endMin          int32 // date_end's least id, or -1
	iso             int32 // or -1
	kindA, kindB    int32 // or -1
	admin1          int32 // or -1
	subtype         int32 // or -1
	subtypes        *subtypeColumn
	actors          []bool
	text            needle
	bbox            *[4]float64
	checks          bool // some condition other than the range applies
	onlyRangeOrList bool // the walk alone decides: counts need no checks
}

// compile compiles f against the facets in memory, if they hold what f
// asks for; a sub-event type they do not hold yet they start reading.
func (sn *snapshot) compile(f store.Filter) (selection, bool) {
	sel, ok := sn.mem.compile(f)
	if !ok && f.SubEventType != "" {
		sn.db.readSubtypes(sn.mem)
	}
	return sel, ok
}

// compile reads f, all but After, Limit and Oldest; ok is false when f
// asks for what the facets do not hold (sub-event types not read yet).
func (m *facets) compile(f store.Filter) (sel selection, ok bool) {
	sel = selection{m: m, hi: len(m.seq), endMin: -1, iso: -1, kindA: -1, kindB: -1, admin1: -1, subtype: -1}
	if f.SubEventType != "" {
		col := m.subtypes.Load()
		if col == nil {
			return sel, false
		}
		id, found := slices.BinarySearch(col.names, f.SubEventType)
		if !found {
			sel.none = true
			return sel, true
		}
		sel.subtype, sel.subtypes = int32(id), col
	}
	type candidate struct {
		list  []int32
		exact bool // the list is exactly what its condition selects
	}
	var lists []candidate
	conditions := 0
	if f.From != "" {
		sel.endMin = m.lowerBound(f.From)
		conditions++
		if first := store.Earliest(f.From, m.maxSpan); first != "" {
			sel.lo = m.firstStart(m.lowerBound(first))
		}
	}
	if f.To != "" {
		sel.hi = m.firstStart(m.upperBound(f.To))
		conditions++
	}
	if f.Country != "" {
		id, found := slices.BinarySearch(m.isos, strings.ToUpper(f.Country))
		if !found {
			sel.none = true
			return sel, true
		}
		sel.iso = int32(id)
		lists = append(lists, candidate{m.byISO[id], true})
		conditions++
	}
	if f.EventType != "" {
		var ids []int32
		for _, k := range []string{f.EventType, "PLOVER:" + strings.ToUpper(f.EventType)} {
			if id, found := slices.BinarySearch(m.kinds, k); found {
				ids = append(ids, int32(id))
			}
		}
		switch len(ids) {
		case 0:
			sel.none = true
			return sel, true
		case 1:
			sel.kindA, sel.kindB = ids[0], ids[0]
			lists = append(lists, candidate{m.byKind[ids[0]], true})
		default:
			sel.kindA, sel.kindB = ids[0], ids[1]
			lists = append(lists, candidate{union(m.byKind[ids[0]], m.byKind[ids[1]]), true})
		}
		conditions++
	}
	if f.Admin1 != "" {
		id, found := slices.BinarySearch(m.admin1s, strings.ToLower(f.Admin1))
		if !found {
			sel.none = true
			return sel, true
		}
		sel.admin1 = int32(id)
		lists = append(lists, candidate{m.byAdmin1[id], true})
		conditions++
	}
	if b := f.BBox; b != nil {
		sel.bbox = b
		conditions++
		// The square degrees the box touches, when they are few.
		lo, hi := gridCell(b[1], b[0]), gridCell(b[3], b[2])
		if rows, cols := hi/361-lo/361+1, hi%361-lo%361+1; rows > 0 && cols > 0 && rows*cols <= 2000 {
			var in [][]int32
			for y := lo / 361; y <= hi/361; y++ {
				for x := lo % 361; x <= hi%361; x++ {
					if l := m.byCell[y*361+x]; len(l) > 0 {
						in = append(in, l)
					}
				}
			}
			if len(in) == 0 {
				sel.none = true
				return sel, true
			}
			lists = append(lists, candidate{unionAll(in), false})
		}
	}
	if f.Actor != "" {
		needle := store.Search(f.Actor)
		sel.actors = make([]bool, len(m.actors))
		var matched [][]int32
		total := 0
		for id, name := range m.actors {
			if strings.Contains(name, needle) {
				sel.actors[id] = true
				matched = append(matched, m.byActor[id])
				total += len(m.byActor[id])
			}
		}
		if len(matched) == 0 {
			sel.none = true
			return sel, true
		}
		// A long union costs more to build than walking what other
		// conditions select.
		if total < len(m.seq)/4 {
			lists = append(lists, candidate{unionAll(matched), true})
		}
		conditions++
	}
	if f.Text != "" {
		sel.text = needle{s: []byte(store.Search(f.Text))}
		for i, c := range sel.text.s {
			if m.bytes[c] < m.bytes[sel.text.s[sel.text.rare]] {
				sel.text.rare = i
			}
		}
		conditions++
	}
	if sel.subtype >= 0 {
		conditions++
	}
	// Walk the shortest list within the range, or the range itself.
	best := -1
	bestLen := sel.hi - sel.lo
	for i, c := range lists {
		if l := inRange(c.list, sel.lo, sel.hi); len(l) < bestLen {
			best, bestLen = i, len(l)
		}
	}
	if best >= 0 {
		sel.walk, sel.list = true, inRange(lists[best].list, sel.lo, sel.hi)
	}
	sel.checks = conditions > 0
	// The walk alone decides when it is the one condition's list, or
	// the range of To alone.
	sel.onlyRangeOrList = conditions == 0 || (conditions == 1 && best >= 0 && lists[best].exact) ||
		(conditions == 1 && f.To != "")
	return sel, true
}

// needle is text searched for, and where its rarest byte is.
type needle struct {
	s    []byte
	rare int
}

// in reports whether hay holds the needle. It looks for the needle's
// rarest byte, then compares: bytes.Contains looks for its first, and a
// search for "town 12," stopped at every t of every event's text.
func (n needle) in(hay []byte) bool {
	if len(n.s) == 0 {
		return true
	}
	c, before, after := n.s[n.rare], n.rare, len(n.s)-n.rare-1
	for i := before; i < len(hay)-after; {
		j := bytes.IndexByte(hay[i:len(hay)-after], c)
		if j < 0 {
			return false
		}
		i += j
		if bytes.Equal(hay[i-before:i+after+1], n.s) {
			return true
		}
		i++
	}
	return false
}

// firstStart is the first position whose date_start id is at least id.
func (m *facets) firstStart(id int32) int {
	return sort.Search(len(m.start), func(p int) bool { return m.start[p] >= id })
}

// inRange is the part of an ascending list within [lo, hi).
func inRange(list []int32, lo, hi int) []int32 {
	a := sort.Search(len(list), func(i int) bool { return int(list[i]) >= lo })
	b := sort.Search(len(list), func(i int) bool { return int(list[i]) >= hi })
	return list[a:b]
}

// union merges two ascending lists.
func union(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			out, a = append(out, a[0]), a[1:]
		case b[0] < a[0]:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// unionAll merges ascending lists.
func unionAll(lists [][]int32) []int32 {
	if len(lists) == 1 {
		return lists[0]
	}
	var out []int32
	for _, l := range lists {
		out = append(out, l...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// pass reports whether the event at position p passes the conditions.
func (s *selection) pass(p int) bool {
	m := s.m
	if s.endMin >= 0 && m.end[p] < s.endMin {
		return false
	}
	if s.iso >= 0 && int32(m.iso[p]) != s.iso {
		return false
	}
	if s.kindA >= 0 && int32(m.kind[p]) != s.kindA && int32(m.kind[p]) != s.kindB {
		return false
	}
	if s.admin1 >= 0 && int32(m.admin1[p]) != s.admin1 {
		return false
	}
	if s.subtype >= 0 && int32(s.subtypes.id[p]) != s.subtype {
		return false
	}
	if b := s.bbox; b != nil {
		// NaN, an event with no place, fails every comparison.
		if !(m.lon[p] >= b[0] && m.lon[p] <= b[2] && m.lat[p] >= b[1] && m.lat[p] <= b[3]) {
			return false
		}
	}
	if s.actors != nil {
		found := false
		for _, id := range m.actorIDs[m.actorAt[p]:m.actorAt[p+1]] {
			if s.actors[id] {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if s.text.s != nil && !s.text.in(m.text[m.textFrom[p]:m.textTo[p]]) {
		return false
	}
	return true
}

// each calls fn with the position of every event that passes, in
// listing order, ascending or descending, until fn returns false.
func (s *selection) each(desc bool, fn func(p int) bool) {
	if s.none {
		return
	}
	visit := func(p int) bool { return !s.checks || s.pass(p) }
	if s.walk {
		if desc {
			for i := len(s.list) - 1; i >= 0; i-- {
				if p := int(s.list[i]); visit(p) && !fn(p) {
					return
				}
			}
			return
		}
		for _, p := range s.list {
			if visit(int(p)) && !fn(int(p)) {
				return
			}
		}
		return
	}
	if desc {
		for p := s.hi - 1; p >= s.lo; p-- {
			if visit(p) && !fn(p) {
				return
			}
		}
		return
	}
	for p := s.lo; p < s.hi; p++ {
		if visit(p) && !fn(p) {
			return
		}
	}
}

// count is how many events pass.
func (s *selection) count() int {
	if s.none {
		return 0
	}
	if s.onlyRangeOrList {
		if s.walk {
			return len(s.list)
		}
		return s.hi - s.lo
	}
	n := 0
	s.each(false, func(int) bool { n++; return true })
	return n
}

// after narrows the walk to the events after cursor c in the listing's
// direction.
func (s *selection) after(c store.Cursor, desc bool) {
	m := s.m
	// The first position whose key (date_start, seq) is at least c's,
	// or, listing oldest first, after it.
	cut := sort.Search(len(m.seq), func(p int) bool {
		d := m.dates[m.start[p]]
		if d != c.DateStart {
			return d > c.DateStart
		}
		if desc {
			return m.seq[p] >= c.Seq
		}
		return m.seq[p] > c.Seq
	})
	if desc {
		s.hi = min(s.hi, cut)
	} else {
		s.lo = max(s.lo, cut)
	}
	if s.walk {
		s.list = inRange(s.list, s.lo, s.hi)
	}
	s.onlyRangeOrList = false
}

// cursor is the place in the listing of the event at position p.
func (m *facets) cursor(p int) store.Cursor {
	return store.Cursor{DateStart: m.dates[m.start[p]], Seq: m.seq[p]}
}

// positions are the positions of the events of a page of the listing f
// asks for, and the cursor of the page that follows.
func (sel *selection) positions(f store.Filter) ([]int, string, error) {
	desc := !f.Oldest
	if f.After != "" {
		c, err := store.ParseCursor(f.After)
		if err != nil {
			return nil, "", err
		}
		sel.after(c, desc)
	}
	var ps []int
	sel.each(desc, func(p int) bool {
		ps = append(ps, p)
		return f.Limit <= 0 || len(ps) <= f.Limit
	})
	next := ""
	if f.Limit > 0 && len(ps) > f.Limit {
		ps = ps[:f.Limit]
		next = sel.m.cursor(ps[len(ps)-1]).String()
	}
	return ps, next, nil
}

// pageOf is the positions of the page of the listing f asks for, the
// cursor of the page that follows and the number of events sel passes.
// A first page whose count is not cached is listed and counted in one
// walk: a filter that few events pass walks all it selects to fill a
// page anyway.
func (s *DB) pageOf(ctx context.Context, sn *snapshot, sel selection, f store.Filter) (ps []int, next string, total int, err error) {
	if f.After != "" || sel.onlyRangeOrList {
		counted := sel
		if ps, next, err = sel.positions(f); err != nil {
			return nil, "", 0, err
		}
		total, err = s.countSel(ctx, sn, counted, f)
		return ps, next, total, err
	}
	walked := false
	n, err := s.counts.do(ctx, sn.writes, "facets\x00count\x00"+filterKey(f), func() (any, error) {
		walked = true
		n := 0
		sel.each(!f.Oldest, func(p int) bool {
			if f.Limit <= 0 || len(ps) <= f.Limit {
				ps = append(ps, p)
			}
			n++
			return true
		})
		return n, nil
	})
	if err != nil {
		return nil, "", 0, fmt.Errorf("count events: %w", err)
	}
	if !walked {
		if ps, next, err = sel.positions(f); err != nil {
			return nil, "", 0, err
		}
		return ps, next, n.(int), nil
	}
	if f.Limit > 0 && len(ps) > f.Limit {
		ps = ps[:f.Limit]
		next = sel.m.cursor(ps[len(ps)-1]).String()
	}
	return ps, next, n.(int), nil
}

// countSel counts the events sel, compiled from f, passes.
func (s *DB) countSel(ctx context.Context, sn *snapshot, sel selection, f store.Filter) (int, error) {
	if sel.onlyRangeOrList {
		return sel.count(), nil
	}
	n, err := s.counts.do(ctx, sn.writes, "facets\x00count\x00"+filterKey(f), func() (any, error) {
		return sel.count(), nil
	})
	if err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n.(int), nil
}

// listFacets lists as list does, the keys from memory.
func (sn *snapshot) listFacets(ctx context.Context, sel selection, f store.Filter) ([]store.Event, string, error) {
	ps, next, err := sel.positions(f)
	if err != nil {
		return nil, "", err
	}
	evs, err := sn.events(ctx, sel.m, ps)
	return evs, next, err
}

// events reads the events at positions ps, from their rows in memory
// when m holds them.
func (sn *snapshot) events(ctx context.Context, m *facets, ps []int) ([]store.Event, error) {
	if len(ps) == 0 {
		return nil, nil
	}
	if m.rows != nil {
		evs := make([]store.Event, len(ps))
		var buf []byte
		var err error
		for i, p := range ps {
			if buf, err = m.rows.row(buf[:0], p); err != nil {
				return nil, fmt.Errorf("stored event %d: %w", m.seq[p], err)
			}
			if err := json.Unmarshal(buf, &evs[i]); err != nil {
				return nil, fmt.Errorf("stored event %d: %w", m.seq[p], err)
			}
		}
		return evs, nil
	}
	seqs, rowids := make([]int64, len(ps)), make([]int64, len(ps))
	for i, p := range ps {
		seqs[i], rowids[i] = m.seq[p], m.rowid[p]
	}
	return sn.bodies(ctx, seqs, rowids)
}

// bodies reads the events numbered seqs, in that order, looking each up
// by the rowid it had when the facets were loaded.
func (sn *snapshot) bodies(ctx context.Context, seqs, rowids []int64) ([]store.Event, error) {
	if len(seqs) == 0 {
		return nil, nil
	}
	out := make([]store.Event, len(seqs))
	at := make(map[int64]int, len(seqs))
	for i, s := range seqs {
		at[s] = i
	}
	read := make([]bool, len(seqs))
	if err := sn.readBodies(ctx, "rowid", rowids, at, out, read); err != nil {
		return nil, err
	}
	// A VACUUM may have numbered rows anew: those are found by seq.
	var missed []int64
	for i, ok := range read {
		if !ok {
			missed = append(missed, seqs[i])
		}
	}
	if len(missed) > 0 {
		if err := sn.readBodies(ctx, "seq", missed, at, out, read); err != nil {
			return nil, err
		}
		for i, ok := range read {
			if !ok {
				return nil, fmt.Errorf("stored event %d: not found", seqs[i])
			}
		}
	}
	return out, nil
}

// readBodies reads the events whose column (rowid or seq) is one of
// keys into out, at the index at gives their seq, and marks them read.
func (sn *snapshot) readBodies(ctx context.Context, column string, keys []int64, at map[int64]int, out []store.Event, read []bool) error {
	list, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	rows, err := sn.tx.QueryContext(ctx, `SELECT e.seq, iif(s.n = 0, e.body, ''), e.updated_at, s.source, s.claims
		FROM events e CROSS JOIN event_sources s ON s.event_seq = e.seq
		WHERE e.`+column+` IN (SELECT value FROM json_each(?)) ORDER BY e.`+column+`, s.n`, string(list))
	if err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var body, updated, source string
		var claims sql.NullString
		if err := rows.Scan(&seq, &body, &updated, &source, &claims); err != nil {
			return fmt.Errorf("query events: %w", err)
		}
		i, ok := at[seq]
		if !ok || read[i] && body != "" {
			// Another event's row now, or one read already.
			continue
		}
		if body != "" {
			if err := json.Unmarshal([]byte(body), &out[i]); err != nil {
				return fmt.Errorf("stored event %d: %w", seq, err)
			}
			out[i].Updated = updated
			read[i] = true
		} else if !read[i] {
			continue
		}
		if err := addSource(&out[i], source, claims); err != nil {
			return fmt.Errorf("stored event %d: %w", seq, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	return nil
}

// aggregate groups what passes by key as sn.aggregate does.
func (sel *selection) aggregate(by store.Dimension) []store.Bucket {
	m := sel.m
	var col func(p int) int
	var keys []string
	switch by {
	case store.ByDay:
		col, keys = func(p int) int { return int(m.day[p]) }, m.dates
	case store.ByCountry:
		col, keys = func(p int) int { return int(m.iso[p]) }, m.isos
	default:
		col, keys = func(p int) int { return int(m.kind[p]) }, m.kinds
	}
	events, fatalities := make([]int, len(keys)), make([]int, len(keys))
	sel.each(false, func(p int) bool {
		k := col(p)
		events[k]++
		fatalities[k] += int(m.fatalities[p])
		return true
	})
	out := []store.Bucket{}
	for k, n := range events {
		if n > 0 {
			out = append(out, store.Bucket{Key: strings.TrimPrefix(keys[k], "PLOVER:"), Events: n, Fatalities: fatalities[k]})
		}
	}
	if by == store.ByType {
		slices.SortStableFunc(out, func(a, b store.Bucket) int { return strings.Compare(a.Key, b.Key) })
	}
	return out
}

// cells grids what passes, and has a place, as Cells does.
func (sel *selection) cells(size float64) []store.Cell {
	m := sel.m
	type key struct{ y, x int64 }
	type acc struct {
		events, fatalities int
		slat, slon         float64
		types              []int
	}
	grid := map[key]*acc{}
	sel.each(false, func(p int) bool {
		lat, lon := m.lat[p], m.lon[p]
		if math.IsNaN(lat) || math.IsNaN(lon) {
			return true
		}
		// Truncated as SQLite's CAST truncates.
		k := key{int64((lat + 90) / size), int64((lon + 180) / size)}
		a := grid[k]
		if a == nil {
			a = &acc{types: make([]int, len(m.kinds))}
			grid[k] = a
		}
		a.events++
		a.fatalities += int(m.fatalities[p])
		a.slat += lat
		a.slon += lon
		a.types[m.kind[p]]++
		return true
	})
	keys := make([]key, 0, len(grid))
	for k := range grid {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.y != b.y {
			return int(a.y - b.y)
		}
		return int(a.x - b.x)
	})
	out := make([]store.Cell, 0, len(keys))
	for _, k := range keys {
		a := grid[k]
		c := store.Cell{Events: a.events, Fatalities: a.fatalities, Lat: a.slat / float64(a.events), Lon: a.slon / float64(a.events), Types: map[string]int{}}
		for kind, n := range a.types {
			if n > 0 {
				c.Types[strings.TrimPrefix(m.kinds[kind], "PLOVER:")] += n
			}
		}
		out = append(out, c)
	}
	return out
}

// memory keeps the facets in memory once KeepFacets asks for it, and
// reloads them in the background when the record has changed.
type memory struct {
	mu      sync.Mutex
	on      bool
	current *facets
	loading bool
	// After a load from started to ended, the next waits four times as
	// long, so that a record written to without pause is read from
	// SQLite rather than reloaded without pause.
	started, ended time.Time
	ctx            context.Context
	cancel         context.CancelFunc
	wg             sync.WaitGroup
	log            *slog.Logger
}

// KeepFacets loads the filter columns of every event into memory, and
// keeps them there: listings, counts, aggregates and map cells then read
// them instead of SQLite's indexes, which a server of a large record
// wants (a million events take about 580 MB, half of it their rows of
// JSON, and 30 s to load on two busy cores). After a write, reads go to
// SQLite until a reload in the background, started by the first read
// that sees the write, has caught up. It returns once the first load is
// done; ctx bounds the background loads too.
func (s *DB) KeepFacets(ctx context.Context, log *slog.Logger) error {
	sn, err := s.snapshot(ctx)
	if err != nil {
		return fmt.Errorf("load facets: %w", err)
	}
	t0 := time.Now()
	m, err := loadFacets(ctx, sn)
	sn.tx.Rollback()
	if err != nil {
		return fmt.Errorf("load facets: %w", err)
	}
	s.mem.mu.Lock()
	defer s.mem.mu.Unlock()
	if !s.mem.on {
		s.mem.ctx, s.mem.cancel = context.WithCancel(ctx)
		if log == nil {
			log = slog.Default()
		}
		s.mem.log = log
		s.mem.on = true
	}
	if s.mem.current == nil || m.writes >= s.mem.current.writes {
		s.mem.current = m
	}
	s.mem.started, s.mem.ended = t0, time.Now()
	return nil
}

// fresh returns the facets in memory if they are those of the record as
// sn sees it; otherwise nil, after starting a reload if one is due.
func (s *DB) fresh(sn *snapshot) *facets {
	mem := &s.mem
	mem.mu.Lock()
	defer mem.mu.Unlock()
	if !mem.on {
		return nil
	}
	if m := mem.current; m != nil && m.writes == sn.writes {
		return m
	}
	if mem.loading || mem.ctx.Err() != nil || time.Since(mem.ended) < 4*mem.ended.Sub(mem.started) {
		return nil
	}
	mem.loading = true
	mem.wg.Add(1)
	go func() {
		defer mem.wg.Done()
		err := s.KeepFacets(mem.ctx, mem.log)
		mem.mu.Lock()
		mem.loading = false
		mem.mu.Unlock()
		if err != nil && mem.ctx.Err() == nil {
			mem.log.Error("reload facets", "err", err)
		}
	}()
	return nil
}

// readSubtypes starts reading the sub-event types of m's events, once.
func (s *DB) readSubtypes(m *facets) {
	mem := &s.mem
	m.subtypesOnce.Do(func() {
		mem.mu.Lock()
		defer mem.mu.Unlock()
		if mem.ctx == nil || mem.ctx.Err() != nil {
			return
		}
		mem.wg.Add(1)
		go func() {
			defer mem.wg.Done()
			if err := s.loadSubtypes(mem.ctx, m); err != nil && mem.ctx.Err() == nil {
				mem.log.Error("read sub-event types", "err", err)
			}
		}()
	})
}

// loadSubtypes reads the sub-event types of m's events, as they were
// when m was loaded: if the record has changed since, m is about to be
// replaced and is left without them.
func (s *DB) loadSubtypes(ctx context.Context, m *facets) error {
	sn, err := s.snapshot(ctx)
	if err != nil {
		return err
	}
	defer sn.tx.Rollback()
	if sn.writes != m.writes {
		return nil
	}
	at := make(map[int64]int32, len(m.seq))
	for p, seq := range m.seq {
		at[seq] = int32(p)
	}
	col := &subtypeColumn{id: make([]uint16, len(m.seq))}
	for p := range col.id {
		col.id[p] = noSubtype
	}
	names := newInterner()
	// As the filter in SQL reads it.
	rows, err := sn.tx.QueryContext(ctx, `SELECT seq, json_extract(body, '$.sub_event_type') FROM events`)
	if err != nil {
		return fmt.Errorf("read sub-event types: %w", err)
	}
	defer rows.Close()
	var seq int64
	var sub sql.NullString
	for rows.Next() {
		if err := rows.Scan(&seq, &sub); err != nil {
			return fmt.Errorf("read sub-event types: %w", err)
		}
		if p, ok := at[seq]; ok && sub.Valid {
			col.id[p] = uint16(names.id([]byte(sub.String)))
			if len(names.names) >= noSubtype {
				return fmt.Errorf("more than %d sub-event types", noSubtype-1)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read sub-event types: %w", err)
	}
	var remap []uint32
	col.names, remap = names.sorted()
	for p, id := range col.id {
		if id != noSubtype {
			col.id[p] = uint16(remap[id])
		}
	}
	m.subtypes.Store(col)
	return nil
}

// stop ends background loads and waits for them.
func (mem *memory) stop() {
	mem.mu.Lock()
	cancel := mem.cancel
	mem.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	mem.wg.Wait()
}

// filterKey is what a result cached for f depends on: f but for After,
// Limit and Oldest.
func filterKey(f store.Filter) string {
	box := ""
	if f.BBox != nil {
		box = fmt.Sprint(*f.BBox)
	}
	return fmt.Sprintf("%q", []string{f.From, f.To, f.Country, f.EventType, f.Actor, f.Admin1, box, f.SubEventType, f.Text})
}
