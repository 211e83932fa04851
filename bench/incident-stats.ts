// Incident statistics (issue 4: counts by type, status, week and area over 100,000 incidents in
// under 100 ms p95, on SQLite and on PostgreSQL, with the raw ceiling measured in the same run).
// Builds synthetic incidents on a migrated database, then times the service's query over the
// whole year they span (every row counted, the worst case), beside:
// - the raw ceiling: one indexed COUNT(*) over the same period — the least any grouped count
//   over those rows can cost on that engine;
// - three portable ways to count ISO weeks alone: one COUNT per week range (UNION ALL; what the
//   service does), one GROUP BY over the calendar day folded into weeks in process, and one
//   GROUP BY over a CASE expression of the period's week boundaries.
//
// Not wired into bench/run.ts; call it on any open database, e.g.
//   const database = await openDatabase({ dataDir, url });   // url: undefined for SQLite
//   const figures = await measureIncidentStatistics(database.db, { incidents: 100_000, runs: 50 });
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import { KyselyIncidentStatistics } from '../src/monitoring/analysis/incident-statistics.kysely.ts';
import { IncidentStatisticsService } from '../src/monitoring/analysis/incident-statistics.service.ts';
import type { IncidentTable } from '../src/monitoring/monitoring.tables.ts';
import { SUB_EVENT_TYPE_CODES } from '../src/monitoring/model/event-taxonomy.ts';
import { foldIntoWeeks, isoWeekOf, isoWeekRanges } from '../src/monitoring/model/iso-week.ts';
import { INCIDENT_STATES } from '../src/monitoring/model/vocabulary.ts';
import { insertRows } from '../src/store/insert-rows.ts';
import type { Database } from '../src/store/schema.ts';
import { now, percentile } from './stats.ts';

/** Latency of one query, milliseconds. */
export interface Latency {
  p50: number;
  p95: number;
}

/** What one engine measured. */
export interface IncidentStatsFigures {
  incidents: number;
  runs: number;
  /** The service's statistics (four GROUP BYs, day → week and place → area folded in process). */
  statistics: Latency;
  /** One indexed COUNT(*) over the same period. */
  ceiling: Latency;
  /** Weeks alone, one index range count per week (the service's way). */
  weeksByRange: Latency;
  /** Weeks alone, grouped by the day prefix and folded in process. */
  weeksByDay: Latency;
  /** Weeks alone, grouped in SQL by a CASE over the week boundaries. */
  weeksByCase: Latency;
  /** Seconds to build the synthetic incidents. */
  buildSeconds: number;
}

const YEAR_START = Date.UTC(2023, 0, 2); // a Monday
const DAYS = 364;
const PLACES = 200;
const AREAS = 12;

// Deterministic: the same figures' inputs on every engine and every run.
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor(state / 65_536) % n;
  };
}

async function buildPlaces(db: Kysely<Database>): Promise<string[]> {
  const ids = Array.from({ length: PLACES }, () => randomUUID());
  await insertRows(
    db,
    'place',
    ids.map((id, i) => ({
      id,
      kind: 'settlement',
      names: '{"en":"Synthetic place"}',
      lat: 39 + (i % 20) / 20,
      lon: 46 + Math.floor(i / 20) / 20,
      // Every twentieth place has no admin code: its area is the place itself.
      admin_code: i % 20 === 0 ? null : `AR-${String(i % AREAS)}`,
      created_at: new Date(YEAR_START).toISOString(),
      version: 1,
    })),
  );
  return ids;
}

function syntheticIncident(next: (n: number) => number, places: string[]) {
  const at = new Date(YEAR_START + next(DAYS * 24 * 60) * 60_000).toISOString();
  const row: Insertable<IncidentTable> = {
    id: randomUUID(),
    state: INCIDENT_STATES[next(INCIDENT_STATES.length)] ?? 'received',
    sub_event_type: SUB_EVENT_TYPE_CODES[next(SUB_EVENT_TYPE_CODES.length)] ?? 'other',
    occurred_start: at,
    occurred_end: null,
    time_precision: 1,
    // One in ten has no place.
    place_id: next(10) === 0 ? null : (places[next(places.length)] ?? null),
    lat: null,
    lon: null,
    geo_precision: 2,
    actors: '[]',
    victims: '[]',
    tolls: '{"killed":{"low":0,"best":0,"high":0}}',
    civilian_targeting: next(2),
    narrative_sealed: 'x'.repeat(120),
    public_summary: null,
    merged_into: null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  return row;
}

async function buildIncidents(db: Kysely<Database>, count: number): Promise<void> {
  const places = await buildPlaces(db);
  const next = generator(42);
  for (let built = 0; built < count; built += 5000) {
    const rows = Array.from({ length: Math.min(5000, count - built) }, () =>
      syntheticIncident(next, places),
    );
    await db.transaction().execute((trx) => insertRows(trx, 'incident', rows));
  }
  // Fresh planner statistics, as after any bulk load; on PostgreSQL also the visibility map that
  // index-only scans need, which autovacuum would set after a load this size.
  const isSqlite = sql`${0}`.compile(db).sql === '?';
  await (isSqlite ? sql`analyze` : sql`vacuum analyze incident`).execute(db);
}

async function time(runs: number, query: () => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < 3; i++) await query(); // warm caches and prepared plans
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await query();
    samples.push(now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** `CASE WHEN occurred_start < <next Monday> THEN '<week>' …` over the period's weeks. */
function weekCase(from: number, to: number) {
  const branches = [];
  for (let monday = from; monday < to; monday += 7 * 86_400_000) {
    const end = new Date(monday + 7 * 86_400_000).toISOString();
    const week = isoWeekOf(new Date(monday).toISOString().slice(0, 10)) ?? 'unknown';
    // Literals, not parameters: PostgreSQL matches the GROUP BY to the SELECT by its text.
    branches.push(sql`when occurred_start < ${sql.lit(end)} then ${sql.lit(week)}`);
  }
  return sql<string>`case ${sql.join(branches, sql` `)} else 'later' end`;
}

/**
 * Builds `incidents` synthetic incidents on the migrated, empty database `db` and measures the
 * statistics over the year they span, `runs` times each.
 */
export async function measureIncidentStatistics(
  db: Kysely<Database>,
  options: { incidents?: number; runs?: number } = {},
): Promise<IncidentStatsFigures> {
  const incidents = options.incidents ?? 100_000;
  const runs = options.runs ?? 50;
  const built = now();
  await buildIncidents(db, incidents);
  const buildSeconds = (now() - built) / 1000;
  const from = new Date(YEAR_START).toISOString();
  const to = new Date(YEAR_START + DAYS * 86_400_000).toISOString();
  const service = new IncidentStatisticsService({ db });
  const inPeriod = db
    .selectFrom('incident')
    .where('occurred_start', '>=', from)
    .where('occurred_start', '<', to);
  const day = sql<string>`substr(occurred_start, 1, 10)`;
  const week = weekCase(YEAR_START, YEAR_START + DAYS * 86_400_000);
  return {
    incidents,
    runs,
    statistics: await time(runs, () => service.count({ from, to })),
    ceiling: await time(runs, () =>
      inPeriod.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
    ),
    weeksByRange: await time(runs, () =>
      new KyselyIncidentStatistics(db).countByWeek({ from, to }, isoWeekRanges(from, to)),
    ),
    weeksByDay: await time(runs, async () => {
      const rows = await inPeriod
        .select((eb) => [day.as('day'), eb.fn.countAll().as('n')])
        .groupBy(day)
        .execute();
      return foldIntoWeeks(rows.map((row) => ({ day: row.day, count: Number(row.n) })));
    }),
    weeksByCase: await time(runs, () =>
      inPeriod
        .select((eb) => [week.as('week'), eb.fn.countAll().as('n')])
        .groupBy(week)
        .execute(),
    ),
    buildSeconds,
  };
}
