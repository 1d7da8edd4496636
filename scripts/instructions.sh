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
# A pattern works out how to search fast only after its 64th text, which
# for the rarer patterns comes a few hundred articles in, and the count
# takes in the 320 articles the benchmarks read before they time: each
# kind is counted twice, timing 200 articles and 200+N, and the
# difference is the steady state of N articles (the articles differ in
# length, so compare builds at the same N). Needs valgrind (Debian: apt-get install
# valgrind). Under it an article runs about 50 times slower, and
# start-up, which the count leaves out, takes a minute or two.
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

# count BENCH ARTICLES prints the instructions counted under Process.
count() {
	local log="$dir/$1-$2.log"
	# Valgrind now and then stops on an instruction of the system's
	# clock it does not know: try again.
	for _ in 1 2 3; do
		# Async preemption signals upset callgrind; the count covers
		# only calls under Process, so loading the gazetteer is not in it.
		if GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind \
			--callgrind-out-file="$dir/$1.out" \
			--toggle-collect='github.com/sitrep/sitrep/internal/pipeline.(*Pipeline).Process' \
			"$dir/pipeline.test" -test.run '^$' -test.bench "^Benchmark$1\$" \
			-test.benchtime "$2x" -test.cpu 1 >/dev/null 2>"$log"; then
			awk '/I[ ]+refs:/ {gsub(",", "", $NF); print $NF}' "$log"
			return
		fi
	done
	cat "$log" >&2
	exit 1
}

for bench in ExtractText ExtractHTML; do
	before=$(count "$bench" 200)
	after=$(count "$bench" $((200 + n)))
	printf '%-12s %12d instructions an article (articles 200 to %d)\n' "$bench" $(((after - before) / n)) $((200 + n))
done
