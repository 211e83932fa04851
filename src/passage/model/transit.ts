// Expected transit times: when a journey becomes overdue (DOMAIN.md §5: "overdue when no arrival
// within the expected transit time"). The gazetteer keeps, per leg between two points, the 95th
// percentile of observed transit; at the 2023 peak that was 48–72 h against 2–4 h off-peak
// (DOMAIN.md §7), so the caller picks the figure for the period and adds slack on top.
import { DomainError } from '../../errors/domain-error.ts';

const MINUTE_MS = 60_000;

/** The transit time of one leg, or of a whole route. */
export interface TransitLeg {
  /** 95th percentile of observed transit time, in minutes. */
  readonly p95Minutes: number;
}

/** A leg of the gazetteer between two places. */
export interface PlaceLeg extends TransitLeg {
  readonly fromId: string;
  readonly toId: string;
}

function assertMinutes(minutes: number, what: string): void {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new DomainError('invalid_request', `${what} ${minutes} is not a number of minutes`);
  }
}

/**
 * The time by which a journey that left at `departedAt` over `leg` should have arrived: departure
 * plus the leg's p95 plus `slackMinutes`. Throws `invalid_request` for an invalid date or a
 * negative or non-finite number of minutes.
 *
 * @example expectedArrivalBy(new Date('2023-09-26T08:00Z'), { p95Minutes: 240 }, 60)
 * // 2023-09-26T13:00Z
 */
export function expectedArrivalBy(departedAt: Date, leg: TransitLeg, slackMinutes = 0): Date {
  assertMinutes(leg.p95Minutes, 'p95');
  assertMinutes(slackMinutes, 'slack');
  const at = departedAt.getTime();
  if (Number.isNaN(at)) throw new DomainError('invalid_request', 'departure time is not a date');
  return new Date(at + (leg.p95Minutes + slackMinutes) * MINUTE_MS);
}

/**
 * The transit of legs taken one after the other: the sum of their p95s. The p95 of a sum is at
 * most the sum of the p95s when delays move together (a jam at the bridge holds every leg behind
 * it), and below it otherwise, so the sum is the cautious bound: it does not raise an overdue
 * alert for a journey that is merely slow on every leg at once.
 *
 * @example combineLegs([{ p95Minutes: 90 }, { p95Minutes: 2880 }]) // { p95Minutes: 2970 }
 */
export function combineLegs(legs: readonly TransitLeg[]): TransitLeg {
  let p95Minutes = 0;
  for (const leg of legs) {
    assertMinutes(leg.p95Minutes, 'p95');
    p95Minutes += leg.p95Minutes;
  }
  return { p95Minutes };
}

/**
 * The transit of a route through `stops` (place ids in order), from the gazetteer's `legs`, or
 * undefined when a consecutive pair has no known leg. A leg stored one way serves both ways (a
 * road takes about as long each way); when a pair is stored twice the longer p95 wins.
 *
 * @example transitForRoute(legs, [exitPostId, bridgeId, receptionId])
 */
export function transitForRoute(
  legs: readonly PlaceLeg[],
  stops: readonly string[],
): TransitLeg | undefined {
  const known = new Map<string, number>();
  for (const leg of legs) {
    assertMinutes(leg.p95Minutes, 'p95');
    for (const key of [pairKey(leg.fromId, leg.toId), pairKey(leg.toId, leg.fromId)]) {
      known.set(key, Math.max(known.get(key) ?? 0, leg.p95Minutes));
    }
  }
  const route: TransitLeg[] = [];
  let previous: string | undefined;
  for (const stop of stops) {
    if (previous !== undefined) {
      const p95Minutes = known.get(pairKey(previous, stop));
      if (p95Minutes === undefined) return undefined;
      route.push({ p95Minutes });
    }
    previous = stop;
  }
  return combineLegs(route);
}

// Place ids are UUID text; NUL cannot occur in them, so the pair key is unambiguous.
function pairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
