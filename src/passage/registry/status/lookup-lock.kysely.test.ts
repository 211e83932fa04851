import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { LookupLock } from './lookup-lock.kysely.ts';

const RULES = { maxWrongYears: 3, lockMs: 10_000 };
const HOUSEHOLD = '5b0a7c9e-1d2f-4a3b-8c4d-5e6f7a8b9c0d';

describeOnBothDatabases('status look-up lock', (open) => {
  it('locks after the maximum of wrong years, for the lock period from the first', async () => {
    const { db } = await open();
    const lock = new LookupLock(db as Kysely<unknown>, RULES);
    for (const at of [0, 1000, 2000]) {
      assert.equal(await lock.isLocked(HOUSEHOLD, at), false);
      await lock.countWrongYear(HOUSEHOLD, at);
    }
    assert.equal(await lock.isLocked(HOUSEHOLD, 2000), true);
    assert.equal(await lock.isLocked(HOUSEHOLD, 9999), true);
    assert.equal(await lock.isLocked(HOUSEHOLD, 10_000), false);
    // A count older than the period starts again at one.
    await lock.countWrongYear(HOUSEHOLD, 10_000);
    await lock.countWrongYear(HOUSEHOLD, 10_001);
    assert.equal(await lock.isLocked(HOUSEHOLD, 10_002), false);
  });

  it('is shared by every instance on the database, and forgotten after a right year', async () => {
    const { db } = await open();
    const first = new LookupLock(db as Kysely<unknown>, RULES);
    const second = new LookupLock(db as Kysely<unknown>, RULES);
    await Promise.all([0, 1, 2].map((at) => first.countWrongYear(HOUSEHOLD, at)));
    assert.equal(await second.isLocked(HOUSEHOLD, 3), true);
    assert.equal(await second.isLocked('00000000-0000-4000-8000-000000000000', 3), false);
    await second.forget(HOUSEHOLD);
    assert.equal(await first.isLocked(HOUSEHOLD, 4), false);
  });
});
