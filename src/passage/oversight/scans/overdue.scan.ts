// Overdue journeys (DOMAIN.md §5: "overdue when no arrival within the expected transit time"):
// the repository lists the en-route journeys past their expected arrival, the model turns them
// into alerts. A journey alerted once stays in that list until it arrives, so the scanner
// remembers it and does not ask the alert service about it again every tick.
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { AlertCandidate } from '../../model/alert.ts';
import { overdueJourneys } from '../../model/alert-rules.ts';
import type { ScanMemo } from './scan-memo.ts';

/**
 * The overdue-journey alerts not yet known to `memo`, from at most `limit` overdue journeys
 * (most overdue first).
 *
 * @example const candidates = await overdueCandidates(db, now, { memo, limit: 10_000 })
 */
export async function overdueCandidates(
  db: Kysely<Database>,
  now: Date,
  options: { readonly memo: ScanMemo; readonly limit: number },
): Promise<AlertCandidate<'journey_overdue'>[]> {
  const overdue = await passageStoreOn(db).journeys.listOverdue(now.toISOString(), options.limit);
  const fresh = overdue
    .filter((journey) => !options.memo.overdue.has(journey.id))
    .map((journey) => ({ ...journey, expectedBy: new Date(journey.expectedBy) }));
  return overdueJourneys(fresh, now);
}
