// GET /verify: the browser verify page (web/verify/, built by `npm run build:web` into
// dist/web/verify/). Only index.html and the hashed files under assets/ are served, read at
// request time, so a server started before the build serves the page once it exists. Without a
// build the page answers `unavailable`, saying what to run, rather than failing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain-error.ts';
import { PUBLIC } from './route-policy.ts';

/** Where `npm run build:web` writes the page (web/vite.config.ts). */
export const VERIFY_PAGE_DIR = fileURLToPath(new URL('../../dist/web/verify/', import.meta.url));

// Vite names assets `<name>-<hash>.<ext>`; nothing else (no dot segments, no subfolders) is read.
const ASSET = /^assets\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(js|css|svg)$/;
const TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};
// Asset names change with their content; the page itself must be revalidated to pick them up.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const PAGE_CACHE = 'no-cache';

async function readBuilt(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Registers GET /verify and GET /verify/assets/… from the built page in `dir` (default
 * VERIFY_PAGE_DIR). The global helmet headers, CSP included, apply to them as to every route.
 *
 * @example registerVerifyPage(app, {})
 */
export function registerVerifyPage(app: FastifyInstance, options: { dir?: string }): void {
  const dir = options.dir ?? VERIFY_PAGE_DIR;
  app.get('/verify', { config: { policy: PUBLIC }, schema: { hide: true } }, async (_, reply) => {
    const page = await readBuilt(join(dir, 'index.html'));
    if (page === undefined) {
      throw new DomainError('unavailable', 'the verify page is not built', {
        details: { reason: 'The verify page is not built on this server: run npm run build:web.' },
      });
    }
    return reply.header('cache-control', PAGE_CACHE).type('text/html; charset=utf-8').send(page);
  });
  app.get<{ Params: { '*': string } }>(
    '/verify/*',
    { config: { policy: PUBLIC }, schema: { hide: true } },
    async (request, reply) => {
      const path = request.params['*'];
      // /verify/ is the page too; a relative link from it must still resolve.
      if (path === '') return reply.redirect('/verify');
      const type = TYPES[ASSET.exec(path)?.[1] ?? ''];
      const data = type === undefined ? undefined : await readBuilt(join(dir, path));
      if (type === undefined || data === undefined) {
        throw new DomainError('not_found', 'no such file of the verify page');
      }
      return reply.header('cache-control', IMMUTABLE).type(type).send(data);
    },
  );
}
