// Builds the scenario's parties, places and route legs from the fictional gazetteer data, with
// control periods relative to D0 and expected transit times per leg (DOMAIN.md §7: the whole
// route takes 2–4 h off-peak, a median of 12–20 h and a p95 of 48–72 h at the peak).
import {
  AREA_HANDOVER_DAYS_AFTER_D0,
  CHECKPOINT_CONTROL_DAYS_BEFORE_D0,
  CROSSING,
  EXIT_POSTS,
  ROAD_WINDING,
  SETTLEMENTS,
} from './gazetteer.data.ts';
import type { PlaceSpec } from './gazetteer.data.ts';
import type { Random } from './random.ts';
import type { ControlPeriod, Party, Place, PlaceKind, RouteLeg } from './scenario.types.ts';
import { toAzerbaijaniLatin } from './synthetic-names.ts';

const DAY_MS = 86_400_000;

/** The gazetteer of one scenario, with handles on the places the generator routes through. */
export interface Gazetteer {
  readonly parties: readonly Party[];
  readonly places: readonly Place[];
  readonly routeLegs: readonly RouteLeg[];
  readonly settlements: readonly Place[];
  readonly checkpoint: Place;
  readonly receptionPoint: Place;
  readonly humanitarianCentre: Place;
  readonly partyB: Party;
  readonly partyC: Party;
}

function kilometres(a: PlaceSpec, b: PlaceSpec): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * ROAD_WINDING);
}

function makePlace(
  rng: Random,
  spec: PlaceSpec,
  kind: PlaceKind,
  control: readonly ControlPeriod[],
): Place {
  return {
    id: rng.uuid(),
    code: spec.code,
    kind,
    names: { en: spec.en, hy: spec.hy, az: spec.az ?? toAzerbaijaniLatin(spec.en), ru: spec.ru },
    lat: spec.lat,
    lon: spec.lon,
    control,
  };
}

interface LegTimes {
  readonly offPeak: readonly [number, number];
  readonly peak: readonly [number, number];
}

function makeLeg(
  rng: Random,
  from: readonly [Place, PlaceSpec],
  to: readonly [Place, PlaceSpec],
  times: LegTimes,
): RouteLeg {
  return {
    id: rng.uuid(),
    fromPlaceId: from[0].id,
    toPlaceId: to[0].id,
    distanceKm: kilometres(from[1], to[1]),
    offPeak: { p50Minutes: times.offPeak[0], p95Minutes: times.offPeak[1] },
    peak: { p50Minutes: times.peak[0], p95Minutes: times.peak[1] },
  };
}

function makeParties(rng: Random): [Party, Party, Party] {
  return [
    { id: rng.uuid(), name: 'Party A', role: 'origin_authority' },
    { id: rng.uuid(), name: 'Party B', role: 'checkpoint_authority' },
    { id: rng.uuid(), name: 'Party C', role: 'host_authority' },
  ];
}

// A place together with the spec it was made from (the spec holds its coordinates).
type Located = readonly [Place, PlaceSpec];

function makeRouteLegs(
  rng: Random,
  settlements: readonly Located[],
  exitPosts: readonly Located[],
  crossing: readonly [Located, Located, Located],
): RouteLeg[] {
  const [cp, rp, hc] = crossing;
  return [
    ...settlements.map((s) => {
      const post = exitPosts.find(([place]) => place.id === s[0].exitPostId) ?? cp;
      // Local roads off-peak: about 40 km/h.
      const minutes = Math.round(kilometres(s[1], post[1]) * 1.5);
      const offPeak = [minutes, Math.round(minutes * 2.5)] as const;
      return makeLeg(rng, s, post, { offPeak, peak: [120, 480] });
    }),
    // The road to the checkpoint was the queue: 13 h median, 50 h p95 at the peak.
    ...exitPosts.map((post) => makeLeg(rng, post, cp, { offPeak: [90, 180], peak: [780, 3000] })),
    makeLeg(rng, cp, rp, { offPeak: [15, 40], peak: [45, 180] }),
    makeLeg(rng, rp, hc, { offPeak: [40, 90], peak: [90, 240] }),
  ];
}

function makeSettlements(
  rng: Random,
  exitPosts: readonly Located[],
  control: readonly ControlPeriod[],
): Located[] {
  return SETTLEMENTS.map((spec): Located => {
    const post = exitPosts.find(([place]) => place.code === spec.exitPost)?.[0];
    const place = { ...makePlace(rng, spec, 'settlement', control), populationShare: spec.share };
    return [post === undefined ? place : { ...place, exitPostId: post.id }, spec];
  });
}

/**
 * The parties, places and route legs of a scenario starting at D0 = `start`.
 *
 * @example
 * const gazetteer = buildGazetteer(rng.fork('gazetteer'), new Date('2023-09-24T00:00:00Z'));
 */
export function buildGazetteer(rng: Random, start: Date): Gazetteer {
  const [partyA, partyB, partyC] = makeParties(rng);
  const handover = new Date(start.getTime() + AREA_HANDOVER_DAYS_AFTER_D0 * DAY_MS).toISOString();
  const since = new Date(start.getTime() - CHECKPOINT_CONTROL_DAYS_BEFORE_D0 * DAY_MS);
  const originControl: ControlPeriod[] = [
    { partyId: partyA.id, to: handover },
    { partyId: partyB.id, from: handover },
  ];
  const exitPosts = EXIT_POSTS.map((spec): Located => [
    makePlace(rng, spec, 'exit_post', originControl),
    spec,
  ]);
  const checkpoint = makePlace(rng, CROSSING.checkpoint, 'checkpoint', [
    { partyId: partyB.id, from: since.toISOString() },
  ]);
  const hostControl = [{ partyId: partyC.id }];
  const receptionPoint = makePlace(rng, CROSSING.receptionPoint, 'reception_point', hostControl);
  const centre = makePlace(rng, CROSSING.humanitarianCentre, 'humanitarian_centre', hostControl);
  const settlements = makeSettlements(rng, exitPosts, originControl);
  const routeLegs = makeRouteLegs(rng, settlements, exitPosts, [
    [checkpoint, CROSSING.checkpoint],
    [receptionPoint, CROSSING.receptionPoint],
    [centre, CROSSING.humanitarianCentre],
  ]);
  const settlementPlaces = settlements.map(([place]) => place);
  const crossingPlaces = [checkpoint, receptionPoint, centre];
  return {
    parties: [partyA, partyB, partyC],
    places: [...settlementPlaces, ...exitPosts.map(([place]) => place), ...crossingPlaces],
    routeLegs,
    settlements: settlementPlaces,
    checkpoint,
    receptionPoint,
    humanitarianCentre: centre,
    partyB,
    partyC,
  };
}
