// What the incidents slice needs from intake: when an incident rests on information items, they
// leave the triage queue. The link itself (incident_item) is sealed by the incidents slice, so
// this changes only the status and keeps the item's version: each item version stays the one
// its own sealed entry describes, and a grading made meanwhile at the version read still holds.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { KyselyInfoItemRepository } from './database/info-item.kysely.ts';

/**
 * Marks items `ids` as linked (whatever their status: new information may revive an item set
 * aside). Pass the transaction that writes the incident_item rows. Unknown ids change nothing.
 *
 * @example await markItemsLinked(trx, [itemId], at)
 */
export async function markItemsLinked(
  trx: Kysely<Database>,
  ids: readonly string[],
  at: string,
): Promise<void> {
  await new KyselyInfoItemRepository(trx).markLinked(ids, at);
}
