import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { newId } from '../../database/passage.fixtures.ts';
import { seedListedJourneys } from '../field.fixtures.ts';
import { JourneyBatchReader } from './journey-batch-reader.ts';

describeOnBothDatabases('JourneyBatchReader', (open) => {
  it('answers the reads of one turn of the event loop from one query, each with its own journeys', async () => {
    const { db } = await open();
    const journeys = await seedListedJourneys(db, 6);
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    };
    const reader = new JourneyBatchReader(db.withPlugin(counting));
    const ids = journeys.map((journey) => journey.id);
    const missing = newId();
    const [a, b, c] = await Promise.all([
      reader.read(ids.slice(0, 2)),
      reader.read([...ids.slice(2, 5), missing]),
      reader.read([ids[0]!, ids[5]!]),
    ]);
    assert.equal(queries, 1);
    assert.deepEqual([...a.keys()].sort(), ids.slice(0, 2).sort());
    assert.deepEqual([...b.keys()].sort(), ids.slice(2, 5).sort());
    assert.equal(b.has(missing), false);
    assert.deepEqual([...c.keys()].sort(), [ids[0], ids[5]].sort());
    assert.equal(c.get(ids[5]!)?.state, 'listed');
    assert.equal((await reader.read([])).size, 0);
    assert.equal(queries, 1, 'no query for nothing');
  });

  it('rejects every waiting read when the query fails, and reads again afterwards', async () => {
    const { db } = await open();
    const [journey] = await seedListedJourneys(db, 1);
    let fail = true;
    const failing: KyselyPlugin = {
      transformQuery: (args) => {
        if (fail) throw new Error('database gone');
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    };
    const reader = new JourneyBatchReader(db.withPlugin(failing));
    const settled = await Promise.allSettled([reader.read([journey!.id]), reader.read([newId()])]);
    assert.deepEqual(
      settled.map((result) => result.status),
      ['rejected', 'rejected'],
    );
    fail = false;
    assert.equal((await reader.read([journey!.id])).size, 1);
  });
});
