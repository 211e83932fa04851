// Bus convoys: about 90 buses of 40–50 seats carry 10–15% of the people, mostly over the last
// days (DOMAIN.md §7). 90 buses carry that many only by turning round, so each bus makes several
// trips; a convoy is one passage operation whose buses leave together once enough of them are
// back. One convoy is halted on the way for a while (the state machine's in_transit ⇄ halted).
import { afterCheckpoint, roadTime, screenVehicle } from './crossing.simulation.ts';
import type { CheckpointEntrance } from './crossing.simulation.ts';
import { DAY, HOUR, MINUTE } from './journey-model.ts';
import type { HoldRecord, JourneyDraft, PersonInfo } from './journey-model.ts';
import type { Random } from './random.ts';
import type { Household, Vehicle } from './scenario.types.ts';

/** Planned convoys: [day from D0, hour, share of bus passengers]. */
export const CONVOY_SLOTS: readonly (readonly [number, number, number])[] = [
  [3, 10, 0.08],
  [4, 4, 0.11],
  [4, 10, 0.11],
  [4, 16, 0.11],
  [4, 22, 0.11],
  [5, 4, 0.11],
  [5, 10, 0.11],
  [5, 16, 0.11],
  [5, 22, 0.11],
  [6, 8, 0.04],
];

/** The index of the convoy that is halted on the way. */
export const HALTED_CONVOY = 2;

/** One convoy as generated. */
export interface Convoy {
  readonly operationId: string;
  readonly index: number;
  readonly planned: number;
  readonly departure: number;
  readonly haltMs: number;
  readonly journeys: readonly JourneyDraft[];
}

/** What the convoy planner needs. */
export interface ConvoyContext {
  readonly rng: Random;
  readonly d0: number;
  readonly buses: readonly Vehicle[];
  readonly settlementId: string;
  readonly exitPostId: string;
  readonly entrance: CheckpointEntrance;
  readonly people: ReadonlyMap<string, PersonInfo>;
  readonly held: ReadonlySet<string>;
  readonly holds: HoldRecord[];
}

function splitByShare(households: readonly Household[], slots: number): Household[][] {
  const total = households.reduce((n, h) => n + h.members.length, 0);
  const shares = CONVOY_SLOTS.slice(0, slots).map((slot) => slot[2]);
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const groups: Household[][] = shares.map(() => []);
  let seen = 0;
  let index = 0;
  let bound = ((shares[0] ?? 1) / shareSum) * total;
  for (const household of households) {
    while (index < groups.length - 1 && seen >= bound)
      bound += ((shares[++index] ?? 0) / shareSum) * total;
    groups[index]?.push(household);
    seen += household.members.length;
  }
  return groups;
}

interface BusLoad {
  readonly bus: Vehicle;
  readonly personIds: string[];
  readonly householdIds: string[];
}

/** Fills buses (earliest back first) with whole households while they fit. */
function board(rng: Random, households: readonly Household[], buses: readonly Vehicle[]) {
  const loads: BusLoad[] = [];
  let next = 0;
  for (const bus of buses) {
    if (next >= households.length) break;
    const capacity = bus.seats + rng.int(0, 4); // small children ride on laps
    const load: BusLoad = { bus, personIds: [], householdIds: [] };
    for (let h = households[next]; h !== undefined; h = households[next]) {
      const fits = load.personIds.length + h.members.length <= capacity;
      // A household larger than a bus (never at these sizes) would still board an empty one.
      if (!fits && load.personIds.length > 0) break;
      load.personIds.push(...h.members.map((m) => m.id));
      load.householdIds.push(h.id);
      next++;
    }
    loads.push(load);
  }
  return { loads, left: households.slice(next) };
}

function tripTimeline(context: ConvoyContext, journey: JourneyDraft, roadMs: number): number {
  const { rng } = context;
  const queueIn = journey.departure + roadMs;
  const start = context.entrance.reserveBus(rng, queueIn);
  const screening = screenVehicle(rng, journey, start, context);
  for (const hold of screening.holds) context.holds.push({ ...hold, journey, outcome: 'released' });
  const after = afterCheckpoint(rng, 0, screening.end, 'bus');
  journey.timeline = {
    congestion: 0,
    queueIn,
    screeningStart: start,
    screeningEnd: screening.end,
    ...after,
  };
  journey.screeningTypes = screening.types;
  // Unload, then drive back empty for the next trip.
  return after.arrival + rng.between(0.5, 1) * HOUR + rng.between(3, 4) * HOUR;
}

function plannedTime(d0: number, index: number): number {
  const last = CONVOY_SLOTS[CONVOY_SLOTS.length - 1] ?? [6, 8, 0];
  const slot = CONVOY_SLOTS[index];
  // Convoys beyond the plan (people still waiting) follow every six hours.
  if (slot === undefined)
    return d0 + last[0] * DAY + (last[1] + 6 * (index - CONVOY_SLOTS.length + 1)) * HOUR;
  return d0 + slot[0] * DAY + slot[1] * HOUR;
}

/**
 * Plans and runs the convoys in time order; returns them with their bus journeys (timelines
 * filled in, bus slots reserved at the checkpoint). Households that find no seat wait for the
 * next convoy; extra convoys follow until everyone has left.
 */
export function runConvoys(context: ConvoyContext, households: readonly Household[]): Convoy[] {
  const { rng, d0 } = context;
  const groups = splitByShare(rng.shuffle([...households]), CONVOY_SLOTS.length);
  const freeAt = new Map(context.buses.map((bus) => [bus.id, Number.NEGATIVE_INFINITY]));
  const convoys: Convoy[] = [];
  let waiting: Household[] = [];
  for (let index = 0; index < groups.length || waiting.length > 0; index++) {
    const planned = plannedTime(d0, index);
    const byReturn = [...context.buses].sort(
      (a, b) => (freeAt.get(a.id) ?? 0) - (freeAt.get(b.id) ?? 0),
    );
    const { loads, left } = board(rng, [...waiting, ...(groups[index] ?? [])], byReturn);
    waiting = left;
    if (loads.length === 0) continue;
    const ready = Math.max(planned, ...loads.map((l) => freeAt.get(l.bus.id) ?? planned));
    const haltMs = index === HALTED_CONVOY ? rng.between(2, 3) * HOUR : 0;
    const roadMs = roadTime(rng, 0, 'bus') + haltMs;
    const operationId = rng.uuid();
    const journeys = loads.map((load, order): JourneyDraft => {
      const journey: JourneyDraft = {
        id: rng.uuid(),
        operationId,
        vehicle: load.bus,
        settlementId: context.settlementId,
        exitPostId: context.exitPostId,
        departure: ready + order * 0.5 * MINUTE,
        personIds: load.personIds,
        householdIds: load.householdIds,
        haltMs,
        timeline: null,
        screeningTypes: [],
      };
      freeAt.set(load.bus.id, tripTimeline(context, journey, roadMs + order * 0.5 * MINUTE));
      return journey;
    });
    convoys.push({ operationId, index, planned, departure: ready, haltMs, journeys });
  }
  return convoys;
}
