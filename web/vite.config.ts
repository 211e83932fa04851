// Builds the browser verify page (web/verify/) into dist/web/verify/, where the server reads it
// (src/http/verify-page.routes.ts). `npm run build:web`; npm start and npm test run it first.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./verify/', import.meta.url)),
  // The page is served at /verify and its files under /verify/assets/.
  base: '/verify/',
  // No public/ folder: everything the page needs is imported, hashed and listed by the build.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web/verify/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The log code is small; one file keeps the CSP simple (script-src 'self').
    modulePreload: false,
  },
});
