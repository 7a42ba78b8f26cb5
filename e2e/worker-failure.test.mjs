// A file that kills the reading worker costs only that file. The worker's loader is swapped (in
// a copy of dist/, nothing in the app changes) for one that runs the real engine but, for files
// named crash-*, throws (as a trap does), deep-* recurses until the stack overflows, hang-*
// loops for ever: each such file must end with its reason, the worker be replaced, and the
// files around it still read. The same holds for web pages, which the engine hands to its
// reader module: a reader that dies costs that page alone and the next page starts a new one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, watchOutside } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PREFIX = '/failing/';
const SABOTEUR = `importScripts("./lexo-worker.js");
wasm_bindgen("./lexo-worker_bg.wasm").then(() => {
  const real = self.onmessage;
  self.onmessage = (e) => {
    const name = JSON.parse(e.data[0]).name;
    if (name.startsWith('crash-')) throw new Error('RuntimeError: unreachable');
    if (name.startsWith('deep-')) { const down = (n) => down(n + 1) + 1; down(0); }
    if (name.startsWith('hang-')) { for (;;) {} }
    real(e);
  };
});`;

// The same for the reader module (the nested worker that reads web pages, Markdown, packages).
// Its files are named reader-crash-* and so on, which the engine's saboteur lets through.
const READER_SABOTEUR = SABOTEUR.replaceAll('lexo-worker', 'lexo-reader').replaceAll("startsWith('", "startsWith('reader-");

let browser, page, srv, dist;
const outside = [];

before(async () => {
  // Request routing does not reach a worker's own workers, so the loaders are swapped on disk.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'lexo-failing-'));
  fs.cpSync(path.join(here, '..', 'dist'), dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'lexo-worker_loader.js'), SABOTEUR);
  fs.writeFileSync(path.join(dist, 'lexo-reader_loader.js'), READER_SABOTEUR);
  srv = await serve(dist, PREFIX);
  const base = `http://127.0.0.1:${srv.port}${PREFIX}`;
  browser = await launch();
  // A service worker would answer the loaders' requests from a cache of the real ones.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  page = await context.newPage();
  watchOutside(page, base, outside);
  // Uncaught errors inside the worker are the point of this test, not page errors.
  await page.goto(base);
  await page.waitForSelector('[data-testid=dropzone]');
});

after(async () => {
  await browser?.close();
  srv?.server.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

test('a file that crashes, overflows or hangs the worker fails alone, and the next files are read', async () => {
  const article = (n) => Buffer.from(`Lajme\n\nKuvendi miraton ligjin numër ${n} pas debatit\n\nDeputetët në Tiranë votuan sot. Ministri Arben Kola foli për Bashkimin Evropian.`);
  const files = [
    { name: 'a.txt', buffer: article(1) }, { name: 'crash-1.txt', buffer: article(2) }, { name: 'b.txt', buffer: article(3) },
    { name: 'deep-1.txt', buffer: article(4) }, { name: 'c.txt', buffer: article(5) }, { name: 'hang-1.txt', buffer: article(6) },
    { name: 'd.txt', buffer: article(7) },
  ].map((f) => ({ ...f, mimeType: 'text/plain' }));
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=file-input]', files);
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('[data-testid=library-item]')];
    return items.length === 7 && !items.some((e) => e.textContent.includes('reading…'));
  }, null, { timeout: 60_000, polling: 200 });
  const items = await page.$$eval('[data-testid=library-item]', (els) => els.map((e) => e.textContent));
  console.log(`worker failures: 7 files settled in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const line = (name) => items.find((t) => t.includes(name));
  assert.match(line('crash-1.txt'), /Could not read crash-1\.txt: the reader failed on it/);
  assert.match(line('deep-1.txt'), /Could not read deep-1\.txt: it is nested too deeply to read/);
  assert.match(line('hang-1.txt'), /Could not read hang-1\.txt: it took longer than 10 s to read/);
  for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) assert.ok(!line(name).includes('Could not read'), line(name));
  // The last good file, read by the fourth worker, renders with its names marked.
  await page.locator('[data-testid=library-item] .open', { hasText: 'd.txt' }).first().click();
  await page.waitForSelector('[data-testid=article-body] mark');
  assert.match(await page.textContent('[data-testid=article-title]'), /numër 7/);
  assert.deepEqual(outside, []);
});

test('a web page that crashes, overflows or hangs the reader module fails alone, and the next pages are read', async () => {
  const html = (n) => Buffer.from(`<!DOCTYPE html><html><head><title>Faqja ${n}</title></head><body><article><h1>Kuvendi miraton ligjin numër ${n}</h1>
    <p>Deputetët në Tiranë votuan sot pas një debati të gjatë për buxhetin e qytetit.</p><p>Ministri Arben Kola foli për Bashkimin Evropian dhe për rrugët e reja.</p></article></body></html>`);
  const files = [
    { name: 'e.html', buffer: html(11) }, { name: 'reader-crash-2.html', buffer: html(12) }, { name: 'f.html', buffer: html(13) },
    { name: 'reader-deep-2.html', buffer: html(14) }, { name: 'g.html', buffer: html(15) }, { name: 'reader-hang-2.html', buffer: html(16) },
    { name: 'h.html', buffer: html(17) },
  ].map((f) => ({ ...f, mimeType: 'text/html' }));
  const before = (await page.$$('[data-testid=library-item]')).length;
  await page.setInputFiles('[data-testid=file-input]', files);
  await page.waitForFunction((n) => {
    const items = [...document.querySelectorAll('[data-testid=library-item]')];
    return items.length === n && !items.some((e) => e.textContent.includes('reading…'));
  }, before + 7, { timeout: 60_000, polling: 200 });
  const items = await page.$$eval('[data-testid=library-item]', (els) => els.map((e) => e.textContent));
  const line = (name) => items.find((t) => t.includes(name));
  assert.match(line('reader-crash-2.html'), /Could not read reader-crash-2\.html: the reader for this format stopped on this file/);
  assert.match(line('reader-deep-2.html'), /Could not read reader-deep-2\.html: the reader for this format stopped on this file/);
  assert.match(line('reader-hang-2.html'), /Could not read reader-hang-2\.html: it took longer than 10 s to read/);
  for (const name of ['e.html', 'f.html', 'g.html', 'h.html']) assert.ok(!line(name).includes('Could not read'), line(name));
  await page.locator('[data-testid=library-item] .open', { hasText: 'h.html' }).first().click();
  await page.waitForSelector('[data-testid=article-body] mark');
  assert.match(await page.textContent('[data-testid=article-title]'), /numër 17/);
  assert.deepEqual(outside, []);
});
