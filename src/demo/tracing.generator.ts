// Tracing requests: a family that arrives without a member asks the tracing desk. Requests for
// members who were only in another car end within days (80–90% within 7 days, DOMAIN.md §7);
// a detained member's request goes to the ICRC; someone who never arrived stays open.
import type { EventSink } from './event-sink.ts';
import { DAY, HOUR } from './journey-model.ts';
import type { HoldRecord, PersonInfo } from './journey-model.ts';
import type { ArrivalRecord } from './journey-events.generator.ts';
import type { Losses } from './outcomes.generator.ts';
import type { Random } from './random.ts';
import type { TracingOutcome } from './scenario-events.types.ts';
import type { Separation } from './separations.generator.ts';

/** What tracing needs. */
export interface TracingContext {
  readonly rng: Random;
  readonly sink: EventSink;
  readonly placeId: string;
  readonly people: ReadonlyMap<string, PersonInfo>;
  readonly arrivals: readonly ArrivalRecord[];
  readonly holds: readonly HoldRecord[];
  readonly losses: Losses;
}

/** Counts for the totals. */
export interface TracingTotals {
  readonly requests: number;
  readonly resolvedWithin7Days: number;
}

interface Request {
  readonly householdId: string;
  readonly requesterId: string;
  readonly soughtId: string;
  readonly opened: number;
}

function resolution(
  context: TracingContext,
  soughtId: string,
  opened: number,
  arrivedAt: ReadonlyMap<string, number>,
): [number, TracingOutcome] | undefined {
  const { rng, losses } = context;
  const hold = context.holds.find((h) => h.personId === soughtId && h.outcome !== 'released');
  if (hold?.outcome === 'detained')
    return [opened + rng.between(1, 4) * DAY, 'transferred_to_icrc'];
  if (hold?.outcome === 'turned_back')
    return [opened + rng.between(1, 5) * DAY, 'contact_restored'];
  if (losses.deaths.has(soughtId)) return [opened + rng.between(1, 6) * DAY, 'located_deceased'];
  if (losses.medevacs.has(soughtId))
    return [opened + rng.between(0.5, 3) * DAY, 'contact_restored'];
  const arrived = arrivedAt.get(soughtId);
  if (arrived === undefined) return undefined; // never arrived: the request stays open
  const lag = rng.chance(0.9) ? rng.between(1 * HOUR, 4 * DAY) : rng.between(8 * DAY, 20 * DAY);
  return [Math.max(opened, arrived) + lag, rng.chance(0.85) ? 'reunified' : 'contact_restored'];
}

function requestsFor(
  context: TracingContext,
  separations: readonly Separation[],
  arrivedAt: ReadonlyMap<string, number>,
): Request[] {
  const { rng } = context;
  const requests: Request[] = [];
  for (const s of separations) {
    const familyArrival = arrivedAt.get(s.requesterId);
    if (familyArrival === undefined) continue;
    const opened = familyArrival + rng.between(0.5, 12) * HOUR;
    // A member who arrived before the family asked is simply met at the centre.
    if ((arrivedAt.get(s.soughtId) ?? Infinity) <= opened) continue;
    requests.push({
      householdId: s.householdId,
      requesterId: s.requesterId,
      soughtId: s.soughtId,
      opened,
    });
  }
  // Families of people missing on arrival or detained ask too, once they themselves arrived.
  const absent = [
    ...context.losses.missing,
    ...context.holds.filter((h) => h.outcome === 'detained').map((h) => h.personId),
  ];
  const sought = new Set(requests.map((r) => r.soughtId));
  for (const soughtId of absent) {
    if (sought.has(soughtId)) continue;
    const household = context.people.get(soughtId)?.household;
    const requester = household?.members.find((m) => arrivedAt.has(m.id));
    const arrived = requester === undefined ? undefined : arrivedAt.get(requester.id);
    if (household === undefined || requester === undefined || arrived === undefined) continue;
    const opened = arrived + rng.between(1, 48) * HOUR;
    requests.push({ householdId: household.id, requesterId: requester.id, soughtId, opened });
  }
  return requests;
}

/**
 * Emits tracing requests and their outcomes.
 *
 * @example
 * const totals = traceSeparated(context, separations);
 */
export function traceSeparated(
  context: TracingContext,
  separations: readonly Separation[],
): TracingTotals {
  const arrivedAt = new Map<string, number>();
  for (const arrival of context.arrivals) {
    for (const id of arrival.personIds) arrivedAt.set(id, arrival.at);
  }
  let resolvedWithin7Days = 0;
  const requests = requestsFor(context, separations, arrivedAt);
  for (const request of requests) {
    const requestId = context.rng.uuid();
    context.sink.add(request.opened, {
      type: 'tracing_opened',
      requestId,
      householdId: request.householdId,
      requesterPersonId: request.requesterId,
      soughtPersonId: request.soughtId,
      placeId: context.placeId,
    });
    const resolved = resolution(context, request.soughtId, request.opened, arrivedAt);
    if (resolved === undefined) continue;
    const [at, outcome] = resolved;
    if (at - request.opened <= 7 * DAY) resolvedWithin7Days++;
    context.sink.add(at, { type: 'tracing_resolved', requestId, outcome });
  }
  return { requests: requests.length, resolvedWithin7Days };
}
