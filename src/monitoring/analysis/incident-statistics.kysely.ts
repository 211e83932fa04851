// The counts behind the incident statistics, in portable Kysely, each read from an index alone
// (never the table's wide rows) and without sorting: by sub-type and by state, grouped along the
// indexes (sub_event_type, occurred_start) and (state, occurred_start) of migration 0012; by place
// along (place_id, occurred_start) of 0009 (folded into admin areas in process); and by ISO week
// as one COUNT per week range of the period (UNION ALL), each a range of one of those indexes.
// Measured against grouping by calendar day and folding days into weeks: bench/incident-stats.ts.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { WeekRange } from '../model/iso-week.ts';
import type { Database } from '../../store/schema.ts';
import type { IncidentState } from '../model/vocabulary.ts';

/** Which incidents to count: occurred in [from, to), optionally narrowed. */
export interface IncidentStatisticsFilter {
  from: string;
  to: string;
  state?: IncidentState | undefined;
  subEventType?: string | undefined;
  placeId?: string | undefined;
  /** Only incidents at a place of this admin area. */
  adminCode?: string | undefined;
}

/** A group's key (null for incidents with no place) and its count. */
export interface KeyCount {
  key: string | null;
  count: number;
}

/** The raw counts of one filter. */
export interface IncidentCounts {
  bySubEventType: KeyCount[];
  byState: KeyCount[];
  /** One count per week range asked for, in the same order. */
  byWeek: number[];
  byPlace: KeyCount[];
}

/** Places per IN list when reading admin codes. */
const CHUNK = 500;

/** Incident counts in portable Kysely. */
export class KyselyIncidentStatistics {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #filtered(filter: IncidentStatisticsFilter) {
    let query = this.#db
      .selectFrom('incident')
      .where('occurred_start', '>=', filter.from)
      .where('occurred_start', '<', filter.to);
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    if (filter.subEventType !== undefined) {
      query = query.where('sub_event_type', '=', filter.subEventType);
    }
    if (filter.placeId !== undefined) query = query.where('place_id', '=', filter.placeId);
    if (filter.adminCode !== undefined) {
      const adminCode = filter.adminCode;
      query = query.where('place_id', 'in', (eb) =>
        eb.selectFrom('place').select('id').where('admin_code', '=', adminCode),
      );
    }
    return query;
  }

  async #countBy(
    filter: IncidentStatisticsFilter,
    column: 'sub_event_type' | 'state' | 'place_id',
  ): Promise<KeyCount[]> {
    const rows = await this.#filtered(filter)
      .select((eb) => [eb.ref(column).as('key'), eb.fn.countAll().as('count')])
      .groupBy(column)
      .execute();
    return rows.map((row) => ({ key: row.key, count: Number(row.count) }));
  }

  /** One count per range of `weeks` (a union of index range counts), in their order. */
  async countByWeek(
    filter: IncidentStatisticsFilter,
    weeks: readonly WeekRange[],
  ): Promise<number[]> {
    const parts = weeks.map((week, index) =>
      this.#filtered({ ...filter, from: week.from, to: week.to }).select((eb) => [
        sql.lit(index).as('week'),
        eb.fn.countAll().as('count'),
      ]),
    );
    const [first, ...rest] = parts;
    if (first === undefined) return [];
    const rows = await rest.reduce((union, part) => union.unionAll(part), first).execute();
    const counts = weeks.map(() => 0);
    for (const row of rows) counts[row.week] = Number(row.count);
    return counts;
  }

  /** The four groupings of the incidents `filter` selects; `weeks` must tile its period. */
  async counts(
    filter: IncidentStatisticsFilter,
    weeks: readonly WeekRange[],
  ): Promise<IncidentCounts> {
    // On PostgreSQL the four run at once on the pool; on SQLite one after another.
    const [bySubEventType, byState, byWeek, byPlace] = await Promise.all([
      this.#countBy(filter, 'sub_event_type'),
      this.#countBy(filter, 'state'),
      this.countByWeek(filter, weeks),
      this.#countBy(filter, 'place_id'),
    ]);
    return { bySubEventType, byState, byWeek, byPlace };
  }

  /** The admin code of each of `placeIds` that has one. */
  async adminCodes(placeIds: readonly string[]): Promise<Map<string, string>> {
    const codes = new Map<string, string>();
    for (let start = 0; start < placeIds.length; start += CHUNK) {
      const rows = await this.#db
        .selectFrom('place')
        .select(['id', 'admin_code'])
        .where('id', 'in', placeIds.slice(start, start + CHUNK))
        .where('admin_code', 'is not', null)
        .execute();
      for (const row of rows) if (row.admin_code !== null) codes.set(row.id, row.admin_code);
    }
    return codes;
  }
}
