// Browser benchmark for `make bench`: in headless Chromium, the release app reads a pasted
// 2,000-word article (whole pipeline in the reading worker + rendering, until the article is on
// screen), and compromise.js tags the same text in the same browser. Prints numbers; asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const text = fs.readFileSync(process.argv[2], 'utf8');
const srv = await serve(path.join(here, '..', 'dist'), '/');
const browser = await launch();
const page = await browser.newPage();
let lexicons = 0;
page.on('requestfinished', (r) => { if (r.url().includes('/lexicons/')) lexicons += 1; });
await page.goto(`http://127.0.0.1:${srv.port}/`);
await page.waitForSelector('[data-testid=dropzone]');
// The reading worker fetches its word lists at start-up; measure with them in, as a reader would.
while (lexicons < 5) await page.waitForTimeout(50);

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
