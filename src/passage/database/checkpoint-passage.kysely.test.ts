import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { KyselyCheckpointPassageRepository } from './checkpoint-passage.kysely.ts';
import { aPassage, hoursAfterD0, newId, rejectsWith } from './passage.fixtures.ts';

describeOnBothDatabases('checkpoint passage repository', (open) => {
  it('stores a passage once: a replay of the same id is not new and changes nothing', async () => {
    const { db } = await open();
    const passages = new KyselyCheckpointPassageRepository(db);
    const passage = aPassage();
    assert.equal(await passages.insert(passage), true);
    assert.equal(await passages.insert({ ...passage, occupants: 9, outcome: 'held' }), false);
    assert.deepEqual(await passages.get(passage.id), passage);
  });

  it('reports which passages of a batch were new', async () => {
    const { db } = await open();
    const passages = new KyselyCheckpointPassageRepository(db);
    const seen = aPassage();
    await passages.insert(seen);
    const fresh = Array.from({ length: 600 }, () => aPassage());
    const stored = await passages.insertMany([seen, ...fresh, fresh[0]!]);
    assert.deepEqual(stored, new Set(fresh.map((passage) => passage.id)));
  });

  it('lists one checkpoint within one hour, oldest first', async () => {
    const { db } = await open();
    const passages = new KyselyCheckpointPassageRepository(db);
    const checkpointId = newId();
    const at = (hours: number) => aPassage({ checkpointId, recordedAt: hoursAfterD0(hours) });
    const [before, first, second, after] = [at(11.99), at(12.5), at(12), at(13)];
    const elsewhere = aPassage({ recordedAt: hoursAfterD0(12.5) });
    await passages.insertMany([before, first, second, after, elsewhere]);
    const hour = { from: hoursAfterD0(12), before: hoursAfterD0(13) };
    assert.deepEqual(await passages.listForCheckpoint(checkpointId, hour), [second, first]);
  });

  it('counts passages and occupants per checkpoint, UTC day, direction and outcome', async () => {
    const { db } = await open();
    const passages = new KyselyCheckpointPassageRepository(db);
    const bridge = 'a-bridge';
    const post = 'b-post';
    await passages.insertMany([
      aPassage({ checkpointId: bridge, occupants: 4, recordedAt: hoursAfterD0(1) }),
      aPassage({ checkpointId: bridge, occupants: 5, recordedAt: hoursAfterD0(23.9) }),
      aPassage({
        checkpointId: bridge,
        occupants: 1,
        outcome: 'held',
        recordedAt: hoursAfterD0(2),
      }),
      aPassage({ checkpointId: bridge, occupants: 3, recordedAt: hoursAfterD0(24) }),
      aPassage({ checkpointId: post, direction: 'in', occupants: 2, recordedAt: hoursAfterD0(3) }),
      aPassage({ checkpointId: post, occupants: 7, recordedAt: hoursAfterD0(49) }),
    ]);
    const range = { from: hoursAfterD0(0), before: hoursAfterD0(48) };
    assert.deepEqual(await passages.countPerDay(range), [
      {
        checkpointId: bridge,
        day: '2023-09-24',
        direction: 'out',
        outcome: 'held',
        passages: 1,
        occupants: 1,
      },
      {
        checkpointId: bridge,
        day: '2023-09-24',
        direction: 'out',
        outcome: 'passed',
        passages: 2,
        occupants: 9,
      },
      {
        checkpointId: bridge,
        day: '2023-09-25',
        direction: 'out',
        outcome: 'passed',
        passages: 1,
        occupants: 3,
      },
      {
        checkpointId: post,
        day: '2023-09-24',
        direction: 'in',
        outcome: 'passed',
        passages: 1,
        occupants: 2,
      },
    ]);
  });

  it('fails as an internal storage fault on a malformed JSON column', async () => {
    const { db } = await open();
    const passages = new KyselyCheckpointPassageRepository(db);
    const passage = aPassage();
    await passages.insert(passage);
    await db
      .updateTable('checkpoint_passage')
      .set({ screening_types: '["strip_search"]' })
      .execute();
    await rejectsWith(passages.get(passage.id), 'internal');
    await db
      .updateTable('checkpoint_passage')
      .set({ screening_types: '[]', journey_ids: '[1]' })
      .execute();
    await rejectsWith(passages.get(passage.id), 'internal');
  });
});
