// Turns each journey's timeline and outcomes into events: departure, removals before the
// checkpoint (death, medevac), secondary screening and its outcome, the checkpoint passage (or,
// in hours when individuals could not be logged, nothing individual — see aggregate counts), the
// reception point's headcount and the arrival at the humanitarian centre.
import type { EventSink } from './event-sink.ts';
import { iso, timelineOf } from './journey-model.ts';
import type { HoldRecord, JourneyDraft, Route } from './journey-model.ts';
import type { Losses } from './outcomes.generator.ts';

/** What one journey's events need besides the journey. */
export interface JourneyEventContext {
  readonly sink: EventSink;
  readonly route: Route;
  readonly losses: Losses;
  readonly holdsByJourney: ReadonlyMap<string, readonly HoldRecord[]>;
  /** Detention case id per detained person. */
  readonly caseIds: ReadonlyMap<string, string>;
  readonly checkpointPartyId: string;
  /** Is the checkpoint logging individuals at this time? */
  readonly isLogged: (t: number) => boolean;
}

/** A vehicle's passage through the checkpoint, for aggregate counts of unlogged hours. */
export interface PassageRecord {
  readonly at: number;
  readonly headcount: number;
  readonly logged: boolean;
}

/** Who reached the humanitarian centre on one journey, and when. */
export interface ArrivalRecord {
  readonly journey: JourneyDraft;
  readonly at: number;
  readonly personIds: readonly string[];
}

function emitHolds(context: JourneyEventContext, journey: JourneyDraft, removed: Set<string>) {
  const { sink, route } = context;
  const base = {
    journeyId: journey.id,
    vehicleId: journey.vehicle.id,
    placeId: route.checkpoint.id,
  };
  for (const hold of context.holdsByJourney.get(journey.id) ?? []) {
    const who = { ...base, personId: hold.personId };
    sink.add(hold.heldAt, { type: 'held', ...who, screeningTypes: ['interview', 'face_capture'] });
    if (hold.outcome === 'released') sink.add(hold.decisionAt, { type: 'released', ...who });
    if (hold.outcome === 'turned_back') sink.add(hold.decisionAt, { type: 'turned_back', ...who });
    if (hold.outcome === 'detained') {
      const caseId = context.caseIds.get(hold.personId) ?? '';
      const partyId = context.checkpointPartyId;
      sink.add(hold.decisionAt, { type: 'detained', ...who, caseId, partyId });
    }
    if (hold.outcome !== 'released') removed.add(hold.personId);
  }
}

function emitRemovals(context: JourneyEventContext, journey: JourneyDraft, removed: Set<string>) {
  const { sink, route, losses } = context;
  const base = { journeyId: journey.id, vehicleId: journey.vehicle.id };
  for (const personId of journey.personIds) {
    const death = losses.deaths.get(personId);
    if (death !== undefined) {
      sink.add(death.at, {
        type: 'died_en_route',
        ...base,
        personId,
        nearPlaceId: route.checkpoint.id,
      });
      removed.add(personId);
    }
    const medevac = losses.medevacs.get(personId);
    if (medevac !== undefined) {
      const places = { fromPlaceId: route.checkpoint.id, toPlaceId: route.humanitarianCentre.id };
      sink.add(medevac.at, { type: 'medevac', ...base, personId, ...places });
      removed.add(personId);
    }
  }
}

function emitPassages(
  context: JourneyEventContext,
  journey: JourneyDraft,
  passed: readonly string[],
): PassageRecord {
  const { sink, route } = context;
  const timeline = timelineOf(journey);
  const logged = context.isLogged(timeline.screeningEnd);
  const common = {
    journeyId: journey.id,
    vehicleId: journey.vehicle.id,
    direction: 'outbound' as const,
    personIds: passed,
    headcount: passed.length,
  };
  if (logged) {
    sink.add(timeline.screeningEnd, {
      type: 'checkpoint_passage',
      ...common,
      placeId: route.checkpoint.id,
      queueInAt: iso(timeline.queueIn),
      screeningStartAt: iso(timeline.screeningStart),
      screeningEndAt: iso(timeline.screeningEnd),
      screeningTypes: journey.screeningTypes,
    });
  }
  sink.add(timeline.receptionEnd, {
    type: 'checkpoint_passage',
    ...common,
    placeId: route.receptionPoint.id,
    queueInAt: iso(timeline.receptionIn),
    screeningStartAt: iso(timeline.receptionStart),
    screeningEndAt: iso(timeline.receptionEnd),
    screeningTypes: ['headcount'],
  });
  return { at: timeline.screeningEnd, headcount: passed.length, logged };
}

/**
 * Emits one journey's events; returns its checkpoint passage (if anyone passed) and its
 * arrival (if it arrived).
 */
export function emitJourney(
  context: JourneyEventContext,
  journey: JourneyDraft,
): { passage?: PassageRecord; arrival?: ArrivalRecord } {
  const base = { journeyId: journey.id, vehicleId: journey.vehicle.id };
  context.sink.add(journey.departure, {
    type: 'departure',
    ...base,
    operationId: journey.operationId,
    placeId: journey.exitPostId,
    householdIds: journey.householdIds,
    personIds: journey.personIds,
    headcount: journey.personIds.length,
  });
  const removed = new Set<string>();
  emitRemovals(context, journey, removed);
  emitHolds(context, journey, removed);
  const passed = journey.personIds.filter((id) => !removed.has(id));
  // Nobody left aboard: the vehicle goes no further in the record.
  if (passed.length === 0) return {};
  const passage = emitPassages(context, journey, passed);
  if (context.losses.lostJourneys.has(journey.id)) return { passage };
  const arrived = passed.filter((id) => !context.losses.missing.has(id));
  const at = timelineOf(journey).arrival;
  context.sink.add(at, {
    type: 'arrival',
    ...base,
    placeId: context.route.humanitarianCentre.id,
    personIds: arrived,
    headcount: arrived.length,
  });
  return { passage, arrival: { journey, at, personIds: arrived } };
}
