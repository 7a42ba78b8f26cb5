#!/usr/bin/env bash
# The README's "past one machine" example, run for real: shards of JSON Lines read in parallel by
# `lexo read -` under GNU parallel, outputs concatenated; every article must come out once.
set -euo pipefail
cd "$(dirname "$0")/.."
lexo="${CARGO_TARGET_DIR:-target}/debug/lexo"
[ -x "$lexo" ] || cargo build --locked -q -p lexo-cli
command -v parallel >/dev/null || { echo "tests/parallel.sh: GNU parallel is missing (make setup installs it)"; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/shards" "$work/out"
for s in 1 2 3 4; do
  for i in $(seq 1 25); do
    printf '{"title": "Lajmi %s-%s nga Tirana", "text": "Kryeministri foli sot në Durrës për shardin %s, artikulli %s."}\n' "$s" "$i" "$s" "$i"
  done > "$work/shards/shard-$s.jsonl"
done
ls "$work"/shards/*.jsonl | parallel --will-cite -j "$(nproc)" "$lexo read - < {} > $work/out/{/.}.jsonl"
cat "$work"/out/*.jsonl > "$work/all.jsonl"
python3 - "$work/all.jsonl" <<'PY'
import json, sys
titles = [json.loads(l)["title"] for l in open(sys.argv[1], encoding="utf-8")]
want = {f"Lajmi {s}-{i} nga Tirana" for s in range(1, 5) for i in range(1, 26)}
assert len(titles) == 100 and set(titles) == want, (len(titles), want - set(titles))
print(f"tests/parallel.sh: 4 shards in parallel, {len(titles)} articles out, each once")
PY
