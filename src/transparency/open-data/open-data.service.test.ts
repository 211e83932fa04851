import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { rejectsWith } from '../../passage/database/passage.fixtures.ts';
import { DATASET_NAMES, DATASETS } from './open-data.datasets.ts';
import type { DatasetName } from './open-data.datasets.ts';
import { PLANTED, publishDailyReports, RELEASE_AT, seedScenario } from './open-data.fixtures.ts';
import { passageStoreOn } from '../../passage/database/passage-store.kysely.ts';
import { aPassage, aPlace } from '../../passage/database/passage.fixtures.ts';
import { formatCell } from '../disclosure/published-cell.ts';
import { formatsOf } from './open-data.formats.ts';
import { methodologyOf } from './open-data.methodology.ts';
import { exportText, openTestOpenData, parseCsv, sha256Hex } from './open-data.test-support.ts';

const STAFF = 'staff-coordinator-1';

describeOnBothDatabases('open data releases', (open) => {
  async function seeded() {
    const { db } = await open();
    const test = openTestOpenData(db);
    const scenario = await seedScenario(db, test);
    await publishDailyReports(db, ['2023-09-28', '2023-09-29']);
    const csvOf = async (dataset: DatasetName) => {
      const release = await test.service.createRelease(dataset, STAFF);
      const text = await exportText(test.service, { ...release, dataset, format: 'csv' });
      return { release, text, ...parseCsv(text) };
    };
    return { db, test, scenario, csvOf };
  }

  it('publishes only verified incidents past the delay, coarsened, with protected fatalities', async () => {
    const { csvOf } = await seeded();
    const { hxl, rows } = await csvOf('incidents');
    assert.deepEqual(
      hxl,
      DATASETS.incidents.columns.map((c) => c.hxl),
    );
    assert.equal(hxl[0], '#event+id');
    assert.ok(hxl.includes('#affected+killed') && hxl.includes('#status+verification'));
    // published (D-5), nearPoint (D-6, corrected), remote (D-4); not verifiedOnly, not tooRecent.
    assert.deepEqual(
      rows.map((row) => [row['event_date'], row['verification_status']]),
      [
        ['2023-09-25', 'verified_corrected'],
        ['2023-09-26', 'verified'],
        ['2023-09-27', 'verified'],
      ],
    );
    const [near, atCheckpoint, remote] = rows;
    assert.equal(atCheckpoint?.['location'], 'Hilltown', 'the checkpoint becomes its settlement');
    assert.equal(atCheckpoint['latitude'], '39.52');
    assert.equal(atCheckpoint['geo_precision'], '2');
    // Alone on its day with 3 dead: the daily report's total for the day would give it away.
    assert.equal(atCheckpoint['fatalities'], 'x');
    assert.equal(near?.['location'], 'Hilltown', 'bare coordinates become the settlement');
    assert.equal(near['fatalities'], '40');
    assert.equal(remote?.['location'], '', 'no settlement near: district only');
    assert.equal(remote['admin1'], 'AM-GR');
    assert.equal(remote['latitude'], '');
    assert.equal(atCheckpoint['actor1'], 'Party A border service');
    assert.equal(atCheckpoint['actor2'], 'Civilians', 'a civilian actor only by category');
    assert.equal(atCheckpoint['interaction'], '17');
    assert.equal(atCheckpoint['event_type'], 'Strategic developments');
    assert.equal(atCheckpoint['sub_event_type'], 'Arrests');
    assert.match(atCheckpoint['event_id_cnty'] ?? '', /^VGL[0-9a-f]{32}$/);
  });

  it('gives incidents fresh public ids in every release', async () => {
    const { csvOf } = await seeded();
    const first = await csvOf('incidents');
    const second = await csvOf('incidents');
    assert.equal(second.release.version, first.release.version + 1);
    const ids = (rows: Record<string, string>[]) => rows.map((row) => row['event_id_cnty']);
    assert.equal(ids(first.rows).length, 3);
    assert.ok(ids(first.rows).every((id) => !ids(second.rows).includes(id)));
  });

  it('rounds passages to 10, suppresses a small count and leaves out the current day', async () => {
    const { csvOf } = await seeded();
    const { hxl, rows } = await csvOf('checkpoint_daily');
    assert.deepEqual(
      hxl,
      DATASETS.checkpoint_daily.columns.map((c) => c.hxl),
    );
    const cells = rows.map((row) => [
      row['date'],
      row['direction'],
      row['people'],
      row['vehicles'],
    ]);
    assert.deepEqual(cells[0], ['2023-09-28', 'out', '1240', '260'], 'both records, rounded');
    const small = cells.find((row) => row[0] === '2023-09-29' && row[1] === 'out');
    assert.deepEqual(small?.slice(2), ['<5', '<5']);
    const big = cells.find((row) => row[0] === '2023-09-29' && row[1] === 'in');
    assert.ok(['120', 'x'].includes(big?.[2] ?? ''), `secondary or rounded: ${String(big)}`);
    assert.ok(!rows.some((row) => row['date'] === '2023-10-01'), 'the day is not complete');
    assert.ok(!rows.some((row) => Object.values(row).includes('123')));
  });

  it("repeats the daily report's people, and releases only days whose report is public", async () => {
    const { db, scenario, csvOf } = await seeded();
    const report = await db
      .selectFrom('bulletin')
      .select('figures')
      .where('draft_key', '=', 'daily:2023-09-29')
      .executeTakeFirstOrThrow();
    const passages = (
      JSON.parse(report.figures) as { sections: { key: string; rows: { cells: unknown[] }[] }[] }
    ).sections.find((section) => section.key === 'passages');
    const reported = passages?.rows[0]?.cells.slice(0, 2).map((cell) => formatCell(cell as never));
    // Recorded after the report: a day without a published report, and a new checkpoint on the
    // 29th, whose report's rows no longer place on the day's checkpoints.
    const other = aPlace({ names: { en: 'Ridge post' } });
    await passageStoreOn(db).places.insertMany([other]);
    await passageStoreOn(db).passages.insert(
      aPassage({ checkpointId: other.id, occupants: 30, recordedAt: '2023-09-27T09:00:00.000Z' }),
    );
    const first = await csvOf('checkpoint_daily');
    const on29 = first.rows.filter((row) => row['date'] === '2023-09-29');
    assert.deepEqual(
      ['out', 'in'].map((d) => on29.find((row) => row['direction'] === d)?.['people']),
      reported,
      "the report's figures, cell for cell",
    );
    assert.ok(!first.rows.some((row) => row['date'] === '2023-09-27'), 'no report, no day');
    // The 26th's report lists one checkpoint; a passage recorded later at another one means its
    // figures no longer place on the day's checkpoints: the people are withheld, not guessed.
    const at = (checkpointId: string, occupants: number, recordedAt: string) =>
      passageStoreOn(db).passages.insert(aPassage({ checkpointId, occupants, recordedAt }));
    await at(scenario.checkpointId, 90, '2023-09-26T10:00:00.000Z');
    await publishDailyReports(db, ['2023-09-26']);
    await at(other.id, 30, '2023-09-26T11:00:00.000Z');
    const second = await csvOf('checkpoint_daily');
    const on26 = second.rows.filter((row) => row['date'] === '2023-09-26');
    assert.deepEqual(
      on26.map((row) => [row['checkpoint'], row['people'], row['vehicles']]),
      [scenario.checkpointId, other.id]
        .sort()
        .map((id) => [id === other.id ? 'Ridge post' : 'Bridge checkpoint', 'x', '<5']),
    );
  });

  it('aggregates casualties with "<10" for detentions, and hotline contacts by topic', async () => {
    const { csvOf } = await seeded();
    const casualties = await csvOf('casualties_agg');
    assert.deepEqual(casualties.hxl.slice(2), [
      '#affected+killed',
      '#affected+injured',
      '#affected+detained',
      '#affected+missing',
    ]);
    const day = casualties.rows.find((row) => row['date'] === '2023-09-26');
    assert.equal(day?.['admin1'], 'AM-SU');
    assert.equal(day['killed'], 'x', "alone on its day: the report's total would give it away");
    assert.equal(day['detained'], '<10');
    assert.equal(casualties.rows.length, 3);
    const hotline = await csvOf('hotline_stats');
    const detention = hotline.rows.find((row) => row['topic'] === 'detention');
    assert.equal(detention?.['unanswered'], '<10');
    assert.equal(detention['responded'], '0');
    const passage = hotline.rows.find((row) => row['topic'] === 'safe_passage');
    // The report publishes the day's 15 unanswered: 12 would give the detentions' 3 away.
    assert.equal(passage?.['unanswered'], 'x');
  });

  it('publishes restrictions at settlement level without their recorder', async () => {
    const { csvOf } = await seeded();
    const { rows, text } = await csvOf('access_restrictions');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.['location'], 'Hilltown');
    assert.equal(rows[0]['duration_minutes'], '40');
    assert.ok(!text.includes(PLANTED.staffId));
  });

  it('logs each release with the SHA-256 of each format, and never changes a version', async () => {
    const { test, db, scenario } = await seeded();
    const first = await test.service.createRelease('incidents', STAFF);
    const entry = test.logEntry(first.logIndex);
    assert.equal(entry.kind, 'open_data.release');
    assert.equal(entry.body['rowCount'], 3);
    const logged = entry.body['sha256'] as Record<string, string>;
    for (const format of formatsOf(DATASETS.incidents)) {
      const text = await exportText(test.service, { dataset: 'incidents', version: 1, format });
      assert.equal(sha256Hex(text), logged[format], format);
    }
    const geojson = JSON.parse(
      await exportText(test.service, { dataset: 'incidents', version: 1, format: 'geojson' }),
    ) as { features: { geometry: { coordinates: number[] } | null }[] };
    assert.deepEqual(geojson.features[1]?.geometry?.coordinates, [46.35, 39.52]);
    await db
      .updateTable('incident')
      .set({ state: 'published' })
      .where('id', '=', scenario.incidents.verifiedOnly)
      .execute();
    const second = await test.service.createRelease('incidents', STAFF);
    assert.equal(second.rowCount, 4);
    const again = await exportText(test.service, {
      dataset: 'incidents',
      version: 1,
      format: 'csv',
    });
    assert.equal(sha256Hex(again), logged['csv'], 'release 1 is unchanged');
    assert.deepEqual(
      (await test.service.releases()).map((r) => [r.dataset, r.version]),
      [
        ['casualties_agg', 2],
        ['casualties_agg', 1],
        ['incidents', 2],
        ['incidents', 1],
      ],
    );
  });

  it('refuses an unknown release, a missing format and a bad correction', async () => {
    const { test } = await seeded();
    await rejectsWith(test.service.exportRelease('incidents', 1, 'csv'), 'not_found');
    await test.service.createRelease('hotline_stats', STAFF);
    await rejectsWith(test.service.exportRelease('hotline_stats', 1, 'geojson'), 'not_found');
    const bad = { correctsVersion: 1, correctedInVersion: 1, description: 'x' };
    await rejectsWith(test.corrections.record('hotline_stats', bad, STAFF), 'invalid_request');
    const none = { correctsVersion: 9, description: 'x' };
    await rejectsWith(test.corrections.record('hotline_stats', none, STAFF), 'not_found');
    assert.deepEqual(await test.corrections.list('hotline_stats'), []);
  });

  it('keeps a corrections log naming the release corrected, as public entries', async () => {
    const { test } = await seeded();
    await test.service.createRelease('checkpoint_daily', STAFF);
    await test.service.createRelease('checkpoint_daily', STAFF);
    const description = 'Counts of 28 September double-counted one interval.';
    const view = await test.corrections.record(
      'checkpoint_daily',
      { correctsVersion: 1, correctedInVersion: 2, description },
      STAFF,
    );
    assert.deepEqual(await test.corrections.list('checkpoint_daily'), [view]);
    const entry = test.logEntry(view.logIndex);
    assert.equal(entry.kind, 'open_data.correction');
    assert.deepEqual(entry.body, {
      dataset: 'checkpoint_daily',
      correctsVersion: 1,
      correctedInVersion: 2,
      description,
      at: RELEASE_AT.toISOString(),
    });
  });

  it('puts nothing from the vault or any sealed text in any output or log entry', async () => {
    const { test } = await seeded();
    let everything = test.entries.join('\n');
    for (const dataset of DATASET_NAMES) {
      const release = await test.service.createRelease(dataset, STAFF);
      assert.ok(release.rowCount > 0, `${dataset} has rows`);
      for (const format of formatsOf(DATASETS[dataset])) {
        everything += await exportText(test.service, { dataset, version: 1, format });
      }
      everything += methodologyOf(DATASETS[dataset]);
    }
    everything += test.entries.join('\n');
    for (const secret of [...Object.values(PLANTED), 'Anna', 'sealed:']) {
      assert.ok(!everything.includes(secret), `${secret} leaked`);
    }
  });
});
