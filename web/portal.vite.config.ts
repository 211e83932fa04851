// Builds the resident portal (web/portal/) into dist/web/portal/, served at /portal with
// its files under /portal/. `npm run build:web` builds it with the other pages.
import { defineConfig } from 'vite';
import { pageConfig } from './page.vite.ts';

export default defineConfig(pageConfig('portal', '/portal/'));
