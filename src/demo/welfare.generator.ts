// Those who stay are not forgotten: each household that stays under protection gets welfare
// contacts (a monitor's visit or the household's own check-in through the portal) on a fixed
// schedule after the exodus; some are missed, which should raise an alert.
import type { EventSink } from './event-sink.ts';
import { DAY, HOUR } from './journey-model.ts';
import type { Random } from './random.ts';
import type { Household } from './scenario.types.ts';

/** Days after D0 on which a contact is due. */
export const WELFARE_DAYS: readonly number[] = [8, 11, 15, 22, 29];

/** Share of contacts that do not happen. */
export const MISSED_SHARE = 0.08;

/**
 * Emits the welfare contacts of the households that stay; returns how many were emitted.
 *
 * @example
 * emitWelfareContacts(rng, sink, stayers, d0);
 */
export function emitWelfareContacts(
  rng: Random,
  sink: EventSink,
  stayers: readonly Household[],
  d0: number,
): number {
  let count = 0;
  for (const household of stayers) {
    for (const day of WELFARE_DAYS) {
      const at = d0 + day * DAY + rng.between(9, 17) * HOUR;
      sink.add(at, {
        type: 'welfare_contact',
        householdId: household.id,
        channel: rng.chance(0.6) ? 'monitor_visit' : 'portal_check_in',
        state: rng.chance(MISSED_SHARE) ? 'missed' : 'done',
      });
      count++;
    }
  }
  return count;
}
