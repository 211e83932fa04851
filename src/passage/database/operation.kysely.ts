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
import { KyselyTransitions, toTransitionEvent, transitionColumns } from './transition.kysely.ts';

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
  readonly #transitions: KyselyTransitions<'operation'>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
    this.#transitions = new KyselyTransitions(db, 'operation');
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
    const { reason } = transition;
    await this.#transitions.apply(transition, { state_reason: reason, updated_at: transition.at });
    await this.#transitions.record([
      { operation_id: transition.id, ...transitionColumns(transition), reason },
    ]);
  }

  async history(id: string): Promise<OperationEvent[]> {
    const rows = await this.#transitions.history(id);
    return rows.map((row) => ({ ...toTransitionEvent(row), reason: row.reason }));
  }
}
