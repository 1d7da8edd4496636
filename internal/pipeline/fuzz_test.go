package pipeline

import (
	"context"
	"testing"
	"unicode/utf8"
)

// FuzzProcess runs arbitrary input through the whole pipeline, wire
// datelines and every extractor included: no panic, and every span and
// quote of the result lies in the clean text.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"MAIDUGURI, March 2 (SMN) — Gunmen killed at least 12 villagers near Bama in Borno State late on Friday, a local official said.",
		"KABUL, Oct 12 -- Afghan forces said 58 Pakistani soldiers were killed in overnight border clashes; Pakistan said 23 of its troops died.",
		"<html><body><article><p>ISLAMABAD — Two people were killed and 11 wounded when a bomb exploded in a market on Tuesday, police said.</p></article></body></html>",
		"date 2025-10-14\n\nDozens were killed last week, officials claimed, though the figure could not be verified.",
		"12 Jul 2016 Rebels fight back in Syrias Aleppo. Regime #39;s air strikes killed 13 civilians on Monday &amp; rebels shelled a district, the Observatory said.",
		"   SAN SALVADOR, 3 JAN 90 -- [TEXT] TERRORISTS OF THE FMLN KILLED 5 SOLDIERS IN\nSAN MIGUEL DEPARTMENT YESTERDAY, THE ARMED FORCES PRESS COMMITTEE\nREPORTED.  THE ATTACK TOOK PLACE AT DAWN NEAR THE TOWN OF USULUTAN, SOURCES\nSAID.\n",
	} {
		f.Add([]byte(s))
	}
	p := pipe(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := p.Process(context.Background(), data, Options{})
		if err != nil {
			return
		}
		text := res.Document.Text
		if !utf8.ValidString(text) {
			t.Fatal("clean text is not UTF-8")
		}
		for _, ev := range res.Events {
			if !ev.Span.Valid(len(text)) {
				t.Fatalf("event %s: span %+v outside a text of %d bytes", ev.ID, ev.Span, len(text))
			}
			for _, e := range ev.Evidence {
				if !e.Span.Valid(len(text)) || text[e.Start:e.End] != e.Text {
					t.Fatalf("event %s: evidence %+v does not quote the text", ev.ID, e)
				}
			}
			for _, c := range ev.Claims {
				if !c.Span.Valid(len(text)) {
					t.Fatalf("event %s: claim %+v outside the text", ev.ID, c)
				}
			}
		}
	})
}
