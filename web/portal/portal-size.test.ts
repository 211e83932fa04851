// The portal's JavaScript budget (issue 5: under 150 KB gzipped, for cheap phones on bad
// networks): every script of the built portal, its service worker included, gzipped as a
// server would send it. `npm test` builds the pages first; a lone run builds the portal.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { PORTAL_DIR } from '../../src/http/web-pages.routes.ts';

/** The budget, in bytes. */
const BUDGET = 150 * 1024;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function builtPortal(): Promise<string> {
  if (!existsSync(join(PORTAL_DIR, 'index.html'))) {
    const vite = join(ROOT, 'node_modules/.bin/vite');
    await promisify(execFile)(vite, ['build', '--config', 'web/portal.vite.config.ts'], {
      cwd: ROOT,
    });
  }
  return PORTAL_DIR;
}

describe('the built resident portal', () => {
  it('sends under 150 KB of gzipped JavaScript', async (t) => {
    const dir = await builtPortal();
    const assets = (await readdir(join(dir, 'assets'))).map((name) => join('assets', name));
    const scripts = [...assets, 'sw.js'].filter((name) => name.endsWith('.js'));
    assert.ok(scripts.length >= 2, `scripts: ${scripts.join(', ')}`);
    let total = 0;
    for (const name of scripts) {
      const size = gzipSync(await readFile(join(dir, name))).length;
      t.diagnostic(`${name}: ${(size / 1024).toFixed(1)} KB gzipped`);
      total += size;
    }
    t.diagnostic(
      `portal JavaScript total: ${(total / 1024).toFixed(1)} KB gzipped (budget 150 KB)`,
    );
    assert.ok(total < BUDGET, `${String(total)} bytes gzipped`);
  });
});
