#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""The last step of `make bench`: read the `BENCH {json}` lines every bench step printed (its
log, target/bench.log) and print one table, each of Lexo's figures beside its peer's from the
same run and as a ratio (so a noisy machine still compares), with the budgets of issue 14.
Usage: bench_summary.py LOG"""
import json, sys

figures = {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if line.startswith("BENCH "):
        f = json.loads(line[6:])
        figures[f.pop("key")] = f

def ms(key):
    return figures.get(key, {}).get("ms")

rows = []

def ratio(what, lexo_key, peer_key, peer_name, at_least=None):
    lexo, peer = ms(lexo_key), ms(peer_key)
    if lexo is None or peer is None:
        rows.append((what, "—" if lexo is None else f"{lexo:.2f} ms", peer_name, "not run", "", ""))
        return
    r = peer / lexo
    budget = f"≥ {at_least}×" if at_least else ""
    verdict = ("met" if r >= at_least else f"missed by {at_least / r:.2f}×") if at_least else ""
    rows.append((what, f"{lexo:.2f} ms", f"{peer_name} {peer:.2f} ms", f"{r:.2f}×", budget, verdict))

def within(what, key, budget_ms):
    v = ms(key)
    if v is None:
        rows.append((what, "—", "", "not run", f"≤ {budget_ms} ms", ""))
        return
    words = figures[key].get("words")
    rows.append((f"{what} ({words} words)", f"{v:.1f} ms", "budget", f"{budget_ms / v:.1f}× inside" if v <= budget_ms else f"{v / budget_ms:.2f}× over", f"≤ {budget_ms} ms", "met" if v <= budget_ms else "missed"))

for s, label in (("extraction-bench", "bench"), ("extraction-wcxb", "WCXB")):
    ratio(f"extraction natively, {label} (ms/page)", f"extract.native.{s}", f"extract.readability-node.{s}", "Readability.js + linkedom, node", 5)
    ratio(f"extraction in Chromium (reader module), {label}", f"extract.chromium.{s}", f"extract.readability-node.{s}", "Readability.js + linkedom, node", 3)
    ratio(f"extraction in Chromium (reader module), {label}", f"extract.chromium.{s}", f"extract.readability-chromium.{s}", "Readability.js on Chromium's DOMParser")
    ratio(f"extraction natively, {label}", f"extract.native.{s}", f"extract.trafilatura.{s}", "trafilatura, Python")
    ratio(f"whole read natively (+ language, entities), {label}", f"read.native.{s}", f"extract.readability-node.{s}", "Readability.js + linkedom, node")
    ratio(f"whole read in Chromium (engine worker), {label}", f"read.chromium.{s}", f"extract.readability-node.{s}", "Readability.js + linkedom, node")
ratio("entity tagging natively, 2,000 words", "tag.native.article", "tag.compromise-node.article", "compromise.js, node")
ratio("dropped → tagged and on screen in Chromium, 2,000 words", "drop.chromium.article", "tag.compromise-chromium.article", "compromise.js tagging alone, same Chromium")
within("dropped → on screen in Chromium, the seed", "drop.chromium.seed", 50)
within("dropped → on screen in Chromium, long", "drop.chromium.long", 200)
visit = figures.get("visit")
if visit:
    for what, v, budget in (("first visit: page usable after (KB gzip)", visit["usable_kb"], 300), ("first visit: all before any language data (KB gzip)", visit["total_kb"], 500)):
        rows.append((what, f"{v:.1f} KB", "budget", f"{budget - v:.1f} KB to spare" if v <= budget else f"{v - budget:.1f} KB over", f"≤ {budget} KB", "met" if v <= budget else "missed"))
    rows.append(("first visit: interactive", f"{visit['interactive_ms']} ms", "", "", "", ""))
chars = figures.get("tag.native.corpus", {}).get("mchars_s")
art = figures.get("tag.native.article")
peer = ms("tag.compromise-node.article")
if chars and art and peer:
    rows.append(("entity tagging throughput natively", f"{chars:.2f} M chars/s", f"compromise.js, node {art['chars'] / peer / 1000:.2f} M chars/s", f"{chars / (art['chars'] / peer / 1000):.2f}×", "", ""))

print()
print("| figure | Lexo | peer (same run) | ratio | budget | |")
print("|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
