import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { hoursAfterD0, newId, rejectsWith } from '../../../passage/database/passage.fixtures.ts';
import { KyselyInfoItemRepository } from './info-item.kysely.ts';
import { anItem } from './intake-rows.fixtures.ts';

describeOnBothDatabases('information item repository', (open) => {
  it('stores items and reads them back, one or many', async () => {
    const { db } = await open();
    const items = new KyselyInfoItemRepository(db);
    const first = anItem({ receiptSha256: 'ab'.repeat(32) });
    const second = anItem({ occurredAt: hoursAfterD0(2), placeId: newId(), sourceId: null });
    await items.insertMany([first, second]);
    assert.deepEqual(await items.get(first.id), first);
    const many = await items.getMany([first.id, second.id, newId()]);
    assert.deepEqual([...many.keys()].sort(), [first.id, second.id].sort());
    assert.deepEqual(many.get(second.id), second);
    assert.deepEqual(await items.findByReceipt('ab'.repeat(32)), { status: 'new', version: 1 });
    assert.equal(await items.findByReceipt('cd'.repeat(32)), undefined);
    await assert.rejects(items.insertMany([first]), 'a second insert of one id fails');
  });

  it('pages the queue oldest first by keyset, within one status', async () => {
    const { db } = await open();
    const items = new KyselyInfoItemRepository(db);
    const sameTime = [anItem({}, 31), anItem({}, 31)].sort((a, b) => a.id.localeCompare(b.id));
    const stored = [anItem({}, 33), ...sameTime, anItem({}, 30)];
    await items.insertMany([...stored, anItem({ status: 'set_aside' }, 29)]);
    const expected = [stored[3], sameTime[0], sameTime[1], stored[0]].map((item) => item?.id);
    const first = await items.listQueue({ status: 'new', limit: 2 });
    const last = first.at(-1)!;
    const rest = await items.listQueue({
      status: 'new',
      limit: 5,
      after: { receivedAt: last.receivedAt, id: last.id },
    });
    assert.deepEqual(
      [...first, ...rest].map((item) => item.id),
      expected,
    );
    assert.equal((await items.listQueue({ status: 'set_aside', limit: 5 })).length, 1);
  });

  it('grades, replaces content and sets aside as new versions, refusing stale ones', async () => {
    const { db } = await open();
    const items = new KyselyInfoItemRepository(db);
    const item = anItem();
    await items.insertMany([item]);
    const at = hoursAfterD0(40);
    await items.grade(
      { id: item.id, expectedVersion: 1, at },
      { credibility: 2, reason: 'two sources', actor: 'a' },
    );
    await items.replaceContent(
      { id: item.id, expectedVersion: 2, at },
      { ...item, language: 'ru', accountSealed: 'other' },
    );
    await rejectsWith(
      items.grade(
        { id: item.id, expectedVersion: 2, at },
        { credibility: 1, reason: 'x', actor: 'b' },
      ),
      'conflict',
    );
    await items.setAside({ id: item.id, expectedVersion: 3, at }, 'out of scope');
    const stored = await items.get(item.id);
    assert.deepEqual(
      [
        stored?.credibility,
        stored?.language,
        stored?.accountSealed,
        stored?.status,
        stored?.statusReason,
        stored?.version,
      ],
      [2, 'ru', 'other', 'set_aside', 'out of scope', 4],
    );
    assert.deepEqual(
      (await items.gradings(item.id)).map((grading) => [
        grading.version,
        grading.credibility,
        grading.reason,
      ]),
      [[2, 2, 'two sources']],
    );
    await rejectsWith(items.setAside({ id: item.id, expectedVersion: 4, at }, 'again'), 'conflict');
    await rejectsWith(items.setAside({ id: newId(), expectedVersion: 1, at }, 'none'), 'not_found');
  });

  it('marks items linked without a new version', async () => {
    const { db } = await open();
    const items = new KyselyInfoItemRepository(db);
    const item = anItem({ status: 'set_aside', statusReason: 'unclear' });
    const other = anItem();
    await items.insertMany([item, other]);
    await items.markLinked([item.id, newId()], hoursAfterD0(50));
    const linked = await items.get(item.id);
    assert.deepEqual([linked?.status, linked?.statusReason, linked?.version], ['linked', null, 1]);
    assert.equal((await items.get(other.id))?.status, 'new');
  });
});
