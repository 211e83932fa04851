import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { KyselyAggregateCountRepository } from './aggregate-count.kysely.ts';
import type { AggregateCount } from './aggregate-count.repository.ts';
import { hoursAfterD0, newId, rejectsWith } from './passage.fixtures.ts';

function aCount(overrides: Partial<AggregateCount> = {}): AggregateCount {
  return {
    id: newId(),
    checkpointId: newId(),
    intervalStart: hoursAfterD0(12),
    intervalEnd: hoursAfterD0(13),
    direction: 'out',
    people: 1_130,
    vehicles: 238,
    bySexAge: { female: { '5-17': 180, '18-45': 300 }, male: { '18-45': 250 } },
    method: 'tally',
    sourceGrade: 'A1',
    recordedBy: newId(),
    recordedAt: hoursAfterD0(13.1),
    ...overrides,
  };
}

describeOnBothDatabases('aggregate count repository', (open) => {
  it('stores a count once, with or without a sex and age breakdown', async () => {
    const { db } = await open();
    const counts = new KyselyAggregateCountRepository(db);
    const tallied = aCount();
    const reported = aCount({ method: 'party_report', sourceGrade: 'C3', bySexAge: null });
    assert.equal(await counts.insert(tallied), true);
    assert.equal(await counts.insert(reported), true);
    assert.equal(await counts.insert({ ...tallied, people: 1 }), false);
    const range = { from: hoursAfterD0(12), before: hoursAfterD0(13) };
    assert.deepEqual(await counts.listForCheckpoint(tallied.checkpointId, range), [tallied]);
    assert.deepEqual(await counts.listForCheckpoint(reported.checkpointId, range), [reported]);
  });

  it('lists counts whose interval starts within a range, across checkpoints', async () => {
    const { db } = await open();
    const counts = new KyselyAggregateCountRepository(db);
    const early = aCount({ id: 'a', intervalStart: hoursAfterD0(1) });
    const late = aCount({ id: 'b', intervalStart: hoursAfterD0(2) });
    const outside = aCount({ intervalStart: hoursAfterD0(3) });
    for (const count of [outside, late, early]) await counts.insert(count);
    const range = { from: hoursAfterD0(1), before: hoursAfterD0(3) };
    assert.deepEqual(await counts.list(range), [early, late]);
  });

  it('fails as an internal storage fault on a breakdown that is not counts', async () => {
    const { db } = await open();
    const counts = new KyselyAggregateCountRepository(db);
    const count = aCount();
    await counts.insert(count);
    await db.updateTable('aggregate_count').set({ by_sex_age: '{"female":{"5-17":-1}}' }).execute();
    const day = { from: hoursAfterD0(0), before: hoursAfterD0(24) };
    await rejectsWith(counts.list(day), 'internal');
    await db.updateTable('aggregate_count').set({ by_sex_age: '{"female":3}' }).execute();
    await rejectsWith(counts.list(day), 'internal');
  });
});
