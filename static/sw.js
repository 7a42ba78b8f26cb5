// SPDX-License-Identifier: MIT OR Apache-2.0
// Lexo's service worker: after one visit the app opens and works with no network. The page's
// own files are cached at install (their list and the version are written in at build time by
// tools/sw_manifest.py); language data (word lists, a language's tagger model) and the reader
// module (web pages, Markdown, packages) are cached the first time the reading worker fetches them.
// Pages are fetched network-first, so a new deployment is picked up on the next visit, and the
// old version's cache is deleted once the new one has taken over.
const VERSION = '__LEXO_VERSION__';
const ASSETS = __LEXO_ASSETS__;
const CACHE = 'lexo-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS.map((u) => new Request(u, { cache: 'reload' })))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lexo-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The newest page when online; the cached one when not.
    event.respondWith(fetch(request).then((response) => {
      const copy = response.clone();
      if (response.ok) caches.open(CACHE).then((c) => c.put('./', copy));
      return response;
    }).catch(() => caches.match('./', { ignoreSearch: true }).then((r) => r || caches.match('index.html'))));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((cached) => cached || fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((c) => c.put(request, copy));
    }
    return response;
  })));
});
