package text

import (
	"strconv"
	"testing"
)

// TestWordMap holds a WordMap to Go's map, on words that share their
// first, middle and last bytes and length, and so their hash.
func TestWordMap(t *testing.T) {
	var keys []string
	var vals []int
	want := map[string]int{}
	for i := range 300 {
		k := "w" + strconv.Itoa(1000+i) + "x" // w1000x ... w1299x: few hashes
		keys, vals = append(keys, k), append(vals, i)
		want[k] = i
	}
	keys, vals = append(keys, "a"), append(vals, -1)
	want["a"] = -1
	m := NewWordMap(keys, vals)
	for _, k := range append(keys, "", "b", "w1300x", "w100x", "A") {
		got, ok := m.Get(k)
		w, wok := want[k]
		if got != w || ok != wok {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", k, got, ok, w, wok)
		}
	}
	var empty *WordMap[int]
	if v, ok := empty.Get("a"); v != 0 || ok {
		t.Errorf("nil WordMap: Get = %d, %v", v, ok)
	}
	if v, ok := NewWordMap[int](nil, nil).Get("a"); v != 0 || ok {
		t.Errorf("empty WordMap: Get = %d, %v", v, ok)
	}
}
