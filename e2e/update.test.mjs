// A deployment replaces the offline copy: after a visit (service worker in control), the site's
// files change on the server; the next visits show the new version, and the old cache is gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const PREFIX = '/app/';
let browser, srv, site;

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'lexo-site-'));
  fs.cpSync(dist, site, { recursive: true });
  srv = await serve(site, PREFIX);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  srv?.server.close();
  fs.rmSync(site, { recursive: true, force: true });
});

test('a new deployment takes over from the cached one', async () => {
  const page = await browser.newPage();
  const base = `http://127.0.0.1:${srv.port}${PREFIX}`;
  await page.goto(base);
  await page.waitForSelector('[data-testid=dropzone]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const oldCaches = await page.evaluate(() => caches.keys());
  assert.equal(oldCaches.length, 1);

  // "Deploy": a changed page and, as the build writes it, a service worker of a new version.
  const index = path.join(site, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<head>', '<head><meta name="lexo-build" content="next">'));
  const sw = path.join(site, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));

  await page.reload();
  await page.waitForSelector('[data-testid=dropzone]');
  const build = () => page.evaluate(() => document.querySelector('meta[name=lexo-build]')?.content ?? 'old');
  assert.equal(await build(), 'next', 'pages are fetched network-first');
  await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old), oldCaches[0], { timeout: 15_000 });
  // And offline, the new version is what opens.
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid=dropzone]');
  assert.equal(await build(), 'next');
  await page.context().setOffline(false);
});
