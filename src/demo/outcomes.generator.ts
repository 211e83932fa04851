// What becomes of people on the way: who is taken aside at the checkpoint and what follows
// (released, turned back, detained: about ten detentions, DOMAIN.md §7), who dies in the queue,
// who is evacuated by ambulance, and who never arrives (whole cars that never reach the
// humanitarian centre, and people missing from a car's headcount on arrival) — these last must
// exist so that reconciliation has someone to list.
import { isScreenedMan } from './crossing.simulation.ts';
import { DAY, timelineOf } from './journey-model.ts';
import type { HoldRecord, JourneyDraft, PersonInfo } from './journey-model.ts';
import type { Random } from './random.ts';

/** A removal from a vehicle before the checkpoint. */
export interface Removal {
  readonly journey: JourneyDraft;
  readonly at: number;
}

/** Deaths, medical evacuations and people who never arrive. */
export interface Losses {
  readonly deaths: ReadonlyMap<string, Removal>;
  readonly medevacs: ReadonlyMap<string, Removal>;
  /** Journeys that pass the checkpoint but never reach the humanitarian centre. */
  readonly lostJourneys: ReadonlySet<string>;
  /** People absent from their vehicle's headcount on arrival. */
  readonly missing: ReadonlySet<string>;
}

/** At least one, else about `perScaleOne` × scale (rounded). */
export function atLeastOne(perScaleOne: number, scale: number): number {
  return Math.max(1, Math.round(perScaleOne * scale));
}

/**
 * Who is taken aside for secondary screening: 1–5% of men 18–45 (3% here) and a few older men.
 * At tiny scales a minimum keeps every outcome represented.
 */
export function selectHeld(rng: Random, people: readonly PersonInfo[]): Set<string> {
  const held = new Set<string>();
  const men = people.filter(isScreenedMan);
  for (const info of people) {
    const older = info.person.identity.sex === 'male' && info.age > 45 && info.age <= 70;
    if (isScreenedMan(info) ? rng.chance(0.03) : older && rng.chance(0.004)) {
      held.add(info.person.id);
    }
  }
  while (held.size < Math.min(4, men.length)) held.add(rng.pick(men).person.id);
  return held;
}

/** Sets each hold's outcome: about 10 detained and 15–30 turned back at scale 1, the rest released. */
export function decideHolds(rng: Random, holds: readonly HoldRecord[], scale: number): void {
  const order = rng.shuffle([...holds]);
  const detained = Math.min(atLeastOne(rng.int(8, 12), scale), Math.max(0, order.length - 1));
  const turnedBack = Math.min(
    atLeastOne(rng.int(15, 30), scale),
    Math.max(0, order.length - 1 - detained),
  );
  order.forEach((hold, i) => {
    hold.outcome =
      i < detained ? 'detained' : i < detained + turnedBack ? 'turned_back' : 'released';
  });
}

interface LossContext {
  readonly rng: Random;
  readonly scale: number;
  readonly d0: number;
  readonly people: ReadonlyMap<string, PersonInfo>;
  readonly held: ReadonlySet<string>;
  /** Journeys involved in a separation: kept simple by leaving them out of losses. */
  readonly protectedJourneys: ReadonlySet<string>;
}

function pickRemovals(
  context: LossContext,
  candidates: readonly { personId: string; journey: JourneyDraft }[],
  count: number,
  used: Set<string>,
): Map<string, Removal> {
  const chosen = new Map<string, Removal>();
  for (const { personId, journey } of context.rng.shuffle([...candidates])) {
    if (chosen.size >= count) break;
    // One removal per vehicle, so that someone is always left to drive on.
    if (used.has(journey.id) || journey.personIds.length < 2) continue;
    used.add(journey.id);
    const timeline = timelineOf(journey);
    const at =
      journey.departure +
      context.rng.between(0.1, 0.95) * (timeline.screeningStart - journey.departure);
    chosen.set(personId, { journey, at });
  }
  return chosen;
}

/**
 * Picks deaths in the queue, medical evacuations, cars that never arrive and people missing on
 * arrival among the peak days' car journeys.
 */
export function decideLosses(context: LossContext, journeys: readonly JourneyDraft[]): Losses {
  const { rng, scale, d0 } = context;
  const peak = journeys.filter(
    (j) =>
      j.vehicle.kind === 'car' &&
      !context.protectedJourneys.has(j.id) &&
      j.departure >= d0 + DAY &&
      j.departure < d0 + 6 * DAY,
  );
  const aboard = peak.flatMap((journey) =>
    journey.personIds
      .filter((personId) => !context.held.has(personId))
      .map((personId) => ({ personId, journey, info: context.people.get(personId) })),
  );
  // Vehicles with someone taken aside keep their people: nobody else is removed from them.
  const used = new Set(
    journeys.filter((j) => j.personIds.some((p) => context.held.has(p))).map((j) => j.id),
  );
  const elderly = aboard.filter((a) => (a.info?.age ?? 0) >= 70);
  const deaths = pickRemovals(context, elderly, atLeastOne(rng.int(4, 10), scale), used);
  const fragile = aboard.filter((a) => {
    const flags = a.info?.person.flags;
    return (a.info?.age ?? 0) >= 65 || flags?.pregnant === true || flags?.disability === true;
  });
  const medevacs = pickRemovals(context, fragile, atLeastOne(rng.int(20, 40), scale), used);
  const lostJourneys = new Set<string>();
  const lostCount = atLeastOne(rng.int(2, 4), scale);
  for (const journey of rng.shuffle([...peak])) {
    if (lostJourneys.size >= lostCount) break;
    if (!used.has(journey.id)) {
      lostJourneys.add(journey.id);
      used.add(journey.id);
    }
  }
  const adults = aboard.filter((a) => (a.info?.age ?? 0) >= 18 && (a.info?.age ?? 0) < 65);
  const missing = new Set(
    pickRemovals(context, adults, atLeastOne(rng.int(8, 15), scale), used).keys(),
  );
  return { deaths, medevacs, lostJourneys, missing };
}
