#!/usr/bin/env bash
# Seeds the fuzz corpora (gitignored) with the project's small test pages and a few
# corpus pages under 40 KB: libFuzzer mutates from real markup instead of from nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
for target in clean decode; do
  dir="$here/corpus/$target"
  mkdir -p "$dir"
  for f in "$root"/www/samples/*.html "$root"/tests/pages/*.html "$here"/seeds/*; do
    [ -f "$f" ] && cp "$f" "$dir/"
  done
  shared="$root/../shared/corpus/readability"
  if [ -d "$shared" ]; then
    n=0
    for f in $(ls -S -r "$shared"/*/source.html); do
      [ "$(stat -c %s "$f")" -lt 40000 ] || continue
      cp "$f" "$dir/$(basename "$(dirname "$f")").html"
      n=$((n + 1))
      [ "$n" -ge 12 ] && break
    done
  fi
done
echo "seeded: $(ls "$here/corpus/clean" | wc -l) files per target"
