#!/usr/bin/env bash
# Runs every fuzz target in turn, each for FUZZTIME (default 2m). Inputs
# that fail are written to the package's testdata/fuzz/<target>, where
# `go test` replays them from then on; commit them.
#
# Go 1.26's fuzz coordinator can report "context deadline exceeded" as
# the time runs out although no input failed (go.dev/issue/75804, fixed in
# Go 1.27): a run counts as failed only when it wrote a failing input.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-2m}
status=0
while IFS=: read -r file target; do
	pkg=./$(dirname "$file")
	corpus=$(dirname "$file")/testdata/fuzz/$target
	before=$(ls "$corpus" 2>/dev/null | wc -l)
	echo "== $pkg $target ($fuzztime)"
	if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" 2>&1 | tail -4; then
		if [ "$(ls "$corpus" 2>/dev/null | wc -l)" -gt "$before" ]; then
			echo "FAILED: new failing input in $corpus"
			status=1
		else
			echo "stopped without a failing input (go.dev/issue/75804)"
		fi
	fi
done < <(
	grep -rl --include='*_test.go' '^func Fuzz' internal | while read -r f; do
		grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed "s|^func |$f:|"
	done)
exit $status
