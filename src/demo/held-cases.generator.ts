// What happens to detained people afterwards (DOMAIN.md §5 held person case): most are confirmed
// held within days, their place of detention becomes known and the ICRC gains access; about one
// in five disappears from view (whereabouts unknown — a possible enforced disappearance).
import type { EventSink } from './event-sink.ts';
import { DAY } from './journey-model.ts';
import type { HoldRecord } from './journey-model.ts';
import type { Random } from './random.ts';

/**
 * Draws a case id for every detention and emits the case's later states.
 *
 * @example
 * const caseIds = followHeldCases(rng, sink, holds);
 */
export function followHeldCases(
  rng: Random,
  sink: EventSink,
  holds: readonly HoldRecord[],
): Map<string, string> {
  const caseIds = new Map<string, string>();
  for (const hold of holds) {
    if (hold.outcome !== 'detained') continue;
    const caseId = rng.uuid();
    caseIds.set(hold.personId, caseId);
    const update = (
      at: number,
      state: 'confirmed_held' | 'location_known' | 'icrc_access' | 'whereabouts_unknown',
    ) => {
      sink.add(at, { type: 'held_case_update', caseId, personId: hold.personId, state });
    };
    if (rng.chance(0.2)) {
      update(hold.decisionAt + rng.between(3, 7) * DAY, 'whereabouts_unknown');
      continue;
    }
    let at = hold.decisionAt + rng.between(1, 3) * DAY;
    update(at, 'confirmed_held');
    if (!rng.chance(0.75)) continue;
    at += rng.between(1, 4) * DAY;
    update(at, 'location_known');
    if (!rng.chance(0.7)) continue;
    update(at + rng.between(3, 10) * DAY, 'icrc_access');
  }
  return caseIds;
}
