// Browser benchmark for `make bench`: in headless Chromium, the release app reads a pasted
// 2,000-word article (whole pipeline in the reading worker + rendering, until the article is on
// screen), and compromise.js tags the same text in the same browser. Prints numbers; asserts nothing.
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
// The word lists come with the first article: one warm-up article, as a reader's first would be.
const warm = async () => page.evaluate(async (text) => {
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  await new Promise((resolve) => { const check = () => (document.querySelector('[data-testid=article-body] mark') ? resolve() : setTimeout(check, 20)); check(); });
}, text);
await warm();

const runs = [];
for (let i = 0; i < 7; i++) {
  // The list is emptied first, so the pasted article is the one shown and its body is new.
  while (await page.$('[data-testid=library-item] .remove')) await page.click('[data-testid=library-item] .remove');
  await page.waitForFunction(() => !document.querySelector('[data-testid=article-body]'));
  const ms = await page.evaluate(async (text) => {
    const t0 = performance.now();
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    // Listed at once, read in the worker, then rendered: wait until its body has its marks.
    await new Promise((resolve) => {
      const check = () => (document.querySelector('[data-testid=article-body] mark') ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  }, text);
  runs.push(ms);
}
const first = runs[0];
runs.sort((a, b) => a - b);
const words = text.split(/\s+/).filter(Boolean).length;
console.log(`Lexo in Chromium: a ${words}-word article pasted → read, tagged and on screen in ${runs[3].toFixed(1)} ms (median of 7, range ${runs[0].toFixed(1)}..${runs[6].toFixed(1)} ms; the session's first article: ${first.toFixed(1)} ms)`);

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
await browser.close();
srv.server.close();
