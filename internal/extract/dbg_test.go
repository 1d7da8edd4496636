package extract

import (
	"context"
	"github.com/sitrep/sitrep/internal/actor"
	"github.com/sitrep/sitrep/internal/gazetteer"
	"github.com/sitrep/sitrep/internal/load"
	"os"
	"testing"
	"time"
)

func TestDbg(t *testing.T) {
	g, _ := gazetteer.Load()
	d, _ := actor.Load()
	x := New(g, d)
	b, _ := os.ReadFile(os.Getenv("F"))
	doc, _ := load.Load(context.Background(), b, load.Options{})
	pub, _ := time.Parse(time.DateOnly, doc.Published)
	a := x.analyse(doc, pub)
	for _, m := range a.mentions() {
		pl := ""
		if m.place != nil {
			pl = m.place.Place.Name
		}
		t.Logf("%q %s/%s a1=%q a2=%q place=%s own=%v time=%v own=%v claims=%d", m.trig.Text, m.typ, m.sub, m.actor1.name(), m.actor2.name(), pl, m.ownPlace, m.when.Start.Format("01-02"), m.ownTime, len(m.claims))
	}
}
