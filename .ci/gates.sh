#!/usr/bin/env bash
# Corpus gates: runs the release CLI over the shared development corpora and
# fails below the bars. Without ../shared (a fresh clone elsewhere) it says the
# gates were skipped and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
cli=target/release/article-cleaner
if [ ! -d "$shared/corpus" ] || [ ! -d "$shared/eval" ]; then
  echo "corpus gates skipped: $shared/corpus not found (the gates need the shared development corpora)"
  exit 0
fi
[ -x "$cli" ] || cargo build --release
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0

# gate NAME VALUE MIN: prints the figure and records a failure below the bar.
gate() {
  if python3 -c "import sys; sys.exit(0 if float('$2') >= float('$3') else 1)"; then
    echo "gate ok   $1 = $2 (bar $3)"
  else
    echo "gate FAIL $1 = $2 (bar $3)"
    fail=1
  fi
}

"$cli" --format json "$shared"/corpus/readability/*/source.html > "$out/suite.jsonl" 2> "$out/suite.err" || true
python3 "$shared/eval/score.py" readability "$shared/corpus/readability" "$out/suite.jsonl" --json > "$out/suite.out" && head -n 1 "$out/suite.out" > "$out/suite.json"
cat "$out/suite.json"; echo
gate "readability text F1" "$(python3 -c "import json; print(json.load(open('$out/suite.json'))['f1'])")" 0.95
gate "readability title match" "$(python3 -c "import json; print(json.load(open('$out/suite.json'))['title_match'])")" 0.95
gate "readability byline match" "$(python3 -c "import json; print(json.load(open('$out/suite.json'))['byline_match'])")" 0.95

"$cli" --format json "$shared"/corpus/trafilatura-dev/pages/*.html > "$out/dev.jsonl" 2> "$out/dev.err" || true
python3 "$shared/eval/score.py" annotations "$shared/corpus/trafilatura-dev/annotations.json" "$out/dev.jsonl" --json > "$out/dev.out" && head -n 1 "$out/dev.out" > "$out/dev.json"
cat "$out/dev.json"; echo
# The issue's target: 0.93 (trafilatura scores 0.929 on pages it was tuned on).
gate "annotated pages F1" "$(python3 -c "import json; print(json.load(open('$out/dev.json'))['f1'])")" 0.93

if [ -d "$shared/fixtures" ]; then
  "$cli" --format json "$shared"/fixtures/*/source.html > "$out/fx.jsonl" || true
  if python3 "$shared/fixtures/check.py" "$shared/fixtures" "$out/fx.jsonl"; then
    echo "gate ok   ad-label fixtures"
  else
    echo "gate FAIL ad-label fixtures"
    fail=1
  fi
fi
exit $fail
