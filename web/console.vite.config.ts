// Builds the staff console (web/console/) into dist/web/console/, served at /console with
// its files under /console/. `npm run build:web` builds it with the other pages.
// The console is installable and opens offline: vite-plugin-pwa builds its service worker
// (web/console/sw.ts, written by hand; the plugin only compiles it and injects the list of this
// build's files) to /console/sw.js, and writes the web app manifest beside index.html.
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vite';
import { pageConfig } from './page.vite.ts';

const page = pageConfig('console', '/console/');

export default defineConfig({
  ...page,
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      // main.tsx registers the worker itself (no inline script: the CSP allows none).
      injectRegister: false,
      scope: '/console',
      manifest: {
        name: 'Vigil staff console',
        short_name: 'Vigil',
        start_url: '/console#/checkpoint',
        scope: '/console',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [],
      },
      injectManifest: {
        // The QR reader's WebAssembly (about 1 MB) must work offline too.
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
});
