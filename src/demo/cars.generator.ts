// Private cars in the open window: journeys from packed loads and departure times, then the drive
// to the checkpoint, the queue, screening and the way on to the humanitarian centre.
import { afterCheckpoint, congestionAt, roadTime, screenVehicle } from './crossing.simulation.ts';
import type { CheckpointEntrance } from './crossing.simulation.ts';
import type { HoldRecord, JourneyDraft, PersonInfo } from './journey-model.ts';
import type { Random } from './random.ts';
import type { Place } from './scenario.types.ts';
import type { CarLoad } from './vehicles.generator.ts';

/** What the car steps need. */
export interface CarContext {
  readonly rng: Random;
  readonly scale: number;
  readonly operationId: string;
  readonly settlements: ReadonlyMap<string, Place>;
  readonly people: ReadonlyMap<string, PersonInfo>;
}

/**
 * One journey per car load, leaving at the given times, sorted by departure.
 *
 * @example
 * const journeys = carJourneys(context, loads, times);
 */
export function carJourneys(
  context: CarContext,
  loads: readonly CarLoad[],
  times: readonly number[],
): JourneyDraft[] {
  const journeys = loads.map((load, i): JourneyDraft => {
    const householdIds = new Set<string>();
    for (const id of load.personIds) {
      const info = context.people.get(id);
      if (info !== undefined) householdIds.add(info.household.id);
    }
    return {
      id: context.rng.uuid(),
      operationId: context.operationId,
      vehicle: load.vehicle,
      settlementId: load.settlementId,
      exitPostId: context.settlements.get(load.settlementId)?.exitPostId ?? '',
      departure: times[i] ?? 0,
      personIds: [...load.personIds],
      householdIds: [...householdIds],
      haltMs: 0,
      timeline: null,
      screeningTypes: [],
    };
  });
  return journeys.sort((a, b) => a.departure - b.departure);
}

/**
 * Drives every car (sorted by departure) through the road, the checkpoint queue and onwards;
 * fills in the timelines and appends secondary-screening holds to `holds`.
 */
export function runCars(
  context: CarContext & {
    readonly entrance: CheckpointEntrance;
    readonly held: ReadonlySet<string>;
    readonly holds: HoldRecord[];
  },
  journeys: readonly JourneyDraft[],
): void {
  const { rng } = context;
  const congestion = congestionAt(
    journeys.map((j) => j.departure),
    context.scale,
  );
  const queued = journeys.map((journey, i) => {
    const c = congestion[i] ?? 0;
    return { journey, c, queueIn: journey.departure + roadTime(rng, c, 'car') };
  });
  queued.sort((a, b) => a.queueIn - b.queueIn);
  const starts = context.entrance.admitCars(
    rng,
    queued.map((q) => q.queueIn),
  );
  queued.forEach(({ journey, c, queueIn }, i) => {
    const start = starts[i] ?? queueIn;
    const screening = screenVehicle(rng, journey, start, context);
    for (const hold of screening.holds) {
      context.holds.push({ ...hold, journey, outcome: 'released' });
    }
    journey.screeningTypes = screening.types;
    journey.timeline = {
      congestion: c,
      queueIn,
      screeningStart: start,
      screeningEnd: screening.end,
      ...afterCheckpoint(rng, c, screening.end, 'car'),
    };
  });
}
