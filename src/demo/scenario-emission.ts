// The generator's last steps: outcomes on the way (holds, deaths, medevacs, people who never
// arrive), then every event — journeys, aggregate counts for unlogged hours, registrations at
// arrival, tracing. Runs after scenario-steps.ts has moved everyone.
import {
  chooseUnloggedBlocks,
  emitAggregateCounts,
  isLoggedAt,
} from './aggregate-counts.generator.ts';
import type { UnloggedBlock } from './aggregate-counts.generator.ts';
import { EventSink } from './event-sink.ts';
import { followHeldCases } from './held-cases.generator.ts';
import { emitJourney } from './journey-events.generator.ts';
import type { ArrivalRecord, PassageRecord } from './journey-events.generator.ts';
import type { HoldRecord } from './journey-model.ts';
import { decideHolds, decideLosses } from './outcomes.generator.ts';
import type { Losses } from './outcomes.generator.ts';
import { registerArrivals } from './registrations.generator.ts';
import type { Movement, Population, World } from './scenario-steps.ts';
import { traceSeparated } from './tracing.generator.ts';
import type { TracingTotals } from './tracing.generator.ts';

/** The events and follow-up counts. */
export interface Emitted {
  readonly sink: EventSink;
  readonly losses: Losses;
  readonly arrivals: ArrivalRecord[];
  readonly registered: number;
  readonly tracing: TracingTotals;
  readonly aggregateHours: number;
}

function decideOutcomes(world: World, population: Population, movement: Movement): Losses {
  const { root, scale, d0 } = world;
  decideHolds(root.fork('hold-outcomes'), movement.holds, scale);
  const protectedJourneys = new Set(
    movement.separations.flatMap((s) => [s.familyJourney.id, s.soughtJourney.id]),
  );
  const held = new Set(movement.holds.map((h) => h.personId));
  const context = { rng: root.fork('losses'), scale, d0, people: population.people, held };
  return decideLosses({ ...context, protectedJourneys }, movement.journeys);
}

function emitJourneys(
  world: World,
  movement: Movement,
  emitted: { sink: EventSink; losses: Losses; blocks: readonly UnloggedBlock[] },
): { passages: PassageRecord[]; arrivals: ArrivalRecord[] } {
  const { sink, losses, blocks } = emitted;
  const holdsByJourney = new Map<string, HoldRecord[]>();
  for (const hold of movement.holds) {
    const list = holdsByJourney.get(hold.journey.id) ?? [];
    list.push(hold);
    holdsByJourney.set(hold.journey.id, list);
  }
  const context = {
    sink,
    route: world.gazetteer,
    losses,
    holdsByJourney,
    caseIds: followHeldCases(world.root.fork('held-cases'), sink, movement.holds),
    checkpointPartyId: world.gazetteer.partyB.id,
    isLogged: (t: number) => isLoggedAt(blocks, t),
  };
  const passages: PassageRecord[] = [];
  const arrivals: ArrivalRecord[] = [];
  for (const journey of movement.journeys) {
    const { passage, arrival } = emitJourney(context, journey);
    if (passage !== undefined) passages.push(passage);
    if (arrival !== undefined) arrivals.push(arrival);
  }
  return { passages, arrivals };
}

/** Outcomes, then every event: journeys, aggregate counts, registrations, tracing. */
export function emitAll(world: World, population: Population, movement: Movement): Emitted {
  const { root, d0, gazetteer } = world;
  const losses = decideOutcomes(world, population, movement);
  const sink = new EventSink();
  const blocks = chooseUnloggedBlocks(root.fork('unlogged'), d0);
  const { passages, arrivals } = emitJourneys(world, movement, { sink, losses, blocks });
  const aggregateHours = emitAggregateCounts(
    {
      rng: root.fork('aggregate'),
      sink,
      placeId: gazetteer.checkpoint.id,
      partyId: gazetteer.partyB.id,
    },
    blocks,
    passages,
  );
  const at = { sink, placeId: gazetteer.humanitarianCentre.id, people: population.people };
  const registered = registerArrivals({ ...at, rng: root.fork('registrations'), d0 }, arrivals);
  const tracing = traceSeparated(
    { ...at, rng: root.fork('tracing'), arrivals, holds: movement.holds, losses },
    movement.separations,
  );
  return { sink, losses, arrivals, registered, tracing, aggregateHours };
}
