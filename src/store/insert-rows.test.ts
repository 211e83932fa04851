import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { insertRows } from './insert-rows.ts';

function syncItem(index: number, device = 'device-1') {
  return {
    id: `item-${String(index).padStart(5, '0')}`,
    device_id: device,
    type: 'checkpoint_passage',
    captured_at: '2023-09-24T10:00:00.000Z',
    received_at: '2023-09-24T10:05:00.000Z',
    signature: `sig-${String(index)}`,
    result: JSON.stringify({ logIndex: index }),
  };
}

describeOnBothDatabases('multi-row inserts', (open) => {
  it('stores every row, over as many statements as the parameter limit needs', async () => {
    const { db } = await open();
    // 5,000 rows × 7 columns is past one statement's 32,000 parameters and past 500 rows.
    const rows = Array.from({ length: 5_000 }, (_, index) => syncItem(index));
    assert.deepEqual(await insertRows(db, 'sync_item', rows), []);
    const stored = await db.selectFrom('sync_item').selectAll().orderBy('id').execute();
    assert.equal(stored.length, 5_000);
    assert.deepEqual({ ...stored[4_321] }, syncItem(4_321));
  });

  it('skips rows already stored when asked, and returns only the rows it inserted', async () => {
    const { db } = await open();
    await insertRows(db, 'sync_item', [syncItem(1), syncItem(2)]);
    const returned = await insertRows(
      db,
      'sync_item',
      [syncItem(2, 'device-2'), syncItem(3, 'device-2')],
      { skipConflictsOn: ['id'], returning: 'id' },
    );
    assert.deepEqual(
      returned.map((row) => ({ ...row })),
      [{ id: 'item-00003' }],
    );
    const kept = await db
      .selectFrom('sync_item')
      .select('device_id')
      .where('id', '=', 'item-00002')
      .executeTakeFirstOrThrow();
    assert.equal(kept.device_id, 'device-1');
  });

  it('fails on a conflict it was not told to skip, like any INSERT', async () => {
    const { db } = await open();
    await insertRows(db, 'sync_item', [syncItem(1)]);
    await assert.rejects(insertRows(db, 'sync_item', [syncItem(1)]));
  });

  it('refuses rows whose columns differ, before writing any of them', async () => {
    const { db } = await open();
    const rows = Array.from({ length: 1_200 }, (_, index) => syncItem(index));
    const withoutResult: Partial<ReturnType<typeof syncItem>> = syncItem(1_100);
    delete withoutResult.result;
    await assert.rejects(
      insertRows(db, 'sync_item', [...rows, withoutResult as ReturnType<typeof syncItem>]),
      /differ in their columns/,
    );
    await assert.rejects(
      insertRows(db, 'sync_item', [...rows, { ...syncItem(1_201), result: undefined as never }]),
      /sync_item.result is missing or undefined/,
    );
    const count = await db
      .selectFrom('sync_item')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it("keeps each column's type: integers, doubles, nulls and text with quotes and braces", async () => {
    const { db } = await open();
    const rows = [
      {
        id: 'place-b',
        kind: 'settlement',
        names: JSON.stringify({ en: 'a"b,{c} it\'s\\' }),
        lat: -33.123456789,
        lon: 1_700_000_000_123.5,
        admin_code: null,
        created_at: '2023-09-24T10:00:00.000Z',
        version: 2_147_483_647,
      },
      {
        id: 'place-a',
        kind: 'checkpoint',
        names: '{}',
        lat: 0,
        lon: 0,
        admin_code: 'x',
        created_at: '2023-09-24T10:00:00.000Z',
        version: -2_147_483_648,
      },
    ] as const;
    await insertRows(db, 'place', rows);
    const stored = await db.selectFrom('place').selectAll().orderBy('id').execute();
    assert.deepEqual(
      stored.map((row) => ({ ...row })),
      [rows[1], rows[0]],
    );
    const passage = {
      id: 'passage-1',
      device_id: 'device-1',
      signature: 'sig',
      checkpoint_id: 'checkpoint-1',
      direction: 'out',
      vehicle_id: null,
      journey_ids: '[]',
      occupants: 0,
      queue_in_at: null,
      screening_start_at: null,
      screening_end_at: null,
      screening_types: '[]',
      outcome: 'passed',
      recorded_at: '2023-09-24T10:00:00.000Z',
      recorded_by: 'staff-1',
    } as const;
    await insertRows(db, 'checkpoint_passage', [passage]);
    const [read] = await db.selectFrom('checkpoint_passage').selectAll().execute();
    assert.deepEqual({ ...read }, passage);
  });

  it('does nothing for no rows', async () => {
    const { db } = await open();
    assert.deepEqual(await insertRows(db, 'sync_item', []), []);
  });
});
