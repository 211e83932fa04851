// What makes the resident portal installable and able to open offline, written by the build
// beside dist/web/portal/index.html under the names the server serves (built-page.routes.ts):
// `manifest.webmanifest`, and `sw.js` compiled from ../sw.ts with the list of the shell's files
// and a digest of them. Hand-written rather than vite-plugin-pwa: the worker needs ten lines of
// caching, and a hand-written list of what it keeps is easier to check (it must never keep an
// API answer) than a generated workbox worker.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transformWithOxc } from 'vite';
import type { Plugin } from 'vite';

const SW_SOURCE = fileURLToPath(new URL('../sw.ts', import.meta.url));
/** The page's own path: where the portal is served and the worker's scope. */
const PAGE = '/portal';
const FILES = `${PAGE}/`;
const THEME = '#0b5cad';

/** The manifest: the product's name (not translated), the portal's path and its icon. */
function manifest(iconFile: string | undefined): string {
  const icons =
    iconFile === undefined
      ? []
      : [{ src: `${FILES}${iconFile}`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }];
  return JSON.stringify({
    id: PAGE,
    name: 'Vigil',
    short_name: 'Vigil',
    start_url: PAGE,
    scope: PAGE,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME,
    icons,
  });
}

/** The worker's script: ../sw.ts without its types, after the shell's list and digest. */
async function serviceWorker(precache: readonly string[], version: string): Promise<string> {
  const compiled = await transformWithOxc(await readFile(SW_SOURCE, 'utf8'), SW_SOURCE, {
    lang: 'ts',
  });
  // sw.ts is a module only for the type checker; the worker runs as a classic script, which
  // every browser that has service workers supports.
  const script = compiled.code.replace(/^export \{\};?\s*$/m, '');
  if (/^\s*(?:export|import)\b/m.test(script)) throw new Error('sw.ts must not import or export');
  return `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = ${JSON.stringify(version)};\n${script}`;
}

/**
 * The vite plugin that writes the portal's manifest and service worker. The worker keeps the
 * page, every file of this build, and the manifest; its VERSION digests their names (hashed
 * by content) and the page, so any change of the build installs a new worker.
 */
export function portalPwa(): Plugin {
  return {
    name: 'vigil-portal-pwa',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/') && !name.endsWith('.map'))
        .sort();
      const icon = files.find((name) => /^assets\/icon-[\w-]+\.svg$/.test(name));
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: manifest(icon) });
      const page = bundle['index.html'];
      const html = page?.type === 'asset' ? String(page.source) : '';
      const precache = [
        PAGE,
        ...files.map((name) => `${FILES}${name}`),
        `${FILES}manifest.webmanifest`,
      ];
      const version = createHash('sha256')
        .update(JSON.stringify({ precache, html, manifest: manifest(icon) }))
        .digest('hex')
        .slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: await serviceWorker(precache, version),
      });
    },
  };
}
