// The pages of the web application, each built by `npm run build:web` from web/NAME/ into
// dist/web/NAME/ (see built-page.routes.ts): GET /verify, the browser verify page; GET /, the
// public site (its files under /site/); GET /portal, the resident portal; GET /console, the staff
// console.
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

/** Where `npm run build:web` writes the resident portal (web/portal.vite.config.ts). */
export const PORTAL_DIR = fileURLToPath(new URL('../../dist/web/portal/', import.meta.url));

/** Where `npm run build:web` writes the staff console (web/console.vite.config.ts). */
export const CONSOLE_DIR = fileURLToPath(new URL('../../dist/web/console/', import.meta.url));

/** Registers GET /portal and its files under /portal/ from the built portal in `dir`. */
export function registerPortal(app: FastifyInstance, options: { dir?: string }): void {
  const dir = options.dir ?? PORTAL_DIR;
  registerBuiltPage(app, { path: '/portal', files: '/portal', dir, name: 'resident portal' });
}

/** Registers GET /console and its files under /console/ from the built console in `dir`. */
export function registerConsole(app: FastifyInstance, options: { dir?: string }): void {
  const dir = options.dir ?? CONSOLE_DIR;
  registerBuiltPage(app, {
    path: '/console',
    files: '/console',
    dir,
    name: 'staff console',
    wasm: true,
  });
}
