package server

import (
	"net/url"
	"strings"
	"testing"
)

func TestSortedListing(t *testing.T) {
	srv := spread(t)
	type row struct {
		Location   string
		Fatalities *int
	}
	walk := func(query string) (places []string, total int) {
		t.Helper()
		cursor := ""
		for pages := 0; pages < 10; pages++ {
			var p struct {
				Events []row
				Next   string
				Total  int
			}
			u := srv.URL + "/api/events?limit=2&" + query
			if cursor != "" {
				u += "&cursor=" + url.QueryEscape(cursor)
			}
			if code := getJSON(t, u, &p); code != 200 {
				t.Fatalf("GET %s: %d", u, code)
			}
			for _, e := range p.Events {
				places = append(places, e.Location)
			}
			if cursor = p.Next; cursor == "" {
				return places, p.Total
			}
		}
		t.Fatalf("%s: pages never end", query)
		return nil, 0
	}
	tests := []struct {
		query string
		want  string
	}{
		// Largest toll first, unknown last, ties by when stored (the
		// latest first).
		{"sort=fatalities", "El Fasher|Baidoa|Khartoum|Nairobi|Omdurman|"},
		{"sort=fatalities&dir=asc", "|Omdurman|Nairobi|Khartoum|Baidoa|El Fasher"},
		{"sort=location", "|Baidoa|El Fasher|Khartoum|Nairobi|Omdurman"},
		{"sort=LOCATION&dir=desc&country=sudan", "Omdurman|Khartoum|El Fasher|"},
		{"sort=date&dir=asc", "El Fasher|Baidoa|Nairobi||Omdurman|Khartoum"},
		{"", "Khartoum|Omdurman||Nairobi|Baidoa|El Fasher"},
	}
	for _, tt := range tests {
		places, total := walk(tt.query)
		if got := strings.Join(places, "|"); got != tt.want || total != strings.Count(tt.want, "|")+1 {
			t.Errorf("%s: %s (total %d); want %s", tt.query, got, total, tt.want)
		}
	}
	var first struct{ Next string }
	getJSON(t, srv.URL+"/api/events?limit=2", &first)
	for _, q := range []string{"sort=colour", "sort=location&dir=up", "sort=location&cursor=" + first.Next} {
		if resp, body := get(t, srv.URL+"/api/events?"+q, ""); resp.StatusCode != 400 || !strings.Contains(body, `"error"`) {
			t.Errorf("/api/events?%s: %d %s; want 400", q, resp.StatusCode, body)
		}
	}
}

func TestDashboardSortsAll(t *testing.T) {
	srv := spread(t)
	_, page := get(t, srv.URL+"/?sort=fatalities&limit=2&country=Sudan", "text/html")
	for _, want := range []string{
		// The sorted column says so and turns round when followed.
		`<th aria-sort="descending"><a href="/?country=Sudan&amp;dir=asc&amp;limit=2&amp;sort=fatalities"`,
		// Another column sorts from A; date, the default, newest first.
		`<th><a href="/?country=Sudan&amp;dir=asc&amp;limit=2&amp;sort=location"`,
		`<th><a href="/?country=Sudan&amp;limit=2"`,
		`<td class="num">10</td>`,
		`rel="next"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("sorted dashboard lacks %s", want)
		}
	}
	if strings.Contains(page, `<td class="num">0</td>`) {
		t.Error("the first page of the largest tolls shows a toll of 0")
	}
}

func TestAdmin1(t *testing.T) {
	srv := spread(t)
	var p struct{ Total int }
	if getJSON(t, srv.URL+"/api/events?admin1=KHARTOUM", &p); p.Total != 2 {
		t.Errorf("admin1=KHARTOUM: %d events, want 2", p.Total)
	}
	tests := []struct {
		query string
		want  string
	}{
		{"q=kh", "Khartoum"},
		{"q=KH", "Khartoum"},
		{"q=da", "Northern Darfur"},
		{"q=n", "Nairobi County|Northern Darfur"},
		{"q=n&country=Kenya", "Nairobi County"},
		{"q=n&country=ke", "Nairobi County"},
		// A country still being typed limits nothing.
		{"country=Ken", "Khartoum|Nairobi County|Northern Darfur|Bay"},
		{"q=zz", ""},
	}
	for _, tt := range tests {
		var got []suggestion
		getJSON(t, srv.URL+"/api/suggest?field=admin1&"+tt.query, &got)
		var names []string
		for _, s := range got {
			names = append(names, s.Value)
		}
		if strings.Join(names, "|") != tt.want {
			t.Errorf("admin1 suggestions for %s: %+v; want %s", tt.query, got, tt.want)
		}
	}
	var got []suggestion
	if getJSON(t, srv.URL+"/api/suggest?field=admin1&q=khar", &got); len(got) != 1 || got[0].Label != "Khartoum, Sudan · 2 events" {
		t.Errorf("label: %+v", got)
	}
	var ds struct {
		Divisions []division
		Matched   int
		Without   int `json:"without_division"`
	}
	getJSON(t, srv.URL+"/api/admin1", &ds)
	if len(ds.Divisions) != 4 || ds.Matched != 6 || ds.Without != 1 {
		t.Fatalf("divisions: %+v", ds)
	}
	k := ds.Divisions[0]
	if k.Name != "Khartoum" || k.ISO != "SD" || k.Country != "Sudan" || k.Events != 2 || k.Fatalities != 4 || k.Lat == nil || *k.Lat < 15 || *k.Lat > 16 {
		t.Errorf("Khartoum: %+v", k)
	}
	getJSON(t, srv.URL+"/api/admin1?type=protests", &ds)
	if len(ds.Divisions) != 1 || ds.Divisions[0].Name != "Nairobi County" || ds.Matched != 1 || ds.Without != 0 {
		t.Errorf("protests by division: %+v", ds)
	}
	resp, body := get(t, srv.URL+"/api/aggregates?by=admin1&country=SO", "")
	if resp.StatusCode != 200 || !strings.Contains(body, `"key":"SO/bay","events":1,"fatalities":7`) {
		t.Errorf("aggregates by admin1: %d %s", resp.StatusCode, body)
	}
	if titled("al anbar of the north") != "al Anbar of The North" {
		t.Errorf("titled: %q", titled("al anbar of the north"))
	}
}
