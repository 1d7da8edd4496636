#!/usr/bin/env bash
# Runs every fuzz target in turn, each for FUZZTIME (default 2m). Inputs
# that fail are written to the package's testdata/fuzz/<target>, where
# `go test` replays them from then on; commit them.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-2m}
status=0
while IFS=: read -r file target; do
	pkg=./$(dirname "$file")
	echo "== $pkg $target ($fuzztime)"
	if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" 2>&1 | tail -4; then
		status=1
	fi
done < <(
	grep -rl --include='*_test.go' '^func Fuzz' internal | while read -r f; do
		grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed "s|^func |$f:|"
	done)
exit $status
