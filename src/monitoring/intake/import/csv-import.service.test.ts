import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { DomainError } from '../../../errors/domain-error.ts';
import { newId } from '../../../passage/database/passage.fixtures.ts';
import { KyselyInfoItemRepository } from '../database/info-item.kysely.ts';
import { intakeTest } from '../intake.fixtures.ts';

const HEADER = 'id,account,language,received_at,place_id,proximity,private_interview';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}

async function rejectedRows(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'invalid_request');
    return (error.details as { rows: unknown }).rows;
  }
  assert.fail('the import was accepted');
}

describeOnBothDatabases('CSV import', (open) => {
  it('inserts rows, then updates them as new versions when the file comes again', async () => {
    const { db } = await open();
    const { imports, placeId, triage } = await intakeTest(db);
    const known = newId();
    const file = csv(
      `${known},"Shots near the bridge, two hurt",en,2023-09-25T08:00:00Z,${placeId},eyewitness,yes`,
      `,"Line one\nline two",hy,2023-09-25T09:00:00+04:00,,,`,
    );
    const first = await imports.import(file, 'analyst-1');
    assert.deepEqual(
      first.map((result) => [result.row, result.status]),
      [
        [2, 'inserted'],
        [3, 'inserted'],
      ],
    );
    assert.equal(first[0]?.id, known);
    const second = await imports.import(file.replace('two hurt', 'three hurt'), 'analyst-1');
    assert.deepEqual(
      second.map((result) => [result.row, result.status]),
      [
        [2, 'updated'],
        [3, 'inserted'],
      ],
    );
    const items = new KyselyInfoItemRepository(db);
    assert.equal((await items.listQueue({ status: 'new', limit: 10 })).length, 3);
    const updated = await items.get(known);
    assert.deepEqual(
      [updated?.version, updated?.channel, updated?.proximity, updated?.access.privateInterview],
      [2, 'bulk_import', 'eyewitness', true],
    );
    assert.equal(
      (await triage.readAccount(known, 'a', 'verification')).account,
      'Shots near the bridge, three hurt',
    );
    const multiline = await items.get(first[1]?.id ?? '');
    assert.equal(multiline?.receivedAt, '2023-09-25T05:00:00.000Z');
  });

  it('rejects the whole file when one row is bad, naming each bad row, and writes nothing', async () => {
    const { db } = await open();
    const { imports, intake } = await intakeTest(db);
    const partner = await intake.submit(
      {
        account: 'x',
        language: 'en',
        access: { privateInterview: null, escorted: null, placeDenied: null },
      },
      { channel: 'partner_report', collectedBy: 'p' },
    );
    const repeated = newId();
    const rows = await rejectedRows(
      imports.import(
        csv(
          `,fine,en,2023-09-25T08:00:00Z,,,`,
          `,bad date,en,yesterday,,,`,
          `,unknown place,en,2023-09-25T08:00:00Z,${newId()},,`,
          `${partner.id},another channel,en,2023-09-25T08:00:00Z,,,`,
          `${repeated},once,en,2023-09-25T08:00:00Z,,,`,
          `${repeated},twice,en,2023-09-25T08:00:00Z,,,`,
          `,bad flag,en,2023-09-25T08:00:00Z,,,maybe`,
        ),
        'analyst-1',
      ),
    );
    assert.deepEqual(
      (rows as { row: number; path: string; code: string; status: string }[]).map((row) => [
        row.row,
        row.path,
        row.code,
        row.status,
      ]),
      [
        [3, 'received_at', 'invalid_format', 'rejected'],
        [4, 'place_id', 'unknown_reference', 'rejected'],
        [5, 'id', 'other_channel', 'rejected'],
        [7, 'id', 'duplicate_id', 'rejected'],
        [8, 'private_interview', 'invalid_value', 'rejected'],
      ],
    );
    const queue = await new KyselyInfoItemRepository(db).listQueue({ status: 'new', limit: 10 });
    assert.deepEqual(
      queue.map((item) => item.id),
      [partner.id],
      'nothing of the file was kept',
    );
  });

  it('refuses files without rows, with unknown or missing columns, or malformed', async () => {
    const { db } = await open();
    const { imports } = await intakeTest(db);
    for (const [text, code] of [
      [HEADER + '\n', 'no_rows'],
      ['account,language,received_at,name\nx,en,2023-09-25T08:00:00Z,Anna\n', 'unknown_column'],
      ['account,language\nx,en\n', 'missing_column'],
      ['account,language,received_at\n"x,en,2023\n', 'csv_malformed'],
      ['account,language,received_at\nx,en\n', 'csv_malformed'],
    ] as const) {
      const rows = (await rejectedRows(imports.import(text, 'a'))) as { code: string }[];
      assert.equal(rows[0]?.code, code, text);
    }
  });
});
