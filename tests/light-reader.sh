#!/usr/bin/env bash
# The web engine reads plain text and JSON with lexo-core built without `all-formats` and hands
# every other file to its reader module. This checks that split on the fixtures, the fuzz seeds,
# a few hand-made cases and the project's hostile corpus: the light build must read each file
# exactly as the full build does (same articles, same error) or decline it, never differ.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cases"
python3 tools/make_hostile_corpus.py "$work/hostile" >/dev/null 2>&1
python3 - "$work/cases" <<'PY'
import json, sys, os
d = sys.argv[1]
def put(name, data):
    open(os.path.join(d, name), "wb").write(data if isinstance(data, bytes) else data.encode("utf-8"))
put("html-body.json", json.dumps({"title": "Lajm", "text": "<p>Kryeministri foli në <b>Tiranë</b>.</p>"}))
put("html-lines.jsonl", "\n".join(json.dumps({"title": f"L{i}", "text": "<p>Një paragraf.</p>" if i == 1 else "Tekst i thjeshtë."}) for i in range(3)))
put("plain-lines.jsonl", "\n".join(json.dumps({"title": f"L{i}", "text": "Tekst në Durrës."}) for i in range(3)))
put("broken.json", '{"title": "A", "text": ')
put("utf16.txt", b"\xff\xfe" + "Shqipëria është e bukur.\n\nParagrafi i dytë.".encode("utf-16-le"))
put("cp1251.txt", "Правительство заявило, что примет новые меры поддержки.".encode("cp1251"))
put("page.txt", "<!DOCTYPE html><html><body><p>Një faqe.</p></body></html>")
put("notes.md", "# Titulli\n\nNjë paragraf me **theks**.\n")
put("front.txt", "---\ntitle: T\n---\n\n# Hello\n")
PY
inputs=(crates/lexo-core/tests/fixtures crates/lexo-core/fuzz/seeds/pipeline "$work/cases" "$work/hostile")
cargo run --locked -q -p lexo-light-reader-check -- "${inputs[@]}" > "$work/light.tsv"
cargo run --locked -q -p lexo-light-reader-check --features full -- "${inputs[@]}" > "$work/full.tsv"
python3 - "$work/light.tsv" "$work/full.tsv" <<'PY'
import sys
read = lambda p: dict(l.rstrip("\n").split("\t", 1) for l in open(p, encoding="utf-8"))
light, full = read(sys.argv[1]), read(sys.argv[2])
assert light.keys() == full.keys(), "the two builds saw different files"
bad = [p for p in light if light[p] != "DECLINED" and light[p] != full[p]]
assert not bad, "the light reader differs from the full one on: " + ", ".join(bad)
assert not any(v == "DECLINED" for v in full.values()), "the full build declined a file"
declined = sum(v == "DECLINED" for v in light.values())
print(f"tests/light-reader.sh: {len(light)} files; the light reader read {len(light) - declined} exactly as the full one and left {declined} to the reader module")
PY
