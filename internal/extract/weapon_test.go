package extract

import "testing"

// TestWeaponTypes checks that the weapon words decide the sub-event type.
func TestWeaponTypes(t *testing.T) {
	tests := []struct {
		name, text, sub string
	}{
		{"barrel bombs", "Helicopters dropped barrel bombs on Saraqib on Monday, killing seven people, activists said.", "Air/drone strike"},
		{"barrel bomb attack", "Five people were killed in a barrel bomb attack on a market in Darayya on Sunday.", "Air/drone strike"},
		{"regime bombing", "Two children were killed in regime bombing on the town of Kafranbel on Friday.", "Air/drone strike"},
		{"possessive bombing", "The coalition's bombing of Raqqa killed nine civilians on Tuesday, state media said.", "Air/drone strike"},
		{"coalition bombing", "Coalition bombing of Mosul killed nine civilians on Tuesday, residents said.", "Air/drone strike"},
		{"suicide bombings", "At least 30 people were killed on Monday by suicide bombings that targeted a market in Homs.", "Suicide bomb"},
		{"gas in shells", "Rebels shelled the Zahra district of Aleppo on Sunday with shells that contained toxic gas, state media said.", "Chemical weapon"},
		{"poison gas", "Government forces fired rockets on Douma on Wednesday in what activists said was a poison gas attack.", "Chemical weapon"},
		{"gassing", "The opposition said government forces gassed hundreds of people in Zamalka near Damascus on Wednesday.", "Chemical weapon"},
		{"planes bombed", "U.S. planes bombed targets in Falluja on Saturday, killing two people, and the military said it had captured a militant leader.", "Air/drone strike"},
		{"convoy bombed", "Insurgents bombed a supply convoy near Baghdad on Monday, wounding three soldiers, the army said.", "Remote explosive/landmine/IED"},
		{"market bombed by jets", "Jets bombed a market in Douma on Monday, killing five people, activists said.", "Air/drone strike"},
		{"weapon in the next sentence", "Regime forces committed a massacre in Douma on Tuesday, killing 25 civilians. The victims were hit by airstrikes while trying to flee.", "Air/drone strike"},
		{"raids in the sentence before", "Air raids also continued in the countryside west of Aleppo on Tuesday. An attack on the village of Kafr Naha killed at least 12 people, the monitor said.", "Air/drone strike"},
		{"weapon of the operation told after", "At least 20 militants were killed on Thursday near Jarablus during a military operation by the Turkish army, the army said. The Turkish army hit 34 targets in three airstrikes, the statement said.", "Air/drone strike"},
		{"took an area", "YPG fighters took an area south of the city of Hasakeh from Islamic State fighters on Thursday, the monitor said.", "Non-state actor overtakes territory"},
		{"encircled", "Kurdish-led forces encircled the town of Manbij on Friday, cutting the last road out, the monitor said.", "Armed clash"},
		// Captives are unarmed: their killing is an attack on civilians.
		{"executed soldiers", "Islamic State executed 20 soldiers it had captured near Palmyra on Monday, the Observatory said.", "Attack"},
		{"beheaded captive", "Militants beheaded a captured policeman in Mosul on Saturday, police said.", "Attack"},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := firstEvent(t, x, tt.text, "2016-08-10")
			if got := deref(e.SubEventType); got != tt.sub {
				t.Errorf("sub-event %q, want %q", got, tt.sub)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestWeaponTellsEveryTelling: strikes that tell the weapon of a killing
// told twice, as a headline and its lead, type both tellings.
func TestWeaponTellsEveryTelling(t *testing.T) {
	x := extractor(t)
	text := "Turkish Army Kills 20 Militants Near Jarablus. At least 20 militants were killed on Thursday near Jarablus during a military operation by the Turkish army, the army said. The Turkish army hit 34 targets in three airstrikes, the statement said."
	evs := extract(t, x, text, "2016-06-24")
	if len(evs) == 0 {
		t.Fatal("no event")
	}
	for _, e := range evs {
		if got := deref(e.SubEventType); got != "Air/drone strike" {
			t.Errorf("%d events, one typed %q; want every one an air strike", len(evs), got)
		}
	}
}

// TestSupportingStrikes: strikes that back a ground offensive are its
// support, not an event of their own.
func TestSupportingStrikes(t *testing.T) {
	x := extractor(t)
	first := "Coalition warplanes struck Islamic State positions in Tel Abyad on Saturday, the monitor said."
	text := first + " The Kurdish forces which drove Islamic State from Kobani last month with the help of US-led air strikes had seized 70 villages."
	for _, e := range extract(t, x, text, "2016-02-27") {
		if e.Span.Start > len(first) && deref(e.SubEventType) == "Air/drone strike" {
			t.Errorf("the strikes that helped the Kurdish forces are an event at %s", e.Location)
		}
	}
}
