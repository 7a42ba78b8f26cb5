#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Trunk post-build hook: put the hashes of the page's inline scripts (Trunk's loader, and the
dev server's reload script under `trunk serve`) into its Content-Security-Policy, in place of
the placeholder 'inline-loader-hash', so script-src needs no 'unsafe-inline'.

Trunk runs it with TRUNK_STAGING_DIR set; by hand: csp_hash.py DIST_DIR."""
import base64, hashlib, os, re, sys

root = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
page = os.path.join(root, "index.html")
html = open(page, encoding="utf-8").read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() for s in scripts)
if "'inline-loader-hash'" not in html:
    sys.exit("csp_hash.py: no 'inline-loader-hash' placeholder in %s" % page)
html = html.replace("'inline-loader-hash'", hashes or "'none'")
open(page, "w", encoding="utf-8").write(html)
print("csp_hash.py: %d inline script(s) allowed by hash" % len(scripts))
