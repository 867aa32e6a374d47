#!/usr/bin/env bash
# Assembles a library folder of the whole shared corpus (laws.jsonl, the 21 real files
# and the seed) by symbolic links, for measurements on the real corpus:
#   scripts/corpus-library.sh /tmp/corpus-library
#   guifan bench ingest -library /tmp/corpus-library -index /tmp/corpus-index
set -euo pipefail
shared=${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
out=${1:?usage: scripts/corpus-library.sh OUTPUT_FOLDER}
[ -f "$shared/corpus/laws.jsonl" ] || { echo "no corpus at $shared (set SHARED)" >&2; exit 1; }
mkdir -p "$out/files"
ln -sf "$shared/corpus/laws.jsonl" "$out/laws.jsonl"
for f in "$shared"/corpus/files/*; do
  case "$f" in *.tsv) ;; *) ln -sf "$f" "$out/files/";; esac
done
ln -sf "$shared"/seeds/*.txt "$out/"
echo "$out: $(find -L "$out" -type f | wc -l) files"
