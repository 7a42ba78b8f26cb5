// Browser benchmark for `make bench`: in headless Chromium, the release app reads a pasted
// 2,000-word article (whole pipeline in the reading worker + rendering, until the article is on
// screen), and compromise.js tags the same text in the same page. Prints numbers; asserts nothing.
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
  const ms = await page.evaluate(async ({ text, i }) => {
    const t0 = performance.now();
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    // The pasted article becomes entry i + 1; wait until its body is rendered.
    await new Promise((resolve) => {
      const check = () => (document.querySelectorAll('[data-testid=library-item]').length > i && document.querySelector('[data-testid=article-body] mark') ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  }, { text, i });
  runs.push(ms);
}
const first = runs[0];
runs.sort((a, b) => a - b);
const words = text.split(/\s+/).filter(Boolean).length;
console.log(`Lexo in Chromium: a ${words}-word article pasted → read, tagged and on screen in ${runs[3].toFixed(1)} ms (median of 7, range ${runs[0].toFixed(1)}..${runs[6].toFixed(1)} ms; the session's first article: ${first.toFixed(1)} ms)`);

// (The entity step alone now runs inside the reading worker, so it is not timed apart here:
// `lexo bench` times it natively.)

await page.addScriptTag({ path: path.join(here, 'node_modules/compromise/builds/compromise.js') });
const peer = await page.evaluate((text) => {
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
console.log(`compromise.js in the same Chromium page: the same text tagged in ${peer.toFixed(1)} ms (median of 7)`);
await browser.close();
srv.server.close();
