// The gazetteer of the scenario: fictional places, who controls them, and the expected transit
// times of the route legs. Public entries, like the registry's (the map the mission works with is
// no secret): kinds gazetteer.place, gazetteer.control and gazetteer.route_leg.
import { randomUUID } from 'node:crypto';
import { passageStoreOn } from '../../passage/database/passage-store.kysely.ts';
import type { Place, PlaceControl, RouteLeg } from '../../passage/database/place.repository.ts';
import { GAZETTEER_KINDS } from '../../passage/registry/gazetteer/gazetteer.service.ts';
import type { SealRequest } from '../../seal/sealer.ts';
import type { Scenario } from '../scenario.types.ts';
import { sealAndWrite } from './sealed-write.ts';
import type { LoadContext } from './sealed-write.ts';

type Control = Omit<PlaceControl, 'until'>;

function placesOf(scenario: Scenario, createdAt: string): Place[] {
  return scenario.places.map((place) => ({
    id: place.id,
    kind: place.kind,
    names: { ...place.names },
    lat: place.lat,
    lon: place.lon,
    adminCode: place.code,
    createdAt,
    version: 1,
  }));
}

// A period open at its start ("since always") is recorded from when the gazetteer was made:
// the table needs a start, and the mission knows nothing earlier.
function controlsOf(scenario: Scenario, recordedAt: string): Control[] {
  const partyName = new Map(scenario.parties.map((party) => [party.id, party.name]));
  return scenario.places.flatMap((place) =>
    place.control.map((period) => ({
      placeId: place.id,
      controlledBy: partyName.get(period.partyId) ?? period.partyId,
      since: period.from ?? recordedAt,
    })),
  );
}

// The scenario is the 2023 peak, so legs carry the peak transit times (DOMAIN.md §7: p95 of
// 48–72 h at the peak against 2–4 h off-peak).
function legsOf(scenario: Scenario): RouteLeg[] {
  return scenario.routeLegs.map((leg) => ({
    fromPlaceId: leg.fromPlaceId,
    toPlaceId: leg.toPlaceId,
    p50Minutes: leg.peak.p50Minutes,
    p95Minutes: leg.peak.p95Minutes,
  }));
}

function entriesOf(places: readonly Place[], controls: readonly Control[], legs: RouteLeg[]) {
  const publicEntry = (kind: string, id: string, record: unknown): SealRequest => ({
    kind,
    id,
    version: 1,
    record,
    visibility: 'public',
  });
  return [
    ...places.map(({ id, kind, names, lat, lon, adminCode }) =>
      publicEntry(GAZETTEER_KINDS.place, id, { id, kind, names, lat, lon, adminCode }),
    ),
    ...controls.map((control) => publicEntry(GAZETTEER_KINDS.control, randomUUID(), control)),
    ...legs.map((leg) => publicEntry(GAZETTEER_KINDS.routeLeg, randomUUID(), leg)),
  ];
}

/**
 * Loads places, control periods and route legs at the clock's current time; returns how many
 * records it wrote.
 *
 * @example await loadGazetteer(context, scenario);
 */
export async function loadGazetteer(context: LoadContext, scenario: Scenario): Promise<number> {
  const at = context.clock.iso();
  const places = placesOf(scenario, at);
  const controls = controlsOf(scenario, at).sort((a, b) => a.since.localeCompare(b.since));
  const legs = legsOf(scenario);
  const entries = entriesOf(places, controls, legs);
  await sealAndWrite(context.passage, entries, async (trx) => {
    const store = passageStoreOn(trx);
    await store.places.insertMany(places);
    for (const control of controls) await store.places.changeControl(control);
    await store.places.saveRouteLegs(legs);
  });
  return entries.length;
}
