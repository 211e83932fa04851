import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { WelfareContactTable } from '../passage.tables.ts';
import { inSlices } from './batches.ts';
import type { TimeRange } from './time-range.ts';
import type {
  WelfareContact,
  WelfareContactChange,
  WelfareContactRepository,
} from './welfare-contact.repository.ts';

function toContact(row: Selectable<WelfareContactTable>): WelfareContact {
  return {
    id: row.id,
    householdId: row.household_id,
    dueAt: row.due_at,
    mode: row.mode,
    state: row.state,
    doneAt: row.done_at,
    doneBy: row.done_by,
  };
}

/** Welfare contacts in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyWelfareContactRepository implements WelfareContactRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertMany(contacts: readonly WelfareContact[]): Promise<void> {
    for (const slice of inSlices(contacts)) {
      await this.#db
        .insertInto('welfare_contact')
        .values(
          slice.map((contact) => ({
            id: contact.id,
            household_id: contact.householdId,
            due_at: contact.dueAt,
            mode: contact.mode,
            state: contact.state,
            done_at: contact.doneAt,
            done_by: contact.doneBy,
          })),
        )
        .execute();
    }
  }

  async get(id: string): Promise<WelfareContact | undefined> {
    const row = await this.#db
      .selectFrom('welfare_contact')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toContact(row);
  }

  async listDue(range: TimeRange): Promise<WelfareContact[]> {
    const rows = await this.#db
      .selectFrom('welfare_contact')
      .selectAll()
      .where('state', '=', 'scheduled')
      .where('due_at', '>=', range.from)
      .where('due_at', '<', range.before)
      .orderBy('due_at')
      .orderBy('id')
      .execute();
    return rows.map(toContact);
  }

  async listMissed(cutoff: string, limit: number): Promise<WelfareContact[]> {
    const rows = await this.#db
      .selectFrom('welfare_contact')
      .selectAll()
      .where('state', '=', 'scheduled')
      .where('due_at', '<', cutoff)
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toContact);
  }

  async listForHousehold(householdId: string): Promise<WelfareContact[]> {
    const rows = await this.#db
      .selectFrom('welfare_contact')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('due_at')
      .orderBy('id')
      .execute();
    return rows.map(toContact);
  }

  async changeState(change: WelfareContactChange): Promise<boolean> {
    const result = await this.#db
      .updateTable('welfare_contact')
      .set({ state: change.to, done_at: change.doneAt, done_by: change.doneBy })
      .where('id', '=', change.id)
      .where('state', '=', change.from)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
