#!/usr/bin/env bash
# Builds internal/debris/common.txt.gz, the lower-case English words that
# tell common words from names when an all-capitals wire text is given its
# case back. Source: SCOWL's American English list as Debian's wamerican
# package ships it (see DATA.md for its licence).
set -euo pipefail
cd "$(dirname "$0")/../.."
list=/usr/share/dict/american-english
if [ ! -f "$list" ]; then
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wamerican >/dev/null
fi
LC_ALL=C grep -E '^[a-z]+$' "$list" | LC_ALL=C sort -u | gzip -9n >internal/debris/common.txt.gz
echo "internal/debris/common.txt.gz: $(zcat internal/debris/common.txt.gz | wc -l) words"
