// Overdue journeys (DOMAIN.md §5: "overdue when no arrival within the expected transit time"):
// the repository lists the en-route journeys past their expected arrival, the model turns them
// into alerts. A journey alerted once stays in that list until it arrives, so the scanner
// remembers it and does not ask the alert service about it again every tick.
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import type { OverdueCursor, OverdueJourney } from '../../database/journey.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { AlertCandidate } from '../../model/alert.ts';
import { overdueJourneys } from '../../model/alert-rules.ts';
import type { ScanMemo } from './scan-memo.ts';

/**
 * The overdue-journey alerts not yet known to `memo`: at most `limit` of them, most overdue
 * first. The list is read a page of `limit` at a time past the journeys already alerted, so a
 * backlog of alerted journeys that have not arrived cannot hide the ones that fall overdue after.
 *
 * @example const candidates = await overdueCandidates(db, now, { memo, limit: 10_000 })
 */
export async function overdueCandidates(
  db: Kysely<Database>,
  now: Date,
  options: { readonly memo: ScanMemo; readonly limit: number },
): Promise<AlertCandidate<'journey_overdue'>[]> {
  const journeys = passageStoreOn(db).journeys;
  const fresh: OverdueJourney[] = [];
  let after: OverdueCursor | undefined;
  for (;;) {
    const page = await journeys.listOverdue(now.toISOString(), options.limit, after);
    for (const journey of page) {
      if (!options.memo.overdue.has(journey.id) && fresh.length < options.limit)
        fresh.push(journey);
    }
    const last = page.at(-1);
    if (last === undefined || page.length < options.limit || fresh.length >= options.limit) break;
    after = { expectedBy: last.expectedBy, id: last.id };
  }
  return overdueJourneys(
    fresh.map((journey) => ({ ...journey, expectedBy: new Date(journey.expectedBy) })),
    now,
  );
}
