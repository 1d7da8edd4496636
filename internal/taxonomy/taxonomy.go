// Package taxonomy holds the coding schemes sitrep writes: ACLED's event
// and sub-event types, and PLOVER's event types.
package taxonomy

import "slices"

// ACLED's event types, and the sub-event types rules name, spelled as in
// its codebook.
const (
	Battles                  = "Battles"
	Explosions               = "Explosions/Remote violence"
	ViolenceAgainstCivilians = "Violence against civilians"
	Protests                 = "Protests"
	Riots                    = "Riots"
	StrategicDevelopments    = "Strategic developments"

	Arrests = "Arrests"
)

// subEventTypes maps each ACLED event type to its sub-event types, as
// spelled in ACLED's codebook.
var subEventTypes = map[string][]string{
	Battles: {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
	Explosions: {"Chemical weapon", "Air/drone strike", "Suicide bomb",
		"Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
	ViolenceAgainstCivilians: {"Sexual violence", "Attack", "Abduction/forced disappearance"},
	Protests:                 {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
	Riots:                    {"Violent demonstration", "Mob violence"},
	StrategicDevelopments: {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
		"Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"},
}

// plover lists PLOVER's 16 event types.
var plover = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// EventTypes returns ACLED's six event types.
func EventTypes() []string {
	return []string{Battles, Explosions, ViolenceAgainstCivilians, Protests, Riots, StrategicDevelopments}
}

// IsEventType reports whether t is one of ACLED's event types.
func IsEventType(t string) bool { _, ok := subEventTypes[t]; return ok }

// SubEventTypes returns the sub-event types of an ACLED event type.
func SubEventTypes(eventType string) []string { return slices.Clone(subEventTypes[eventType]) }

// IsSubEventType reports whether sub belongs to eventType.
func IsSubEventType(eventType, sub string) bool {
	return slices.Contains(subEventTypes[eventType], sub)
}

// PloverTypes returns PLOVER's event types.
func PloverTypes() []string { return slices.Clone(plover) }

// IsPlover reports whether t is a PLOVER event type.
func IsPlover(t string) bool { return slices.Contains(plover, t) }
