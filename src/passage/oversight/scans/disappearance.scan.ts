// Held cases that may be enforced disappearances (DOMAIN.md §5: reported → whereabouts_unknown,
// "flag as a possible enforced disappearance after N days"; the model's rule is
// isPossibleEnforcedDisappearance); each raises a critical alert, once per case.
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { UnresolvedHeldCase } from '../../model/alert-rules.ts';
import { isPossibleEnforcedDisappearance } from '../../model/held-case.machine.ts';

/** Most held cases examined per tick. */
export const DISAPPEARANCE_READ_LIMIT = 10_000;

const DAY_MS = 86_400_000;

/**
 * The held cases still reported or whereabouts unknown `days` after the first report, oldest
 * report first.
 *
 * @example await possibleDisappearances(db, now, 7)
 */
export async function possibleDisappearances(
  db: Kysely<Database>,
  now: Date,
  days: number,
): Promise<UnresolvedHeldCase[]> {
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
    .map((heldCase) => ({
      id: heldCase.id,
      state: heldCase.state,
      reportedAt: new Date(heldCase.reportedAt),
    }));
}
