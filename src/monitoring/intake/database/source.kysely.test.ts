import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { hoursAfterD0, newId, rejectsWith } from '../../../passage/database/passage.fixtures.ts';
import { aSource } from './intake-rows.fixtures.ts';
import { KyselySourceRepository } from './source.kysely.ts';

describeOnBothDatabases('source repository', (open) => {
  it('stores a source with its first grading and lists by kind, risk and label', async () => {
    const { db } = await open();
    const sources = new KyselySourceRepository(db);
    const witness = aSource({ label: 'B-witness', contactPersonRef: newId() });
    const media = aSource({ label: 'A-media', kind: 'media', atRisk: true });
    for (const source of [witness, media]) {
      await sources.insert(source, {
        version: 1,
        reliability: 'F',
        reason: 'first contact',
        at: source.createdAt,
        actor: 'analyst-1',
      });
    }
    assert.deepEqual(await sources.get(witness.id), witness);
    assert.equal(await sources.get(newId()), undefined);
    assert.deepEqual(
      (await sources.list({ limit: 10 })).map((source) => source.label),
      ['A-media', 'B-witness'],
    );
    assert.deepEqual(await sources.list({ kind: 'media', limit: 10 }), [media]);
    assert.deepEqual(await sources.list({ atRisk: false, limit: 10 }), [witness]);
    assert.deepEqual(await sources.list({ label: 'B-witness', limit: 10 }), [witness]);
    assert.deepEqual(await sources.gradings(witness.id), [
      {
        version: 1,
        reliability: 'F',
        reason: 'first contact',
        at: witness.createdAt,
        actor: 'analyst-1',
      },
    ]);
  });

  it('keeps every grading as a new version and refuses a stale one', async () => {
    const { db } = await open();
    const sources = new KyselySourceRepository(db);
    const source = aSource();
    const first = {
      version: 1,
      reliability: 'F',
      reason: 'new',
      at: source.createdAt,
      actor: 'a',
    } as const;
    await sources.insert(source, first);
    const at = hoursAfterD0(40);
    await sources.regrade(
      { id: source.id, expectedVersion: 1, at },
      { reliability: 'B', reason: 'three reports confirmed', actor: 'b' },
    );
    await sources.setAtRisk({ id: source.id, expectedVersion: 2, at }, true);
    const stored = await sources.get(source.id);
    assert.deepEqual(
      [stored?.reliability, stored?.atRisk, stored?.version, stored?.updatedAt],
      ['B', true, 3, at],
    );
    assert.deepEqual(
      (await sources.gradings(source.id)).map((grading) => [grading.version, grading.reliability]),
      [
        [1, 'F'],
        [2, 'B'],
      ],
    );
    await rejectsWith(
      sources.regrade(
        { id: source.id, expectedVersion: 2, at },
        { reliability: 'A', reason: 'x', actor: 'c' },
      ),
      'conflict',
    );
    await rejectsWith(
      sources.setAtRisk({ id: newId(), expectedVersion: 1, at }, false),
      'not_found',
    );
    assert.equal((await sources.gradings(source.id)).length, 2, 'the refused grading left no row');
  });
});
