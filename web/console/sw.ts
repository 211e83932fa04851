// The staff console's service worker (served at /console/sw.js with Service-Worker-Allowed:
// /console): it keeps the console itself — the page and every file of this build — so a monitor
// who opened it once can open it again at a checkpoint with no network. It never keeps an API
// answer: requests under /api/ (and anything else not of this build) go to the network untouched,
// and what the checkpoint mode needs offline lives in IndexedDB, where the page decides.
//
// The page is served network-first (a connected browser always gets the newest console, and the
// cached copy when the network fails or hangs); the hashed build files cache-first (a name never
// changes content). The build lists those files in self.__WB_MANIFEST (vite-plugin-pwa's
// injectManifest); a new build is a new worker, which replaces the old cache when it activates.

// The few service-worker types used here; the project's TypeScript lib is the DOM's.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  __WB_MANIFEST: readonly { url: string; revision: string | null }[];
}

declare const self: WorkerScope;

// A module, so that the `self` above is this file's and not the DOM's window.
export {};

/** How long a connected-looking network may take for the page before the cached copy is used. */
const PAGE_TIMEOUT_MS = 4_000;
const CACHE_PREFIX = 'vigil-console-';

const scope = new URL(self.registration.scope);
/** The page's own address: /console (the scope, without its trailing slash). */
const PAGE = new URL(scope.pathname.replace(/\/$/, ''), scope).href;
const BUILD = self.__WB_MANIFEST;
// Each once (the plugin may list the manifest twice, and Cache.addAll refuses duplicates).
const FILES = [
  ...new Set(
    BUILD.filter((entry) => entry.url !== 'index.html').map(
      (entry) => new URL(entry.url, self.location.href).href,
    ),
  ),
];
const CACHE = CACHE_PREFIX + String(fingerprint(BUILD.map((e) => `${e.url} ${e.revision ?? ''}`)));

/** A short fingerprint of this build's file list (FNV-1a), naming its cache. */
function fingerprint(lines: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const char of lines.join('\n')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: fetch past the HTTP cache, so the copies kept are this build's.
      await cache.addAll([PAGE, ...FILES].map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

async function pageFromNetworkOrCache(request: Request): Promise<Response> {
  const cached = caches.open(CACHE).then((cache) => cache.match(PAGE));
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise<never>((_, reject) => setTimeout(reject, PAGE_TIMEOUT_MS)),
    ]);
    if (response.ok) {
      const copy = response.clone();
      void caches.open(CACHE).then((cache) => cache.put(PAGE, copy));
    }
    return response;
  } catch {
    return (await cached) ?? Response.error();
  }
}

async function fileFromCacheOrNetwork(request: Request): Promise<Response> {
  const cached = await caches.open(CACHE).then((cache) => cache.match(request));
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  const address = url.origin + url.pathname;
  if (request.mode === 'navigate' && (address === PAGE || address === scope.href)) {
    event.respondWith(pageFromNetworkOrCache(request));
  } else if (FILES.includes(address)) {
    event.respondWith(fileFromCacheOrNetwork(request));
  }
  // Anything else, the API first of all, is not the worker's business.
});
