package taxonomy

import "testing"

// TestNamedTypes holds the named types to the codebook's spelling.
func TestNamedTypes(t *testing.T) {
	for _, typ := range []string{Battles, Explosions, ViolenceAgainstCivilians, Protests, Riots, StrategicDevelopments} {
		if !IsEventType(typ) {
			t.Errorf("%q is not an ACLED event type", typ)
		}
	}
	if len(EventTypes()) != 6 {
		t.Errorf("%d event types, want 6", len(EventTypes()))
	}
	if !IsSubEventType(StrategicDevelopments, Arrests) {
		t.Errorf("%q is not a sub-event type of %q", Arrests, StrategicDevelopments)
	}
}
