// End to end: the library a person lives in. Articles survive a reload (and a stored article of
// an older schema is re-read from its bytes), search, sort, the entity index, remove + undo,
// settings remembered, the Albanian interface, keys, exports, offline after one visit, phones,
// read aloud, and axe-core finding no accessibility violation. Screenshots go to docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve, launch, watchOutside } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const shots = path.join(root, 'docs', 'screenshots');
const PREFIX = '/lexo/';
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser, context, page, srv, base;
const outside = [];

// Team-written articles (not from ../shared).
const ARTICLES = [
  ['rama-berlin.txt', 'Bota\n\nEdi Rama takon Olaf Scholz në Berlin\n\nKryeministri Edi Rama u takua sot në Berlin me kancelarin Olaf Scholz. Të dy folën për Ballkanin Perëndimor dhe për Bashkimin Evropian.\n\nRama tha se Shqipëria është gati. Scholz e përshëndeti reformën në drejtësi.\n\nGazeta Jonë'],
  ['kupa.txt', 'Sport\n\nSkuadra e Tiranës fiton kupën pas dhjetë vitesh\n\nTrajneri Ardit Berisha tha në Durrës se fitorja i takon tifozëve. Berisha falënderoi Federatën Shqiptare të Futbollit.\n\nRadio Qyteti'],
  ['buxheti.txt', 'Politikë\n\nEdi Rama prezanton buxhetin në Tiranë\n\nEdi Rama prezantoi sot në Tiranë buxhetin e ri. Opozita e kritikoi ashpër Ramën për taksat.\n\nMinistri i Financave tha se rritja do të vazhdojë.\n\nTV Lajme'],
];
// One long article, for scrolling and the time left.
const LONG = ['i-gjate.txt', 'Analizë\n\nNjë udhëtim i gjatë nëpër Shqipëri\n\n' + Array.from({ length: 60 }, (_, i) =>
  `Paragrafi ${i + 1}: udhëtarët kaluan nga Shkodra në Vlorë dhe më pas në Korçë, ku takuan Ana Kelmendin dhe Besnik Hoxhën, që u treguan për historinë e qytetit dhe për festat e verës.`).join('\n\n')];

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  srv = await serve(path.join(root, 'dist'), PREFIX);
  base = `http://127.0.0.1:${srv.port}${PREFIX}`;
  browser = await launch();
  // Reduced motion: drawers open without their slide, so screenshots show them in place.
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', reducedMotion: 'reduce' });
  page = await context.newPage();
  watchOutside(page, base, outside);
  await page.goto(base);
  await page.waitForSelector('[data-testid=dropzone]');
});

after(async () => {
  await browser?.close();
  srv?.server.close();
});

const items = () => page.$$eval('[data-testid=library-item] .label', (els) => els.map((e) => e.textContent));
const waitItems = (n) => page.waitForFunction((n) => {
  const els = [...document.querySelectorAll('[data-testid=library-item]')];
  return els.length === n && !els.some((e) => /reading…|po lexohet/.test(e.textContent));
}, n, { timeout: 30_000 });

async function pick(files) {
  await page.setInputFiles('[data-testid=file-input]', files.map(([name, text]) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
}

async function axe(label) {
  const result = await page.evaluate(async (src) => {
    if (!window.axe) (0, eval)(src);
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
  }, AXE);
  assert.deepEqual(result, [], `${label}: axe-core violations`);
}

test('the empty page has no accessibility violation', async () => {
  await axe('empty page');
});

test('articles become library entries: search, sort, the entity index, remove with undo', async () => {
  await pick([...ARTICLES, LONG]);
  await waitItems(4);
  assert.deepEqual(await items(), ['Edi Rama takon Olaf Scholz në Berlin', 'Skuadra e Tiranës fiton kupën pas dhjetë vitesh', 'Edi Rama prezanton buxhetin në Tiranë', 'Një udhëtim i gjatë nëpër Shqipëri'], 'one drop keeps its order');
  await page.fill('[data-testid=library-search]', 'scholz berlin');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=library-item]').length === 1);
  assert.match(await page.textContent('[data-testid=article-title]'), /Olaf Scholz/);
  await page.fill('[data-testid=library-search]', 'tifozëve');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=library-item]').length === 1);
  await page.fill('[data-testid=library-search]', '');
  await page.selectOption('[data-testid=library-sort]', 'title');
  assert.deepEqual((await items())[0], 'Edi Rama prezanton buxhetin në Tiranë');

  // The index: Edi Rama is in two articles; choosing him lists those two and marks him in each.
  const rama = page.locator('[data-testid=entity-index] button', { hasText: 'Edi Rama' });
  assert.match(await rama.textContent(), /in 2 articles/);
  await rama.click();
  await page.waitForSelector('[data-testid=entity-filter]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=library-item]').length === 2);
  const focused = await page.$$eval('mark.focused', (ms) => ms.map((m) => m.textContent));
  assert.ok(focused.length >= 1 && focused.every((t) => /^(Edi )?Ram/.test(t)), `${focused}`);
  await page.keyboard.press('j');
  await page.waitForFunction(() => document.querySelector('[data-testid=library-item].selected .label')?.textContent.includes('Berlin'));
  assert.ok((await page.$$eval('mark.focused', (ms) => ms.map((m) => m.textContent))).every((t) => /^(Edi )?Ram/.test(t)));
  await page.click('[data-testid=entity-filter] button');
  await waitItems(4);

  // Remove, then undo: back in its place; remove for good stays removed.
  await page.locator('[data-testid=library-item]', { hasText: 'Skuadra' }).locator('.remove').click();
  await waitItems(3);
  await page.click('[data-testid=undo]');
  await waitItems(4);
  await page.locator('[data-testid=library-item]', { hasText: 'Skuadra' }).locator('.remove').click();
  await waitItems(3);
  await page.click('[data-testid=undo-toast] button[aria-label=Dismiss]');
  await page.waitForSelector('[data-testid=undo-toast]', { state: 'detached' });
  await axe('loaded article');
});

test('keys: help, next mention, search, panel; everything reachable without a mouse', async () => {
  await page.locator('[data-testid=library-item] .open', { hasText: 'Berlin' }).click();
  await page.keyboard.press('?');
  await page.waitForSelector('[data-testid=help-overlay]');
  assert.match(await page.textContent('[data-testid=help-overlay]'), /Next mention of the chosen name/);
  await axe('help overlay');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=help-overlay]', { state: 'detached' });
  const at = (prefix) => page.waitForFunction((p) => document.querySelector('[data-testid=mentions] .position')?.textContent.startsWith(p), prefix);
  await page.keyboard.press('n');
  await page.waitForSelector('mark.current');
  await at('1 of');
  await page.keyboard.press('n');
  await at('2 of');
  assert.ok((await page.$$('[data-testid=mentions] .context-line')).length >= 2);
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'library-search');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  const selected = await page.textContent('[data-testid=library-item].selected .label');
  await page.keyboard.press('e');
  await page.waitForSelector('[data-testid=entity-panel]', { state: 'hidden' });
  await page.keyboard.press('e');
  await page.waitForSelector('[data-testid=entity-panel]', { state: 'visible' });
  assert.equal(await page.textContent('[data-testid=library-item].selected .label'), selected);
  // Tab reaches the toolbar's buttons with a visible focus ring.
  await page.focus('[data-testid=help]');
  const ring = await page.$eval('[data-testid=help]', (b) => getComputedStyle(b).outlineStyle);
  assert.notEqual(ring, 'none');
});

test('exports: the article\'s names as CSV and JSON, Markdown, HTML with highlights and no script', async () => {
  const grab = async (testid) => {
    await page.click('.menu > summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
    return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
  };
  await page.locator('[data-testid=library-item] .open', { hasText: 'Berlin' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=article-title]')?.textContent.includes('Berlin'));
  const csv = await grab('export-entities-csv');
  assert.match(csv.name, /^edi-rama-takon-olaf-scholz-n[ëe]-berlin-names\.csv$/);
  assert.match(csv.text, /^article,file,entity,type,mentions,forms\r\n/);
  assert.match(csv.text, /,Edi Rama,PER,2,Edi Rama \| Rama\r\n/);
  const json = JSON.parse((await grab('export-entities-json')).text);
  assert.equal(json[0].lang, 'sq');
  assert.ok(json[0].entities.some((e) => e.name === 'Olaf Scholz' && e.type === 'PER'));
  const md = await grab('export-markdown');
  assert.match(md.text, /^# Edi Rama takon Olaf Scholz në Berlin\n/);
  const html = await grab('export-html');
  assert.ok(!/<script/i.test(html.text));
  assert.match(html.text, /<mark class="e-per" title="Person">Edi Rama<\/mark>/);
  const lib = await grab('export-library-csv');
  assert.ok(lib.text.split('\r\n').filter((l) => l.includes(',Edi Rama,PER,')).length === 2, lib.text);
});

test('settings apply at once and are remembered; the interface speaks Albanian', async () => {
  await page.click('[data-testid=settings]');
  await page.waitForSelector('[data-testid=settings-panel]');
  await axe('settings dialog');
  await page.selectOption('[data-testid=font-family]', 'sans');
  await page.selectOption('[data-testid=line-width]', 'wide');
  await page.click('[data-testid=text-larger]');
  await page.selectOption('[data-testid=ui-language]', 'sq');
  await page.waitForFunction(() => document.documentElement.lang === 'sq');
  assert.match(await page.textContent('[data-testid=settings-panel] h2'), /Cilësimet/);
  await page.keyboard.press('Escape');
  const font = await page.$eval('.reader', (r) => getComputedStyle(r).fontFamily);
  assert.match(font, /system-ui|sans/);
  const width = await page.$eval('.reader', (r) => parseFloat(getComputedStyle(r).maxWidth));
  assert.ok(width > 800, `wide measure ${width}`);
  assert.match(await page.textContent('[data-testid=time-left]'), /edhe \d+ min|Mbaroi/);
  assert.match(await page.getAttribute('[data-testid=library-search]', 'placeholder'), /Kërko/);
});

test('a reload restores the library, the settings and each article\'s reading position', async () => {
  await page.locator('[data-testid=library-item] .open', { hasText: 'udhëtim' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=article-title]')?.textContent.includes('udhëtim'));
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=progress]').value) > 30);
  const before = Number(await page.getAttribute('[data-testid=progress]', 'value'));
  await page.waitForTimeout(700); // the position is saved once scrolling stops
  await page.reload();
  await waitItems(3);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sq', 'settings remembered');
  assert.deepEqual((await items()).sort(), ['Edi Rama prezanton buxhetin në Tiranë', 'Edi Rama takon Olaf Scholz në Berlin', 'Një udhëtim i gjatë nëpër Shqipëri'].sort(), 'the removed one stays removed');
  await page.locator('[data-testid=library-item] .open', { hasText: 'udhëtim' }).click();
  await page.waitForFunction((b) => Math.abs(Number(document.querySelector('[data-testid=progress]').value) - b) <= 6, before, { timeout: 5_000 });
  assert.ok((await page.$$('[data-testid=article-body] mark')).length > 5, 'entities restored with the article');
});

test('an article stored by an older version is read again from its original bytes', async () => {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('lexo-library');
    open.onsuccess = () => {
      const tx = open.result.transaction('articles', 'readwrite');
      const store = tx.objectStore('articles');
      store.getAll().onsuccess = (e) => { for (const a of e.target.result) store.put({ ...a, schema: 0, doc: '{"old": true}' }); };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = reject;
    };
    open.onerror = reject;
  }));
  await page.reload();
  await waitItems(3);
  assert.ok((await items()).includes('Edi Rama takon Olaf Scholz në Berlin'));
  await page.locator('[data-testid=library-item] .open', { hasText: 'Berlin' }).click();
  await page.waitForSelector('[data-testid=article-body] mark[data-type=PER]');
});

test('after one visit Lexo opens and reads with the network cut', async () => {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10_000 });
  await context.setOffline(true);
  try {
    await page.reload();
    await waitItems(3);
    await pick([['offline.txt', 'Lajme\n\nNjë lajm i lexuar pa rrjet\n\nDeputetët në Tiranë votuan sot. Ministri Arben Kola foli për Bashkimin Evropian.']]);
    await waitItems(4);
    await page.waitForFunction(() => document.querySelector('[data-testid=article-title]')?.textContent.includes('pa rrjet') || true);
    await page.locator('[data-testid=library-item] .open', { hasText: 'pa rrjet' }).click();
    await page.waitForSelector('[data-testid=article-body] mark');
    // A web page, before any was ever read: the reader module was never fetched, and it says so.
    const page1 = (n) => `<!DOCTYPE html><html><head><title>Faqe ${n}</title></head><body><article><h1>Faqe ${n} e lexuar pa rrjet</h1><p>Deputetët në Tiranë votuan sot për buxhetin e ri të qytetit dhe të rajonit.</p><p>Ministri Arben Kola foli për Bashkimin Evropian dhe për rrugët e reja.</p></article></body></html>`;
    await pick([['offline-1.html', page1(1)]]);
    await waitItems(5);
    assert.match(await page.textContent('.library'), /offline-1\.html nuk u lexua: pa rrjet: lexuesi i skedarëve HTML/);
    // Online, one web page fetches the reader module, which the service worker keeps: offline
    // again after a reload, web pages are read.
    await context.setOffline(false);
    await pick([['online.html', page1(2)]]);
    await waitItems(6);
    await context.setOffline(true);
    await page.reload();
    await pick([['offline-3.html', page1(3)]]);
    await page.waitForFunction(() => document.querySelector('.library').textContent.includes('Faqe 3'), null, { timeout: 30_000 });
    assert.ok(!(await page.textContent('.library')).includes('offline-3.html nuk u lexua'));
  } finally {
    await context.setOffline(false);
  }
});

test('a picked folder adds its article files, in path order, and nothing else', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lexo-folder-'));
  fs.mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'a-lajm.txt'), 'Bota\n\nLajmi i parë nga dosja\n\nNë Tiranë u mbajt sot një takim.');
  fs.writeFileSync(path.join(dir, 'nested', 'b-shenime.md'), '# Shënime nga dosja\n\nKorça pret turistët e verës.');
  fs.writeFileSync(path.join(dir, 'nested', 'deeper', 'c.json'), JSON.stringify({ title: 'Lajmi JSON nga dosja', text: 'Durrësi feston sot.' }));
  fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(dir, '.DS_Store'), 'x');
  const before = (await items()).length;
  await page.setInputFiles('[data-testid=folder-input]', dir);
  await waitItems(before + 3);
  const titles = await items();
  for (const t of ['Lajmi i parë nga dosja', 'Shënime nga dosja', 'Lajmi JSON nga dosja']) assert.ok(titles.includes(t), `${t} in ${titles}`);
  assert.ok(!(await page.textContent('.library')).includes('photo.png'));
});

test('light and dark, wide: screenshots', async () => {
  await page.click('[data-testid=settings]');
  await page.selectOption('[data-testid=ui-language]', 'en');
  await page.selectOption('[data-testid=theme]', 'light');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=library-item] .open', { hasText: 'Berlin' }).click();
  await page.locator('[data-testid=entity-panel] .entity-link', { hasText: 'Edi Rama' }).click();
  await page.screenshot({ path: path.join(shots, 'wide-light.png') });
  await page.click('[data-testid=settings]');
  await page.selectOption('[data-testid=theme]', 'dark');
  await page.keyboard.press('Escape');
  await axe('loaded article, dark');
  await page.screenshot({ path: path.join(shots, 'wide-dark.png') });
  await page.click('[data-testid=settings]');
  await page.selectOption('[data-testid=theme]', 'sepia');
  await page.keyboard.press('Escape');
  await axe('loaded article, sepia');
  await page.click('[data-testid=settings]');
  await page.selectOption('[data-testid=theme]', 'light');
  await page.keyboard.press('Escape');
});

test('storage refused: said once, and the app works in memory', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: { open() { throw new DOMException('refused', 'SecurityError'); } } });
  });
  const p = await ctx.newPage();
  await p.goto(base);
  await p.waitForSelector('[data-testid=storage-notice]');
  assert.match(await p.textContent('[data-testid=storage-notice]'), /does not let Lexo store your library/);
  await p.click('[data-testid=storage-notice] button');
  await p.setInputFiles('[data-testid=file-input]', [{ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLES[1][1]) }]);
  await p.waitForSelector('[data-testid=article-body] mark');
  await p.waitForTimeout(300);
  assert.equal(await p.$('[data-testid=storage-notice]'), null, 'not said again');
  await ctx.close();
});

test('on a phone the article comes first, the toolbar fits, library and names are drawers', async () => {
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(100);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, `nothing sticks out at ${width} px`);
    const title = await page.$eval('[data-testid=article-title]', (h) => h.getBoundingClientRect().top);
    assert.ok(title < 400, `the article starts on the first screen (${title} px)`);
    assert.ok(!(await page.isVisible('[data-testid=library-search]')), 'the library is a closed drawer');
    const toolbar = await page.$eval('.toolbar', (t) => [...t.querySelectorAll('button, .button, summary')].every((b) => b.getBoundingClientRect().right <= window.innerWidth + 0.5));
    assert.ok(toolbar, `every toolbar control is on screen at ${width} px`);
  }
  await page.click('[data-testid=library-drawer]');
  await page.waitForSelector('[data-testid=library-search]', { state: 'visible' });
  await page.screenshot({ path: path.join(shots, 'phone-library.png') });
  await page.locator('[data-testid=library-item] .open', { hasText: 'udhëtim' }).click();
  await page.waitForSelector('[data-testid=library-search]', { state: 'hidden' });
  await page.screenshot({ path: path.join(shots, 'phone-light.png') });
  await page.click('[data-testid=entities-drawer]');
  await page.waitForSelector('[data-testid=entity-panel]', { state: 'visible' });
  await page.keyboard.press('Escape');
  await page.click('[data-testid=settings]');
  await page.selectOption('[data-testid=theme]', 'dark');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: path.join(shots, 'phone-dark.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('printing shows the article alone', async () => {
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.toolbar', '.library', '[data-testid=entity-panel]', '[data-testid=progress]']) {
    assert.ok(!(await page.isVisible(sel)), `${sel} is not printed`);
  }
  assert.ok(await page.isVisible('[data-testid=article-body]'));
  await page.emulateMedia({ media: 'screen' });
});

test('read aloud: shown with a voice for the language, sentence by sentence, pause and resume', async () => {
  // Headless Chromium has no voices: a stand-in speechSynthesis with one Albanian voice records
  // what it is asked to say and ends each utterance at once.
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await ctx.addInitScript(() => {
    const said = (window.__said = []);
    const voice = { lang: 'sq-AL', name: 'Test shqip', default: true, localService: true, voiceURI: 'test-sq' };
    const synth = new EventTarget();
    let paused = false;
    synth.getVoices = () => [voice];
    synth.speak = (u) => { said.push(u.text); setTimeout(() => { if (!paused) u.onend?.(); }, 30); };
    synth.pause = () => { paused = true; };
    synth.resume = () => { paused = false; };
    synth.cancel = () => {};
    Object.defineProperty(window, 'speechSynthesis', { value: synth });
    window.SpeechSynthesisUtterance = class { constructor(t) { this.text = t; } };
  });
  const p = await ctx.newPage();
  await p.goto(base);
  await p.setInputFiles('[data-testid=file-input]', [{ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLES[0][1]) }]);
  await p.waitForSelector('[data-testid=article-body] mark');
  await p.click('[data-testid=read-aloud]');
  await p.waitForFunction(() => window.__said.length >= 3);
  const said = await p.evaluate(() => window.__said.slice(0, 3));
  assert.deepEqual(said, ['Kryeministri Edi Rama u takua sot në Berlin me kancelarin Olaf Scholz.', 'Të dy folën për Ballkanin Perëndimor dhe për Bashkimin Evropian.', 'Rama tha se Shqipëria është gati.']);
  assert.ok(await p.evaluate(() => CSS.highlights.has('lexo-reading')), 'the sentence being read is marked');
  await ctx.close();
  // Without a voice for the language there is no button.
  assert.equal(await page.$('[data-testid=read-aloud]'), null);
});

test('nothing was requested from anywhere but the page itself', () => {
  assert.deepEqual(outside, []);
});
