// Extraction in headless Chromium for `make bench`, on the pages `lexo eval-extraction` scores
// (../shared's extraction-bench and WCXB): the release app's reading engine (a worker, as the
// page uses it: one file in flight, the bytes posted, the JSON answer back; HTML goes on to its
// reader module, then language, reading time and entities), the reader module alone (parse +
// extract + the articles as JSON), and Readability.js 0.6 on the browser's own DOMParser in the
// same page. A warm-up pass first (word lists, the reader module and the tagger models load),
// then the timed pass. Prints numbers and `BENCH {json}` lines; asserts nothing.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const data = path.resolve(process.env.LEXO_SHARED || path.join(here, '..', '..', 'shared'), 'data');
const sets = ['extraction-bench', 'extraction-wcxb'].filter((s) => {
  const ok = fs.existsSync(path.join(data, s, 'html'));
  if (!ok) console.log(`extraction in Chromium: skipped ${s} (${path.join(data, s, 'html')} not found)`);
  return ok;
});
if (!sets.length) process.exit(0);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
// dist/ at /, the benchmark pages (decompressed) at /pages/SET/ID.
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const page = url.match(/^\/pages\/([\w-]+)\/([\w.-]+)$/);
  const file = page ? path.join(data, page[1], 'html', `${page[2]}.html.gz`) : path.join(dist, path.normalize(url === '/' ? 'index.html' : url.slice(1)));
  fs.readFile(file, (err, bytes) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': page ? 'text/html; charset=utf-8' : TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(page ? zlib.gunzipSync(bytes) : bytes);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await launch();
// No service worker (its precache would run beside the timing); Readability's script is added
// to the app's page, which its CSP would refuse.
const context = await browser.newContext({ serviceWorkers: 'block', bypassCSP: true });
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('[data-testid=dropzone]');
await page.addScriptTag({ path: path.join(here, 'node_modules/@mozilla/readability/Readability.js') });

for (const set of sets) {
  const ids = fs.readdirSync(path.join(data, set, 'html')).filter((f) => f.endsWith('.html.gz')).map((f) => f.slice(0, -'.html.gz'.length)).sort();
  const r = await page.evaluate(async ({ set, ids }) => {
    const pages = await Promise.all(ids.map(async (id) => new Uint8Array(await (await fetch(`pages/${set}/${id}`)).arrayBuffer())));
    // One worker, answering each posted [header, bytes] with one JSON message.
    const start = async (script, ready) => {
      const worker = new Worker(script);
      await new Promise((resolve) => { worker.onmessage = (e) => { if (JSON.parse(e.data).reply === ready) resolve(); }; });
      let id = 0;
      const read = (bytes) => new Promise((resolve) => {
        worker.onmessage = (e) => resolve(JSON.parse(e.data).reply);
        const header = JSON.stringify({ id: ++id, name: 'page.html', size: bytes.length });
        worker.postMessage([header, bytes]);
      });
      return { worker, read };
    };
    const pass = async (read) => {
      let failed = 0;
      const t0 = performance.now();
      for (const bytes of pages) {
        const reply = await read(bytes);
        const result = (reply.Done || reply.Read)?.result;
        if (!result || result.Err !== undefined) failed++;
      }
      return { ms: (performance.now() - t0) / pages.length, failed };
    };
    const engine = await start('lexo-worker_loader.js', 'Ready');
    await pass(engine.read);
    const engineRun = await pass(engine.read);
    engine.worker.terminate();
    const reader = await start('lexo-reader_loader.js', 'Ready');
    await pass(reader.read);
    const readerRun = await pass(reader.read);
    reader.worker.terminate();
    const texts = pages.map((b) => new TextDecoder().decode(b));
    const readability = () => {
      const t0 = performance.now();
      for (const html of texts) {
        try { new window.Readability(new DOMParser().parseFromString(html, 'text/html')).parse(); } catch { /* a page it cannot read */ }
      }
      return (performance.now() - t0) / texts.length;
    };
    readability();
    return { pages: pages.length, engine: engineRun, reader: readerRun, readability: readability() };
  }, { set, ids });
  console.log(`Lexo in Chromium, ${set} ${r.pages} pages: the engine (read, extract, language, reading time, entities; JSON both ways) ${r.engine.ms.toFixed(2)} ms/page${r.engine.failed ? ` (${r.engine.failed} not read)` : ''}; its reader module alone (parse + extract + JSON) ${r.reader.ms.toFixed(2)} ms/page; Readability.js 0.6 on DOMParser in the same page ${r.readability.toFixed(2)} ms/page`);
  console.log('BENCH ' + JSON.stringify({ key: `read.chromium.${set}`, ms: r.engine.ms, pages: r.pages }));
  console.log('BENCH ' + JSON.stringify({ key: `extract.chromium.${set}`, ms: r.reader.ms, pages: r.pages }));
  console.log('BENCH ' + JSON.stringify({ key: `extract.readability-chromium.${set}`, ms: r.readability, pages: r.pages }));
}
await browser.close();
server.close();
