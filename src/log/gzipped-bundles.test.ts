import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { utf8 } from '../ledger/bytes.ts';
import { decodeEntryBundle, TILE_WIDTH } from '../ledger/tiles.ts';
import { openTestVigil } from '../../test/support/test-vigil.ts';
import { acceptsGzip } from './gzipped-bundles.ts';

describe('acceptsGzip', () => {
  it('reads Accept-Encoding as RFC 9110 says', () => {
    assert.equal(acceptsGzip(undefined), false);
    assert.equal(acceptsGzip('identity'), false);
    assert.equal(acceptsGzip('gzip'), true);
    assert.equal(acceptsGzip('br, GZIP;q=0.5'), true);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip('gzip;q=0'), false, 'q=0 refuses');
    assert.equal(acceptsGzip('gzip; q=0.0, deflate'), false);
  });
});

describe('full entry bundles over HTTP', () => {
  it('are served gzipped (once compressed, then from the cache) or plain, always the same bytes', async () => {
    // No background jobs: nothing but these appends writes to the log (a drafted bulletin would).
    const { vigil } = await openTestVigil({ backgroundJobs: false });
    const app = vigil.app;

    const entries = Array.from({ length: TILE_WIDTH + 3 }, (_, i) =>
      utf8(`entry ${i} `.repeat(20)),
    );
    const receipts = await Promise.all(entries.map((entry) => vigil.sequencer.append(entry)));
    assert.deepEqual(
      receipts.slice(0, 2).map((receipt) => receipt.index),
      [0, 1],
      'the log held nothing before',
    );
    const plain = await app.inject('/log/tile/entries/000');
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers['vary'], 'accept-encoding');
    const decoded = decodeEntryBundle(new Uint8Array(plain.rawPayload));
    assert.equal(decoded.length, TILE_WIDTH);
    assert.deepEqual(decoded.at(-1), entries[TILE_WIDTH - 1]);
    for (let round = 0; round < 2; round++) {
      const zipped = await app.inject({
        url: '/log/tile/entries/000',
        headers: { 'accept-encoding': 'gzip, deflate' },
      });
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.equal(zipped.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.ok(zipped.rawPayload.length < plain.rawPayload.length / 4);
      assert.deepEqual(gunzipSync(zipped.rawPayload), plain.rawPayload);
    }
    const refused = await app.inject({
      url: '/log/tile/entries/000',
      headers: { 'accept-encoding': 'gzip;q=0' },
    });
    assert.deepEqual(refused.rawPayload, plain.rawPayload);
    const narrower = await app.inject('/log/tile/entries/000.p/5');
    assert.deepEqual(
      decodeEntryBundle(new Uint8Array(narrower.rawPayload)),
      entries.slice(0, 5),
      'a partial width is cut from the cached full bundle',
    );
    const tooWide = await app.inject('/log/tile/entries/001');
    assert.equal(tooWide.statusCode, 404, 'the second bundle is not full yet');
  });
});
