// Analysts' decisions on suggested pairs, in portable Kysely: the current decision per pair
// (one row, updated under an optimistic version check) and every version beside it.
import type { Kysely, Selectable } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import { isUniqueViolation } from '../../passage/registry/unique-violation.ts';
import { requireVersionedUpdate } from '../../passage/database/versioned-update.kysely.ts';
import { DUPLICATE_DECISIONS, DUPLICATE_SUBJECT_KINDS } from '../model/duplicate-pair.ts';
import type { Database } from '../../store/schema.ts';
import type { DuplicateDecisionTable } from './analysis.tables.ts';
import type {
  DuplicateDecision,
  DuplicateDecisionRepository,
  DuplicateDecisionVersion,
} from './duplicate-decision.repository.ts';

/** `value` as one of `words`; 'internal' for a corrupt row (the value is never echoed). */
function storedWord<T extends string>(words: readonly T[], value: string, what: string): T {
  const word = words.find((candidate) => candidate === value);
  if (word === undefined) throw new DomainError('internal', `stored ${what} is not known`);
  return word;
}

/** Ids per IN list: far below either engine's bound-parameter limit (two lists per query). */
const CHUNK = 400;

function toDecision(row: Selectable<DuplicateDecisionTable>): DuplicateDecision {
  const kind = (value: string) =>
    storedWord(DUPLICATE_SUBJECT_KINDS, value, 'duplicate_decision.kind');
  return {
    id: row.id,
    pair: [
      { kind: kind(row.left_kind), id: row.left_id },
      { kind: kind(row.right_kind), id: row.right_id },
    ],
    decision: storedWord(DUPLICATE_DECISIONS, row.decision, 'duplicate_decision.decision'),
    score: row.score,
    decidedAt: row.decided_at,
    actor: row.actor,
    version: row.version,
  };
}

/** Decisions in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyDuplicateDecisions implements DuplicateDecisionRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(id: string): Promise<DuplicateDecision | undefined> {
    const row = await this.#db
      .selectFrom('duplicate_decision')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toDecision(row);
  }

  async forPair(pair: DuplicateDecision['pair']): Promise<DuplicateDecision | undefined> {
    const [left, right] = pair;
    const row = await this.#db
      .selectFrom('duplicate_decision')
      .selectAll()
      .where('left_kind', '=', left.kind)
      .where('left_id', '=', left.id)
      .where('right_kind', '=', right.kind)
      .where('right_id', '=', right.id)
      .executeTakeFirst();
    return row === undefined ? undefined : toDecision(row);
  }

  async forSubjects(ids: readonly string[]): Promise<DuplicateDecision[]> {
    const decisions = new Map<string, DuplicateDecision>();
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const rows = await this.#db
        .selectFrom('duplicate_decision')
        .selectAll()
        .where((eb) => eb.or([eb('left_id', 'in', chunk), eb('right_id', 'in', chunk)]))
        .execute();
      for (const row of rows) decisions.set(row.id, toDecision(row));
    }
    return [...decisions.values()];
  }

  async record(decision: DuplicateDecision, reason: string): Promise<void> {
    const columns = {
      decision: decision.decision,
      score: decision.score,
      decided_at: decision.decidedAt,
      actor: decision.actor,
      version: decision.version,
    };
    if (decision.version === 1) await this.#insert(decision, columns);
    else {
      const expectedVersion = decision.version - 1;
      const result = await this.#db
        .updateTable('duplicate_decision')
        .set(columns)
        .where('id', '=', decision.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      await requireVersionedUpdate(
        result,
        { kind: 'duplicate_decision', id: decision.id, expectedVersion },
        () =>
          this.#db
            .selectFrom('duplicate_decision')
            .select('version')
            .where('id', '=', decision.id)
            .executeTakeFirst(),
      );
    }
    await this.#db
      .insertInto('duplicate_decision_version')
      .values({
        decision_id: decision.id,
        version: decision.version,
        decision: decision.decision,
        reason,
        score: decision.score,
        at: decision.decidedAt,
        actor: decision.actor,
      })
      .execute();
  }

  async #insert(
    decision: DuplicateDecision,
    columns: Omit<
      Selectable<DuplicateDecisionTable>,
      'id' | 'left_kind' | 'left_id' | 'right_kind' | 'right_id'
    >,
  ): Promise<void> {
    const [left, right] = decision.pair;
    try {
      await this.#db
        .insertInto('duplicate_decision')
        .values({
          id: decision.id,
          left_kind: left.kind,
          left_id: left.id,
          right_kind: right.kind,
          right_id: right.id,
          ...columns,
        })
        .execute();
    } catch (error) {
      // Another analyst decided the same pair first: reload and decide again at its version.
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError('conflict', 'the pair was decided meanwhile', { cause: error });
    }
  }

  async history(id: string): Promise<DuplicateDecisionVersion[]> {
    const rows = await this.#db
      .selectFrom('duplicate_decision_version')
      .selectAll()
      .where('decision_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({
      version: row.version,
      decision: storedWord(DUPLICATE_DECISIONS, row.decision, 'duplicate_decision.decision'),
      reason: row.reason,
      score: row.score,
      at: row.at,
      actor: row.actor,
    }));
  }
}
