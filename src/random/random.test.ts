import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pooledRandomBytes } from './random-pool.ts';
import { newRecordId } from './record-id.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('pooled random bytes', () => {
  it('hands out fresh bytes of the size asked, across refills of the pool', () => {
    const draws = Array.from({ length: 600 }, () => pooledRandomBytes(32).toString('hex'));
    assert.equal(new Set(draws).size, draws.length);
    assert.ok(draws.every((hex) => hex.length === 64));
    assert.equal(pooledRandomBytes(4096).length, 4096);
    assert.equal(pooledRandomBytes(0).length, 0);
  });

  it('gives copies: changing one changes neither the pool nor the next draw', () => {
    const first = pooledRandomBytes(16);
    first.fill(0);
    assert.notDeepEqual(pooledRandomBytes(16), Buffer.alloc(16));
  });

  it('refuses sizes the pool cannot serve', () => {
    for (const size of [-1, 4097, 1.5, Number.NaN]) {
      assert.throws(() => pooledRandomBytes(size), RangeError);
    }
  });
});

describe('record ids (UUIDv7)', () => {
  it('are version 7, variant 10, and carry their creation time', () => {
    const now = Date.UTC(2023, 8, 24, 10, 0, 0);
    const id = newRecordId(now);
    assert.match(id, UUID_V7);
    assert.equal(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16), now);
  });

  it('sort by creation time and never repeat', () => {
    const ids = Array.from({ length: 20_000 }, (_, index) =>
      newRecordId(1_700_000_000_000 + index),
    );
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(Array.from({ length: 20_000 }, () => newRecordId())).size, 20_000);
    assert.ok(ids.every((id) => UUID_V7.test(id)));
  });
});
