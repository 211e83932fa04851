import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { AggregateCountTable } from '../passage.tables.ts';
import type { AggregateCount, AggregateCountRepository } from './aggregate-count.repository.ts';
import { isNestedCountRecord, parseJsonColumn } from './json-column.ts';
import type { TimeRange } from './time-range.ts';

function toCount(row: Selectable<AggregateCountTable>): AggregateCount {
  return {
    id: row.id,
    checkpointId: row.checkpoint_id,
    intervalStart: row.interval_start,
    intervalEnd: row.interval_end,
    direction: row.direction,
    people: row.people,
    vehicles: row.vehicles,
    bySexAge:
      row.by_sex_age === null
        ? null
        : parseJsonColumn(row.by_sex_age, isNestedCountRecord, 'aggregate_count.by_sex_age'),
    method: row.method,
    sourceGrade: row.source_grade,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

/** Aggregate checkpoint counts in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyAggregateCountRepository implements AggregateCountRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(count: AggregateCount): Promise<boolean> {
    const rows = await this.#db
      .insertInto('aggregate_count')
      .values({
        id: count.id,
        checkpoint_id: count.checkpointId,
        interval_start: count.intervalStart,
        interval_end: count.intervalEnd,
        direction: count.direction,
        people: count.people,
        vehicles: count.vehicles,
        by_sex_age: count.bySexAge === null ? null : JSON.stringify(count.bySexAge),
        method: count.method,
        source_grade: count.sourceGrade,
        recorded_by: count.recordedBy,
        recorded_at: count.recordedAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    return rows.length === 1;
  }

  async listForCheckpoint(checkpointId: string, range: TimeRange): Promise<AggregateCount[]> {
    const rows = await this.#db
      .selectFrom('aggregate_count')
      .selectAll()
      .where('checkpoint_id', '=', checkpointId)
      .where('interval_start', '>=', range.from)
      .where('interval_start', '<', range.before)
      .orderBy('interval_start')
      .orderBy('id')
      .execute();
    return rows.map(toCount);
  }

  async list(range: TimeRange): Promise<AggregateCount[]> {
    const rows = await this.#db
      .selectFrom('aggregate_count')
      .selectAll()
      .where('interval_start', '>=', range.from)
      .where('interval_start', '<', range.before)
      .orderBy('interval_start')
      .orderBy('id')
      .execute();
    return rows.map(toCount);
  }
}
