// Registration by the host authority at the humanitarian centre, with its lag (DOMAIN.md §7):
// 70% of arrivals register the same day, 85% by the end of D7, 97% by the end of D10, the rest
// never. Each household's part that arrived on one vehicle registers together.
import type { EventSink } from './event-sink.ts';
import { DAY, MINUTE } from './journey-model.ts';
import type { PersonInfo } from './journey-model.ts';
import type { ArrivalRecord } from './journey-events.generator.ts';
import type { Random } from './random.ts';

/** What registration needs. */
export interface RegistrationContext {
  readonly rng: Random;
  readonly sink: EventSink;
  readonly d0: number;
  readonly placeId: string;
  readonly people: ReadonlyMap<string, PersonInfo>;
}

function registrationTime(rng: Random, d0: number, arrival: number): number | undefined {
  const endOfDay = (Math.floor((arrival - d0) / DAY) + 1) * DAY + d0;
  const u = rng.float();
  if (u < 0.7) {
    const room = endOfDay - arrival - MINUTE;
    return arrival + Math.max(MINUTE, Math.min(6 * 60 * MINUTE, room) * rng.float());
  }
  if (u >= 0.97) return undefined;
  // Later: by the end of D7, or between D8 and the end of D10; never before the next day.
  const [from, to] =
    u < 0.85 ? [endOfDay, d0 + 8 * DAY] : [Math.max(endOfDay, d0 + 8 * DAY), d0 + 11 * DAY];
  return to > from ? rng.between(from, to) : endOfDay + rng.between(2, 20) * 60 * MINUTE;
}

/**
 * Emits the registrations of everyone who arrived; returns how many people registered.
 *
 * @example
 * const registered = registerArrivals(context, arrivals);
 */
export function registerArrivals(
  context: RegistrationContext,
  arrivals: readonly ArrivalRecord[],
): number {
  let registered = 0;
  for (const arrival of arrivals) {
    const groups = new Map<string, string[]>();
    for (const personId of arrival.personIds) {
      const householdId = context.people.get(personId)?.household.id;
      if (householdId === undefined) continue;
      const group = groups.get(householdId) ?? [];
      group.push(personId);
      groups.set(householdId, group);
    }
    for (const [householdId, personIds] of groups) {
      const at = registrationTime(context.rng, context.d0, arrival.at);
      if (at === undefined) continue;
      registered += personIds.length;
      context.sink.add(at, {
        type: 'arrival_registration',
        householdId,
        journeyId: arrival.journey.id,
        placeId: context.placeId,
        personIds,
      });
    }
  }
  return registered;
}
