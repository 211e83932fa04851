// The generator's first steps: population → movement (buses, cars, separations, the road and
// the checkpoint); scenario-emission.ts follows with outcomes and events, and scenario.ts runs
// them and assembles the result. Each step draws from its own named random stream, so changing
// one step does not reshuffle the numbers of the others.
import { carJourneys, runCars } from './cars.generator.ts';
import { runConvoys } from './convoys.generator.ts';
import type { Convoy } from './convoys.generator.ts';
import { CheckpointEntrance } from './crossing.simulation.ts';
import { TRICKLE_PEOPLE, dailyTargets, scheduleCars } from './departures.generator.ts';
import type { Gazetteer } from './gazetteer.generator.ts';
import { chooseBusHouseholds, chooseStayers } from './intentions.generator.ts';
import { DAY, ageAtStart } from './journey-model.ts';
import type { HoldRecord, JourneyDraft, PersonInfo } from './journey-model.ts';
import { selectHeld } from './outcomes.generator.ts';
import { generateHouseholds } from './population.generator.ts';
import type { Random } from './random.ts';
import type { Household } from './scenario.types.ts';
import { separateMembers } from './separations.generator.ts';
import type { Separation } from './separations.generator.ts';
import type { SyntheticNumbers } from './synthetic-ids.ts';
import { makeBuses, packCars } from './vehicles.generator.ts';

/** Households and buses at scale 1 (DOMAIN.md §7: about 32,000 households, about 90 buses). */
export const AT_SCALE_1 = { households: 32_300, buses: 90 } as const;

/** What every step sees. */
export interface World {
  readonly root: Random;
  readonly scale: number;
  readonly start: Date;
  readonly d0: number;
  readonly gazetteer: Gazetteer;
  readonly numbers: SyntheticNumbers;
}

/** Households with intentions, and every person by id. */
export interface Population {
  readonly households: Household[];
  readonly people: ReadonlyMap<string, PersonInfo>;
}

/** Households, people, who stays. */
export function buildPopulation(world: World): Population {
  const { root, start } = world;
  const drafted = generateHouseholds({
    rng: root.fork('population'),
    numbers: world.numbers,
    start,
    settlements: world.gazetteer.settlements,
    households: Math.max(2, Math.round(AT_SCALE_1.households * world.scale)),
  });
  const ageOf = ageAtStart(start);
  const ages = new Map<string, number>();
  for (const h of drafted) {
    for (const m of h.members) ages.set(m.id, ageOf(m.identity.birthYear, m.identity.birthDate));
  }
  const households = chooseStayers(root.fork('stayers'), drafted, {
    scale: world.scale,
    ageOf: (id) => ages.get(id) ?? 0,
  });
  const people = new Map<string, PersonInfo>();
  for (const household of households) {
    for (const person of household.members) {
      people.set(person.id, { person, household, age: ages.get(person.id) ?? 0 });
    }
  }
  return { households, people };
}

/** Every journey after crossing, with what happened on the way. */
export interface Movement {
  readonly convoys: Convoy[];
  /** Sorted by departure. */
  readonly journeys: JourneyDraft[];
  readonly holds: HoldRecord[];
  readonly separations: Separation[];
  readonly privateVehicles: number;
  readonly buses: number;
  readonly openWindowId: string;
}

interface Shared {
  readonly people: ReadonlyMap<string, PersonInfo>;
  readonly held: ReadonlySet<string>;
  readonly holds: HoldRecord[];
  readonly entrance: CheckpointEntrance;
}

function moveBuses(world: World, shared: Shared, households: readonly Household[]): Convoy[] {
  const { root, scale, gazetteer } = world;
  const count = Math.max(1, Math.round(AT_SCALE_1.buses * scale));
  const main = gazetteer.settlements[0];
  return runConvoys(
    {
      ...shared,
      rng: root.fork('convoys'),
      d0: world.d0,
      buses: makeBuses(root.fork('buses'), world.numbers, count),
      settlementId: main?.id ?? '',
      exitPostId: main?.exitPostId ?? '',
    },
    households,
  );
}

function busPeopleByDay(d0: number, convoys: readonly Convoy[]): number[] {
  const days = Array.from({ length: 7 }, () => 0);
  for (const journey of convoys.flatMap((c) => c.journeys)) {
    const day = Math.floor((journey.departure - d0) / DAY);
    if (day >= 0 && day < days.length) days[day] = (days[day] ?? 0) + journey.personIds.length;
  }
  return days;
}

function moveCars(world: World, shared: Shared, plan: { car: Household[]; convoys: Convoy[] }) {
  const { root, scale, d0, gazetteer } = world;
  const loads = root
    .fork('car-order')
    .shuffle(packCars(root.fork('cars'), world.numbers, plan.car));
  const leaving = [...shared.people.values()].filter((p) => p.household.intention === 'leave');
  const trickle = Math.max(1, Math.round(TRICKLE_PEOPLE * scale));
  const targets = dailyTargets(root.fork('curve'), leaving.length - trickle);
  const busPeople = busPeopleByDay(d0, plan.convoys);
  const times = scheduleCars(root.fork('departures'), { loads, targets, busPeople, trickle, d0 });
  const context = {
    ...shared,
    rng: root.fork('car-journeys'),
    scale,
    operationId: root.fork('open-window').uuid(),
    settlements: new Map(gazetteer.settlements.map((s) => [s.id, s])),
  };
  const cars = carJourneys(context, loads, times);
  // 0.5–1% of households report a separated member (DOMAIN.md §7); some turn out not to need to.
  const share = root.fork('separation-share').between(0.007, 0.0105);
  const count = Math.max(1, Math.round(plan.car.length * share));
  const separations = separateMembers(root.fork('separations'), cars, shared.people, count);
  runCars(context, cars);
  return { cars, separations, privateVehicles: loads.length, openWindowId: context.operationId };
}

/** Who goes by bus, the convoys, the cars, separations, and everyone's crossing. */
export function move(world: World, population: Population): Movement {
  const { root } = world;
  const leaving = population.households.filter((h) => h.intention === 'leave');
  const split = chooseBusHouseholds(root.fork('modes'), leaving, population.people);
  const candidates = [...population.people.values()].filter(
    (p) => p.household.intention === 'leave',
  );
  const shared: Shared = {
    people: population.people,
    held: selectHeld(root.fork('held'), candidates),
    holds: [],
    entrance: new CheckpointEntrance(world.scale),
  };
  const convoys = moveBuses(world, shared, split.bus);
  const cars = moveCars(world, shared, { car: split.car, convoys });
  const journeys = [...cars.cars, ...convoys.flatMap((c) => c.journeys)].sort(
    (a, b) => a.departure - b.departure,
  );
  const buses = new Set(convoys.flatMap((c) => c.journeys.map((j) => j.vehicle.id))).size;
  return {
    convoys,
    journeys,
    holds: shared.holds,
    separations: cars.separations,
    privateVehicles: cars.privateVehicles,
    buses,
    openWindowId: cars.openWindowId,
  };
}
