import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import { PATTERN_HELD_STATES, PATTERN_PASSING_STATES } from './held-pattern.reader.ts';
import type {
  HeldPatternReader,
  HeldPerson,
  PatternScope,
  SexAgeRow,
} from './held-pattern.reader.ts';

const DAY_MS = 86_400_000;

/** The held-pattern reads in portable Kysely. */
export class KyselyHeldPatternReader implements HeldPatternReader {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async listHeld(limit: number): Promise<HeldPerson[]> {
    // The (state, expected_by) index makes this a range read of the few held rows.
    const rows = await this.#db
      .selectFrom('journey')
      .select(['operation_id', 'first_checkpoint_id', 'departed_at', 'sex', 'age_band'])
      .where('state', 'in', PATTERN_HELD_STATES)
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      operationId: row.operation_id,
      checkpointId: row.first_checkpoint_id,
      departedAt: row.departed_at,
      sex: row.sex,
      ageBand: row.age_band,
    }));
  }

  async countPassing(scope: PatternScope): Promise<SexAgeRow[]> {
    let query = this.#db
      .selectFrom('journey')
      .select((eb) => ['sex', 'age_band', eb.fn.countAll().as('people')])
      .where('state', 'in', PATTERN_PASSING_STATES)
      .groupBy(['sex', 'age_band']);
    if (scope.type === 'operation') {
      query = query.where('operation_id', '=', scope.id);
    } else {
      // Bounds as ISO text (departure days are UTC), so the departed_at index serves the range.
      const next = new Date(Date.parse(`${scope.day}T00:00:00Z`) + DAY_MS).toISOString();
      query = query
        .where('first_checkpoint_id', '=', scope.id)
        .where('departed_at', '>=', scope.day)
        .where('departed_at', '<', next.slice(0, 10));
    }
    const rows = await query.execute();
    return rows.map((row) => ({ sex: row.sex, ageBand: row.age_band, people: Number(row.people) }));
  }
}
