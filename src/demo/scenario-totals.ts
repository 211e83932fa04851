// The generator's ground truth in numbers, and the list of people reconciliation must find
// unaccounted for: departed = arrived + detained + turned back + died + medevac + unaccounted.
import { DAY } from './journey-model.ts';
import type { HoldRecord, JourneyDraft } from './journey-model.ts';
import type { ArrivalRecord } from './journey-events.generator.ts';
import type { Losses } from './outcomes.generator.ts';
import type { Household, ScenarioTotals } from './scenario.types.ts';

/** Everything the totals are computed from. */
export interface TotalsInput {
  readonly d0: number;
  readonly households: readonly Household[];
  readonly journeys: readonly JourneyDraft[];
  readonly holds: readonly HoldRecord[];
  readonly losses: Losses;
  readonly arrivals: readonly ArrivalRecord[];
  readonly counts: Pick<
    ScenarioTotals,
    | 'privateVehicles'
    | 'buses'
    | 'convoys'
    | 'registeredAtArrival'
    | 'tracingRequests'
    | 'tracingResolvedWithin7Days'
    | 'unaccompaniedChildren'
    | 'aggregateCountHours'
  >;
}

function peopleIn(households: readonly Household[]): number {
  return households.reduce((n, h) => n + h.members.length, 0);
}

function departedByDay(d0: number, journeys: readonly JourneyDraft[]): number[] {
  const days = Array.from({ length: 8 }, () => 0);
  for (const journey of journeys) {
    const day = Math.min(7, Math.max(0, Math.floor((journey.departure - d0) / DAY)));
    days[day] = (days[day] ?? 0) + journey.personIds.length;
  }
  return days;
}

/**
 * The totals and the unaccounted people (in departure order).
 *
 * @example
 * const { totals, unaccountedPersonIds } = computeTotals(input);
 */
export function computeTotals(input: TotalsInput): {
  totals: ScenarioTotals;
  unaccountedPersonIds: string[];
} {
  const { journeys, holds, losses, households } = input;
  const outcome = (o: HoldRecord['outcome']): string[] =>
    holds.filter((h) => h.outcome === o).map((h) => h.personId);
  const accounted = new Set<string>([
    ...input.arrivals.flatMap((a) => a.personIds),
    ...outcome('detained'),
    ...outcome('turned_back'),
    ...losses.deaths.keys(),
    ...losses.medevacs.keys(),
  ]);
  const departed = journeys.flatMap((j) => j.personIds);
  const unaccountedPersonIds = departed.filter((id) => !accounted.has(id));
  const stay = households.filter((h) => h.intention === 'stay_under_protection');
  return {
    totals: {
      households: households.length,
      people: peopleIn(households),
      stayers: peopleIn(stay),
      ...input.counts,
      busTrips: journeys.filter((j) => j.vehicle.kind === 'bus').length,
      journeys: journeys.length,
      departedByDay: departedByDay(input.d0, journeys),
      departed: departed.length,
      arrived: input.arrivals.reduce((n, a) => n + a.personIds.length, 0),
      heldSecondary: holds.length,
      released: outcome('released').length,
      detained: outcome('detained').length,
      turnedBack: outcome('turned_back').length,
      diedEnRoute: losses.deaths.size,
      medevac: losses.medevacs.size,
      unaccounted: unaccountedPersonIds.length,
    },
    unaccountedPersonIds,
  };
}
