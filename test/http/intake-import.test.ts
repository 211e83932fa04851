// Bulk CSV import over HTTP: a text/csv body, all rows or none, and importing the same file
// again updates its items instead of duplicating them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app } = test.vigil;
const db = test.vigil.features.context.db;

function importCsv(
  payload: string,
  contentType = 'text/csv',
  headers = test.staff.analyst.headers,
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/info-items/import',
    headers: { ...headers, 'content-type': contentType },
    payload,
  });
}

interface Results {
  results: { row: number; id: string; status: string }[];
}

async function itemCount(): Promise<number> {
  const rows = await db
    .selectFrom('info_item')
    .select('id')
    .where('channel', '=', 'bulk_import')
    .execute();
  return rows.length;
}

describe('CSV import', () => {
  it('inserts, then updates the same items when the file is imported again', async () => {
    const id = crypto.randomUUID();
    const file =
      'id,account,language,received_at,event_type\n' +
      `${id},"Convoy halted, 40 cars",en,2023-09-26T07:00:00Z,humanitarian_convoy_blocked\n` +
      `,"Queue without water",ru,2023-09-26T08:00:00Z,\n`;
    const first = await importCsv(file);
    assert.equal(first.statusCode, 200, first.body);
    const inserted = first.json<Results>().results;
    assert.deepEqual(
      inserted.map((r) => [r.row, r.status]),
      [
        [2, 'inserted'],
        [3, 'inserted'],
      ],
    );
    assert.equal(inserted[0]?.id, id);
    const count = await itemCount();
    const withIds = file.replace(',"Queue', `${inserted[1]?.id ?? ''},"Queue`);
    const second = await importCsv(withIds.replace('40 cars', '45 cars'));
    assert.deepEqual(
      second.json<Results>().results.map((r) => r.status),
      ['updated', 'updated'],
    );
    assert.equal(await itemCount(), count, 'no duplicates');
    const view = await app.inject({
      url: `/api/v1/info-items/${id}`,
      headers: test.staff.coordinator.headers,
    });
    assert.equal(view.json<{ item: { version: number } }>().item.version, 2);
    const account = await app.inject({
      method: 'POST',
      url: `/api/v1/info-items/${id}/account`,
      headers: test.staff.coordinator.headers,
      payload: { purpose: 'verification' },
    });
    assert.equal(account.json<{ account: string }>().account, 'Convoy halted, 45 cars');
  });

  it('refuses a file with a bad row, saying which, and keeps nothing of it', async () => {
    const count = await itemCount();
    const response = await importCsv(
      'account,language,received_at\ngood,en,2023-09-26T07:00:00Z\nbad,english,2023-09-26T07:00:00Z\n',
    );
    assert.equal(response.statusCode, 422, response.body);
    const rows = response.json<{ error: { details: { rows: { row: number; path: string }[] } } }>()
      .error.details.rows;
    assert.deepEqual(
      rows.map((row) => [row.row, row.path]),
      [[3, 'language']],
    );
    assert.equal(await itemCount(), count);
  });

  it('takes text/csv only, from analysts and coordinators', async () => {
    const file = 'account,language,received_at\nx,en,2023-09-26T07:00:00Z\n';
    assert.equal((await importCsv(file, 'text/plain')).statusCode, 415);
    assert.equal((await importCsv(JSON.stringify(file), 'application/json')).statusCode, 415);
    assert.equal((await importCsv(file, 'text/csv', test.staff.hotline.headers)).statusCode, 403);
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/partner-reports',
      headers: { authorization: `Bearer ${test.partnerToken}`, 'content-type': 'text/csv' },
      payload: file,
    });
    assert.equal(other.statusCode, 415, 'no other route takes CSV');
  });
});
