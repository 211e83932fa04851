import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Insertable, Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { rejectsWith } from '../../passage/database/passage.fixtures.ts';
import type { Database } from '../../store/schema.ts';
import type { IncidentTable } from '../monitoring.tables.ts';
import { localEventTypeOf } from '../model/event-family.ts';
import { isoWeekOf } from '../model/iso-week.ts';
import type { IncidentState } from '../model/vocabulary.ts';
import { analysisContext, insertPlace } from './analysis.fixtures.ts';
import { IncidentStatisticsService } from './incident-statistics.service.ts';
import type { IncidentStatistics } from './incident-statistics.service.ts';

const SUB_TYPES = ['checkpoint_detention', 'death_in_queue', 'armed_clash', 'not_in_taxonomy'];
const STATES: IncidentState[] = ['received', 'triaged', 'verified', 'published'];
const START = Date.UTC(2023, 8, 20);

/** A small deterministic generator, so a failure reproduces. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with short periods.
    return Math.floor(state / 65_536) % n;
  };
}

interface Seeded {
  rows: Insertable<IncidentTable>[];
  adminOf: Map<string, string | null>;
}

async function seed(db: Kysely<Database>, count: number): Promise<Seeded> {
  const places = [
    await insertPlace(db, { adminCode: 'AM-SU' }),
    await insertPlace(db, { adminCode: 'AM-SU' }),
    await insertPlace(db, { adminCode: 'AM-VD' }),
    await insertPlace(db, { adminCode: null }),
  ];
  const adminOf = new Map<string, string | null>([
    [places[0]!, 'AM-SU'],
    [places[1]!, 'AM-SU'],
    [places[2]!, 'AM-VD'],
    [places[3]!, null],
  ]);
  const next = generator(7);
  const rows = Array.from({ length: count }, (): Insertable<IncidentTable> => {
    const placeIndex = next(places.length + 1);
    const at = new Date(START + next(40 * 24) * 3_600_000).toISOString();
    return {
      id: randomUUID(),
      state: STATES[next(STATES.length)]!,
      sub_event_type: SUB_TYPES[next(SUB_TYPES.length)]!,
      occurred_start: at,
      occurred_end: null,
      time_precision: 1,
      place_id: places[placeIndex] ?? null,
      lat: null,
      lon: null,
      geo_precision: 1,
      actors: '[]',
      victims: '[]',
      tolls: '{}',
      civilian_targeting: 0,
      narrative_sealed: 'sealed',
      public_summary: null,
      merged_into: null,
      created_at: at,
      updated_at: at,
      version: 1,
    };
  });
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('incident')
      .values(rows.slice(i, i + 100))
      .execute();
  }
  return { rows, adminOf };
}

/** Counts computed here, independently of SQL, as `count` answers them (sorted). */
function expected(seeded: Seeded, keep: (row: Insertable<IncidentTable>) => boolean) {
  const tally = (keyOf: (row: Insertable<IncidentTable>) => string) => {
    const counts = new Map<string, number>();
    for (const row of seeded.rows.filter(keep)) {
      counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
    }
    return Object.fromEntries([...counts.entries()].sort());
  };
  return {
    total: seeded.rows.filter(keep).length,
    byEventType: tally((row) => localEventTypeOf(row.sub_event_type) ?? row.sub_event_type),
    bySubEventType: tally((row) => row.sub_event_type),
    byState: tally((row) => row.state),
    byWeek: tally((row) => isoWeekOf(row.occurred_start.slice(0, 10)) ?? 'unknown'),
    byArea: tally((row) => {
      if (row.place_id === null || row.place_id === undefined) return 'none:';
      return seeded.adminOf.get(row.place_id) ?? `place:${row.place_id}`;
    }),
  };
}

function answered(statistics: IncidentStatistics) {
  const object = <T>(list: T[], key: (entry: T) => string, count: (entry: T) => number) =>
    Object.fromEntries(list.map((entry): [string, number] => [key(entry), count(entry)]).sort());
  return {
    total: statistics.total,
    byEventType: object(
      statistics.byEventType,
      (e) => e.eventType,
      (e) => e.count,
    ),
    bySubEventType: object(
      statistics.bySubEventType,
      (e) => e.subEventType,
      (e) => e.count,
    ),
    byState: object(
      statistics.byState,
      (e) => e.state,
      (e) => e.count,
    ),
    byWeek: object(
      statistics.byWeek,
      (e) => e.week,
      (e) => e.count,
    ),
    byArea: object(
      statistics.byArea,
      (e) =>
        e.kind === 'none' ? 'none:' : e.kind === 'place' ? `place:${e.area}` : (e.area ?? ''),
      (e) => e.count,
    ),
  };
}

describeOnBothDatabases('incident statistics', (open) => {
  it('counts by event type, sub-type, state, ISO week and area as computed independently', async () => {
    const { db } = await open();
    const seeded = await seed(db, 600);
    const service = new IncidentStatisticsService(analysisContext(db));
    const from = '2023-09-22T00:00:00.000Z';
    const to = '2023-10-20T00:00:00.000Z';
    const inPeriod = (row: Insertable<IncidentTable>) =>
      row.occurred_start >= from && row.occurred_start < to;
    const statistics = await service.count({ from, to });
    assert.deepEqual(answered(statistics), expected(seeded, inPeriod));
    assert.ok(statistics.total > 300 && statistics.total < 600, 'the period cuts some off');
    assert.deepEqual(statistics.period, { from, to });
    const counts = statistics.byState.map((entry) => entry.count);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
      'largest first',
    );
    assert.ok(statistics.byEventType.some((entry) => entry.eventType === 'safe_passage'));
  });

  it('narrows by state, sub-type, place and admin area', async () => {
    const { db } = await open();
    const seeded = await seed(db, 300);
    const service = new IncidentStatisticsService(analysisContext(db));
    const period = { from: '2023-09-01T00:00:00.000Z', to: '2023-11-01T00:00:00.000Z' };
    const place = [...seeded.adminOf.keys()][2]!;
    const cases = [
      [
        { state: 'verified' as const },
        (row: Insertable<IncidentTable>) => row.state === 'verified',
      ],
      [
        { subEventType: 'armed_clash' },
        (row: Insertable<IncidentTable>) => row.sub_event_type === 'armed_clash',
      ],
      [{ placeId: place }, (row: Insertable<IncidentTable>) => row.place_id === place],
      [
        { adminCode: 'AM-SU' },
        (row: Insertable<IncidentTable>) =>
          row.place_id !== null &&
          row.place_id !== undefined &&
          seeded.adminOf.get(row.place_id) === 'AM-SU',
      ],
    ] as const;
    for (const [filter, keep] of cases) {
      const statistics = await service.count({ ...period, ...filter });
      assert.deepEqual(answered(statistics), expected(seeded, keep), JSON.stringify(filter));
      assert.ok(statistics.total > 0, JSON.stringify(filter));
    }
  });

  it('answers zeros for an empty period and refuses a backward or too long one', async () => {
    const { db } = await open();
    const service = new IncidentStatisticsService(analysisContext(db));
    const empty = await service.count({
      from: '2020-01-01T00:00:00.000Z',
      to: '2020-02-01T00:00:00.000Z',
    });
    assert.equal(empty.total, 0);
    assert.deepEqual(empty.byWeek, []);
    for (const [from, to] of [
      ['2023-10-01T00:00:00.000Z', '2023-09-01T00:00:00.000Z'],
      ['2023-10-01T00:00:00.000Z', '2023-10-01T00:00:00.000Z'],
      ['2010-01-01T00:00:00.000Z', '2023-10-01T00:00:00.000Z'],
    ] as const) {
      await rejectsWith(service.count({ from, to }), 'invalid_request');
    }
  });
});
