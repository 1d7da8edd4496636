package server

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/internal/store"
)

// sortFrom reads the order a request lists events in: sort names a
// column, dir is asc or desc. Dates, fatalities and sources are listed
// largest first unless dir says otherwise, text from A.
func sortFrom(q url.Values) (store.Sort, error) {
	by := store.SortKey(strings.ToLower(q.Get("sort")))
	if by == "" {
		by = store.SortDate
	}
	if !slices.Contains(store.SortKeys(), by) {
		names := make([]string, 0, len(store.SortKeys()))
		for _, k := range store.SortKeys() {
			names = append(names, string(k))
		}
		return store.Sort{}, fmt.Errorf("sort is one of %s, not %q", strings.Join(names, ", "), q.Get("sort"))
	}
	s := store.Sort{By: by, Desc: largestFirst(by)}
	switch dir := strings.ToLower(q.Get("dir")); dir {
	case "":
	case "asc":
		s.Desc = false
	case "desc":
		s.Desc = true
	default:
		return store.Sort{}, fmt.Errorf("dir is asc or desc, not %q", q.Get("dir"))
	}
	return s, nil
}

// largestFirst says whether a column is listed from its largest value
// when no direction is asked for.
func largestFirst(by store.SortKey) bool {
	return by == store.SortDate || by == store.SortFatalities || by == store.SortSources
}

// column is a heading of the dashboard's table: a link that sorts by it,
// or turns its order round when the table is sorted by it.
type column struct {
	Label string
	Href  string
	// Sorted is "ascending" or "descending" for the column the table is
	// sorted by, as aria-sort names them.
	Sorted string
}

// columns are the table's headings for a request.
func columns(q url.Values) []column {
	current, err := sortFrom(q)
	if err != nil {
		current = store.Sort{By: store.SortDate, Desc: true}
	}
	heads := []struct {
		label string
		key   store.SortKey
	}{{"Date", store.SortDate}, {"Type", store.SortType}, {"Actor 1", store.SortActor1}, {"Actor 2", store.SortActor2},
		{"Location", store.SortLocation}, {"Country", store.SortCountry}, {"Fatalities", store.SortFatalities}, {"Sources", store.SortSources}}
	out := make([]column, 0, len(heads))
	for _, h := range heads {
		link := url.Values{}
		for k, v := range q {
			link[k] = v
		}
		link.Del("cursor")
		c := column{Label: h.label}
		desc := largestFirst(h.key)
		if h.key == current.By {
			c.Sorted = map[bool]string{true: "descending", false: "ascending"}[current.Desc]
			desc = !current.Desc
		}
		link.Set("sort", string(h.key))
		link.Set("dir", map[bool]string{true: "desc", false: "asc"}[desc])
		if h.key == store.SortDate && desc {
			// The default order keeps the URL short.
			link.Del("sort")
			link.Del("dir")
		}
		c.Href = "/?" + link.Encode()
		out = append(out, c)
	}
	return out
}
