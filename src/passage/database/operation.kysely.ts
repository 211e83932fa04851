import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { OperationState } from '../model/states.ts';
import type { OperationTable } from '../passage.tables.ts';
import type {
  Operation,
  OperationEvent,
  OperationRepository,
  OperationTransition,
} from './operation.repository.ts';
import { requireVersionedUpdate } from './versioned-update.kysely.ts';

function toOperation(row: Selectable<OperationTable>): Operation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    state: row.state,
    stateReason: row.state_reason,
    originPlaceId: row.origin_place_id,
    destinationPlaceId: row.destination_place_id,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** Passage operations in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyOperationRepository implements OperationRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(operation: Operation): Promise<void> {
    await this.#db
      .insertInto('operation')
      .values({
        id: operation.id,
        kind: operation.kind,
        name: operation.name,
        state: operation.state,
        state_reason: operation.stateReason,
        origin_place_id: operation.originPlaceId,
        destination_place_id: operation.destinationPlaceId,
        window_start: operation.windowStart,
        window_end: operation.windowEnd,
        version: operation.version,
        updated_at: operation.updatedAt,
      })
      .execute();
  }

  async get(id: string): Promise<Operation | undefined> {
    const row = await this.#db
      .selectFrom('operation')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toOperation(row);
  }

  async list(states?: readonly OperationState[]): Promise<Operation[]> {
    let query = this.#db
      .selectFrom('operation')
      .selectAll()
      .orderBy('window_start', (order) => order.asc().nullsLast())
      .orderBy('id');
    if (states !== undefined) {
      if (states.length === 0) return [];
      query = query.where('state', 'in', states);
    }
    return (await query.execute()).map(toOperation);
  }

  async transition(transition: OperationTransition): Promise<void> {
    const { id, from, to, expectedVersion, at } = transition;
    const result = await this.#db
      .updateTable('operation')
      .set({
        state: to,
        state_reason: transition.reason,
        version: expectedVersion + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('state', '=', from)
      .executeTakeFirst();
    await requireVersionedUpdate(
      result,
      { kind: 'operation', id, expectedVersion, expectedState: from },
      () =>
        this.#db
          .selectFrom('operation')
          .select(['version', 'state'])
          .where('id', '=', id)
          .executeTakeFirst(),
    );
    await this.#db
      .insertInto('operation_event')
      .values({
        operation_id: id,
        version: expectedVersion + 1,
        from_state: from,
        to_state: to,
        reason: transition.reason,
        at,
        actor: transition.actor,
      })
      .execute();
  }

  async history(id: string): Promise<OperationEvent[]> {
    const rows = await this.#db
      .selectFrom('operation_event')
      .selectAll()
      .where('operation_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({
      version: row.version,
      from: row.from_state,
      to: row.to_state,
      reason: row.reason,
      at: row.at,
      actor: row.actor,
    }));
  }
}
