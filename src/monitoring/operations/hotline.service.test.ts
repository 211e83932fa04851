import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { newId, rejectsWith } from '../../passage/database/passage.fixtures.ts';
import {
  countRows,
  insertInfoItem,
  openTestCommitments,
} from '../commitments/commitments.fixtures.ts';

const HOTLINE = 'staff-hotline-3';
const CALL = {
  receivedAt: '2023-09-25T08:00:00Z',
  channel: 'phone',
  callerContact: '+374 77 918 273',
  topic: 'missing_person',
} as const;

describeOnBothDatabases('hotline service', (open) => {
  it('keeps the caller as a stable pseudonym and never the number itself', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const first = await test.hotline.take(CALL, HOTLINE);
    const second = await test.hotline.take(
      { ...CALL, callerContact: '+37477918273', receivedAt: '2023-09-25T09:00:00Z' },
      HOTLINE,
    );
    assert.equal(first.callerRef, second.callerRef);
    assert.match(first.callerRef, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(first.respondedAt, null);
    const sealed = await db.selectFrom('sealed_record').selectAll().execute();
    assert.ok(sealed.every((seal) => seal.visibility === 'sealed'));
    // The whole number, in either spelling: a three-digit fragment turns up by chance in
    // random ids and ciphertext, so it would make this check flaky rather than stricter.
    const stored = JSON.stringify([sealed, test.entries()]);
    assert.ok(!stored.includes('918 273') && !stored.includes('77918273'));
  });

  it('records a response later, with its response time and links, once', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const item = await insertInfoItem(db, '2023-09-25T08:10:00.000Z', null);
    const contact = await test.hotline.take(CALL, HOTLINE);
    const answered = await test.hotline.respond(
      contact.id,
      {
        version: 1,
        respondedAt: '2023-09-25T08:04:30Z',
        outcome: 'report_opened',
        infoItemId: item,
      },
      'staff-coordinator',
    );
    assert.deepEqual(
      [answered.responseSeconds, answered.outcome, answered.infoItemId, answered.version],
      [270, 'report_opened', item, 2],
    );
    const before = await countRows(db);
    const again = { version: 2, respondedAt: '2023-09-25T09:00:00Z', outcome: 'referred' } as const;
    await rejectsWith(test.hotline.respond(contact.id, again, HOTLINE), 'invalid_transition');
    await rejectsWith(
      test.hotline.respond(contact.id, { ...again, version: 1 }, HOTLINE),
      'conflict',
    );
    await rejectsWith(test.hotline.respond(newId(), again, HOTLINE), 'not_found');
    const other = await test.hotline.take(
      { ...CALL, callerRef: newId(), callerContact: undefined },
      HOTLINE,
    );
    const mid = await countRows(db);
    await rejectsWith(
      test.hotline.respond(
        other.id,
        { version: 1, respondedAt: '2023-09-25T07:59:00Z', outcome: 'referred' },
        HOTLINE,
      ),
      'invalid_request',
    );
    await rejectsWith(
      test.hotline.respond(other.id, { ...again, version: 1, tracingRequestId: newId() }, HOTLINE),
      'invalid_request',
    );
    assert.equal(before.hotline_contact, mid.hotline_contact! - 1);
    assert.deepEqual(await countRows(db), mid);
  });

  it('refuses a caller given twice or not at all, and unknown links', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const before = await countRows(db);
    await rejectsWith(
      test.hotline.take({ ...CALL, callerRef: newId() }, HOTLINE),
      'invalid_request',
    );
    await rejectsWith(
      test.hotline.take({ ...CALL, callerContact: undefined }, HOTLINE),
      'invalid_request',
    );
    await rejectsWith(
      test.hotline.take({ ...CALL, infoItemId: newId() }, HOTLINE),
      'invalid_request',
    );
    await rejectsWith(
      test.hotline.take({ ...CALL, callerContact: ' - - . ' }, HOTLINE),
      'invalid_request',
    );
    await rejectsWith(
      test.hotline.take(
        { ...CALL, response: { respondedAt: '2023-09-25T07:00:00Z', outcome: 'referred' } },
        HOTLINE,
      ),
      'invalid_request',
    );
    assert.deepEqual(await countRows(db), before);
  });

  it('counts contacts per day with the median and p90 response time of a period', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const answeredAfter = async (receivedAt: string, seconds: number | null) => {
      const response =
        seconds === null
          ? undefined
          : {
              respondedAt: new Date(Date.parse(receivedAt) + seconds * 1000).toISOString(),
              outcome: 'information_given' as const,
            };
      await test.hotline.take({ ...CALL, receivedAt, ...(response && { response }) }, HOTLINE);
    };
    await answeredAfter('2023-09-24T23:59:59Z', 10);
    for (const [at, seconds] of [
      ['2023-09-25T01:00:00Z', 60],
      ['2023-09-25T02:00:00Z', 120],
      ['2023-09-25T03:00:00Z', 600],
      ['2023-09-25T04:00:00Z', null],
      ['2023-09-27T23:00:00Z', 30],
    ] as const) {
      await answeredAfter(at, seconds);
    }
    const stats = await test.hotline.statistics({ from: '2023-09-25', to: '2023-09-27' });
    assert.deepEqual(
      [stats.contacts, stats.responded, stats.medianSeconds, stats.p90Seconds],
      [5, 4, 60, 600],
    );
    assert.deepEqual(
      stats.days.map((day) => [day.date, day.contacts, day.medianSeconds]),
      [
        ['2023-09-25', 4, 120],
        ['2023-09-26', 0, null],
        ['2023-09-27', 1, 30],
      ],
    );
    const listed = await test.hotline.list({ from: '2023-09-25', to: '2023-09-25' }, 2);
    assert.deepEqual(
      listed.map((contact) => contact.receivedAt),
      ['2023-09-25T04:00:00.000Z', '2023-09-25T03:00:00.000Z'],
    );
    await rejectsWith(
      test.hotline.statistics({ from: '2023-09-27', to: '2023-09-25' }),
      'invalid_request',
    );
    await rejectsWith(
      test.hotline.statistics({ from: '2022-01-01', to: '2023-09-25' }),
      'invalid_request',
    );
  });
});
