package cli

import (
	"log/slog"
	"time"

	"github.com/schollz/progressbar/v3"
)

// logEvery is how often progress is logged when stderr is not a terminal.
const logEvery = 10 * time.Second

// progress reports how far an ingest has gone: a bar with the total, the
// rate and the time left on a terminal, otherwise a log line every
// logEvery and one at the end. Call the returned stop when the work ends.
func progress(e *env, what string) (report func(done, total int, path string), stop func()) {
	if isTerminal(e.stderr) {
		var bar *progressbar.ProgressBar
		report = func(done, total int, _ string) {
			if bar == nil {
				bar = progressbar.NewOptions(total,
					progressbar.OptionSetWriter(e.stderr),
					progressbar.OptionSetDescription(what),
					progressbar.OptionShowCount(),
					progressbar.OptionShowIts(),
					progressbar.OptionSetItsString("files"),
					progressbar.OptionSetPredictTime(true),
					progressbar.OptionSetWidth(30),
					progressbar.OptionThrottle(100*time.Millisecond),
					progressbar.OptionClearOnFinish())
			}
			bar.Set(done)
		}
		return report, func() {
			if bar != nil {
				bar.Finish()
			}
		}
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	start := time.Now()
	var last time.Time
	var lastDone, lastTotal, logged int
	line := func(done, total int) {
		logged = done
		elapsed := time.Since(start)
		rate := float64(done) / max(elapsed.Seconds(), 1e-3)
		attrs := []any{"done", done, "total", total, "elapsed", elapsed.Round(time.Second), "files_per_s", float64(int(rate*10)) / 10}
		if done < total && rate > 0 {
			attrs = append(attrs, "eta", time.Duration(float64(total-done)/rate*float64(time.Second)).Round(time.Second))
		}
		log.Info(what, attrs...)
	}
	report = func(done, total int, _ string) {
		lastDone, lastTotal = done, total
		if now := time.Now(); now.Sub(last) >= logEvery {
			last = now
			line(done, total)
		}
	}
	return report, func() {
		if lastTotal > 0 && logged != lastDone {
			line(lastDone, lastTotal)
		}
	}
}
