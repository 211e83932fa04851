// Pages of the web application (web/, built by `npm run build:web` into dist/web/): each page's
// index.html at its path, and the hashed files vite wrote under its assets path. Files are read
// at request time, so a server started before the build serves the page once it exists; without
// a build the page answers `unavailable`, saying what to run, rather than failing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.ts';
import { PUBLIC } from './route-policy.ts';

// Vite names assets `<name>-<hash>.<ext>`; nothing else (no dot segments, no subfolders) is read.
const ASSET = /^assets\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(js|css|svg|json|wasm|png)$/;
// An installable page's service worker and manifest keep fixed names beside index.html: the
// browser looks for them there, so they are revalidated like the page, never cached for good.
const FIXED: Readonly<Record<string, string>> = {
  'sw.js': 'js',
  'manifest.webmanifest': 'webmanifest',
};
const TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
  wasm: 'application/wasm',
  png: 'image/png',
  webmanifest: 'application/manifest+json; charset=utf-8',
};
// Asset names change with their content; the page itself must be revalidated to pick them up.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const PAGE_CACHE = 'no-cache';

// Pages are read on phones over slow networks: text files go gzipped to every client that takes
// gzip. A hashed asset never changes under its name, so it is compressed once and kept (the few
// files of a build; the bound only guards against a server living through many rebuilds); a page
// or worker may change with the next build and is small, so it is compressed per request.
const GZIPPED_LIMIT = 256;
const gzipped = new Map<string, Buffer>();
const INCOMPRESSIBLE = new Set(['image/png']);

function gzipOnce(key: string, data: Buffer): Buffer {
  let packed = gzipped.get(key);
  if (packed === undefined) {
    packed = gzipSync(data);
    if (gzipped.size >= GZIPPED_LIMIT) gzipped.clear();
    gzipped.set(key, packed);
  }
  return packed;
}

/** Sends `data` as `type`, gzipped when the client takes it; `cacheKey` names an immutable file. */
function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { data: Buffer; type: string; cacheKey?: string },
) {
  void reply.type(file.type);
  if (INCOMPRESSIBLE.has(file.type)) return reply.send(file.data);
  void reply.header('vary', 'accept-encoding');
  const accepts = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  if (!accepts) return reply.send(file.data);
  const packed =
    file.cacheKey === undefined ? gzipSync(file.data) : gzipOnce(file.cacheKey, file.data);
  return reply.header('content-encoding', 'gzip').send(packed);
}

async function readBuilt(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** One built page: where it is served, where its files are, and its name for messages. */
export interface BuiltPage {
  /** The page's path, e.g. '/verify' or '/'. */
  readonly path: string;
  /** The prefix of its files (vite's `base` without the trailing slash), e.g. '/verify'. */
  readonly files: string;
  /** The build's output folder. */
  readonly dir: string;
  /** What the page is, for the `unavailable` and `not_found` messages. */
  readonly name: string;
  /** The page compiles WebAssembly (the console's QR reader): its CSP allows that, nothing more. */
  readonly wasm?: boolean;
}

// helmet's default CSP with one source more for a page that compiles WebAssembly: 'wasm-unsafe-eval'
// lets it compile wasm and still forbids eval and inline script; every other header is unchanged.
const WASM_PAGE = {
  helmet: {
    contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'wasm-unsafe-eval'"] } },
  },
};

/**
 * Registers GET `page.path` and GET `page.files`/assets/… from the build in `page.dir`. The
 * global helmet headers, CSP included, apply to them as to every route (a `wasm` page's CSP
 * also allows compiling WebAssembly).
 */
export function registerBuiltPage(app: FastifyInstance, page: BuiltPage): void {
  const config = { config: { policy: PUBLIC }, schema: { hide: true } };
  // A config object of its own: @fastify/helmet writes the route's options into it.
  const pageOptions =
    page.wasm === true
      ? { ...WASM_PAGE, config: { policy: PUBLIC }, schema: { hide: true } }
      : config;
  app.get(page.path, pageOptions, async (request, reply) => {
    const html = await readBuilt(join(page.dir, 'index.html'));
    if (html === undefined) {
      throw new DomainError('unavailable', `the ${page.name} is not built`, {
        details: { reason: `The ${page.name} is not built on this server: run npm run build:web.` },
      });
    }
    void reply.header('cache-control', PAGE_CACHE);
    return sendFile(request, reply, { data: html, type: 'text/html; charset=utf-8' });
  });
  app.get<{ Params: { '*': string } }>(`${page.files}/*`, config, async (request, reply) => {
    const path = request.params['*'];
    // The folder itself is the page too; a relative link from it must still resolve.
    if (path === '') return reply.redirect(page.path);
    const fixed = FIXED[path];
    const type = TYPES[fixed ?? ASSET.exec(path)?.[1] ?? ''];
    const data = type === undefined ? undefined : await readBuilt(join(page.dir, path));
    if (type === undefined || data === undefined) {
      throw new DomainError('not_found', `no such file of the ${page.name}`);
    }
    if (fixed === undefined) {
      void reply.header('cache-control', IMMUTABLE);
      return sendFile(request, reply, { data, type, cacheKey: join(page.dir, path) });
    }
    // A worker at /portal/sw.js may control /portal itself only when the server allows it.
    if (path === 'sw.js') void reply.header('service-worker-allowed', page.path);
    void reply.header('cache-control', PAGE_CACHE);
    return sendFile(request, reply, { data, type });
  });
}
