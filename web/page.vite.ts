// The vite configuration of one page of the web application: web/NAME/ built into
// dist/web/NAME/, its files under `base` (where src/http/web-pages.routes.ts serves them).
// No public/ folder: everything a page needs is imported, hashed and listed by the build.
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

/** The configuration of page `name`, served with its files under `base`. */
export function pageConfig(name: string, base: string): UserConfig {
  return {
    root: fileURLToPath(new URL(`./${name}/`, import.meta.url)),
    base,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: fileURLToPath(new URL(`../dist/web/${name}/`, import.meta.url)),
      emptyOutDir: true,
      target: 'es2022',
      // One script file per page keeps the CSP simple (script-src 'self').
      modulePreload: false,
    },
  };
}
