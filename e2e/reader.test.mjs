// End to end: the release dist/ served under a sub-path, files dropped, pasted and picked in
// headless Chromium; what a reader sees is asserted and a screenshot saved to e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, watchOutside } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.join(root, 'dist');
const fixtures = path.join(root, 'crates/lexo-core/tests/fixtures/text');
const artifacts = path.join(here, 'artifacts');
const PREFIX = '/some/sub/path/';

let browser, page, srv, base;
const outside = [];
const modelRequests = [];
const lexiconRequests = [];

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ missing: run `trunk build --release` first');
  fs.mkdirSync(artifacts, { recursive: true });
  srv = await serve(dist, PREFIX);
  base = `http://127.0.0.1:${srv.port}${PREFIX}`;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  watchOutside(page, base, outside);
  page.on('request', (r) => { if (r.url().includes('/models/')) modelRequests.push(r.url()); });
  page.on('request', (r) => { if (r.url().includes('/lexicons/')) lexiconRequests.push(r.url()); });
  await page.goto(base);
  await page.waitForSelector('[data-testid=dropzone]');
  // The first visit loads no language data: the word lists come with the first file.
  await page.waitForTimeout(1000);
  assert.deepEqual(lexiconRequests, [], 'no word list before any article');
  assert.deepEqual(readerRequests(), [], 'no reader module before any file that needs it');
});

/** What the server was asked for of the reader module (HTML, Markdown, packages...). */
const readerRequests = () => srv.requests.filter((u) => u.includes('lexo-reader'));

after(async () => {
  await browser?.close();
  srv?.server.close();
});

/** Drop files onto the window the way a browser does: dragover, then drop with a DataTransfer. */
async function dropFiles(files) {
  await page.evaluate(async (files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type || '' }));
    const zone = document.querySelector('[data-testid=dropzone]');
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files.map((f) => ({ ...f, bytes: Array.from(f.bytes) })));
}

/** Change the theme the way a person does: the settings dialog, its theme list, Escape. */
async function setTheme(theme) {
  await page.click('[data-testid=settings]');
  await page.selectOption('[data-testid=theme]', theme);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=settings-panel]', { state: 'detached' });
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

const fixture = (name) => fs.readFileSync(path.join(fixtures, name));
const texts = (sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent));

test('the empty page invites a drop and shows the overlay while dragging', async () => {
  assert.match(await page.textContent('.empty-state'), /Drop article files/);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'x.txt'));
    document.querySelector('[data-testid=dropzone]').dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await page.waitForSelector('.app.dragging .drop-overlay', { state: 'visible' });
  await page.evaluate(() => document.querySelector('[data-testid=dropzone]').dispatchEvent(new DragEvent('dragleave', { bubbles: true })));
  await page.waitForSelector('.app:not(.dragging)');
});

test('dropping a scraped article, an English one and an image: all listed, the image fails alone', async () => {
  await dropFiles([
    { name: 'lajm-bota.txt', bytes: fixture('seed_layout_sq.txt') },
    { name: 'photo.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    { name: 'cycling.txt', bytes: fixture('bbc_en.txt') },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=library-item]').length === 3);
  await page.waitForSelector('[data-testid=error]');
  // The reading worker fetched the word lists (cue words and known names included) from the site, once.
  assert.deepEqual(lexiconRequests.map((u) => u.slice(base.length)).sort(), ['lexicons/cues.tsv', 'lexicons/known.tsv', 'lexicons/places_derived.txt', 'lexicons/sq_lemmas.txt', 'lexicons/wikiann_names.tsv']);
  assert.match(await page.textContent('[data-testid=error]'), /photo\.png.*not supported: PNG image/);

  // The first file is shown, clean.
  await page.waitForSelector('[data-testid=article-title]');
  assert.equal(await page.textContent('[data-testid=article-section]'), 'Bota');
  assert.equal(await page.textContent('[data-testid=article-title]'),
    'Ministri i Jashtëm i Norvegjisë viziton Tiranën para samitit të NATO-s në Bruksel');
  const paragraphs = await texts('[data-testid=article-body] p');
  assert.equal(paragraphs.length, 4);
  assert.ok(paragraphs[0].startsWith('Ministri i Jashtëm i Norvegjisë, Jonas Gahr Støre, mbërriti'));
  const body = await page.textContent('[data-testid=article-body]');
  for (const noise of ['Lexo më shumë', 'YouTube player', 'Gazeta Lindore']) assert.ok(!body.includes(noise), `${noise} left in the body`);
  assert.match(await page.textContent('[data-testid=reading-time]'), /^(~\d+|\d+–\d+) min$/);
  assert.match(await page.textContent('.reader .meta'), /Gazeta Lindore/);

  // Entities are marked with their type.
  const per = await page.$$eval('[data-testid=entity][data-type=PER]', (els) => els.map((e) => e.textContent));
  for (const name of ['Jonas Gahr Støre', 'Edi Rama', 'Endri Fuga']) assert.ok(per.includes(name), `${name} not PER: ${per}`);
  const loc = await page.$$eval('[data-testid=entity][data-type=LOC]', (els) => els.map((e) => e.textContent));
  assert.ok(loc.includes('Bruksel') && loc.includes('Oslo'), `${loc}`);
  assert.ok((await texts('[data-testid=entity-panel] .entity-link .name')).includes('Edi Rama'));
  await page.screenshot({ path: path.join(artifacts, 'reader.png'), fullPage: true });
});

test('clicking an entity in the panel marks all its mentions', async () => {
  const button = page.locator('[data-testid=entity-panel] .entity-link', { hasText: 'Edi Rama' });
  const group = await button.getAttribute('data-group');
  await button.click();
  await page.waitForSelector(`mark.focused[data-group="${group}"]`);
  const focused = await texts('mark.focused');
  assert.ok(focused.length >= 2, `${focused}`);
  assert.ok(focused.every((t) => t === 'Edi Rama' || t === 'Rama'), `${focused}`);
});

test('the dark theme keeps entity marks readable', async () => {
  await setTheme('dark');
  // Contrast of each entity type's text on its background, WCAG formula.
  const ratios = await page.$$eval('[data-testid=entity]', (marks) => {
    const lum = (rgb) => {
      const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    return marks.map((m) => { const s = getComputedStyle(m); const a = lum(s.color), b = lum(s.backgroundColor); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); });
  });
  assert.ok(ratios.length > 0 && ratios.every((r) => r >= 4.5), `contrast ${ratios.map((r) => r.toFixed(1))}`);
  await page.screenshot({ path: path.join(artifacts, 'reader-dark.png') });
  await setTheme('light');
});

test('switching files shows the other article', async () => {
  await page.locator('[data-testid=library-item] .open', { hasText: 'Harbour town' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=article-title]')?.textContent === 'Harbour town wins national cycling prize');
  assert.ok(!(await page.textContent('[data-testid=article-body]')).includes('Read more'));
  const langs = await page.textContent('.reader .meta .lang');
  assert.equal(langs, 'English');
  // Each language's tagger was fetched from the site itself, once, when its first file was read
  // (the dropped files are Albanian and English; the bad one has no language).
  await page.waitForSelector('[data-testid=article-body][data-entity-model=learned]');
  assert.deepEqual(modelRequests.map((u) => u.slice(base.length)).sort(), ['models/entities-en.bin', 'models/entities-sq.bin']);
  const loc = await page.$$eval('[data-testid=entity][data-type=LOC]', (els) => els.map((e) => e.textContent));
  for (const place of ['Cornwall', 'Britain', 'Cambridge', 'Bristol']) assert.ok(loc.includes(place), `${place} not LOC: ${loc}`);
  assert.ok((await page.$$eval('[data-testid=entity][data-type=PER]', (els) => els.map((e) => e.textContent))).includes('Helen Briggs'));
});

test('pasting text makes a new article; the file picker adds files', async () => {
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'Sport\n\nSkuadra e Tiranës fiton derbin në minutën e fundit\n\nNjë gol i Ardit Berishës vendosi ndeshjen.\n\nTrajneri foli pas ndeshjes.');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=library-item]')].some((e) => e.textContent.includes('Pasted text')));
  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'glued_sq.txt'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=library-item]').length === 5);
  await page.locator('[data-testid=library-item] .open', { hasText: 'Prizrenit' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=article-body] p').length === 4);
});

test('several formats at once: web page, gzip, Markdown, JSON Lines, Windows-1252 text, DOCX, EPUB, PDF', async () => {
  // Plain text, a picture and pasted text so far: the engine read them without its reader module.
  assert.deepEqual(readerRequests(), []);
  const fx = (p) => fs.readFileSync(path.join(root, 'crates/lexo-core/tests/fixtures', p));
  const zlib = await import('node:zlib');
  const before = (await page.$$('[data-testid=library-item]')).length;
  await dropFiles([
    { name: 'lajm.html', bytes: fx('html/lajm.html'), type: 'text/html' },
    { name: 'lajm-kopje.html.gz', bytes: zlib.gzipSync(fx('html/lajm.html')) },
    { name: 'udhetim.md', bytes: fx('markdown/udhetim.md') },
    { name: 'export.jsonl', bytes: fx('json/export.jsonl') },
    { name: 'cp1252.txt', bytes: fx('text/cp1252_sq.txt') },
    { name: 'raport.docx', bytes: fx('docx/raport.docx') },
    { name: 'tregime.epub', bytes: fx('epub/tregime.epub') },
    { name: 'scan.pdf', bytes: Buffer.from('%PDF-1.7\n%\xff\xff\n1 0 obj\n', 'binary') },
  ]);
  // The JSON Lines file holds two articles: 9 entries for 8 files.
  // Files are listed at once and read by the worker one after another: wait until none is still reading.
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=library-item]').length === n
    && ![...document.querySelectorAll('[data-testid=library-item]')].some((e) => e.textContent.includes('reading…')), before + 9);
  const items = await texts('[data-testid=library-item]');
  assert.ok(items.some((t) => t.includes('scan.pdf') && t.includes('not supported: PDF document')), `${items}`);
  // The web page, gzip, Markdown, Windows-1252 and package files went to the reader module,
  // fetched once for all of them.
  assert.equal(readerRequests().filter((u) => u.endsWith('lexo-reader_bg.wasm')).length, 1, `${readerRequests()}`);

  const open = async (label, title) => {
    await page.locator('[data-testid=library-item] .open', { hasText: label }).first().click();
    await page.waitForFunction((t) => document.querySelector('[data-testid=article-title]')?.textContent === t, title);
  };
  await open('lajm.html ·', 'Tregu i Pazarit të Ri rihapet pas rinovimit');
  const body = await page.textContent('[data-testid=article-body]');
  assert.ok(body.includes('Çfarë ndryshon për shitësit') && !body.includes('Reklamë') && !body.includes('Komente'));
  assert.ok(await page.isVisible('.image-placeholder'), 'figure shown as a placeholder');
  const links = await page.$$eval('[data-testid=article-body] a', (as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel]));
  assert.deepEqual(links, [
    ['harta', 'https://tirana.example.org/parkimi', '_blank', 'noopener noreferrer nofollow'],
    ['njoftimit të bashkisë', 'https://tirana.example.org/njoftimi', '_blank', 'noopener noreferrer nofollow'],
  ]);
  assert.equal(await page.$$eval('[data-testid=article-body] li a', (e) => e.length), 1, 'a link inside a list item stays a link');
  assert.equal(await page.$$eval('[data-testid=article-body] img, [data-testid=article-body] iframe, [data-testid=article-body] script', (e) => e.length), 0);
  await page.screenshot({ path: path.join(artifacts, 'web-page.png'), fullPage: true });
  await open('lajm-kopje.html.gz', 'Tregu i Pazarit të Ri rihapet pas rinovimit');
  await open('udhetim.md', 'Tri ditë në Gjirokastër');
  assert.equal(await page.$$eval('[data-testid=article-body] table tr', (e) => e.length), 3);
  await open('export.jsonl (2/2)', 'New ferry line links Durrës and Bari');
  await open('export.jsonl (1/2)', 'Stina e turizmit nis herët në Sarandë');
  await open('raport.docx', 'Raport mbi bibliotekat e qytetit');
  assert.equal(await page.$$eval('[data-testid=article-body] li', (e) => e.length), 2);
  await open('tregime.epub', 'Tregime nga bregdeti');
  assert.equal(await page.$$eval('[data-testid=article-body] h2', (e) => e.length), 2);
  await open('cp1252.txt', 'Lajm i shkurtër');
  assert.ok((await page.textContent('[data-testid=article-body]')).includes('ëndrra, çelësi dhe përshëndetje'));
});

test('a page with formulas: inline math stays in its sentence, display math is set apart', async () => {
  const para = 'A quadratic equation has degree two and many uses in physics and engineering, where it describes the path of a thrown ball.';
  const html = `<!DOCTYPE html><html><head><title>Quadratics</title></head><body><article><h1>Solving quadratics</h1><p>${para}</p>
    <p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions to</p>
    <math display="block"><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>b</mi><mi>x</mi><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn></math>
    <p>${para} ${para}</p></article></body></html>`;
  await dropFiles([{ name: 'quadratics.html', bytes: Buffer.from(html), type: 'text/html' }]);
  await page.locator('[data-testid=library-item] .open', { hasText: 'quadratics.html' }).first().click();
  await page.waitForSelector('[data-testid=article-body] .formula');
  assert.equal(await page.textContent('[data-testid=article-body] .formula[role=math]'), 'ax² + bx + c = 0');
  const body = await page.textContent('[data-testid=article-body]');
  assert.ok(body.includes('When a ≠ 0, there are two solutions to'), body);
  const centred = await page.$eval('[data-testid=article-body] .formula', (e) => getComputedStyle(e).textAlign);
  assert.equal(centred, 'center');
});

test('word lists for one language come with its first article: an English reader never fetches the Albanian lemmas', async () => {
  const fresh = await browser.newPage();
  const lists = [];
  fresh.on('request', (r) => { if (r.url().includes('/lexicons/')) lists.push(r.url().slice(base.length)); });
  await fresh.goto(base);
  await fresh.waitForSelector('[data-testid=dropzone]');
  const pick = async (name) => {
    await fresh.setInputFiles('[data-testid=file-input]', path.join(fixtures, name));
    await fresh.waitForFunction((n) => [...document.querySelectorAll('[data-testid=library-item]')].some((e) => e.textContent.includes(n) && !e.textContent.includes('reading…')), name);
  };
  await pick('bbc_en.txt');
  assert.deepEqual(lists.sort(), ['lexicons/cues.tsv', 'lexicons/known.tsv', 'lexicons/places_derived.txt', 'lexicons/wikiann_names.tsv']);
  await pick('glued_sq.txt');
  assert.deepEqual(lists.filter((u) => u.includes('sq_lemmas')), ['lexicons/sq_lemmas.txt']);
  await fresh.close();
});

test('nothing was requested from anywhere but the page itself', () => {
  assert.deepEqual(outside, []);
  assert.ok(srv.requests.every((u) => u.startsWith(PREFIX)), `${srv.requests}`);
});
