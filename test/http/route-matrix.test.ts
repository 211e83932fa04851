// Every route × every credential (one per role, plus an API token and a device of the monitor
// role, plus no credential at all): anonymous callers of a non-public route get 401, callers
// the table does not allow get 403, allowed ones get past authorisation (any other answer: the
// request bodies are empty and :params random, so validation or look-up may refuse them next).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { HTTPMethods } from 'fastify';
import { routePolicies } from '../../src/http/route-policy.ts';
import { openTestVigil } from '../support/test-vigil.ts';
import { EXPECTED, isAllowed } from './route-matrix.ts';
import type { ExpectedAccess } from './route-matrix.ts';

const test = await openTestVigil();
const { app } = test.vigil;

function expectedRoutes(): Map<string, ExpectedAccess> {
  const routes = new Map<string, ExpectedAccess>();
  for (const [route, access] of Object.entries(EXPECTED)) {
    routes.set(route, access);
    if (route.startsWith('GET ')) routes.set(`HEAD ${route.slice(4)}`, access);
  }
  return routes;
}

function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\*$/, '0/000');
}

const routes = expectedRoutes();
// Signing out ends the session it is called with, so it goes last.
const order = [...routes.keys()].sort(
  (a, b) => Number(a === 'DELETE /api/v1/session') - Number(b === 'DELETE /api/v1/session'),
);

// A stream stays open: read only its status and headers, then hang up.
const STREAMS = new Set(['/api/v1/alerts/stream']);

async function send(options: {
  method: HTTPMethods;
  url: string;
  headers?: Record<string, string>;
}) {
  if (!STREAMS.has(options.url)) return app.inject(options);
  const response = await app.inject({ ...options, payloadAsStream: true });
  const stream = response.stream();
  if (response.statusCode === 200) {
    stream.destroy();
    return { statusCode: 200, body: '(stream)', json: () => ({}) };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  const body = Buffer.concat(chunks).toString('utf8');
  return { statusCode: response.statusCode, body, json: () => JSON.parse(body) as unknown };
}

describe('route × role matrix', () => {
  it('declares exactly the routes the app registers', () => {
    const registered = routePolicies(app).map((route) => `${route.method} ${route.url}`);
    assert.deepEqual([...registered].sort(), [...routes.keys()].sort());
  });

  for (const route of order) {
    const access = routes.get(route)!;
    const [method, url] = route.split(' ') as [HTTPMethods, string];
    it(`${route} answers every credential as declared`, async () => {
      const anonymous = await send({ method, url: concreteUrl(url) });
      if (access === 'public') {
        assert.ok(![401, 403].includes(anonymous.statusCode), `anonymous: ${anonymous.body}`);
      } else {
        assert.equal(anonymous.statusCode, 401, 'anonymous');
        if (method !== 'HEAD') {
          assert.equal(
            (anonymous.json() as { error: { code: string } }).error.code,
            'unauthenticated',
          );
        }
      }
      for (const credential of test.credentials) {
        const response = await send({
          method,
          url: concreteUrl(url),
          headers: credential.headers,
        });
        const allowed = isAllowed(access, credential.role, credential.kind);
        const what = `${credential.label}: ${String(response.statusCode)} ${response.body}`;
        if (allowed) assert.ok(![401, 403].includes(response.statusCode), what);
        else assert.equal(response.statusCode, 403, what);
      }
    });
  }
});
