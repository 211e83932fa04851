// GET /verify: the browser verify page (web/verify/, built by `npm run build:web` into
// dist/web/verify/), and GET /: the public site (web/site/, into dist/web/site/, its files under
// /site/). See built-page.routes.ts.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { registerBuiltPage } from './built-page.routes.ts';

/** Where `npm run build:web` writes the verify page (web/vite.config.ts). */
export const VERIFY_PAGE_DIR = fileURLToPath(new URL('../../dist/web/verify/', import.meta.url));

/** Where `npm run build:web` writes the public site (web/site.vite.config.ts). */
export const PUBLIC_SITE_DIR = fileURLToPath(new URL('../../dist/web/site/', import.meta.url));

/**
 * Registers GET /verify and GET /verify/assets/… from the built page in `dir` (default
 * VERIFY_PAGE_DIR).
 *
 * @example registerVerifyPage(app, {})
 */
export function registerVerifyPage(app: FastifyInstance, options: { dir?: string }): void {
  const dir = options.dir ?? VERIFY_PAGE_DIR;
  registerBuiltPage(app, { path: '/verify', files: '/verify', dir, name: 'verify page' });
}

/** Registers GET / and GET /site/assets/… from the built public site in `dir`. */
export function registerPublicSite(app: FastifyInstance, options: { dir?: string }): void {
  const dir = options.dir ?? PUBLIC_SITE_DIR;
  registerBuiltPage(app, { path: '/', files: '/site', dir, name: 'public site' });
}
