// Listing welfare contacts for staff by state and due time. The welfare-contact repository lists
// scheduled contacts by due range and missed ones past a cutoff, but not contacts in any state
// (done, missed, cancelled), which is what a coordinator following up needs; hence this read.
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import type { WelfareContact } from '../../database/welfare-contact.repository.ts';
import type { WelfareContactState } from '../../model/states.ts';

/** Which contacts to list, earliest due first. */
export interface WelfareContactFilter {
  readonly state: WelfareContactState;
  /** Only contacts due before this ISO-8601 instant. */
  readonly dueBefore?: string | undefined;
  readonly offset: number;
  readonly limit: number;
}

/**
 * The contacts matching `filter`, ordered by due time then id (the (state, due_at) index).
 *
 * @example await listWelfareContacts(db, { state: 'missed', offset: 0, limit: 100 })
 */
export async function listWelfareContacts(
  db: Kysely<Database>,
  filter: WelfareContactFilter,
): Promise<WelfareContact[]> {
  let query = db
    .selectFrom('welfare_contact')
    .selectAll()
    .where('state', '=', filter.state)
    .orderBy('due_at')
    .orderBy('id')
    .offset(filter.offset)
    .limit(filter.limit);
  if (filter.dueBefore !== undefined) query = query.where('due_at', '<', filter.dueBefore);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    householdId: row.household_id,
    dueAt: row.due_at,
    mode: row.mode,
    state: row.state,
    doneAt: row.done_at,
    doneBy: row.done_by,
  }));
}
