// Reconciliation of departures and arrivals (DOMAIN.md §4): departed = arrived + held + turned
// back + died + unaccounted, "every unaccounted person becomes a follow-up case". Before the end
// of an operation some people are simply still on the road, so a person on the road within their
// expected transit time counts as en route; past it, or with no expected time at all, they are
// unaccounted. Once nobody is en route the equation is DOMAIN.md §4's.
//
// One pass over the journeys with one counter object per group and no copies: the seven-day
// operation of DOMAIN.md §7 (about 100,000 journeys) reconciles in tens of milliseconds.
import { journeyOutcomeOf } from './journey-outcome.ts';
import type { JourneyOutcome, JourneySnapshot } from './journey-outcome.ts';

/** How to group the headcount. `day` is the UTC date of departure. */
export type ReconciliationGrouping = 'vehicle' | 'operation' | 'checkpoint' | 'day' | 'all';

/** Options of `reconcile`. */
export interface ReconcileOptions {
  /** The moment against which expected arrival times are judged. */
  readonly asOf: Date;
  readonly groupBy: ReconciliationGrouping;
}

/**
 * The headcount of one group. Invariant: departed = arrived + held + turnedBack + died + enRoute
 * + unaccounted; medevac is counted inside arrived and reported apart.
 */
export interface ReconciliationGroup {
  /** The vehicle, operation or checkpoint id, the date `YYYY-MM-DD`, or `all`; null = none. */
  readonly key: string | null;
  departed: number;
  arrived: number;
  /** Medical evacuations, already counted in `arrived`. */
  medevac: number;
  held: number;
  turnedBack: number;
  died: number;
  enRoute: number;
  unaccounted: number;
  /** The journeys to follow up, in input order. */
  readonly unaccountedIds: string[];
}

const DAY_MS = 86_400_000;

/** A group with every count at zero (a starting point for sums of groups). */
export function emptyGroup(key: string | null): ReconciliationGroup {
  return {
    key,
    departed: 0,
    arrived: 0,
    medevac: 0,
    held: 0,
    turnedBack: 0,
    died: 0,
    enRoute: 0,
    unaccounted: 0,
    unaccountedIds: [],
  };
}

/** The function that picks a journey's group key, chosen once per call (not per journey). */
function keyReader(groupBy: ReconciliationGrouping): (journey: JourneySnapshot) => string | null {
  switch (groupBy) {
    case 'vehicle':
      return (journey) => journey.vehicleId ?? null;
    case 'operation':
      return (journey) => journey.operationId ?? null;
    case 'checkpoint':
      return (journey) => journey.firstCheckpointId ?? null;
    case 'all':
      return () => 'all';
    case 'day': {
      // Formatting a date per journey would dominate the pass; there are only a few days.
      const dates = new Map<number, string>();
      return (journey) => {
        const day = Math.floor((journey.departedAt?.getTime() ?? Number.NaN) / DAY_MS);
        if (Number.isNaN(day)) return null;
        let date = dates.get(day);
        if (date === undefined) {
          date = new Date(day * DAY_MS).toISOString().slice(0, 10);
          dates.set(day, date);
        }
        return date;
      };
    }
  }
}

/** Adds one departed journey to its group. */
function count(
  group: ReconciliationGroup,
  journey: JourneySnapshot,
  outcome: Exclude<JourneyOutcome, 'not_departed'> | undefined,
  asOf: number,
): void {
  group.departed++;
  switch (outcome) {
    case 'arrived':
      group.arrived++;
      if (journey.state === 'medevac') group.medevac++;
      return;
    case 'held':
      group.held++;
      return;
    case 'turned_back':
      group.turnedBack++;
      return;
    case 'died':
      group.died++;
      return;
    case 'en_route':
      // An invalid or missing expected time compares false: the person is not "within" it.
      if ((journey.expectedBy?.getTime() ?? Number.NaN) >= asOf) {
        group.enRoute++;
        return;
      }
      break;
    case undefined:
      // A state this version does not know: looked at, not hidden (journey-outcome.ts).
      break;
  }
  group.unaccounted++;
  group.unaccountedIds.push(journey.id);
}

/**
 * Reconciles journeys per group: who departed (boarded or later; not listed, not no-show) and
 * where each of them stands as of `asOf`. Groups come sorted by key, the null group last; a group
 * appears only if someone in it departed. States are taken as they are now: `asOf` only moves the
 * line between en route and unaccounted.
 *
 * @example
 * const [total] = reconcile(journeys, { asOf: new Date(), groupBy: 'all' });
 * total.unaccountedIds // the follow-up cases
 */
export function reconcile(
  journeys: Iterable<JourneySnapshot>,
  options: ReconcileOptions,
): ReconciliationGroup[] {
  const asOf = options.asOf.getTime();
  const keyOf = keyReader(options.groupBy);
  const groups = new Map<string | null, ReconciliationGroup>();
  // Rows usually come ordered by vehicle or operation: reuse the last group while the key holds.
  let group: ReconciliationGroup | undefined;
  for (const journey of journeys) {
    const outcome = journeyOutcomeOf(journey.state);
    if (outcome === 'not_departed') continue;
    const key = keyOf(journey);
    if (group?.key !== key) {
      group = groups.get(key);
      if (group === undefined) {
        group = emptyGroup(key);
        groups.set(key, group);
      }
    }
    count(group, journey, outcome, asOf);
  }
  return [...groups.values()].sort(byKey);
}

// Keys are unique (they come from a Map), so two groups never compare equal.
function byKey(a: ReconciliationGroup, b: ReconciliationGroup): number {
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key < b.key ? -1 : 1;
}
