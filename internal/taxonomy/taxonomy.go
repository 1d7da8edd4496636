// Package taxonomy holds the coding schemes sitrep writes: ACLED's event
// and sub-event types, and PLOVER's event types.
package taxonomy

import "slices"

// ACLED's event types, spelled as in its codebook.
const (
	Battles                  = "Battles"
	Explosions               = "Explosions/Remote violence"
	ViolenceAgainstCivilians = "Violence against civilians"
	Protests                 = "Protests"
	Riots                    = "Riots"
	StrategicDevelopments    = "Strategic developments"
)

// ACLED's sub-event types, spelled as in its codebook, under their event
// types.
const (
	ArmedClash                      = "Armed clash"
	GovernmentRegainsTerritory      = "Government regains territory"
	NonStateActorOvertakesTerritory = "Non-state actor overtakes territory"

	ChemicalWeapon  = "Chemical weapon"
	AirDroneStrike  = "Air/drone strike"
	SuicideBomb     = "Suicide bomb"
	Shelling        = "Shelling/artillery/missile attack"
	RemoteExplosive = "Remote explosive/landmine/IED"
	Grenade         = "Grenade"

	SexualViolence = "Sexual violence"
	Attack         = "Attack"
	Abduction      = "Abduction/forced disappearance"

	PeacefulProtest         = "Peaceful protest"
	ProtestWithIntervention = "Protest with intervention"
	ExcessiveForce          = "Excessive force against protesters"

	ViolentDemonstration = "Violent demonstration"
	MobViolence          = "Mob violence"

	Agreement           = "Agreement"
	Arrests             = "Arrests"
	ChangeToGroup       = "Change to group/activity"
	DisruptedWeaponsUse = "Disrupted weapons use"
	BaseEstablished     = "Headquarters or base established"
	Looting             = "Looting/property destruction"
	NonViolentTransfer  = "Non-violent transfer of territory"
	OtherDevelopment    = "Other"
)

// subEventTypes maps each ACLED event type to its sub-event types, as
// spelled in ACLED's codebook.
var subEventTypes = map[string][]string{
	Battles:                  {ArmedClash, GovernmentRegainsTerritory, NonStateActorOvertakesTerritory},
	Explosions:               {ChemicalWeapon, AirDroneStrike, SuicideBomb, Shelling, RemoteExplosive, Grenade},
	ViolenceAgainstCivilians: {SexualViolence, Attack, Abduction},
	Protests:                 {PeacefulProtest, ProtestWithIntervention, ExcessiveForce},
	Riots:                    {ViolentDemonstration, MobViolence},
	StrategicDevelopments: {Agreement, Arrests, ChangeToGroup, DisruptedWeaponsUse, BaseEstablished,
		Looting, NonViolentTransfer, OtherDevelopment},
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
