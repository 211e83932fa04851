// The verify page's files: served from the built folder when it exists, `unavailable` (never a
// crash) when it does not, and nothing but index.html and assets/ ever read from it.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { tempDir } from '../../test/support/temp-dir.ts';
import { installErrorHandling } from './error-handler.ts';
import { registerVerifyPage } from './verify-page.routes.ts';

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
