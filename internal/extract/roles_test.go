package extract

import (
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/pattern"
	"github.com/sitrep/sitrep/internal/taxonomy"
)

// TestRemoteViolenceRoles checks who strikes and who is struck in reports
// of shelling and air strikes told the ways wire copy and state media tell
// them.
func TestRemoteViolenceRoles(t *testing.T) {
	tests := []struct {
		name, text     string
		actor1, actor2 string // a prefix of the name; "" for none wanted
	}{
		// Civilians harmed by remote violence are its second actor,
		// killed or only wounded, named before or after the trigger.
		{"wounded citizens", "Four citizens were injured in rocket attacks by militants on the Salhiyeh district of Homs on Monday, police said.",
			"", "Civilians"},
		{"people killed by shelling", "Shelling by rebels on the town of Mhardeh killed nine people including three children on Tuesday, state media said.",
			"", "Civilians"},
		{"victims before trigger", "Eleven civilians including two women were also killed in rocket attacks on Douma on Sunday, the monitor said.",
			"", "Civilians"},
		{"victims before trigger not the doer", "Twelve civilians including five children were also killed in Russian air strikes on Saraqeb on Friday, the monitor reported.",
			"Military Forces of Russia", "Civilians"},
		// A group in an apposition before a passive of harm is struck.
		{"leader of a group was killed", "Hashem al-Sheikh, leader of the rebel group Ahrar al-Sham, was killed on Tuesday in a suicide bombing in Idlib.",
			"", "Ahrar al-Sham"},
		// The word that qualifies the weapon names the state's forces.
		{"regime missiles", "Six people were killed in regime missile attacks on Douma near Damascus on Thursday, activists said.",
			"Military Forces of Syria", "Civilians"},
		{"government barrel bombs", "Seven others were killed in government barrel bombs on Douma near Damascus on Monday, the monitor said.",
			"Military Forces of Syria", ""},
		// A government that fires is coded as its forces.
		{"regime airstrike", "Three children were killed on Saturday in a Syrian regime airstrike on the city of Rastan in Homs province, activists said.",
			"Military Forces of Syria", "Civilians"},
		// An air strike whose air force goes unnamed is the struck
		// country's military; a shelling's doer stays unknown.
		{"unnamed air strike", "Air strikes on the town of Saraqeb killed 11 civilians on Tuesday, the monitor said.",
			"Military Forces of Syria", "Civilians"},
		// A date line left inside a line places the report; the capital
		// named there is no government acting.
		{"shouted date line", "Rescuers carry a wounded woman (AP photo) BEIRUT Air strikes on a market in Idlib killed at least 21 civilians on Sunday.",
			"Military Forces of Syria", "Civilians"},
		// A group that holds a place is not a party to what happens there.
		{"holder named after the place", "Fourteen civilians were killed in air strikes on Mayadin in eastern Syria held by Islamic State on Monday, the monitor said.",
			"", "Civilians"},
		{"holder of a place", "Air strikes on a market in the Islamic State-held town of Mayadin killed 14 civilians on Monday, the monitor said.",
			"", "Civilians"},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := firstEvent(t, x, tt.text, "2016-08-10")
			if deref(e.EventType) != taxonomy.Explosions {
				t.Fatalf("event type %q, want %q", deref(e.EventType), taxonomy.Explosions)
			}
			if tt.actor1 != "" && !strings.HasPrefix(e.Actor1, tt.actor1) {
				t.Errorf("actor1 %q, want %q", e.Actor1, tt.actor1)
			}
			if strings.HasPrefix(e.Actor1, "Civilians") || strings.HasPrefix(e.Actor1, "Islamic State") {
				t.Errorf("actor1 %q: victims and holders of the place are not the doer", e.Actor1)
			}
			if tt.actor2 != "" && !strings.HasPrefix(e.Actor2, tt.actor2) {
				t.Errorf("actor2 %q, want %q", e.Actor2, tt.actor2)
			}
		})
	}
}

// TestSyrianGroups checks that the armed groups of Syria's war are known
// under the names wire copy gives them, and come out under ACLED's.
func TestSyrianGroups(t *testing.T) {
	tests := []struct{ text, actor1 string }{
		{"Nusra Front fighters attacked an army checkpoint near Idlib on Sunday, killing six soldiers.", "Jabhat al-Nusra"},
		{"Fateh al-Sham fighters attacked an army post near Aleppo on Sunday, killing four soldiers.", "Jabhat al-Nusra"},
		{"Free Syrian Army rebels attacked an army post near Daraa on Sunday, killing four soldiers.", "Free Syrian Army"},
		{"Faylaq al-Rahman fighters attacked an army post near Harasta on Sunday, killing four soldiers.", "Faylaq al-Rahman"},
		{"Jaish al-Fatah fighters attacked an army post near Idlib on Sunday, killing four soldiers.", "Jaish al-Fatah"},
		// A bare force takes the group it is said to be tied to.
		{"Gunmen affiliated to Jabhat al-Nusra attacked an army post near Daraa on Sunday, killing four soldiers.", "Jabhat al-Nusra"},
		{"Fighters loyal to Faylaq al-Rahman attacked an army post near Harasta on Sunday, killing four soldiers.", "Faylaq al-Rahman"},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.actor1, func(t *testing.T) {
			e := firstEvent(t, x, tt.text, "2016-08-10")
			if e.Actor1 != tt.actor1 {
				t.Errorf("actor1 %q, want %q", e.Actor1, tt.actor1)
			}
		})
	}
}

// TestCiviliansInClashes checks that civilians caught in a clash are
// neither its side nor turn it into an attack on civilians.
func TestCiviliansInClashes(t *testing.T) {
	x := extractor(t)
	text := "Four civilians were killed on Sunday in clashes between Syrian troops and rebels in the town of Jobar near Damascus, the monitor said."
	e := firstEvent(t, x, text, "2016-08-10")
	if deref(e.EventType) != taxonomy.Battles {
		t.Fatalf("event type %q, want %q", deref(e.EventType), taxonomy.Battles)
	}
	if strings.HasPrefix(e.Actor1, "Civilians") || strings.HasPrefix(e.Actor2, "Civilians") {
		t.Errorf("actors %q and %q: civilians caught in a clash are no side of it", e.Actor1, e.Actor2)
	}
}

// TestDatelineIsNoActor checks that the city a report was filed from, run
// into its first sentence, is not taken for its government.
func TestDatelineIsNoActor(t *testing.T) {
	x := extractor(t)
	for _, text := range []string{
		"BEIRUT Syrian government air strikes killed at least five civilians in Douma near Damascus on Thursday, a monitor said.",
		"Beirut Syrian government air strikes on Tuesday killed at least 30 people in Saraqeb in Idlib province, a monitor said.",
	} {
		e := firstEvent(t, x, text, "2016-08-10")
		if !strings.HasPrefix(e.Actor1, "Military Forces of Syria") {
			t.Errorf("%q: actor1 %q, want the Syrian military", text[:20], e.Actor1)
		}
	}
}

// TestReciprocalSides checks that the two subjects of "clashed" or
// "battled" are the two sides, and that two subjects of "attacked" are
// one side.
func TestReciprocalSides(t *testing.T) {
	tests := []struct{ text, actor1, actor2 string }{
		{"US forces and the Mahdi Army battled in Baghdad on Saturday.", "Military Forces of the United States", "Mahdi Army"},
		{"Hamas and Palestinian Islamic Jihad attacked an Israeli army post near Gaza City on Saturday.", "Hamas", "Military Forces of Israel"},
	}
	x := extractor(t)
	for _, tt := range tests {
		e := firstEvent(t, x, tt.text, "2004-08-29")
		if !strings.HasPrefix(e.Actor1, tt.actor1) || !strings.HasPrefix(e.Actor2, tt.actor2) {
			t.Errorf("%q: sides %q and %q, want %q and %q", tt.text, e.Actor1, e.Actor2, tt.actor1, tt.actor2)
		}
	}
}

// TestSortRoles holds sortRoles to sort.Slice, which it calls on all but
// roles already in order.
func TestSortRoles(t *testing.T) {
	for _, starts := range [][]int{
		nil, {5}, {1, 2, 3}, {3, 2, 1}, {1, 1, 2}, {2, 1, 1, 0},
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14},
		{14, 3, 3, 3, 9, 1, 0, 3, 12, 5, 5, 2, 8, 7, 6, 3},
	} {
		got, want := make([]*role, len(starts)), make([]*role, len(starts))
		for i, s := range starts {
			r := &role{Span: event.Span{Start: s, End: s + 1}, Text: strconv.Itoa(i)}
			got[i], want[i] = r, r
		}
		sortRoles(got)
		sort.Slice(want, func(i, j int) bool { return want[i].Start < want[j].Start })
		if !slices.Equal(got, want) {
			t.Errorf("sortRoles of starts %v: not the order sort.Slice gives", starts)
		}
		// Triggers, as dropOverlaps sorts them, values not pointers.
		gotT, wantT := make([]Trigger, len(starts)), make([]Trigger, len(starts))
		for i, s := range starts {
			gotT[i] = Trigger{Span: event.Span{Start: s, End: s + 1}, Text: strconv.Itoa(i)}
			wantT[i] = gotT[i]
		}
		sortByStart(gotT, func(t *Trigger) int { return t.Start })
		sort.Slice(wantT, func(i, j int) bool { return wantT[i].Start < wantT[j].Start })
		if !reflect.DeepEqual(gotT, wantT) {
			t.Errorf("sortByStart of triggers of starts %v: not the order sort.Slice gives", starts)
		}
	}
}

// TestEndsWithPreposition holds endsWithPreposition to its definition:
// a locative preposition, case folded, at the end of the word and at a
// word boundary.
func TestEndsWithPreposition(t *testing.T) {
	spec := func(word string) bool {
		for _, p := range locativePrepositions {
			if b := len(word) - len(p); b >= 0 && strings.EqualFold(word[b:], p) && (b == 0 || !pattern.IsWordByte(word[b-1])) {
				return true
			}
		}
		return false
	}
	hits := 0
	for _, w := range []string{"", "in", "IN", "(in", "within", "x-in", "_in", "9in", "near", "nEaR", "outside", "out\u017fide", "\u00e9in", "i", "n", "on", "into"} {
		want := spec(w)
		if got := endsWithPreposition(w); got != want {
			t.Errorf("endsWithPreposition(%q) = %v, want %v", w, got, want)
		}
		if want {
			hits++
		}
	}
	if hits < 5 {
		t.Errorf("only %d hits: the cases prove little", hits)
	}
}
