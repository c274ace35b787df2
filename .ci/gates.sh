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

# Modern pages of every type (wceb-dev, 2026): word 4-gram F1 per page type
# against reference texts, and no empty reader on an article, a thread or
# documentation. Bars a little under the figures measured when they were set
# (docs/page-types.md); trafilatura 2.3.1 scores all 0.771, forum 0.605,
# product 0.595, documentation 0.816 (../shared/eval/README.md).
if [ -f "$shared/corpus/wceb-dev/ground-truth.json" ]; then
  mkdir -p "$out/wceb"
  for f in "$shared"/corpus/wceb-dev/html/*.gz; do gunzip -c "$f" > "$out/wceb/$(basename "$f" .gz)"; done
  "$cli" --format json "$out"/wceb/*.html > "$out/wceb.jsonl" 2> "$out/wceb.err" || true
  python3 "$shared/eval/benchmark.py" "$shared/corpus/wceb-dev/ground-truth.json" "$out/wceb.jsonl" --by-type --json | head -n 1 > "$out/wceb.json"
  python3 "$shared/eval/benchmark.py" "$shared/corpus/wceb-dev/ground-truth.json" "$out/wceb.jsonl" --by-type | sed '$d'
  wceb() { python3 -c "import json; r = json.load(open('$out/wceb.json')); print(r['f1'] if '$1' == 'all' else r['by_type']['$1']['f1'])"; }
  for bar in all:0.78 article:0.94 forum:0.72 documentation:0.81 product:0.54 service:0.69 listing:0.55 collection:0.43; do
    gate "wceb-dev ${bar%%:*} F1" "$(wceb "${bar%%:*}")" "${bar#*:}"
  done
  # pages of these types under 200 characters of text: an empty reader
  empty=$(python3 - "$shared/corpus/wceb-dev/ground-truth.json" "$out/wceb.jsonl" <<'PY'
import json, os, sys
truth = json.load(open(sys.argv[1], encoding="utf-8"))
n = 0
for line in open(sys.argv[2], encoding="utf-8").read().split("\n"):
    if line.strip():
        o = json.loads(line)
        t = truth.get(os.path.basename(o["source"]).split(".")[0], {}).get("type")
        n += t in ("article", "forum", "documentation") and len(o.get("textContent") or "") < 200
print(-n)
PY
)
  gate "wceb-dev article/thread/docs pages under 200 chars (negated)" "$empty" 0
else
  echo "wceb-dev gate skipped: $shared/corpus/wceb-dev not found"
fi

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
