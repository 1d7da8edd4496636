package server

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

// rowTemplate is how the dashboard's table wrote its rows with
// html/template, which tableHTML must write alike.
const rowTemplate = `{{range .}}<tr data-country="{{.ISO}}">
<td class="date">{{dates .DateStart .DateEnd}}</td>
<td><a href="/events/{{.ID}}">{{deref .SubEventType}}{{if not .SubEventType}}{{.Plover}}{{end}}</a></td>
<td>{{with .Actor1}}<a href="/actors/{{.}}">{{.}}</a>{{end}}</td><td>{{with .Actor2}}<a href="/actors/{{.}}">{{.}}</a>{{end}}</td><td>{{.Location}}</td><td>{{if .Country}}<a href="/countries/{{.ISO}}">{{.Country}}</a>{{end}}</td>
<td class="num">{{intp .Fatalities}}{{if .Contested}} <span class="contested" title="sources disagree">±</span>{{end}}</td>
<td class="num">{{len .Sources}}</td>
</tr>{{end}}`

// TestTableAsTemplate checks that tableHTML writes what the template
// wrote, for names full of what HTML and URLs escape.
func TestTableAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("rows").Funcs(pageFuncs()).Parse(rowTemplate))
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "aZ09 -._~!#$&*+,/:;=?@[]%\"'<>()\x00\t\né—±\xff{}|\\^`"
	word := func() string {
		var b strings.Builder
		for range r.IntN(12) {
			if r.IntN(3) == 0 {
				b.WriteString([]string{"Al Shabaab", "Town 60", "Côte d'Ivoire", "<b>", "&amp;", "a+b", "50%", "%41", "%4", "%zZ", "%a"}[r.IntN(11)])
				continue
			}
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	rows := []tableRow{{}, {ID: "9a8ac88ff1bfa684", ISO: "SO", Country: "Somalia", Actor1: "Al Shabaab", SubEventType: event.Str(""), Plover: "ASSAULT",
		DateStart: "2025-04-07", DateEnd: "2025-04-09", Fatalities: intp(0), Contested: true, Sources: make([]struct{}, 3)}}
	for range 3000 {
		row := tableRow{ID: word(), ISO: word(), Country: word(), Location: word(), Actor1: word(), Actor2: word(), Plover: word(),
			DateStart: event.Date(word()), DateEnd: event.Date(word()), Contested: r.IntN(2) == 0, Sources: make([]struct{}, r.IntN(3))}
		if r.IntN(2) == 0 {
			row.SubEventType = event.Str(word())
		}
		if r.IntN(2) == 0 {
			row.Fatalities = intp(r.IntN(100))
		}
		rows = append(rows, row)
	}
	for i := range rows {
		var want strings.Builder
		if err := tmpl.Execute(&want, rows[i:i+1]); err != nil {
			t.Fatal(err)
		}
		if got := string(tableHTML(rows[i : i+1])); got != want.String() {
			t.Fatalf("row %+v:\n%s\nnot as the template wrote it:\n%s", rows[i], got, want.String())
		}
	}
	var want strings.Builder
	tmpl.Execute(&want, rows)
	if got := string(tableHTML(rows)); got != want.String() {
		t.Error("the rows together differ from the template's")
	}
}
