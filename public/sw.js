// Service worker: keeps every file of this version of Helhedsplan-tjek, so after one visit the
// tool opens and works offline. It never touches local storage, where the answers are.
// scripts/build/finish-dist.mjs fills in the version and the file list.
const PREFIX = 'helhedsplan-tjek-';
const CACHE = `${PREFIX}__VERSION__`;
const FILES = __FILES__;
// Files for reading a plan: kept once they are first fetched, so they work offline from then on.
const ON_FIRST_USE = new Set(__ON_FIRST_USE__.map((file) => new URL(file, self.registration.scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
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
