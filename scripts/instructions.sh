#!/usr/bin/env bash
# Counts the machine instructions one article costs inside
# Pipeline.Process, plain text and HTML, with valgrind's callgrind.
# Unlike the benchmarks' times, the count does not move with the load on
# a shared machine, so a change of a few per cent shows in one run; it
# says nothing of caches, branches or the collector, which run outside
# Process (GOGC=off keeps the collector's assists out of the count), so
# confirm a change with scripts/bench.sh before reporting a speed-up.
#
#   scripts/instructions.sh [N]   N articles of each kind (default 100)
#
# Needs valgrind (Debian: apt-get install valgrind). Under it an article
# runs about 50 times slower, and start-up, which the count leaves out,
# takes a minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
if ! command -v valgrind >/dev/null; then
	echo "instructions.sh: valgrind is not installed (apt-get install valgrind)" >&2
	exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go test -c -o "$dir/pipeline.test" ./internal/pipeline
cd internal/pipeline
for bench in ExtractText ExtractHTML; do
	# Async preemption signals upset callgrind; the count covers only
	# calls under Process, so loading the gazetteer is not in it.
	GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind \
		--callgrind-out-file="$dir/$bench.out" \
		--toggle-collect='github.com/sitrep/sitrep/internal/pipeline.(*Pipeline).Process' \
		"$dir/pipeline.test" -test.run '^$' -test.bench "^Benchmark$bench\$" \
		-test.benchtime "${n}x" -test.cpu 1 >/dev/null 2>"$dir/$bench.log" || {
		cat "$dir/$bench.log" >&2
		exit 1
	}
	total=$(awk '/I[ ]+refs:/ {gsub(",", "", $NF); print $NF}' "$dir/$bench.log")
	printf '%-12s %12d instructions an article (%d articles)\n' "$bench" $((total / n)) "$n"
done
