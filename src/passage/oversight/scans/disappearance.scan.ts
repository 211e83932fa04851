// Held cases that may be enforced disappearances (DOMAIN.md §5: reported → whereabouts_unknown,
// "flag as a possible enforced disappearance after N days"; the model's rule is
// isPossibleEnforcedDisappearance). The alert model has no type for it yet, so the scan only
// finds the cases; raising them needs an alert type (see the oversight report).
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { isPossibleEnforcedDisappearance } from '../../model/held-case.machine.ts';

/** Most held cases examined per tick. */
export const DISAPPEARANCE_READ_LIMIT = 10_000;

const DAY_MS = 86_400_000;

/**
 * The ids of held cases still reported or whereabouts unknown `days` after the first report,
 * oldest report first.
 *
 * @example await possibleDisappearances(db, now, 7)
 */
export async function possibleDisappearances(
  db: Kysely<Database>,
  now: Date,
  days: number,
): Promise<string[]> {
  const cases = await passageStoreOn(db).heldCases.list({
    states: ['reported', 'whereabouts_unknown'],
    // One millisecond on, so a case reported exactly `days` ago is read and judged by the model.
    reportedBefore: new Date(now.getTime() - days * DAY_MS + 1).toISOString(),
    limit: DISAPPEARANCE_READ_LIMIT,
  });
  return cases
    .filter((heldCase) =>
      isPossibleEnforcedDisappearance(
        { state: heldCase.state, reportedAt: new Date(heldCase.reportedAt) },
        now,
        days,
      ),
    )
    .map((heldCase) => heldCase.id);
}
