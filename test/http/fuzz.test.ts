// Bad input never gives a 5xx and never changes anything: thousands of random and mutated
// requests against every route, in process.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { HTTPMethods, InjectOptions } from 'fastify';
import { openTestVigil } from '../support/test-vigil.ts';

const { vigil, partnerToken, monitorToken } = await openTestVigil({
  notaryRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
});

const paths = [
  '/',
  '/log/checkpoint',
  '/log/tile/0/000.p/1',
  '/log/tile/entries/000.p/1',
  '/log/tile/0/x001/002',
  '/api/v1/log',
  '/api/openapi.json',
  '/api/v1/notary',
];
const validBody = JSON.stringify({ sha256: 'cd'.repeat(32) });

const mutatedText = (base: string) =>
  fc
    .tuple(fc.nat({ max: base.length }), fc.nat({ max: 4 }), fc.string({ maxLength: 6 }))
    .map(([at, cut, insert]) => base.slice(0, at) + insert + base.slice(at + cut));

const body = fc.oneof(
  fc.constant(validBody),
  mutatedText(validBody),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constant(''),
  fc.constant('{"sha256":"' + 'a'.repeat(70_000) + '"}'),
);

const authorization = fc.oneof(
  fc.constant(`Bearer ${partnerToken}`),
  fc.constant(`Bearer ${monitorToken}`),
  mutatedText(`Bearer ${partnerToken}`),
  fc.string({ maxLength: 80 }),
  fc.constant(undefined),
);

const randomRequest = fc.record({
  method: fc.constantFrom<HTTPMethods>('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
  // inject() needs a path; anything after the leading slash is fair game.
  path: fc
    .oneof(fc.constantFrom(...paths), ...paths.map(mutatedText), fc.webPath())
    .map((path) => (path.startsWith('/') ? path : `/${path}`))
    // Paths a client cannot even send (light-my-request reads "/\\/" as a host) are not tests of
    // the server.
    .filter(
      (path) =>
        URL.canParse(path, 'http://localhost') &&
        new URL(path, 'http://localhost').host === 'localhost',
    ),
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/json; charset=latin1',
    '',
  ),
  authorization,
  body,
});

// A valid notarisation now and then, so that the property also sees accepted writes.
const validRequest = fc.constant({
  method: 'POST',
  path: '/api/v1/notary',
  contentType: 'application/json',
  authorization: `Bearer ${partnerToken}` as string | undefined,
  body: validBody,
});

const request = fc.oneof(
  { arbitrary: randomRequest, weight: 19 },
  { arbitrary: validRequest, weight: 1 },
);

describe('every route under random and mutated requests', () => {
  it('never answers 5xx, always with a catalogued code, and writes only on success', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const before = vigil.sequencer.checkpoint.size;
        const headers: Record<string, string> = {};
        if (r.contentType !== '') headers['content-type'] = r.contentType;
        if (r.authorization !== undefined) headers['authorization'] = r.authorization;
        const options: InjectOptions = {
          method: r.method,
          url: r.path,
          headers,
        };
        if (r.method !== 'GET' && r.method !== 'HEAD') options.payload = r.body;
        const response = await vigil.app.inject(options);
        assert.ok(response.statusCode < 500, `${r.method} ${r.path} gave ${response.statusCode}`);
        if (response.statusCode >= 400 && r.method !== 'HEAD') {
          const code = response.json<{ error?: { code?: unknown } }>().error?.code;
          assert.equal(typeof code, 'string', `${r.method} ${r.path}: ${response.body}`);
        }
        const after = vigil.sequencer.checkpoint.size;
        if (response.statusCode === 200 && r.method === 'POST' && r.path === '/api/v1/notary') {
          accepted++;
          assert.ok(after > before);
        } else {
          assert.equal(
            after,
            before,
            `${r.method} ${r.path} ${response.statusCode} changed the log`,
          );
        }
      }),
      { numRuns: 3000 },
    );
    assert.ok(accepted > 0, 'some valid requests went through');
  });
});
