package server

import (
	"html/template"
	"strconv"
	"strings"
)

// tableHTML writes the rows of the dashboard's table as html/template
// wrote them from rowTemplate (table_test.go holds it), escaping alike:
// the template's escapers, called through reflection for each of a
// row's dozen fields, made rendering a page of 200 events cost more than
// reading them.
func tableHTML(rows []tableRow) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 700)
	for i := range rows {
		r := &rows[i]
		b.WriteString(`<tr data-country="`)
		escapeHTML(&b, r.ISO)
		b.WriteString("\">\n<td class=\"date\">")
		escapeHTML(&b, dates(r.DateStart, r.DateEnd))
		b.WriteString("</td>\n<td><a href=\"/events/")
		escapeURLPath(&b, r.ID)
		b.WriteString(`">`)
		if r.SubEventType != nil {
			escapeHTML(&b, *r.SubEventType)
		} else {
			escapeHTML(&b, r.Plover)
		}
		b.WriteString("</a></td>\n<td>")
		actorLink(&b, r.Actor1)
		b.WriteString("</td><td>")
		actorLink(&b, r.Actor2)
		b.WriteString("</td><td>")
		escapeHTML(&b, r.Location)
		b.WriteString("</td><td>")
		if r.Country != "" {
			b.WriteString(`<a href="/countries/`)
			escapeURLPath(&b, r.ISO)
			b.WriteString(`">`)
			escapeHTML(&b, r.Country)
			b.WriteString("</a>")
		}
		b.WriteString("</td>\n<td class=\"num\">")
		if r.Fatalities == nil {
			b.WriteString("—")
		} else {
			b.WriteString(strconv.Itoa(*r.Fatalities))
		}
		if r.Contested {
			b.WriteString(` <span class="contested" title="sources disagree">±</span>`)
		}
		b.WriteString("</td>\n<td class=\"num\">")
		b.WriteString(strconv.Itoa(len(r.Sources)))
		b.WriteString("</td>\n</tr>")
	}
	return template.HTML(b.String())
}

func actorLink(b *strings.Builder, name string) {
	if name == "" {
		return
	}
	b.WriteString(`<a href="/actors/`)
	escapeURLPath(b, name)
	b.WriteString(`">`)
	escapeHTML(b, name)
	b.WriteString("</a>")
}

// escapeHTML writes s escaped as html/template escapes text and quoted
// attribute values.
func escapeHTML(b *strings.Builder, s string) {
	from := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		b.WriteString(s[from:i])
		b.WriteString(rep)
		from = i + 1
	}
	b.WriteString(s[from:])
}

// escapeURLPath writes s as html/template writes it into the path of a
// URL in a quoted attribute: bytes other than a URL's own percent-encoded,
// then escaped as an attribute value.
func escapeURLPath(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	var u strings.Builder
	from := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			// An escape already.
			continue
		}
		u.WriteString(s[from:i])
		u.WriteByte('%')
		u.WriteByte(hex[c>>4])
		u.WriteByte(hex[c&15])
		from = i + 1
	}
	if from == 0 {
		escapeHTML(b, s)
		return
	}
	u.WriteString(s[from:])
	escapeHTML(b, u.String())
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
