#!/usr/bin/env bash
# Runs sitrep's benchmarks several times and prints benchstat's table.
# Compare two commits: scripts/bench.sh 2> new.txt on each (the raw runs
# go to standard error), then
#   go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da old.txt new.txt
set -euo pipefail
cd "$(dirname "$0")/.."
count=${COUNT:-6}
out=$(mktemp)
# One core (-cpu 1): the figures are per core, the collector included.
go test -run '^$' -bench . -benchtime "${BENCHTIME:-2s}" -count "$count" -cpu 1 -benchmem \
	./internal/pipeline ./internal/gazetteer ./internal/actor | tee "$out" >&2
go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da "$out"
