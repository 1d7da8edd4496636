#!/usr/bin/env bash
# Ingests N (default 100,000) generated articles of 3-8 KB into a new
# database and prints the time, the rate and the peak memory (maximum
# resident set size) of `sitrep ingest`.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/sitrep" ./cmd/sitrep
go run ./scripts/longnews -n "$n" -dir "$work/news"
start=$(date +%s.%N)
/usr/bin/time -v "$work/sitrep" ingest --db "$work/news.db" "$work/news" 2> "$work/time.txt" > "$work/summary.txt" || { cat "$work/time.txt"; exit 1; }
end=$(date +%s.%N)
cat "$work/summary.txt"
awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "%d articles in %.0f s: %.1f articles/s\n", n, e-s, n/(e-s) }'
grep -E 'Maximum resident set size|User time|System time' "$work/time.txt"
ls -l "$work/news.db" | awk '{ printf "database: %.0f MB\n", $5/1e6 }'
