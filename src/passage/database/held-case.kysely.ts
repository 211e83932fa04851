import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { HeldCaseState } from '../model/states.ts';
import type { HeldCaseTable } from '../passage.tables.ts';
import type {
  HeldCase,
  HeldCaseProgress,
  HeldCaseQuery,
  HeldCaseRepository,
  HeldCaseTransition,
} from './held-case.repository.ts';
import { KyselyTransitions, toTransitionEvent, transitionColumns } from './transition.kysely.ts';
import type { TransitionEvent } from './transition.repository.ts';

function toHeldCase(row: Selectable<HeldCaseTable>): HeldCase {
  return {
    id: row.id,
    journeyId: row.journey_id,
    personRef: row.person_ref,
    state: row.state,
    placeId: row.place_id,
    heldBy: row.held_by,
    reportedAt: row.reported_at,
    updatedAt: row.updated_at,
    icrcNotifiedAt: row.icrc_notified_at,
    version: row.version,
  };
}

/** The columns a transition sets; keys absent from `progress` are left as they are. */
function progressColumns(progress: HeldCaseProgress): Updateable<HeldCaseTable> {
  const set: Updateable<HeldCaseTable> = {};
  if (progress.placeId !== undefined) set.place_id = progress.placeId;
  if (progress.heldBy !== undefined) set.held_by = progress.heldBy;
  if (progress.icrcNotifiedAt !== undefined) set.icrc_notified_at = progress.icrcNotifiedAt;
  return set;
}

/** Held-person cases in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyHeldCaseRepository implements HeldCaseRepository {
  readonly #db: Kysely<Database>;
  readonly #transitions: KyselyTransitions<'held_case'>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
    this.#transitions = new KyselyTransitions(db, 'held_case');
  }

  async insert(heldCase: HeldCase): Promise<void> {
    await this.#db
      .insertInto('held_case')
      .values({
        id: heldCase.id,
        journey_id: heldCase.journeyId,
        person_ref: heldCase.personRef,
        state: heldCase.state,
        place_id: heldCase.placeId,
        held_by: heldCase.heldBy,
        reported_at: heldCase.reportedAt,
        updated_at: heldCase.updatedAt,
        icrc_notified_at: heldCase.icrcNotifiedAt,
        version: heldCase.version,
      })
      .execute();
  }

  async get(id: string): Promise<HeldCase | undefined> {
    const row = await this.#db
      .selectFrom('held_case')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toHeldCase(row);
  }

  async transition(transition: HeldCaseTransition): Promise<void> {
    await this.#transitions.apply(transition, {
      ...progressColumns(transition.progress ?? {}),
      updated_at: transition.at,
    });
    await this.#transitions.record([
      { held_case_id: transition.id, ...transitionColumns(transition) },
    ]);
  }

  async history(id: string): Promise<TransitionEvent<HeldCaseState>[]> {
    return (await this.#transitions.history(id)).map(toTransitionEvent);
  }

  async list(query: HeldCaseQuery): Promise<HeldCase[]> {
    if (query.states.length === 0) return [];
    let select = this.#db
      .selectFrom('held_case')
      .selectAll()
      .where('state', 'in', query.states)
      .orderBy('reported_at')
      .orderBy('id')
      .limit(query.limit);
    if (query.reportedBefore !== undefined) {
      select = select.where('reported_at', '<', query.reportedBefore);
    }
    return (await select.execute()).map(toHeldCase);
  }

  async listForJourney(journeyId: string): Promise<HeldCase[]> {
    const rows = await this.#db
      .selectFrom('held_case')
      .selectAll()
      .where('journey_id', '=', journeyId)
      .orderBy('reported_at')
      .orderBy('id')
      .execute();
    return rows.map(toHeldCase);
  }
}
