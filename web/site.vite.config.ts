// Builds the public site (web/site/) into dist/web/site/, served at / with its files under
// /site/assets/. `npm run build:web` builds it after the verify page.
import { defineConfig } from 'vite';
import { pageConfig } from './page.vite.ts';

const page = pageConfig('site', '/site/');

export default defineConfig({
  ...page,
  // The site is written against React's API but runs on preact/compat: the same components in
  // a tenth of the script, which a cheap phone on a slow network parses much sooner (Lighthouse
  // performance). Types still come from React; the browser test runs the built page.
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    ...page.build,
    // The charts, the map, its outlines and the methodology text are loaded lazily, so the
    // entry shares some modules with them in chunks of their own: preload links in index.html
    // (`<link rel="modulepreload">`, allowed by script-src 'self'; no polyfill, no inline script)
    // fetch those alongside the entry instead of after it.
    modulePreload: { polyfill: false },
  },
});
