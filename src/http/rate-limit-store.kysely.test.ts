import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import {
  RateLimitCounter,
  SWEEP_INTERVAL_MS,
  rateLimitRowKey,
  rateLimitStoreIn,
} from './rate-limit-store.kysely.ts';
import type { RateLimitWindow } from './rate-limit-store.kysely.ts';

const MINUTE = 60_000;

async function rowKeys(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ key: string }>`select key from rate_limit_hit`.execute(db);
  return rows.map((row) => row.key);
}

function incr(store: FastifyRateLimitStore, key: string, windowMs: number) {
  return new Promise<RateLimitWindow>((resolve, reject) => {
    store.incr(
      key,
      (error, result) => {
        if (error !== null || result === undefined) reject(error ?? new Error('no result'));
        else resolve(result);
      },
      windowMs,
      10,
    );
  });
}

describeOnBothDatabases('rate-limit store', (open) => {
  it('counts hits of one key within a window, and starts again once it ends', async () => {
    const { db } = await open();
    let now = 1_000_000;
    const counter = new RateLimitCounter(db as Kysely<unknown>, () => now);
    assert.deepEqual(await counter.hit('a', MINUTE), { current: 1, ttl: MINUTE });
    now += 1000;
    assert.deepEqual(await counter.hit('a', MINUTE), { current: 2, ttl: MINUTE - 1000 });
    assert.deepEqual(await counter.peek('a'), { current: 2, ttl: MINUTE - 1000 });
    assert.deepEqual(await counter.hit('b', MINUTE), { current: 1, ttl: MINUTE });
    now += MINUTE;
    assert.deepEqual(await counter.peek('a'), { current: 0, ttl: 0 });
    assert.deepEqual(await counter.hit('a', MINUTE), { current: 1, ttl: MINUTE });
  });

  it('loses no hit when many processes count one key at once', async () => {
    const { db } = await open();
    // Two counters stand for two processes; on PostgreSQL the pool runs the upserts in parallel.
    const counters = [
      new RateLimitCounter(db as Kysely<unknown>),
      new RateLimitCounter(db as Kysely<unknown>),
    ];
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, index) => counters[index % 2]!.hit('shared', MINUTE)),
    );
    assert.deepEqual(
      hits.map((hit) => hit.current).sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
  });

  it('deletes ended windows now and then, and keeps the live ones', async () => {
    const { db } = await open();
    let now = 5_000_000;
    const counter = new RateLimitCounter(db as Kysely<unknown>, () => now);
    await counter.hit('old', 1000);
    now += SWEEP_INTERVAL_MS;
    await counter.hit('new', MINUTE);
    assert.deepEqual(await rowKeys(db as Kysely<unknown>), ['new']);
  });

  it('keeps each route apart, and stores a digest of the key, never the address', async () => {
    const { db } = await open();
    const Store = rateLimitStoreIn(db as Kysely<unknown>);
    const root = new Store({});
    const lookup = root.child({ routeInfo: { method: 'POST', url: '/a' } } as never);
    const report = root.child({ routeInfo: { method: 'POST', url: '/b' } } as never);
    assert.equal((await incr(lookup, '127.0.0.1', MINUTE)).current, 1);
    assert.equal((await incr(lookup, '127.0.0.1', MINUTE)).current, 2);
    assert.equal((await incr(report, '127.0.0.1', MINUTE)).current, 1);
    const keys = await rowKeys(db as Kysely<unknown>);
    assert.equal(keys.length, 2);
    assert.ok(keys.includes(rateLimitRowKey('POST /a', '127.0.0.1')));
    assert.ok(keys.every((key) => !key.includes('127.0.0.1')));
  });
});
