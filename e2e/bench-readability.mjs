// Extraction peer for `make bench`: Readability.js 0.6 + linkedom on node, on the same pages as
// `lexo eval-extraction` (../shared's extraction-bench and WCXB, gzipped HTML), ms per page
// (parse + extract, the way a node tool would use it). Prints numbers; asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const data = path.resolve(process.env.LEXO_SHARED || '../shared', 'data');
for (const bench of ['extraction-bench', 'extraction-wcxb']) {
  const dir = path.join(data, bench, 'html');
  if (!fs.existsSync(dir)) { console.log(`Readability.js: skipped ${bench} (${dir} not found)`); continue; }
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.html.gz')).map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8'));
  const t0 = process.hrtime.bigint();
  let chars = 0;
  for (const html of pages) {
    const { document } = parseHTML(html);
    try { chars += new Readability(document).parse()?.textContent?.length ?? 0; } catch { /* a page it cannot read */ }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`Readability.js 0.6 + linkedom (node ${process.versions.node}): ${bench} ${pages.length} pages, ${(ms / pages.length).toFixed(2)} ms/page`);
  console.log('BENCH ' + JSON.stringify({ key: `extract.readability-node.${bench}`, ms: ms / pages.length, pages: pages.length }));
}
