package extract

import "testing"

// TestStrikeTarget: remote violence acts on the civilians of the place
// struck unless an armed side is named, or all it is told to have killed
// or wounded are armed men.
func TestStrikeTarget(t *testing.T) {
	x := extractor(t)
	for _, tt := range []struct{ text, want string }{
		{"ISLAMABAD, Oct 12 (Reuters) - Pakistani jets struck militant hideouts in North Waziristan on Sunday, killing 14 fighters, the military said.", ""},
		{"Regime warplanes struck a convoy between Deir Ezzor and Hasakeh on Wednesday, and 22 Islamic State fighters were killed, a monitor said.", "Islamic State"},
		{"Government warplanes struck the town of Saraqeb on Monday, killing 12 people, a monitor said.", "Civilians (Syria)"},
		{"Russian jets bombed the town of Saraqeb on Monday, a monitor said.", "Civilians (Syria)"},
	} {
		ev := firstEvent(t, x, tt.text, "2025-10-12")
		if ev.Actor2 != tt.want {
			t.Errorf("%q: actor2 %q, want %q", tt.text, ev.Actor2, tt.want)
		}
	}
}
