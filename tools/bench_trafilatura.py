#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Extraction peer for `make bench`: trafilatura (PyPI, installed by `make bench` into
.tools/py where it installs) on the same pages as `lexo eval-extraction`, ms per page (parse +
extract, default settings, as a Python tool would use it). Prints numbers and `BENCH {json}`
lines; asserts nothing. Reads ../shared (or $LEXO_SHARED) and says so when it is absent."""
import gzip, json, os, sys, time

try:
    import trafilatura
except ImportError as e:
    print(f"trafilatura: skipped (not installed here: {e})")
    sys.exit(0)

data = os.path.join(os.environ.get("LEXO_SHARED", "../shared"), "data")
for bench in ("extraction-bench", "extraction-wcxb"):
    d = os.path.join(data, bench, "html")
    if not os.path.isdir(d):
        print(f"trafilatura: skipped {bench} ({d} not found)")
        continue
    pages = [gzip.open(os.path.join(d, f)).read().decode("utf-8", "replace") for f in sorted(os.listdir(d)) if f.endswith(".html.gz")]
    t0 = time.perf_counter()
    for html in pages:
        try:
            trafilatura.extract(html)
        except Exception:  # a page it cannot read
            pass
    ms = (time.perf_counter() - t0) * 1000 / len(pages)
    print(f"trafilatura {trafilatura.__version__} (Python {sys.version.split()[0]}): {bench} {len(pages)} pages, {ms:.2f} ms/page")
    print("BENCH " + json.dumps({"key": f"extract.trafilatura.{bench}", "ms": ms, "pages": len(pages)}))
