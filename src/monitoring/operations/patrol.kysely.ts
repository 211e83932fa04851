// Patrols in portable Kysely; `db` may be the pool or a transaction.
import type { Kysely, Selectable } from 'kysely';
import { toTransitionEvent } from '../../passage/database/transition.kysely.ts';
import { requireVersionedUpdate } from '../../passage/database/versioned-update.kysely.ts';
import type { Database } from '../../store/schema.ts';
import type { PatrolTable } from '../commitments/commitments.tables.ts';
import type {
  Patrol,
  PatrolEvent,
  PatrolFilter,
  PatrolRepository,
  PatrolTransition,
} from './patrol.repository.ts';

function toPatrol(row: Selectable<PatrolTable>): Patrol {
  return {
    id: row.id,
    label: row.label,
    placeId: row.place_id,
    plannedStart: row.planned_start,
    state: row.state,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Patrols on either engine. */
export class KyselyPatrolRepository implements PatrolRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(patrol: Patrol): Promise<void> {
    await this.#db
      .insertInto('patrol')
      .values({
        id: patrol.id,
        label: patrol.label,
        place_id: patrol.placeId,
        planned_start: patrol.plannedStart,
        state: patrol.state,
        created_by: patrol.createdBy,
        created_at: patrol.createdAt,
        updated_at: patrol.updatedAt,
        version: patrol.version,
      })
      .execute();
  }

  async get(id: string): Promise<Patrol | undefined> {
    const row = await this.#db
      .selectFrom('patrol')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toPatrol(row);
  }

  async list(filter: PatrolFilter): Promise<Patrol[]> {
    let query = this.#db.selectFrom('patrol').selectAll();
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    const rows = await query
      .orderBy('planned_start', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .execute();
    return rows.map(toPatrol);
  }

  async transition(transition: PatrolTransition): Promise<void> {
    const { id, from, to, expectedVersion, at, actor, reason } = transition;
    const result = await this.#db
      .updateTable('patrol')
      .set({ state: to, version: expectedVersion + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('state', '=', from)
      .executeTakeFirst();
    await requireVersionedUpdate(
      result,
      { kind: 'patrol', id, expectedVersion, expectedState: from },
      () =>
        this.#db
          .selectFrom('patrol')
          .select(['version', 'state'])
          .where('id', '=', id)
          .executeTakeFirst(),
    );
    await this.#db
      .insertInto('patrol_transition')
      .values({
        patrol_id: id,
        version: expectedVersion + 1,
        from_state: from,
        to_state: to,
        reason,
        at,
        actor,
      })
      .execute();
  }

  async history(id: string): Promise<PatrolEvent[]> {
    const rows = await this.#db
      .selectFrom('patrol_transition')
      .selectAll()
      .where('patrol_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({ ...toTransitionEvent(row), reason: row.reason }));
  }
}
