// Browser benchmark for `make bench`: in headless Chromium, the first visit (bytes and time to
// interactive), then the release app reads dropped articles (the seed, the 2,000-word one and
// the 10,000-word one of `lexo bench`: whole pipeline in the reading worker + rendering, until
// the article is on screen), and compromise.js tags the 2,000-word text in the same browser.
// Usage: bench-browser.mjs ARTICLE [LONG_ARTICLE]. Prints numbers and `BENCH {json}` lines;
// asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve, launch } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const text = fs.readFileSync(process.argv[2], 'utf8');
const srv = await serve(path.join(here, '..', 'dist'), '/');
const browser = await launch();
const context = await browser.newContext();
// First visit: every file the page, its worker and its service worker fetch, and when the page
// answers (drop target on screen), before any article.
const fetched = new Set();
context.on('requestfinished', (r) => fetched.add(new URL(r.url()).pathname));
const page = await context.newPage();
const t0 = Date.now();
await page.goto(`http://127.0.0.1:${srv.port}/`);
await page.waitForSelector('[data-testid=dropzone]');
const interactive = Date.now() - t0;
await page.waitForTimeout(2000);
const gz = (p) => { const f = path.join(here, '..', 'dist', p === '/' ? 'index.html' : p.slice(1)); return fs.existsSync(f) ? zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length : 0; };
const sizes = [...fetched].map((p) => [p, gz(p)]).sort((a, b) => b[1] - a[1]);
const kb = (n) => (n / 1024).toFixed(1);
const usable = sizes.filter(([p]) => !/worker|sw\.js|manifest|favicon/.test(p)).reduce((a, [, n]) => a + n, 0);
console.log(`first visit: interactive in ${interactive} ms; page usable after ${kb(usable)} KB gzip (budget 300); all before any article ${kb(sizes.reduce((a, [, n]) => a + n, 0))} KB gzip (budget 500): ${sizes.map(([p, n]) => `${p} ${kb(n)}`).join(', ')}`);
console.log('BENCH ' + JSON.stringify({ key: 'visit', usable_kb: usable / 1024, total_kb: sizes.reduce((a, [, n]) => a + n, 0) / 1024, interactive_ms: interactive }));

// Drop → on screen: a file dropped on the page is read in the worker and rendered; the clock
// stops when its body is on screen with its names marked. The library is emptied first, so
// the dropped article is the one shown and its body is new. The word lists and the Albanian
// model come with the first article, as a reader's first would: one warm-up drop first.
const drop = async (text, name) => page.evaluate(async ({ text, name }) => {
  while (document.querySelector('[data-testid=library-item] .remove')) {
    document.querySelector('[data-testid=library-item] .remove').click();
    await new Promise((r) => requestAnimationFrame(r));
  }
  await new Promise((resolve) => { const check = () => (document.querySelector('[data-testid=article-body]') ? requestAnimationFrame(check) : resolve()); check(); });
  const t0 = performance.now();
  const dt = new DataTransfer();
  dt.items.add(new File([text], name, { type: 'text/plain' }));
  const zone = document.querySelector('[data-testid=dropzone]') || document.body;
  zone.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: dt }));
  zone.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: dt }));
  await new Promise((resolve) => {
    const check = () => (document.querySelector('[data-testid=article-body] mark') ? resolve() : requestAnimationFrame(check));
    check();
  });
  return performance.now() - t0;
}, { text, name });
const seedPath = path.resolve(process.env.LEXO_SHARED || path.join(here, '..', '..', 'shared'), 'seeds', '000_24cdb1bdea82b61a.txt');
const articles = [
  ['seed', fs.existsSync(seedPath) ? fs.readFileSync(seedPath, 'utf8') : null, 50],
  ['article', text, null],
  ['long', process.argv[3] && fs.existsSync(process.argv[3]) ? fs.readFileSync(process.argv[3], 'utf8') : null, 200],
];
await drop(text, 'warm-up.txt');
for (const [key, body, budget] of articles) {
  if (!body) { console.log(`drop → on screen: skipped the ${key} article (its text is not here)`); continue; }
  const runs = [];
  for (let i = 0; i < 7; i++) runs.push(await drop(body, `${key}.txt`));
  runs.sort((a, b) => a - b);
  const words = body.split(/\s+/).filter(Boolean).length;
  console.log(`Lexo in Chromium: a ${words}-word article dropped → read, tagged and on screen in ${runs[3].toFixed(1)} ms (median of 7, range ${runs[0].toFixed(1)}..${runs[6].toFixed(1)} ms)${budget ? `; budget ${budget} ms` : ''}`);
  console.log('BENCH ' + JSON.stringify({ key: `drop.chromium.${key}`, ms: runs[3], words }));
}

// (The entity step alone now runs inside the reading worker, so it is not timed apart here:
// `lexo bench` times it natively.)

// In a blank page of the same browser: Lexo's page allows no inline script (its CSP).
const peerPage = await browser.newPage();
await peerPage.setContent('<!doctype html><title>peer</title>');
await peerPage.addScriptTag({ path: path.join(here, 'node_modules/compromise/builds/compromise.js') });
const peer = await peerPage.evaluate((text) => {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const doc = window.nlp(text);
    doc.people().out('array'); doc.places().out('array'); doc.organizations().out('array');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[3];
}, text);
console.log(`compromise.js in the same Chromium (a blank page beside it): the same text tagged in ${peer.toFixed(1)} ms (median of 7)`);
console.log('BENCH ' + JSON.stringify({ key: 'tag.compromise-chromium.article', ms: peer }));
await browser.close();
srv.server.close();
