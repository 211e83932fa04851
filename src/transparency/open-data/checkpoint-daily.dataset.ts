// checkpoint_daily: people and vehicles crossing each checkpoint per day and direction, for
// complete days (UTC) before the release. Two records describe the same flow — individual
// passages logged by devices and interval counts — so a day takes the larger of the two, never
// their sum. Movement counts are rounded to 10 and small ones suppressed (DOMAIN.md §6).
import { sql } from 'kysely';
import { column } from './dataset-definition.ts';
import type { Cell, DatasetDefinition, DatasetSource } from './dataset-definition.ts';
import { carryForwardDays } from './earlier-release.ts';
import { loadGazetteer } from './open-data-sources.kysely.ts';
import { GroupedCounts } from './grouped-counts.ts';

async function dailyFlows(source: DatasetSource): Promise<GroupedCounts> {
  const today = source.now.toISOString().slice(0, 10);
  const day = sql<string>`substr(recorded_at, 1, 10)`;
  const passages = await source.db
    .selectFrom('checkpoint_passage')
    .select(['checkpoint_id', 'direction', day.as('day')])
    .select((eb) => [
      eb.fn.sum<number | string>('occupants').as('people'),
      eb.fn.countAll<number | string>().as('vehicles'),
    ])
    .where('recorded_at', '<', today)
    .groupBy(['checkpoint_id', 'direction', day])
    .execute();
  const intervalDay = sql<string>`substr(interval_start, 1, 10)`;
  const counted = await source.db
    .selectFrom('aggregate_count')
    .select(['checkpoint_id', 'direction', intervalDay.as('day')])
    .select((eb) => [
      eb.fn.sum<number | string>('people').as('people'),
      eb.fn.sum<number | string>('vehicles').as('vehicles'),
    ])
    .where('interval_start', '<', today)
    .groupBy(['checkpoint_id', 'direction', intervalDay])
    .execute();
  const best = new Map<string, { day: string; key: string; values: number[] }>();
  for (const row of [...passages, ...counted]) {
    const key = `${row.checkpoint_id}|${row.direction}`;
    const values = [Number(row.people), Number(row.vehicles)];
    const seen = best.get(`${row.day}|${key}`);
    const merged =
      seen === undefined ? values : values.map((v, i) => Math.max(v, seen.values[i] ?? 0));
    best.set(`${row.day}|${key}`, { day: row.day, key, values: merged });
  }
  const counts = new GroupedCounts(2);
  for (const { day: d, key, values } of best.values()) counts.add(d, key.replace('|', '~'), values);
  return counts;
}

async function* freshRows(source: DatasetSource): AsyncGenerator<readonly Cell[]> {
  const gazetteer = await loadGazetteer(source.db);
  const counts = await dailyFlows(source);
  for (const row of counts.disclosed(() => ({ kind: 'movement' }))) {
    const [checkpointId = '', direction = ''] = row.key.split('~');
    const place = gazetteer.byId.get(checkpointId);
    yield [
      row.day,
      place?.name ?? null,
      checkpointId,
      place?.adminCode ?? null,
      place?.lat ?? null,
      place?.lon ?? null,
      direction,
      ...row.cells,
    ];
  }
}

/** The checkpoint_daily dataset. */
export const CHECKPOINT_DAILY_DATASET: DatasetDefinition = {
  name: 'checkpoint_daily',
  title: 'Passages per checkpoint, day and direction',
  columns: [
    column('date', '#date', 'Day (YYYY-MM-DD, UTC)'),
    column('checkpoint', '#loc+name', 'Checkpoint name (gazetteer, English)'),
    column('checkpoint_code', '#loc+code', 'Checkpoint id in the public gazetteer'),
    column('admin1', '#adm1+code', 'ISO 3166-2 first-level division'),
    column('latitude', '#geo+lat', 'Latitude of the checkpoint (public gazetteer)'),
    column('longitude', '#geo+lon', 'Longitude of the checkpoint (public gazetteer)'),
    column('direction', '#meta+direction', 'out (leaving) or in (entering)'),
    column('people', '#indicator+num+people', 'People crossing, rounded to 10'),
    column('vehicles', '#indicator+num+vehicles', 'Vehicles crossing, rounded to 10'),
  ],
  geo: { lat: 4, lon: 5 },
  dayColumn: 0,
  methodologyVersion: '2',
  rules: [
    'Complete UTC days before the release only.',
    'Per checkpoint, day and direction, the larger of the device-logged passages and the interval counts (they describe the same flow).',
    'Counts are rounded to the nearest 10; counts of 1–4 are published as "<5", with secondary suppression ("x") within each day.',
    'A day, once released, is released again exactly as first published: records that arrive later for it are left out, so that no two releases differ on it (a revision is announced in the corrections log).',
  ],
  build(source) {
    return carryForwardDays(freshRows(source), source.earlier('checkpoint_daily'), 0);
  },
};
