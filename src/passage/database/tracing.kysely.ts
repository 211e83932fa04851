import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { TracingState } from '../model/states.ts';
import type { TracingRequestTable } from '../passage.tables.ts';
import type { TracingRepository, TracingRequest, TracingTransition } from './tracing.repository.ts';
import type { TransitionEvent } from './transition.repository.ts';
import { requireVersionedUpdate } from './versioned-update.kysely.ts';

function toRequest(row: Selectable<TracingRequestTable>): TracingRequest {
  return {
    id: row.id,
    soughtPersonRef: row.sought_person_ref,
    requesterRef: row.requester_ref,
    householdId: row.household_id,
    state: row.state,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Tracing requests in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyTracingRepository implements TracingRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(request: TracingRequest): Promise<void> {
    await this.#db
      .insertInto('tracing_request')
      .values({
        id: request.id,
        sought_person_ref: request.soughtPersonRef,
        requester_ref: request.requesterRef,
        household_id: request.householdId,
        state: request.state,
        opened_at: request.openedAt,
        updated_at: request.updatedAt,
        version: request.version,
      })
      .execute();
  }

  async get(id: string): Promise<TracingRequest | undefined> {
    const row = await this.#db
      .selectFrom('tracing_request')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toRequest(row);
  }

  async transition(transition: TracingTransition): Promise<void> {
    const { id, from, to, expectedVersion, at, actor } = transition;
    const sought =
      transition.soughtPersonRef === undefined
        ? {}
        : { sought_person_ref: transition.soughtPersonRef };
    const result = await this.#db
      .updateTable('tracing_request')
      .set({ ...sought, state: to, version: expectedVersion + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('state', '=', from)
      .executeTakeFirst();
    await requireVersionedUpdate(
      result,
      { kind: 'tracing_request', id, expectedVersion, expectedState: from },
      () =>
        this.#db
          .selectFrom('tracing_request')
          .select(['version', 'state'])
          .where('id', '=', id)
          .executeTakeFirst(),
    );
    await this.#db
      .insertInto('tracing_event')
      .values({
        tracing_request_id: id,
        version: expectedVersion + 1,
        from_state: from,
        to_state: to,
        at,
        actor,
      })
      .execute();
  }

  async history(id: string): Promise<TransitionEvent<TracingState>[]> {
    const rows = await this.#db
      .selectFrom('tracing_event')
      .selectAll()
      .where('tracing_request_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({
      version: row.version,
      from: row.from_state,
      to: row.to_state,
      at: row.at,
      actor: row.actor,
    }));
  }

  async list(states: readonly TracingState[], limit: number): Promise<TracingRequest[]> {
    if (states.length === 0) return [];
    const rows = await this.#db
      .selectFrom('tracing_request')
      .selectAll()
      .where('state', 'in', states)
      .orderBy('opened_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toRequest);
  }

  async listForHousehold(householdId: string): Promise<TracingRequest[]> {
    const rows = await this.#db
      .selectFrom('tracing_request')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('opened_at')
      .orderBy('id')
      .execute();
    return rows.map(toRequest);
  }

  async listForSoughtPerson(personRef: string): Promise<TracingRequest[]> {
    const rows = await this.#db
      .selectFrom('tracing_request')
      .selectAll()
      .where('sought_person_ref', '=', personRef)
      .orderBy('opened_at')
      .orderBy('id')
      .execute();
    return rows.map(toRequest);
  }
}
