import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { KyselyInfoItemRepository } from '../database/info-item.kysely.ts';
import { intakeTest } from '../intake.fixtures.ts';
import { ItemCommitter } from './item-committer.ts';

const NO_ACCESS = { privateInterview: null, escorted: null, placeDenied: null };

describeOnBothDatabases('item group commit', (open) => {
  it('commits the good requests of a failed group one by one and rejects only the bad one', async () => {
    const { db } = await open();
    const { intake } = await intakeTest(db);
    const origin = { channel: 'partner_report', collectedBy: 'p' } as const;
    const prepare = (account: string, id?: string) =>
      intake.prepare(
        { account, language: 'en', access: NO_ACCESS },
        id === undefined ? origin : { ...origin, id },
      );
    const stored = await prepare('already stored');
    const committer = new ItemCommitter(db);
    await committer.commit([stored]);
    const good = [await prepare('first'), await prepare('second')];
    const clash = await prepare('same id again', stored.item.id);
    const outcomes = await Promise.allSettled([
      committer.commit([good[0]!]),
      committer.commit([clash]),
      committer.commit([good[1]!]),
    ]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    const items = new KyselyInfoItemRepository(db);
    const found = await items.getMany([stored.item.id, good[0]!.item.id, good[1]!.item.id]);
    assert.equal(found.size, 3);
    const seals = await db.selectFrom('sealed_record').select('id').execute();
    assert.equal(seals.length, 3, 'the refused item left no seal row');
  });
});
