package cputime

import (
	"testing"
	"time"
)

// Meter measures a benchmark's rate from where it starts, after any
// untimed warm-up.
type Meter struct {
	cpu      time.Duration
	measured bool
}

// Start starts a Meter.
func Start() Meter {
	cpu, ok := Used()
	return Meter{cpu: cpu, measured: ok}
}

// Report reports on b the n items done since m started, per second of
// wall time ("items/s") and, where the system measures it, per second of
// CPU time ("items/cpu-s"): what one core does when nothing else runs on
// it, which wall time on a shared machine does not tell.
func (m Meter) Report(b *testing.B, n int, items string) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), items+"/s")
	if cpu, _ := Used(); m.measured && cpu > m.cpu {
		b.ReportMetric(float64(n)/(cpu-m.cpu).Seconds(), items+"/cpu-s")
	}
}

// Texts benchmarks f on texts, one a turn: every text is read twice
// first, untimed, since patterns work out how to search fast only after
// some dozens of texts, so that what is timed is the steady state, not a
// share of start-up that varies with b.N. It reports texts per second of
// wall and of CPU time as "articles".
func Texts(b *testing.B, texts []string, f func(string)) {
	for range 2 {
		for _, t := range texts {
			f(t)
		}
	}
	m := Start()
	i := 0
	for b.Loop() {
		f(texts[i%len(texts)])
		i++
	}
	m.Report(b, b.N, "articles")
}
