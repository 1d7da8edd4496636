package actor

// Kind is the state or public role a country's actor plays, under which
// ForCountry finds it and a bare force or public noun ("security forces",
// "villagers") names it.
type Kind string

// The kinds of a country's actors. Named groups have none.
const (
	// Military is the state's armed forces: "Military Forces of Pakistan
	// (2022-)".
	Military Kind = "military"
	// Police is the state's police forces: "Police Forces of Kenya
	// (2022-)".
	Police Kind = "police"
	// Government is the state's government and officials: "Government of
	// Afghanistan (2021-)".
	Government Kind = "government"
	// Protesters is the country's peaceful demonstrators: "Protesters
	// (Nigeria)".
	Protesters Kind = "protesters"
	// Rioters is the country's violent demonstrators and mobs: "Rioters
	// (Kenya)".
	Rioters Kind = "rioters"
	// Civilians is the country's unarmed people: "Civilians (Mali)".
	Civilians Kind = "civilians"
	// Unidentified is an armed group the text does not name: gunmen,
	// militants, "Unidentified Armed Group (Nigeria)".
	Unidentified Kind = "unidentified"
	// Communal is a local militia the text does not name: militiamen,
	// vigilantes, "Unidentified Communal Militia (Nigeria)".
	Communal Kind = "communal"
	// Rebels is the armed opposition named without its groups: "Opposition
	// Rebels (Syria)".
	Rebels Kind = "rebels"
)
