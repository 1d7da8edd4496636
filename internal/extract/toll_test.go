package extract

import "testing"

// TestTolls checks the most conservative total of an event: parts of a
// toll are not added to it, and only the wounded make 0 dead.
func TestTolls(t *testing.T) {
	tests := []struct {
		name, text string
		want       int // -1: none
	}{
		{"including", "Air strikes killed 31 civilians including 10 children in Aleppo on Friday, rescuers said.", 31},
		{"among those killed", "Shelling killed 40 people in Douma on Monday. Seventeen children and six women were among those killed, a monitor said.", 40},
		{"wounded only", "A roadside bomb wounded four soldiers near Kandahar on Friday, officials said.", 0},
		{"groups of one source add up", "Militants killed five soldiers and three civilians in an attack on a checkpoint near Bannu on Friday, the army said.", 8},
		{"other sources' groups do not", "Fighters attacked an army post in southern Aleppo province on Friday. The group's news agency claimed its fighters killed 30 soldiers. The Observatory said at least 12 fighters from both sides were killed.", 12},
		{"one count under two names", "US air strikes killed 50 Al-Qaeda militants and eight civilians in Aleppo on Tuesday, the Syrian Observatory for Human Rights said. Most of the 50 fighters killed were foreigners, the Observatory said.", 58},
		{"relative clause of the fighting", "US troops battled militiamen in Baghdad on Tuesday in fierce fighting that killed 36 people.", 36},
		{"one dead without a number", "Israeli soldiers shot and killed a Palestinian gunman near a settlement in the southern Gaza Strip on Monday, the army said.", 1},
		{"a number of", "Air strikes killed a number of civilians in Douma near Damascus on Monday, activists said.", -1},
		{"marines", "A US military official said seven American marines were killed in a car bomb explosion near Fallujah on Monday.", 7},
		{"war toll after", "Shelling killed 11 people in Douma on Tuesday, a monitor said. Hundreds of thousands of people have been killed in the fighting.", 11},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := firstEvent(t, x, tt.text, "2016-06-04")
			got := -1
			if e.Fatalities != nil {
				got = *e.Fatalities
			}
			if got != tt.want {
				t.Errorf("fatalities %d, want %d", got, tt.want)
			}
		})
	}
}

// TestVagueTimeStaysInItsSentence checks that "last month" dates its own
// report and not the report of another place after it.
func TestVagueTimeStaysInItsSentence(t *testing.T) {
	text := "Last month two people were injured when rebels fired rocket shells on Homs. A man was injured in a rocket attack on Quneitra, state media said."
	evs := extract(t, extractor(t), text, "2016-11-07")
	var homs, quneitra string
	for _, e := range evs {
		switch e.Location {
		case "Homs":
			homs = string(e.EventDate)
		case "Al Qunayţirah":
			quneitra = string(e.EventDate)
		}
	}
	if homs == "" || quneitra == "" {
		t.Fatalf("events %v", evs)
	}
	if homs >= "2016-11-01" || quneitra < "2016-11-04" {
		t.Errorf("Homs on %s, Quneitra on %s: want October and the days before 7 November", homs, quneitra)
	}
}

// TestOfficeIsNoPlace checks that the office that speaks of an attack
// ("a source at Daraa Police Command") does not place it.
func TestOfficeIsNoPlace(t *testing.T) {
	text := "Rebels fired mortar shells on the city of Izraa in Daraa province on Sunday. A source at Daraa Police Command told SANA that the attack caused material damage but no casualties."
	evs := extract(t, extractor(t), text, "2016-11-21")
	if len(evs) != 1 || evs[0].Location != "Izra‘" {
		var got []string
		for _, e := range evs {
			got = append(got, e.Location)
		}
		t.Errorf("events at %q, want one at Izra‘", got)
	}
}

// TestUnlocatedVillages checks that villages the gazetteer lacks, named
// by their kind, are places of their own at their province's point.
func TestUnlocatedVillages(t *testing.T) {
	text := "Air strikes hit the town of Kafr Hamra in Aleppo province on Friday, killing two people. Air strikes also hit a market in the nearby town of Urem al-Kubra on Friday, killing six people."
	evs := extract(t, extractor(t), text, "2016-08-12")
	got := map[string]int{}
	for _, e := range evs {
		got[e.Location] = e.GeoPrecision
	}
	if len(evs) != 2 || got["Kafr Hamra"] != 2 || got["Urem al-Kubra"] != 2 {
		t.Errorf("locations and precisions %v, want Kafr Hamra and Urem al-Kubra at precision 2", got)
	}
}

// TestTrendIsNoEvent checks that a trend told without a day of its own
// is not an event.
func TestTrendIsNoEvent(t *testing.T) {
	for _, text := range []string{
		"Russia and the government had reduced air raids on Aleppo over the past weeks, residents said.",
		"Government forces have stepped up their attacks on Douma, activists said.",
	} {
		if evs := extract(t, extractor(t), text, "2016-10-20"); len(evs) != 0 {
			t.Errorf("%q: %d events, want none", text, len(evs))
		}
	}
}
