// Which journey steps each scenario event makes, as a monitor would record them: a departure
// boards everyone aboard, a checkpoint passage moves on those who passed, an arrival and a
// registration end the journey; the person events (held, released, turned back, detained, died,
// medevac) move one person. Pure, so both replays of journey-book.ts see the same steps.
import type { ScenarioEvent } from '../scenario-events.types.ts';
import type { Scenario } from '../scenario.types.ts';
import type { JourneyMove } from './journey-book.ts';
import type { DemoActors } from './sealed-write.ts';

/** What the moves need to know of the route. */
export interface RouteFacts {
  /** p95 minutes from a place to the humanitarian centre along the route legs. */
  transitMinutes(placeId: string): number | undefined;
  /** True for exit posts and checkpoints (where the field's overdue clock starts). */
  isCheckpoint(placeId: string): boolean;
}

/**
 * The route of `scenario`: transit times summed along the legs towards the humanitarian
 * centre (the legs form a tree pointing there), and the checkpoint kinds.
 *
 * @example routeFacts(scenario).transitMinutes(bridgeId) // 420 at the peak
 */
export function routeFacts(scenario: Scenario): RouteFacts {
  const next = new Map(scenario.routeLegs.map((leg) => [leg.fromPlaceId, leg]));
  const kinds = new Map(scenario.places.map((place) => [place.id, place.kind]));
  const memo = new Map<string, number | undefined>();
  const transit = (placeId: string): number | undefined => {
    if (memo.has(placeId)) return memo.get(placeId);
    let minutes = 0;
    let at = placeId;
    for (let hops = 0; kinds.get(at) !== 'humanitarian_centre'; hops++) {
      const leg = next.get(at);
      if (leg === undefined || hops > scenario.routeLegs.length) return undefined;
      minutes += leg.peak.p95Minutes;
      at = leg.toPlaceId;
    }
    memo.set(placeId, minutes);
    return minutes;
  };
  return {
    transitMinutes: transit,
    isCheckpoint: (placeId) => {
      const kind = kinds.get(placeId);
      return kind === 'exit_post' || kind === 'checkpoint';
    },
  };
}

type Where = Pick<JourneyMove, 'placeId' | 'atCheckpoint' | 'transitMinutes'>;

function atPlace(route: RouteFacts, placeId: string): Where {
  const minutes = route.transitMinutes(placeId);
  return {
    placeId,
    atCheckpoint: route.isCheckpoint(placeId),
    ...(minutes === undefined ? {} : { transitMinutes: minutes }),
  };
}

/**
 * The journey moves of `event` (none for events about operations, cases, tracing, counts and
 * welfare contacts).
 *
 * @example movesOf(departure, route, actors) // one 'boarded' move per person aboard
 */
export function movesOf(
  event: ScenarioEvent,
  route: RouteFacts,
  actors: DemoActors,
): JourneyMove[] {
  const each = (
    personIds: readonly string[],
    to: JourneyMove['to'],
    extra: Where & Partial<JourneyMove>,
  ): JourneyMove[] =>
    personIds.map((personId) => ({ at: event.at, actor: actors.device, ...extra, personId, to }));
  switch (event.type) {
    case 'departure':
      return each(event.personIds, 'boarded', {
        ...atPlace(route, event.placeId),
        vehicleId: event.vehicleId,
        operationId: event.operationId,
      });
    case 'checkpoint_passage':
      return each(event.personIds, 'passed', atPlace(route, event.placeId));
    case 'arrival':
      return each(event.personIds, 'arrived', { placeId: event.placeId });
    case 'arrival_registration':
      return each(event.personIds, 'registered_at_arrival', { placeId: event.placeId });
    case 'held':
      return each([event.personId], 'held_secondary', atPlace(route, event.placeId));
    case 'released':
      return each([event.personId], 'released', { placeId: event.placeId });
    case 'turned_back':
      return each([event.personId], 'turned_back', atPlace(route, event.placeId));
    case 'detained':
      return each([event.personId], 'detained', { placeId: event.placeId });
    case 'died_en_route':
      return each([event.personId], 'died_en_route', { placeId: event.nearPlaceId });
    case 'medevac':
      return each([event.personId], 'medevac', { placeId: event.fromPlaceId });
    case 'operation_state':
    case 'held_case_update':
    case 'tracing_opened':
    case 'tracing_resolved':
    case 'aggregate_count':
    case 'welfare_contact':
      return [];
  }
}
