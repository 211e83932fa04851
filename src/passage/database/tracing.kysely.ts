import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { TracingState } from '../model/states.ts';
import type { TracingRequestTable } from '../passage.tables.ts';
import type { TracingRepository, TracingRequest, TracingTransition } from './tracing.repository.ts';
import { KyselyTransitions, toTransitionEvent, transitionColumns } from './transition.kysely.ts';
import type { TransitionEvent } from './transition.repository.ts';

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
  readonly #transitions: KyselyTransitions<'tracing_request'>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
    this.#transitions = new KyselyTransitions(db, 'tracing_request');
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
    const sought =
      transition.soughtPersonRef === undefined
        ? {}
        : { sought_person_ref: transition.soughtPersonRef };
    await this.#transitions.apply(transition, { ...sought, updated_at: transition.at });
    await this.#transitions.record([
      { tracing_request_id: transition.id, ...transitionColumns(transition) },
    ]);
  }

  async history(id: string): Promise<TransitionEvent<TracingState>[]> {
    return (await this.#transitions.history(id)).map(toTransitionEvent);
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
