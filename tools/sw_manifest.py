#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Trunk post-build hook (after csp_hash.py): write the list of the page's files and a version
(a hash of their contents) into sw.js, so the service worker caches exactly this build and a
new build replaces it. Language data (word lists in lexicons/, tagger models in models/) is
left out: the worker fetches it when the first article that needs it arrives, and the service
worker caches it then, so a first visit downloads no language data. So is the reader module
(lexo-reader*: HTML, Markdown, DOCX, EPUB, gzip, legacy encodings), fetched and cached the
first time such a file is opened.

Trunk runs it with TRUNK_STAGING_DIR set; by hand: sw_manifest.py DIST_DIR."""
import hashlib, json, os, sys

root = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
sw_path = os.path.join(root, "sw.js")
sw = open(sw_path, encoding="utf-8").read()
if "__LEXO_ASSETS__" not in sw:
    sys.exit("sw_manifest.py: no __LEXO_ASSETS__ placeholder in %s" % sw_path)
assets, digest = ["./"], hashlib.sha256()
for dirpath, _, names in sorted(os.walk(root)):
    for name in sorted(names):
        path = os.path.join(dirpath, name)
        rel = os.path.relpath(path, root).replace(os.sep, "/")
        if rel == "sw.js":
            continue
        # Every file is in the version (a new word list, model or reader replaces the cached
        # one). Language data and the reader module are cached when first fetched, not
        # precached; index.html is the page "./" already caches (else it is fetched twice).
        digest.update(rel.encode() + b"\0" + open(path, "rb").read())
        if rel != "index.html" and not rel.startswith(("models/", "lexicons/", "lexo-reader")):
            assets.append(rel)
version = digest.hexdigest()[:16]
sw = sw.replace("__LEXO_ASSETS__", json.dumps(assets)).replace("__LEXO_VERSION__", version)
open(sw_path, "w", encoding="utf-8").write(sw)
print("sw_manifest.py: %d files cached for offline use, version %s" % (len(assets), version))
