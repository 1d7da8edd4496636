#!/usr/bin/env bash
# Scores sitrep's ways of finding the article in a web page on the 181
# pages of the article-extraction benchmark kept beside the repository,
# with the benchmark's own evaluate.py. Arguments go to the Go program
# (see scripts/htmlbench/main.go), e.g. -extract to time the whole pipeline.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/article-extraction
if [ ! -f "$data/evaluate.py" ]; then
	echo "htmlbench: skipped: $data is not present (the benchmark is only available beside the repository)" >&2
	exit 0
fi
command -v python3 >/dev/null || { echo "htmlbench: python3 is needed to run evaluate.py" >&2; exit 1; }
uptime >&2 # speed means little on a busy machine; say how busy it was
# go-trafilatura is built in only with its tag (internal/load/trafilatura.go).
go run -tags trafilatura ./scripts/htmlbench -data "$data" "$@"
