import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { rejectsWith } from '../../../passage/database/passage.fixtures.ts';
import { intakeTest, sealedRecordsText } from '../intake.fixtures.ts';
import { newReceiptCode, normaliseReceiptCode, receiptDigest } from './receipt-code.ts';

const NO_ACCESS = { privateInterview: null, escorted: null, placeDenied: null };

it('draws 160-bit receipt codes in groups of four, read back whatever the case and spacing', () => {
  const code = newReceiptCode();
  assert.match(code, /^(?:[a-z2-7]{4}-){7}[a-z2-7]{4}$/);
  assert.notEqual(newReceiptCode(), code);
  const spoken = code.toUpperCase().replaceAll('-', ' ');
  assert.equal(normaliseReceiptCode(spoken), code.replaceAll('-', ''));
  assert.equal(normaliseReceiptCode('not a code'), undefined);
  assert.match(receiptDigest(code.replaceAll('-', '')), /^[0-9a-f]{64}$/);
});

describeOnBothDatabases('resident reports', (open) => {
  it('answers a receipt code that follows the report through triage, stored only as a digest', async () => {
    const { db } = await open();
    const { residents, triage } = await intakeTest(db);
    const { receiptCode } = await residents.submit({
      account: 'They took my neighbour at the post',
      language: 'hy',
      access: NO_ACCESS,
    });
    assert.equal(await residents.status(receiptCode), 'received');
    const [item] = (await triage.queue('new', { limit: 5 })).items;
    assert.deepEqual([item?.channel, item?.collectedBy], ['resident_report', 'anonymous']);
    await triage.grade(item?.id ?? '', { credibility: 3, reason: 'plausible', version: 1 }, 'a');
    assert.equal(await residents.status(receiptCode.toUpperCase()), 'under_review');
    await triage.setAside(item?.id ?? '', { reason: 'outside mandate', version: 2 }, 'a');
    assert.equal(await residents.status(receiptCode), 'assessed');
    const compact = receiptCode.replaceAll('-', '');
    const row = await db.selectFrom('info_item').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.receipt_sha256, receiptDigest(compact));
    const everything = JSON.stringify(row) + (await sealedRecordsText(db));
    assert.ok(!everything.includes(compact) && !everything.includes(receiptCode));
  });

  it('answers not_found for a wrong or malformed code', async () => {
    const { db } = await open();
    const { residents } = await intakeTest(db);
    await residents.submit({ account: 'x', language: 'ru', access: NO_ACCESS });
    await rejectsWith(residents.status(newReceiptCode()), 'not_found');
    await rejectsWith(residents.status('garbage'), 'not_found');
  });
});
