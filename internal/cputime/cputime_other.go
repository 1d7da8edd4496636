//go:build !unix

package cputime

import "time"

// Used reports that CPU time is not measured here.
func Used() (time.Duration, bool) { return 0, false }
