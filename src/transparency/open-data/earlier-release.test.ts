import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { newId } from '../../passage/database/passage.fixtures.ts';
import type { DatasetName } from './open-data.datasets.ts';
import {
  insertCount,
  insertIncident,
  publishDailyReports,
  seedScenario,
} from './open-data.fixtures.ts';
import { exportText, openTestOpenData, parseCsv } from './open-data.test-support.ts';

const STAFF = 'staff-coordinator-1';

describeOnBothDatabases('open data: a released day is released again as it was', (open) => {
  async function seeded() {
    const { db } = await open();
    const test = openTestOpenData(db);
    const scenario = await seedScenario(db, test);
    const rowsOf = async (dataset: DatasetName, version: number) =>
      parseCsv(await exportText(test.service, { dataset, version, format: 'csv' })).rows;
    return { db, test, scenario, rowsOf };
  }

  const onDay = (rows: Record<string, string>[], column: string, day: string) =>
    rows.filter((row) => row[column] === day);

  it('repeats a released day of checkpoint_daily although late counts changed it', async () => {
    const { db, test, scenario, rowsOf } = await seeded();
    await publishDailyReports(db, ['2023-09-28', '2023-09-29']);
    await test.service.createRelease('checkpoint_daily', STAFF);
    const first = await rowsOf('checkpoint_daily', 1);
    const outOn29 = onDay(first, 'date', '2023-09-29').find((row) => row['direction'] === 'out');
    assert.equal(outOn29?.['people'], '<5', 'the planted small count');
    const count = (start: string, people: number, vehicles: number) =>
      insertCount(db, scenario.checkpointId, { start, direction: 'out', people, vehicles });
    // Late: the 29th now holds 3 + 8 = 11 people out, which a fresh disclosure prints as 10 —
    // and 10 minus "<5" would bound the late record. A day never released before comes fresh.
    await count('2023-09-29T10:00:00.000Z', 8, 2);
    await count('2023-09-27T10:00:00.000Z', 50, 20);
    await publishDailyReports(db, ['2023-09-27']);
    const second = await test.service.createRelease('checkpoint_daily', STAFF);
    const rows = await rowsOf('checkpoint_daily', second.version);
    for (const day of ['2023-09-28', '2023-09-29']) {
      assert.deepEqual(onDay(rows, 'date', day), onDay(first, 'date', day), day);
    }
    assert.deepEqual(
      onDay(rows, 'date', '2023-09-27').map((row) => [row['direction'], row['people']]),
      [['out', '50']],
    );
    assert.deepEqual(
      rows.map((row) => row['date']),
      ['2023-09-27', '2023-09-28', '2023-09-29', '2023-09-29'],
      'days in order',
    );
  });

  it('repeats a released day of hotline_stats', async () => {
    const { db, test, rowsOf } = await seeded();
    await test.service.createRelease('hotline_stats', STAFF);
    const first = await rowsOf('hotline_stats', 1);
    const [contact] = await db.selectFrom('hotline_contact').selectAll().limit(1).execute();
    assert.ok(contact !== undefined);
    const late = (hour: number) => ({
      ...contact,
      id: newId(),
      received_at: `2023-09-29T${String(hour)}:40:00.000Z`,
    });
    await db
      .insertInto('hotline_contact')
      .values([late(10), late(11), late(12)])
      .execute();
    await test.service.createRelease('hotline_stats', STAFF);
    assert.deepEqual(await rowsOf('hotline_stats', 2), first);
  });

  it('releases incidents with casualties_agg and keeps a released day’s fatalities', async () => {
    const { db, test, scenario, rowsOf } = await seeded();
    // Another incident that day elsewhere (40 dead) lets the 3 at the checkpoint show as "<5".
    await insertIncident(db, {
      state: 'published',
      start: '2023-09-26T13:00:00.000Z',
      at: [40.9, 44.9],
      killed: 40,
    });
    const release = await test.service.createRelease('incidents', STAFF);
    assert.deepEqual(
      release.releasedWith.map((r) => [r.dataset, r.version]),
      [['casualties_agg', 1]],
    );
    const incidents = await rowsOf('incidents', 1);
    const casualties = await rowsOf('casualties_agg', 1);
    const day = '2023-09-26';
    const [atCheckpoint] = onDay(incidents, 'event_date', day);
    assert.equal(atCheckpoint?.['fatalities'], '<5');
    assert.equal(onDay(incidents, 'event_date', day)[1]?.['fatalities'], 'x', 'its complement');
    // Verified late, same day and place: released afresh, the day's aggregates would move —
    // and the difference between releases is the late incident's figure, or gives the 3 away.
    await insertIncident(db, {
      state: 'published',
      start: '2023-09-26T15:00:00.000Z',
      placeId: scenario.checkpointId,
      killed: 30,
    });
    const again = await test.service.createRelease('casualties_agg', STAFF);
    assert.deepEqual(
      again.releasedWith.map((r) => [r.dataset, r.version]),
      [['incidents', 2]],
    );
    assert.deepEqual(await rowsOf('casualties_agg', 2), casualties, 'aggregates unchanged');
    const later = onDay(await rowsOf('incidents', 2), 'event_date', day);
    assert.deepEqual(
      later.map((row) => row['fatalities']),
      ['<5', 'x', '30'],
      'the first keeps its figure; the late one is disclosed apart',
    );
    const strip = (row: Record<string, string>) => ({ ...row, event_id_cnty: '' });
    assert.deepEqual(later.map(strip).slice(0, 2), onDay(incidents, 'event_date', day).map(strip));
    assert.notEqual(later[0]?.['event_id_cnty'], atCheckpoint['event_id_cnty'], 'fresh ids');
  });
});
