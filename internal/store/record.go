package store

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/event"
)

// What every store writes and reads alike: event ids, the date window a
// merge searches, the folding of searched text and the cursors of its
// listings.

// EventID is stable: the same first report always gives the same id.
func EventID(docID, mentionID string) string {
	h := sha256.Sum256([]byte(docID + "/" + mentionID))
	return hex.EncodeToString(h[:8])
}

// Earliest is the first day an event that covers day may start on when no
// event spans more than span days; "" when day is not a date.
func Earliest(day string, span int) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return ""
	}
	return d.AddDate(0, 0, -span).Format(time.DateOnly)
}

// SpanDays is how many days after start end is; 0 when either is not a
// date.
func SpanDays(start, end event.Date) int {
	s, ok1 := start.Time()
	e, ok2 := end.Time()
	if !ok1 || !ok2 {
		return 0
	}
	return int(e.Sub(s).Hours() / 24)
}

// Sep joins the several values of one searched column (an event's actors,
// its texts). A search for text holding it would match across two values,
// so such searches find nothing.
const Sep = "\x1f"

// Search folds what a filter looks for as the searched columns are
// folded; text that cannot be inside one value becomes a needle nothing
// contains.
func Search(s string) string {
	if strings.Contains(s, Sep) {
		return Sep + Sep
	}
	return strings.ToLower(s)
}

// Cursor is a place in the listing order, date_start then seq.
type Cursor struct {
	DateStart string
	Seq       int64
}

func (c Cursor) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte(c.DateStart + "/" + strconv.FormatInt(c.Seq, 10)))
}

// ParseCursor reads a Cursor's String; anything else is ErrBadCursor.
func ParseCursor(s string) (Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, ErrBadCursor
	}
	date, num, ok := strings.Cut(string(b), "/")
	seq, err := strconv.ParseInt(num, 10, 64)
	if !ok || err != nil || seq < 1 {
		return Cursor{}, ErrBadCursor
	}
	// An event of unknown date sorts first, with an empty date_start.
	if _, err := time.Parse(time.DateOnly, date); err != nil && date != "" {
		return Cursor{}, ErrBadCursor
	}
	return Cursor{date, seq}, nil
}

// SortCursor is a place in a sorted listing: the sort key of the last
// event listed and its seq.
type SortCursor struct {
	Key any
	Seq int64
}

func (c SortCursor) String() string {
	b, _ := json.Marshal([]any{c.Key, c.Seq})
	return base64.RawURLEncoding.EncodeToString(b)
}

// ParseSortCursor reads a cursor of a listing sorted by a text key or a
// number one; anything else is ErrBadCursor.
func ParseSortCursor(s string, text bool) (SortCursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return SortCursor{}, ErrBadCursor
	}
	var parts []any
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	if err := d.Decode(&parts); err != nil || len(parts) != 2 {
		return SortCursor{}, ErrBadCursor
	}
	num, ok := parts[1].(json.Number)
	if !ok {
		return SortCursor{}, ErrBadCursor
	}
	seq, err := num.Int64()
	if err != nil || seq < 1 {
		return SortCursor{}, ErrBadCursor
	}
	c := SortCursor{Seq: seq}
	switch k := parts[0].(type) {
	case string:
		if !text {
			return SortCursor{}, ErrBadCursor
		}
		c.Key = k
	case json.Number:
		if text {
			return SortCursor{}, ErrBadCursor
		}
		if c.Key, err = k.Int64(); err != nil {
			return SortCursor{}, ErrBadCursor
		}
	default:
		return SortCursor{}, ErrBadCursor
	}
	return c, nil
}

// pageSize is how many events Pages asks for at a time.
const pageSize = 500

// Pages yields, in order, the events that list gives for f a page at a
// time, following each page's cursor, up to f.Limit events when it is set;
// an error of list is yielded and ends it. Stores serve All with it from
// one snapshot.
func Pages(f Filter, list func(Filter) ([]Event, string, error)) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		left := f.Limit
		for {
			page := f
			page.Limit = pageSize
			if left > 0 {
				page.Limit = min(pageSize, left)
			}
			evs, next, err := list(page)
			if err != nil {
				yield(Event{}, err)
				return
			}
			for _, e := range evs {
				if !yield(e, nil) {
					return
				}
			}
			if left > 0 {
				if left -= len(evs); left <= 0 {
					return
				}
			}
			if next == "" {
				return
			}
			f.After = next
		}
	}
}

// Grid gathers the rows of a map grid query, one per cell and kind of
// event, into cells in the order their first row came: counts and tolls
// summed, kinds counted, the point the mean of the cell's events.
type Grid struct {
	cells map[[2]int64]*gridCell
	order [][2]int64
}

type gridCell struct {
	cell       Cell
	slat, slon float64
}

// Add adds n events of kind in cell (y, x), with their fatalities and the
// sums of their latitudes and longitudes.
func (g *Grid) Add(y, x int64, kind string, n, fatalities int, sumLat, sumLon float64) {
	k := [2]int64{y, x}
	c, ok := g.cells[k]
	if !ok {
		if g.cells == nil {
			g.cells = map[[2]int64]*gridCell{}
		}
		c = &gridCell{cell: Cell{Types: map[string]int{}}}
		g.cells[k] = c
		g.order = append(g.order, k)
	}
	c.cell.Events += n
	c.cell.Fatalities += fatalities
	c.cell.Types[strings.TrimPrefix(kind, "PLOVER:")] += n
	c.slat += sumLat
	c.slon += sumLon
}

// Cells returns the cells gathered.
func (g *Grid) Cells() []Cell {
	out := make([]Cell, 0, len(g.order))
	for _, k := range g.order {
		c := g.cells[k]
		c.cell.Lat, c.cell.Lon = c.slat/float64(c.cell.Events), c.slon/float64(c.cell.Events)
		out = append(out, c.cell)
	}
	return out
}
