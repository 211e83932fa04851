// Builds the public site (web/site/) into dist/web/site/, served at / with its files under /site/
// (src/http/verify-page.routes.ts). `npm run build:web` builds it with the verify page.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./site/', import.meta.url)),
  base: '/site/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web/site/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
  },
});
