// Service worker: keeps every file of this version of Helhedsplan-tjek, so after one visit the
// tool opens and works offline. It never touches local storage, where the answers are.
// scripts/build/finish-dist.mjs fills in the version and the file list.
const PREFIX = 'helhedsplan-tjek-';
const CACHE = `${PREFIX}__VERSION__`;
const FILES = __FILES__;
// Files for reading a plan: kept once they are first fetched, so they work offline from then on.
const ON_FIRST_USE = new Set(__ON_FIRST_USE__.map((file) => new URL(file, self.registration.scope).href));

// One file at a time: the worker is registered once the first screen is up (boot.js), and its
// downloads should never crowd what the page itself asks for next. As with `addAll`, a file
// that fails fails the install, and the next visit tries again.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const file of FILES) await cache.add(file);
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// The page asks for the new version when the user chooses it.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok && ON_FIRST_USE.has(request.url)) cache.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
