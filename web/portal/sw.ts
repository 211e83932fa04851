// The resident portal's service worker (built into dist/web/portal/sw.js by
// build/portal-pwa.vite.ts, which defines PRECACHE and VERSION): it keeps the portal's shell —
// the page, its script, style, icon and manifest — so the portal opens with no network.
// It never caches anything else, above all no API answer: those carry reference codes, receipt
// codes and journey states of real people, and a phone may be lost, shared or searched.
// Shell files are answered from the cache first: on a bad network a page that opens at once
// matters more than a page that is a minute newer, and a new build changes VERSION, which
// makes the browser install this worker again with the new files.

/** URLs of the shell, the page's own path first (defined by the build). */
declare const PRECACHE: readonly string[];
/** A digest of the shell's files: a new build, a new cache (defined by the build). */
declare const VERSION: string;

// The few service-worker types used here (tsconfig's DOM library does not declare them).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
declare const self: ServiceWorkerScope;

const PREFIX = 'vigil-portal-';
const CACHE = `${PREFIX}${VERSION}`;
const SHELL = new Set(PRECACHE);

async function install(): Promise<void> {
  const cache = await caches.open(CACHE);
  // Past the HTTP cache: the page is revalidated anyway, and a stale copy must not be kept.
  await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
  await self.skipWaiting();
}

async function activate(): Promise<void> {
  const names = await caches.keys();
  const old = names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  await Promise.all(old.map((name) => caches.delete(name)));
  await self.clients.claim();
}

async function shellFile(request: Request, path: string): Promise<Response> {
  const cached = await (await caches.open(CACHE)).match(path);
  return cached ?? fetch(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(install());
});
self.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Anything that is not a shell file — every API call among them — goes to the network
  // untouched and is never stored. The page is matched by its path: a query changes nothing.
  if (url.origin !== self.location.origin || !SHELL.has(url.pathname)) return;
  event.respondWith(shellFile(request, url.pathname));
});

export {};
