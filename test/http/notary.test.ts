import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { hashLeaf } from '../../src/ledger/hash.ts';
import { decodeLogEntry } from '../../src/ledger/log-entry.ts';
import { decodeEntryBundle } from '../../src/ledger/tiles.ts';
import { parseTlogProof, verifyTlogProof } from '../../src/ledger/tlog-proof.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const { vigil, logKey, partnerToken, monitorToken } = await openTestVigil({
  notaryRateLimit: { max: 40, timeWindowMs: 60_000 },
});
const { app } = vigil;
const HASH = 'ab'.repeat(32);

function notarise(body: string, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/notary',
    headers: {
      authorization: `Bearer ${partnerToken}`,
      'content-type': 'application/json',
      ...headers,
    },
    payload: body,
  });
}

describe('POST /api/v1/notary', () => {
  it('returns a tlog-proof receipt that verifies offline and carries the logged entry', async () => {
    const response = await notarise(JSON.stringify({ sha256: HASH.toUpperCase() }));
    assert.equal(response.statusCode, 200);
    const receipt = response.json<{ index: number; checkpoint: string; proof: string }>();
    const proof = parseTlogProof(receipt.proof);
    assert.equal(proof.index, receipt.index);
    assert.equal(proof.checkpoint, receipt.checkpoint);
    const entry = decodeLogEntry(proof.extra!);
    assert.equal(entry.kind, 'notary.hash');
    assert.deepEqual(entry.body, { sha256: HASH });
    const opened = verifyTlogProof({ proof, leafHash: hashLeaf(proof.extra!), logKey });
    assert.ok(opened.checkpoint.size > receipt.index);
    assert.equal(vigil.sequencer.checkpoint.size >= opened.checkpoint.size, true);
  });

  it('gives concurrent submissions distinct indexes, each with a valid receipt', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        notarise(JSON.stringify({ sha256: i.toString(16).padStart(64, '0') })),
      ),
    );
    const indexes = new Set<number>();
    for (const response of responses) {
      assert.equal(response.statusCode, 200);
      const proof = parseTlogProof(response.json<{ proof: string }>().proof);
      verifyTlogProof({ proof, leafHash: hashLeaf(proof.extra!), logKey });
      indexes.add(proof.index);
    }
    assert.equal(indexes.size, 20);
  });

  const refusals: [string, () => ReturnType<typeof notarise>, number, string][] = [
    ['malformed JSON', () => notarise('{"sha256": '), 400, 'malformed_json'],
    ['an empty body', () => notarise(''), 400, 'malformed_json'],
    [
      'a hash of the wrong length',
      () => notarise(JSON.stringify({ sha256: 'abc' })),
      422,
      'invalid_request',
    ],
    [
      'a hash that is not hex',
      () => notarise(JSON.stringify({ sha256: 'zz'.repeat(32) })),
      422,
      'invalid_request',
    ],
    [
      'an extra field',
      () => notarise(JSON.stringify({ sha256: HASH, name: 'x' })),
      422,
      'invalid_request',
    ],
    ['a JSON array', () => notarise('[]'), 422, 'invalid_request'],
    [
      'no token',
      () => notarise(JSON.stringify({ sha256: HASH }), { authorization: '' }),
      401,
      'unauthenticated',
    ],
    [
      'an unknown token',
      () =>
        notarise(JSON.stringify({ sha256: HASH }), {
          authorization: `Bearer vgl_${'A'.repeat(43)}`,
        }),
      401,
      'unauthenticated',
    ],
    [
      'a malformed token',
      () => notarise(JSON.stringify({ sha256: HASH }), { authorization: 'Bearer x' }),
      401,
      'unauthenticated',
    ],
    [
      'a token of a role without access',
      () => notarise(JSON.stringify({ sha256: HASH }), { authorization: `Bearer ${monitorToken}` }),
      403,
      'forbidden',
    ],
    [
      'an oversized body',
      () => notarise(JSON.stringify({ sha256: HASH, pad: 'x'.repeat(70_000) })),
      413,
      'payload_too_large',
    ],
    [
      'a body that is not JSON',
      () => notarise('sha256=ab', { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    ],
  ];
  for (const [what, send, status, code] of refusals) {
    it(`refuses ${what} with ${status} ${code} and logs nothing`, async () => {
      const before = vigil.sequencer.checkpoint.size;
      const response = await send();
      assert.equal(response.statusCode, status);
      assert.equal(response.json<{ error: { code: string } }>().error.code, code);
      assert.equal(vigil.sequencer.checkpoint.size, before);
    });
  }

  it('rate-limits each token and says so with 429 rate_limited', async () => {
    let limited = 0;
    for (let i = 0; i < 45; i++) {
      const response = await notarise(JSON.stringify({ sha256: HASH }));
      if (response.statusCode === 429) {
        limited++;
        assert.equal(response.json<{ error: { code: string } }>().error.code, 'rate_limited');
      }
    }
    assert.ok(limited > 0, 'the limit of 40 a minute was enforced');
  });
});

describe('log routes', () => {
  it('serves the checkpoint as text with a short cache lifetime', async () => {
    const response = await app.inject('/log/checkpoint');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain; charset=utf-8/);
    assert.equal(response.headers['cache-control'], 'public, max-age=5');
    assert.equal(response.body, vigil.sequencer.checkpoint.note);
  });

  it('serves partial tiles and bundles as immutable octet streams', async () => {
    const size = vigil.sequencer.checkpoint.size;
    const tile = await app.inject(`/log/tile/0/000.p/${size}`);
    assert.equal(tile.statusCode, 200);
    assert.equal(tile.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(tile.headers['content-type'], 'application/octet-stream');
    assert.equal(tile.rawPayload.length, size * 32);
    const bundle = await app.inject(`/log/tile/entries/000.p/${size}`);
    assert.equal(bundle.statusCode, 200);
    assert.equal(bundle.headers['content-encoding'], undefined, 'identity unless asked');
    const gzipped = await app.inject({
      url: `/log/tile/entries/000.p/${size}`,
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.ok(gzipped.rawPayload.length < bundle.rawPayload.length);
    assert.deepEqual(gunzipSync(gzipped.rawPayload), bundle.rawPayload);
    const entries = decodeEntryBundle(new Uint8Array(bundle.rawPayload));
    assert.equal(entries.length, size);
    assert.equal(decodeLogEntry(entries[0]!).kind, 'notary.hash');
  });

  it('answers 404 not_found for tiles beyond the tree and malformed tile paths', async () => {
    for (const url of [
      '/log/tile/0/000',
      '/log/tile/0/001.p/3',
      '/log/tile/0/0',
      '/log/tile/64/000',
      '/log/tile/entries/x000',
      '/log/nothing',
    ]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'not_found');
    }
  });

  it('describes the log and documents the API', async () => {
    const log = (await app.inject('/api/v1/log')).json<{
      origin: string;
      vkey: string;
      size: number;
    }>();
    assert.equal(log.origin, 'test.example/log');
    assert.equal(log.vkey, vigil.verifierKey);
    assert.equal(log.size, vigil.sequencer.checkpoint.size);
    const openapi = (await app.inject('/api/openapi.json')).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    assert.equal(openapi.openapi, '3.1.0');
    assert.ok('/api/v1/notary' in openapi.paths && '/api/v1/log' in openapi.paths);
  });

  it('sends security headers', async () => {
    const response = await app.inject('/api/v1/log');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['content-security-policy']);
    assert.ok(response.headers['strict-transport-security']);
  });
});
