import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import { insertRows } from '../../store/insert-rows.ts';
import type { Database } from '../../store/schema.ts';
import type { CheckpointPassageTable } from '../passage.tables.ts';
import type {
  CheckpointPassage,
  CheckpointPassageRepository,
  PassageDayCount,
} from './checkpoint-passage.repository.ts';
import { isArrayOf, isStringArray, parseJsonColumn } from './json-column.ts';
import { SCREENING_TYPES } from './passage-vocabulary.ts';
import type { TimeRange } from './time-range.ts';

const isScreeningTypes = isArrayOf(SCREENING_TYPES);

function toRow(passage: CheckpointPassage): CheckpointPassageTable {
  return {
    id: passage.id,
    device_id: passage.deviceId,
    signature: passage.signature,
    checkpoint_id: passage.checkpointId,
    direction: passage.direction,
    vehicle_id: passage.vehicleId,
    journey_ids: JSON.stringify(passage.journeyIds),
    occupants: passage.occupants,
    queue_in_at: passage.queueInAt,
    screening_start_at: passage.screeningStartAt,
    screening_end_at: passage.screeningEndAt,
    screening_types: JSON.stringify(passage.screeningTypes),
    outcome: passage.outcome,
    recorded_at: passage.recordedAt,
    recorded_by: passage.recordedBy,
  };
}

function toPassage(row: Selectable<CheckpointPassageTable>): CheckpointPassage {
  return {
    id: row.id,
    deviceId: row.device_id,
    signature: row.signature,
    checkpointId: row.checkpoint_id,
    direction: row.direction,
    vehicleId: row.vehicle_id,
    journeyIds: parseJsonColumn(row.journey_ids, isStringArray, 'checkpoint_passage.journey_ids'),
    occupants: row.occupants,
    queueInAt: row.queue_in_at,
    screeningStartAt: row.screening_start_at,
    screeningEndAt: row.screening_end_at,
    screeningTypes: parseJsonColumn(
      row.screening_types,
      isScreeningTypes,
      'checkpoint_passage.screening_types',
    ),
    outcome: row.outcome,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

/** The UTC day of an ISO-8601 instant; substr is the same function on both engines. */
const RECORDED_DAY = sql<string>`substr(recorded_at, 1, 10)`;

/** Checkpoint passages in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyCheckpointPassageRepository implements CheckpointPassageRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(passage: CheckpointPassage): Promise<boolean> {
    return (await this.insertMany([passage])).has(passage.id);
  }

  async insertMany(passages: readonly CheckpointPassage[]): Promise<Set<string>> {
    // RETURNING names only the rows this statement inserted, on both engines.
    const rows = await insertRows(this.#db, 'checkpoint_passage', passages.map(toRow), {
      skipConflictsOn: ['id'],
      returning: 'id',
    });
    return new Set(rows.map((row) => String(row['id'])));
  }

  async get(id: string): Promise<CheckpointPassage | undefined> {
    const row = await this.#db
      .selectFrom('checkpoint_passage')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toPassage(row);
  }

  async listForCheckpoint(checkpointId: string, range: TimeRange): Promise<CheckpointPassage[]> {
    const rows = await this.#db
      .selectFrom('checkpoint_passage')
      .selectAll()
      .where('checkpoint_id', '=', checkpointId)
      .where('recorded_at', '>=', range.from)
      .where('recorded_at', '<', range.before)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute();
    return rows.map(toPassage);
  }

  async countPerDay(range: TimeRange): Promise<PassageDayCount[]> {
    const rows = await this.#db
      .selectFrom('checkpoint_passage')
      .select((eb) => [
        'checkpoint_id as checkpointId',
        RECORDED_DAY.as('day'),
        'direction',
        'outcome',
        eb.fn.countAll().as('passages'),
        eb.fn.sum('occupants').as('occupants'),
      ])
      .where('recorded_at', '>=', range.from)
      .where('recorded_at', '<', range.before)
      .groupBy(['checkpoint_id', RECORDED_DAY, 'direction', 'outcome'])
      .orderBy('checkpoint_id')
      .orderBy('day')
      .orderBy('direction')
      .orderBy('outcome')
      .execute();
    return rows.map((row) => ({
      ...row,
      passages: Number(row.passages),
      occupants: Number(row.occupants),
    }));
  }
}
