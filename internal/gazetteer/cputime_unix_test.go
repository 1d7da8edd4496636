//go:build unix

package gazetteer

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used so far. A budget in CPU
// time holds on a busy machine, where other processes stretch wall time.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
