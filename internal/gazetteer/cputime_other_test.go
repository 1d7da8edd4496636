//go:build !unix

package gazetteer

import "time"

// cpuTime reports that CPU time is not measured here; the budget then
// falls back to wall time.
func cpuTime() (time.Duration, bool) { return 0, false }
