// The versioned state machines of the passage store (journey, operation, held case, tracing
// request) store a transition the same way: UPDATE … WHERE id, version and state, a not_found or
// conflict when no row changed, one history row per transition, the history read back in order.
// Written once here; each adapter adds only the columns its own records carry.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { insertRows } from '../../store/insert-rows.ts';
import type { Database } from '../../store/schema.ts';
import type { Transition, TransitionEvent } from './transition.repository.ts';
import { requireVersionedUpdate } from './versioned-update.kysely.ts';

/** Each versioned table, its history table and the history column naming the record. */
const MACHINES = {
  journey: { events: 'journey_event', key: 'journey_id' },
  operation: { events: 'operation_event', key: 'operation_id' },
  held_case: { events: 'held_case_event', key: 'held_case_id' },
  tracing_request: { events: 'tracing_event', key: 'tracing_request_id' },
} as const;

/** A table whose records move through a versioned state machine. */
export type VersionedTable = keyof typeof MACHINES;

/** The history table of a versioned table. */
export type EventTable<T extends VersionedTable> = (typeof MACHINES)[T]['events'];

/** A transition of a record of table T. */
export type TableTransition<T extends VersionedTable> = Transition<Database[T]['state']>;

/** The columns every history row shares, as a transition sets them. */
export interface TransitionColumns<State extends string> {
  version: number;
  from_state: State;
  to_state: State;
  at: string;
  actor: string;
}

// What the queries below need of any of the tables: Kysely cannot resolve column names of a
// table name that is still a type parameter, so they run against this structural view instead.
// Every versioned table has these columns (the row types above are checked at each call site).
interface LooseRow {
  id: string;
  version: number;
  state: string;
  [column: string]: unknown;
}
type LooseTables = Record<string, LooseRow>;

/** The history columns a transition leaves; the record's version after it is expected + 1. */
export function transitionColumns<State extends string>(
  transition: Transition<State>,
): TransitionColumns<State> {
  const { expectedVersion, from, to, at, actor } = transition;
  return { version: expectedVersion + 1, from_state: from, to_state: to, at, actor };
}

/** A history row as a transition event. */
export function toTransitionEvent<State extends string>(
  row: TransitionColumns<State>,
): TransitionEvent<State> {
  return {
    version: row.version,
    from: row.from_state,
    to: row.to_state,
    at: row.at,
    actor: row.actor,
  };
}

/** Versioned transitions and history of one table in portable Kysely. */
export class KyselyTransitions<T extends VersionedTable> {
  readonly #table: T;
  /** The table name widened, as LooseTables sees it. */
  readonly #name: string;
  readonly #db: Kysely<LooseTables>;
  readonly #database: Kysely<Database>;

  /** `db` may be the pool or a transaction. */
  constructor(db: Kysely<Database>, table: T) {
    this.#table = table;
    this.#name = table;
    // Cast 1 of 2, both here: the same connection seen through LooseTables (see above).
    this.#db = db as unknown as Kysely<LooseTables>;
    this.#database = db;
  }

  /**
   * Sets state `to`, version expectedVersion + 1 and `columns` on the record while it is at
   * `expectedVersion` in `from`; otherwise throws DomainError 'not_found' or 'conflict'.
   */
  async apply(transition: TableTransition<T>, columns: Updateable<Database[T]>): Promise<void> {
    const { id, from, to, expectedVersion } = transition;
    const result = await this.#db
      .updateTable(this.#name)
      .set({ ...columns, state: to, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('state', '=', from)
      .executeTakeFirst();
    await requireVersionedUpdate(
      result,
      { kind: this.#table, id, expectedVersion, expectedState: from },
      () =>
        this.#db
          .selectFrom(this.#name)
          .select(['version', 'state'])
          .where('id', '=', id)
          .executeTakeFirst(),
    );
  }

  /** Writes history rows, a slice of rows per statement. */
  async record(rows: readonly Insertable<Database[EventTable<T>]>[]): Promise<void> {
    // The rows' type is checked at each call site; here T is still a parameter (see LooseRow).
    const events: EventTable<VersionedTable> = MACHINES[this.#table].events;
    await insertRows(
      this.#database,
      events,
      rows as readonly Insertable<Database[typeof events]>[],
    );
  }

  /** The record's history rows, oldest first. */
  async history(id: string): Promise<Selectable<Database[EventTable<T>]>[]> {
    const { events, key } = MACHINES[this.#table];
    const rows = await this.#db
      .selectFrom(events)
      .selectAll()
      .where(key, '=', id)
      .orderBy('version')
      .execute();
    // Cast 2 of 2: these are rows of EventTable<T> (the table just read); LooseTables loses that.
    return rows as unknown as Selectable<Database[EventTable<T>]>[];
  }
}
