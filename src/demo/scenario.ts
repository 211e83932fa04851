// The synthetic scenario behind `vigil demo`: a September 2023-like exodus (DOMAIN.md §7) with
// synthetic people only, generated deterministically from a seed — same seed, scale and start,
// same scenario, byte for byte. Pure data: the loader feeds it through the services.
//
// Steps (scenario-steps.ts, scenario-emission.ts): gazetteer → households → who stays, who takes the bus → convoys
// (buses turn round) → car packing and the departure curve → separations → the road and the
// checkpoint queue → outcomes (holds, deaths, medevacs, people who never arrive) → events.
import { buildGazetteer } from './gazetteer.generator.ts';
import { iso } from './journey-model.ts';
import type { JourneyDraft } from './journey-model.ts';
import { convoyOperation, openWindow } from './operations.generator.ts';
import { Random } from './random.ts';
import type { Seed } from './random.ts';
import { emitAll } from './scenario-emission.ts';
import type { Emitted } from './scenario-emission.ts';
import { buildPopulation, move } from './scenario-steps.ts';
import type { Movement, Population, World } from './scenario-steps.ts';
import { computeTotals } from './scenario-totals.ts';
import type { Household, Journey, Operation, Scenario, ScenarioTotals } from './scenario.types.ts';
import type { Separation } from './separations.generator.ts';
import { generateStaff } from './staff.generator.ts';
import { SyntheticNumbers } from './synthetic-ids.ts';
import { emitWelfareContacts } from './welfare.generator.ts';

/** D0 of the reference scenario: 24 September 2023, 00:00 UTC. */
export const DEFAULT_START = new Date('2023-09-24T00:00:00.000Z');

/** Options of generateScenario. */
export interface ScenarioOptions {
  readonly seed: Seed;
  /** 1 = about 120,000 people (the default); 0.01 is a quick one for tests. At most 100. */
  readonly scale?: number;
  /** D0, the first departure day (00:00 UTC is usual). Default: DEFAULT_START. */
  readonly start?: Date;
}

function publicJourney(journey: JourneyDraft): Journey {
  return {
    id: journey.id,
    operationId: journey.operationId,
    vehicleId: journey.vehicle.id,
    originSettlementId: journey.settlementId,
    exitPostId: journey.exitPostId,
    departureAt: iso(journey.departure),
    householdIds: journey.householdIds,
    personIds: journey.personIds,
  };
}

/** Children who travelled apart from every adult of their household carry the flag. */
function withSeparationFlags(
  households: readonly Household[],
  separations: readonly Separation[],
): Household[] {
  const alone = new Set(separations.filter((s) => s.unaccompaniedChild).map((s) => s.soughtId));
  return households.map((h) =>
    h.members.some((m) => alone.has(m.id))
      ? {
          ...h,
          members: h.members.map((m) =>
            alone.has(m.id) ? { ...m, flags: { ...m.flags, unaccompaniedChild: true } } : m,
          ),
        }
      : h,
  );
}

function operations(world: World, movement: Movement, emitted: Emitted): Operation[] {
  const { gazetteer } = world;
  const context = {
    rng: world.root.fork('operations'),
    sink: emitted.sink,
    routePlaceIds: [
      gazetteer.checkpoint,
      gazetteer.receptionPoint,
      gazetteer.humanitarianCentre,
    ].map((p) => p.id),
    agreedByPartyIds: gazetteer.parties.map((p) => p.id),
  };
  const firstCar = movement.journeys.find((j) => j.vehicle.kind === 'car');
  const lastArrival = Math.max(world.d0, ...emitted.arrivals.map((a) => a.at));
  return [
    openWindow(context, {
      id: movement.openWindowId,
      d0: world.d0,
      firstDeparture: firstCar?.departure ?? world.d0,
      lastArrival,
    }),
    ...movement.convoys.map((convoy) => convoyOperation(context, convoy)),
  ];
}

function totalsOf(world: World, parts: [Population, Movement, Emitted]) {
  const [population, movement, emitted] = parts;
  const counts: Parameters<typeof computeTotals>[0]['counts'] = {
    privateVehicles: movement.privateVehicles,
    buses: movement.buses,
    convoys: movement.convoys.length,
    registeredAtArrival: emitted.registered,
    tracingRequests: emitted.tracing.requests,
    tracingResolvedWithin7Days: emitted.tracing.resolvedWithin7Days,
    unaccompaniedChildren: movement.separations.filter((s) => s.unaccompaniedChild).length,
    aggregateCountHours: emitted.aggregateHours,
  };
  return computeTotals({
    d0: world.d0,
    households: population.households,
    journeys: movement.journeys,
    holds: movement.holds,
    losses: emitted.losses,
    arrivals: emitted.arrivals,
    counts,
  });
}

function worldOf(options: ScenarioOptions): World {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) {
    throw new RangeError('scale must be in (0, 100]');
  }
  const start = options.start ?? DEFAULT_START;
  if (Number.isNaN(start.getTime())) throw new RangeError('start must be a valid date');
  const root = Random.fromSeed(options.seed);
  const gazetteer = buildGazetteer(root.fork('gazetteer'), start);
  const numbers = new SyntheticNumbers(root.fork('numbers'));
  return { root, scale, start, d0: start.getTime(), gazetteer, numbers };
}

/**
 * Generates the whole scenario. Same options → same scenario, byte for byte.
 *
 * @example
 * const scenario = generateScenario({ seed: 2023, scale: 0.01 });
 * scenario.totals.people; // about 1,200
 */
export function generateScenario(options: ScenarioOptions): Scenario {
  const world = worldOf(options);
  const population = buildPopulation(world);
  const movement = move(world, population);
  const emitted = emitAll(world, population, movement);
  const ops = operations(world, movement, emitted);
  const stayers = population.households.filter((h) => h.intention === 'stay_under_protection');
  emitWelfareContacts(world.root.fork('welfare'), emitted.sink, stayers, world.d0);
  const {
    totals,
    unaccountedPersonIds,
  }: { totals: ScenarioTotals; unaccountedPersonIds: string[] } = totalsOf(world, [
    population,
    movement,
    emitted,
  ]);
  const vehicles = new Map(movement.journeys.map((j) => [j.vehicle.id, j.vehicle]));
  const { gazetteer } = world;
  return {
    meta: {
      generator: 'vigil-demo/1',
      synthetic: true,
      seed: options.seed,
      scale: world.scale,
      start: world.start.toISOString(),
    },
    parties: gazetteer.parties,
    places: gazetteer.places,
    routeLegs: gazetteer.routeLegs,
    operations: ops,
    households: withSeparationFlags(population.households, movement.separations),
    vehicles: [...vehicles.values()],
    journeys: movement.journeys.map(publicJourney),
    events: emitted.sink.finish(world.root.fork('event-ids')),
    staff: generateStaff(world.root.fork('staff')),
    totals,
    unaccountedPersonIds,
  };
}
