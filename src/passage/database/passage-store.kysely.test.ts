import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { aJourney, aPassage, hoursAfterD0, rejectsWith } from './passage.fixtures.ts';
import { passageStoreOn } from './passage-store.kysely.ts';

describeOnBothDatabases('passage store', (open) => {
  it('commits the writes of every repository opened on one transaction together', async () => {
    const { db } = await open();
    const journey = aJourney();
    const passage = aPassage({ journeyIds: [journey.id] });
    await db.transaction().execute(async (trx) => {
      const store = passageStoreOn(trx);
      await store.journeys.insertMany([journey]);
      await store.passages.insert(passage);
    });
    const store = passageStoreOn(db);
    assert.equal((await store.journeys.get(journey.id))?.id, journey.id);
    assert.equal((await store.passages.get(passage.id))?.id, passage.id);
  });

  it('rolls every repository back when a versioned update in the transaction conflicts', async () => {
    const { db } = await open();
    const journey = aJourney();
    await passageStoreOn(db).journeys.insertMany([journey]);
    const passage = aPassage({ journeyIds: [journey.id] });
    const stale = {
      id: journey.id,
      from: 'passed',
      to: 'arrived',
      expectedVersion: 7,
      at: hoursAfterD0(20),
      actor: 'monitor-1',
      placeId: null,
      sourceItemId: null,
    } as const;
    await rejectsWith(
      db.transaction().execute(async (trx) => {
        const store = passageStoreOn(trx);
        await store.passages.insert(passage);
        await store.journeys.transition(stale);
      }),
      'conflict',
    );
    assert.equal(await passageStoreOn(db).passages.get(passage.id), undefined);
  });
});
