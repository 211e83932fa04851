// A built page's files (the verify page and the portal here): served from the built folder when
// it exists, `unavailable` (never a crash) when it does not, and nothing but index.html, assets/
// and an installable page's sw.js and manifest ever read from it.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { tempDir } from '../../test/support/temp-dir.ts';
import { installErrorHandling } from './error-handler.ts';
import { registerConsole, registerPortal, registerVerifyPage } from './web-pages.routes.ts';

async function appServing(dir: string) {
  const app = Fastify();
  installErrorHandling(app);
  registerVerifyPage(app, { dir });
  await app.ready();
  return app;
}

const built = tempDir();
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>verify</title>');
writeFileSync(join(built, 'assets', 'index-AbC_1.js'), 'console.log(1);');
writeFileSync(join(built, 'assets', 'index-AbC_1.css'), 'body{}');
writeFileSync(join(built, 'secret.txt'), 'not part of the page');

describe('GET /verify', () => {
  it('serves the built page as HTML that is revalidated', async () => {
    const app = await appServing(built);
    const response = await app.inject({ method: 'GET', url: '/verify' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.equal(response.body, '<!doctype html><title>verify</title>');
  });

  it('serves hashed assets with their type, cached for good', async () => {
    const app = await appServing(built);
    const script = await app.inject({ method: 'GET', url: '/verify/assets/index-AbC_1.js' });
    assert.equal(script.statusCode, 200);
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.match(String(script.headers['cache-control']), /immutable/);
    const style = await app.inject({ method: 'GET', url: '/verify/assets/index-AbC_1.css' });
    assert.equal(style.headers['content-type'], 'text/css; charset=utf-8');
  });

  it('reads nothing outside assets/ and answers not_found for it', async () => {
    const app = await appServing(built);
    for (const url of [
      '/verify/secret.txt',
      '/verify/assets/../secret.txt',
      '/verify/assets/%2e%2e/secret.txt',
      '/verify/assets/missing-1.js',
      '/verify/assets/index-AbC_1.txt',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 404, url);
      assert.doesNotMatch(response.body, /not part of the page/, url);
    }
  });

  it('gzips the page and its assets for a client that takes gzip, and only then', async () => {
    const app = await appServing(built);
    for (const url of ['/verify', '/verify/assets/index-AbC_1.js']) {
      const packed = await app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'br, gzip' },
      });
      assert.equal(packed.headers['content-encoding'], 'gzip', url);
      assert.equal(packed.headers.vary, 'accept-encoding', url);
      const plain = await app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'identity' },
      });
      assert.equal(plain.headers['content-encoding'], undefined, url);
      assert.equal(gunzipSync(packed.rawPayload).toString(), plain.body, url);
    }
  });

  it('redirects /verify/ to the page', async () => {
    const app = await appServing(built);
    const response = await app.inject({ method: 'GET', url: '/verify/' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/verify');
  });

  it('answers unavailable, saying how to build it, when the page is not built', async () => {
    const app = await appServing(tempDir());
    const response = await app.inject({ method: 'GET', url: '/verify' });
    assert.equal(response.statusCode, 503);
    const body = response.json<{ error: { code: string; details: { reason: string } } }>();
    assert.equal(body.error.code, 'unavailable');
    assert.match(body.error.details.reason, /npm run build:web/);
  });
});

describe('GET /portal/sw.js and /portal/manifest.webmanifest', () => {
  const portal = tempDir();
  mkdirSync(join(portal, 'assets'));
  writeFileSync(join(portal, 'index.html'), '<!doctype html><title>portal</title>');
  writeFileSync(join(portal, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(portal, 'manifest.webmanifest'), '{"name":"portal"}');
  writeFileSync(join(portal, 'assets', 'scan-Zz9.wasm'), Buffer.from([0, 97, 115, 109]));

  async function portalApp() {
    const app = Fastify();
    installErrorHandling(app);
    registerPortal(app, { dir: portal });
    await app.ready();
    return app;
  }

  it('serves the service worker, revalidated, allowed to control the page itself', async () => {
    const app = await portalApp();
    const worker = await app.inject({ method: 'GET', url: '/portal/sw.js' });
    assert.equal(worker.statusCode, 200);
    assert.equal(worker.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(worker.headers['cache-control'], 'no-cache');
    assert.equal(worker.headers['service-worker-allowed'], '/portal');
  });

  it('serves the manifest and wasm assets with their types', async () => {
    const app = await portalApp();
    const manifest = await app.inject({ method: 'GET', url: '/portal/manifest.webmanifest' });
    assert.equal(manifest.headers['content-type'], 'application/manifest+json; charset=utf-8');
    assert.equal(manifest.headers['cache-control'], 'no-cache');
    assert.equal(manifest.headers['service-worker-allowed'], undefined);
    const wasm = await app.inject({ method: 'GET', url: '/portal/assets/scan-Zz9.wasm' });
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.match(String(wasm.headers['cache-control']), /immutable/);
  });

  it('answers not_found for a fixed name the build did not write', async () => {
    const app = await appServing(built);
    const response = await app.inject({ method: 'GET', url: '/verify/sw.js' });
    assert.equal(response.statusCode, 404);
  });
});

describe('GET /console: the CSP of a page that compiles WebAssembly', () => {
  const consoleDir = tempDir();
  writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');

  async function helmetApp() {
    const app = Fastify();
    installErrorHandling(app);
    await app.register(fastifyHelmet, { global: true });
    registerConsole(app, { dir: consoleDir });
    registerVerifyPage(app, { dir: built });
    await app.ready();
    return app;
  }

  const directives = (header: unknown) =>
    new Map(
      String(header)
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name = '', ...sources]) => [name, sources.join(' ')]),
    );

  it("adds 'wasm-unsafe-eval' to script-src and changes nothing else", async () => {
    const app = await helmetApp();
    const page = await app.inject({ method: 'GET', url: '/console' });
    const other = await app.inject({ method: 'GET', url: '/verify' });
    assert.equal(page.statusCode, 200);
    const csp = directives(page.headers['content-security-policy']);
    const usual = directives(other.headers['content-security-policy']);
    assert.equal(csp.get('script-src'), "'self' 'wasm-unsafe-eval'");
    assert.equal(usual.get('script-src'), "'self'", 'other pages keep the default');
    assert.deepEqual(
      [...csp].filter(([name]) => name !== 'script-src'),
      [...usual].filter(([name]) => name !== 'script-src'),
    );
    const rest = (headers: Record<string, unknown>) =>
      Object.keys(headers)
        .filter((name) => name !== 'content-security-policy' && name !== 'content-length')
        .filter((name) => name !== 'date' && name !== 'content-encoding')
        .sort()
        .map((name) => `${name}: ${String(headers[name])}`);
    assert.deepEqual(rest(page.headers), rest(other.headers), 'every other header unchanged');
  });

  it('keeps the default CSP on the console files and the worker', async () => {
    const app = await helmetApp();
    const missing = await app.inject({ method: 'GET', url: '/console/sw.js' });
    assert.equal(
      directives(missing.headers['content-security-policy']).get('script-src'),
      "'self'",
    );
  });
});
