import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { newId, rejectsWith } from '../../../passage/database/passage.fixtures.ts';
import { KyselyInfoItemRepository } from '../database/info-item.kysely.ts';
import { intakeTest, sealedRecordsText } from '../intake.fixtures.ts';
import { markItemsLinked } from '../item-links.ts';

const ACCOUNT = 'Armen K. saw two men taken from the queue\nat the bridge.';
const NO_ACCESS = { privateInterview: null, escorted: null, placeDenied: null };

describeOnBothDatabases('item intake and triage', (open) => {
  it('seals the account: the row holds ciphertext, the log entry only its digest', async () => {
    const { db } = await open();
    const { intake, placeId } = await intakeTest(db);
    const item = await intake.submit(
      { account: ACCOUNT, language: 'en', placeId, access: { ...NO_ACCESS, escorted: true } },
      { channel: 'partner_report', collectedBy: 'token-1' },
    );
    const stored = await new KyselyInfoItemRepository(db).get(item.id);
    assert.deepEqual(
      [
        stored?.channel,
        stored?.credibility,
        stored?.status,
        stored?.placeId,
        stored?.access.escorted,
      ],
      ['partner_report', 6, 'new', placeId, true],
    );
    assert.ok(!stored?.accountSealed.includes('Armen'));
    const sealed = await sealedRecordsText(db);
    assert.match(sealed, /info_item\.received/);
    assert.match(sealed, /"accountSha256":"[0-9a-f]{64}"/);
    assert.ok(!sealed.includes('Armen') && !sealed.includes(stored?.accountSealed ?? '-'));
  });

  it('refuses an unknown place or source and writes nothing', async () => {
    const { db } = await open();
    const { intake } = await intakeTest(db);
    const base = { account: 'x', language: 'ru', access: NO_ACCESS };
    await rejectsWith(
      intake.submit({ ...base, placeId: newId() }, { channel: 'hotline_call', collectedBy: 'h' }),
      'invalid_request',
    );
    await rejectsWith(
      intake.submit({ ...base, sourceId: newId() }, { channel: 'hotline_call', collectedBy: 'h' }),
      'invalid_request',
    );
    assert.deepEqual(
      await new KyselyInfoItemRepository(db).listQueue({ status: 'new', limit: 5 }),
      [],
    );
    assert.equal(await sealedRecordsText(db), '');
  });

  it('group-commits many concurrent reports, each stored once', async () => {
    const { db } = await open();
    const { intake } = await intakeTest(db);
    const submitted = await Promise.all(
      Array.from({ length: 120 }, (_, index) =>
        intake.submit(
          { account: `report ${String(index)}`, language: 'hy', access: NO_ACCESS },
          { channel: 'partner_report', collectedBy: 'token-1' },
        ),
      ),
    );
    const queue = await new KyselyInfoItemRepository(db).listQueue({ status: 'new', limit: 500 });
    assert.equal(queue.length, 120);
    assert.deepEqual(
      new Set(queue.map((item) => item.id)),
      new Set(submitted.map((item) => item.id)),
    );
  });

  it('grades with history, reads the account audited, sets aside once', async () => {
    const { db } = await open();
    const { intake, triage } = await intakeTest(db);
    const { id } = await intake.submit(
      { account: ACCOUNT, language: 'en', access: NO_ACCESS },
      { channel: 'hotline_call', collectedBy: 'hotline-1' },
    );
    await triage.grade(id, { credibility: 3, reason: 'plausible', version: 1 }, 'analyst-1');
    const graded = await triage.grade(
      id,
      { credibility: 2, reason: 'second source', version: 2 },
      'analyst-2',
    );
    assert.deepEqual(
      graded.gradings.map((grading) => [grading.version, grading.credibility, grading.actor]),
      [
        [2, 3, 'analyst-1'],
        [3, 2, 'analyst-2'],
      ],
    );
    assert.equal(graded.item.credibility, 2);
    assert.ok(!('accountSealed' in graded.item) && !('receiptSha256' in graded.item));
    await rejectsWith(
      triage.grade(id, { credibility: 1, reason: 'x', version: 2 }, 'a'),
      'conflict',
    );
    const read = await triage.readAccount(id, 'analyst-1', 'verification');
    assert.equal(read.account, ACCOUNT);
    assert.match(
      await sealedRecordsText(db),
      /audit\.item_account_read .*"itemId":"[^"]+".*"purpose":"verification"/,
    );
    const aside = await triage.setAside(id, { reason: 'out of mandate', version: 3 }, 'analyst-1');
    assert.deepEqual(
      [aside.item.status, aside.item.statusReason, aside.item.version],
      ['set_aside', 'out of mandate', 4],
    );
    await rejectsWith(
      triage.setAside(id, { reason: 'again', version: 4 }, 'a'),
      'invalid_transition',
    );
    await rejectsWith(triage.get(newId()), 'not_found');
    await rejectsWith(triage.readAccount(newId(), 'a', 'verification'), 'not_found');
  });

  it('links items for the incidents slice, leaving the queue of new items', async () => {
    const { db } = await open();
    const { intake, triage } = await intakeTest(db);
    const { id } = await intake.submit(
      { account: 'a', language: 'en', access: NO_ACCESS },
      { channel: 'hotline_call', collectedBy: 'h' },
    );
    await db.transaction().execute((trx) => markItemsLinked(trx, [id], new Date().toISOString()));
    assert.deepEqual((await triage.queue('new', { limit: 10 })).items, []);
    assert.deepEqual(
      (await triage.queue('linked', { limit: 10 })).items.map((item) => item.id),
      [id],
    );
  });
});
