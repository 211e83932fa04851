// Builds the staff console (web/console/) into dist/web/console/, served at /console with
// its files under /console/. `npm run build:web` builds it with the other pages.
// The console is installable and opens offline: vite-plugin-pwa builds its service worker
// (web/console/sw.ts, written by hand; the plugin only compiles it and injects the list of this
// build's files) to /console/sw.js, and writes the web app manifest beside index.html.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { pageConfig } from './page.vite.ts';

const page = pageConfig('console', '/console/');

// The icon's URL goes into the manifest, which is written before vite would name the file: so
// it is named here, by its content as vite names assets, and emitted and linked by this plugin.
const ICON = readFileSync(new URL('./console/icon.svg', import.meta.url));
const ICON_FILE = `assets/icon-${createHash('sha256').update(ICON).digest('base64url').slice(0, 8)}.svg`;

function consoleIcon(): Plugin {
  return {
    name: 'vigil-console-icon',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: ICON_FILE, source: ICON });
    },
    transformIndexHtml: () => [
      {
        tag: 'link',
        attrs: { rel: 'icon', type: 'image/svg+xml', href: `/console/${ICON_FILE}` },
        injectTo: 'head',
      },
    ],
  };
}

export default defineConfig({
  ...page,
  plugins: [
    consoleIcon(),
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
        icons: [{ src: ICON_FILE, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      injectManifest: {
        // The QR reader's WebAssembly (about 1 MB) must work offline too.
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
});
