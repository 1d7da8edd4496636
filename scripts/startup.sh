#!/usr/bin/env bash
# Measures the start-up of `sitrep extract`: the whole process, from exec
# to exit, coding one short article. Prints each run's wall and CPU time,
# the fastest and the median wall time, and the machine's load, which
# stretches wall time on a shared machine. Usage: scripts/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/sitrep" ./cmd/sitrep
printf 'Gunmen killed five people in Kabul on Monday.\n' > "$work/one.txt"
echo "load before: $(uptime | sed 's/.*load average: //')"
for _ in $(seq "$runs"); do
	/usr/bin/time -f '%e %U %S' -o "$work/time.txt" \
		"$work/sitrep" extract --published 2025-10-14 "$work/one.txt" > /dev/null
	cat "$work/time.txt" >> "$work/times.txt"
	awk '{ printf "wall %.2f s, cpu %.2f s (user %.2f, sys %.2f)\n", $1, $2+$3, $2, $3 }' "$work/time.txt"
done
sort -n "$work/times.txt" | awk '{ w[NR] = $1 } END { printf "fastest %.2f s, median %.2f s wall over %d runs\n", w[1], w[int((NR+1)/2)], NR }'
echo "load after: $(uptime | sed 's/.*load average: //')"
