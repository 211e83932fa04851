// Where a journey stands for the headcount of DOMAIN.md §4: departed = arrived + held + turned
// back + died + unaccounted. Shared by reconciliation.ts and the overdue alert, so the two always
// agree on who is still on the road.
import type { JourneyState } from './states.ts';

/** The headcount column a journey state falls in. */
export type JourneyOutcome =
  'not_departed' | 'en_route' | 'arrived' | 'held' | 'turned_back' | 'died';

/** A journey as reconciliation and the alert rules read it (ids and times only, no identity). */
export interface JourneySnapshot {
  readonly id: string;
  readonly state: JourneyState;
  readonly vehicleId?: string | null | undefined;
  readonly operationId?: string | null | undefined;
  /** The first checkpoint the person was seen at (or the operation's first checkpoint). */
  readonly firstCheckpointId?: string | null | undefined;
  readonly departedAt?: Date | null | undefined;
  /** Departure plus the expected transit (transit.ts); past it, a person on the road is overdue. */
  readonly expectedBy?: Date | null | undefined;
}

// A Map, not an object: a state string from an old or newer row must not hit an inherited key.
const OUTCOMES = new Map<string, JourneyOutcome>([
  ['listed', 'not_departed'],
  ['no_show', 'not_departed'],
  // On the road: boarded, or seen at a checkpoint, or released from secondary screening.
  ['boarded', 'en_route'],
  ['passed', 'en_route'],
  ['released', 'en_route'],
  // Held back (DOMAIN.md §4, "the outcome for every person pulled aside"). `unknown` stays here:
  // the person was seen being held, and their case is followed as a held case.
  ['held_secondary', 'held'],
  ['detained', 'held'],
  ['unknown', 'held'],
  ['turned_back', 'turned_back'],
  ['died_en_route', 'died'],
  // A medical evacuation arrives elsewhere: it counts as an arrival, reported apart.
  ['medevac', 'arrived'],
  ['arrived', 'arrived'],
  ['registered_at_arrival', 'arrived'],
]);

/**
 * The headcount column of a journey state, or undefined for a string this version does not know
 * (reconciliation then counts the person as departed and unaccounted, so they are looked at).
 *
 * @example journeyOutcomeOf('released') // 'en_route'
 */
export function journeyOutcomeOf(state: JourneyState): JourneyOutcome | undefined {
  return OUTCOMES.get(state);
}
