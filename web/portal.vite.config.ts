// Builds the resident portal (web/portal/) into dist/web/portal/, served at /portal with
// its files under /portal/, plus its manifest and service worker (portal/build/portal-pwa.vite.ts).
// `npm run build:web` builds it with the other pages.
import { defineConfig } from 'vite';
import { pageConfig } from './page.vite.ts';
import { portalPwa } from './portal/build/portal-pwa.vite.ts';

const page = pageConfig('portal', '/portal/');

export default defineConfig({
  ...page,
  plugins: [portalPwa()],
  build: {
    ...page.build,
    // The icon stays a file: the manifest must name it by URL, not hold it inline.
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
  },
});
