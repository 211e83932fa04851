// The events of one person on the road: taken aside for secondary screening, released, turned
// back, detained (a held case opens, and a critical alert is raised as the field does), died on
// the road, evacuated for care; and a held case's later states (DOMAIN.md §5).
import type { HeldCase } from '../../passage/database/held-case.repository.ts';
import { heldPerson } from '../../passage/model/alert-rules.ts';
import { assertTransition as assertHeldCaseTransition } from '../../passage/model/held-case.machine.ts';
import type {
  DetainedEvent,
  DiedEnRouteEvent,
  HeldCaseUpdateEvent,
  HeldEvent,
  MedevacEvent,
  ReleasedEvent,
  TurnedBackEvent,
} from '../scenario-events.types.ts';
import type { EventBatch } from './event-batch.ts';
import { refOf } from './event-state.ts';
import type { EventState } from './event-state.ts';
import { stepsOf } from './journey-book.ts';
import { moveJourneys } from './vehicle-events.ts';

/** Sealed entry kinds of the person events (the field's). */
export const PERSON_EVENT_KINDS = {
  journeyEvent: 'journey.event',
  heldCaseReported: 'held_case.reported',
  heldCaseTransition: 'held_case.transition',
} as const;

/** Any event about one person on a journey. */
export type PersonEvent =
  HeldEvent | ReleasedEvent | TurnedBackEvent | DetainedEvent | DiedEnRouteEvent | MedevacEvent;

function placeOf(event: PersonEvent): string {
  switch (event.type) {
    case 'died_en_route':
      return event.nearPlaceId;
    case 'medevac':
      return event.fromPlaceId;
    case 'held':
    case 'released':
    case 'turned_back':
    case 'detained':
      return event.placeId;
  }
}

/** One person's journey moves on (held, released, turned back, detained, died, medevac). */
export function planPersonEvent(state: EventState, batch: EventBatch, event: PersonEvent): void {
  const rows = moveJourneys(state, batch, event);
  const journeyId = rows[0]?.journey_id ?? null;
  if (event.type === 'held') state.secondary.add(`${event.journeyId} ${event.placeId}`);
  const heldCaseId = event.type === 'detained' ? event.caseId : null;
  batch.entries.push({
    kind: PERSON_EVENT_KINDS.journeyEvent,
    id: event.id,
    version: 1,
    record: {
      journeyId,
      steps: stepsOf(rows),
      at: event.at,
      placeId: placeOf(event),
      heldCaseId,
      arrivalId: null,
    },
  });
  if (event.type === 'detained' && journeyId !== null)
    openHeldCase(state, batch, { event, journeyId });
}

function openHeldCase(
  state: EventState,
  batch: EventBatch,
  input: { event: DetainedEvent; journeyId: string },
): void {
  const { event, journeyId } = input;
  const heldCase: HeldCase = {
    id: event.caseId,
    journeyId,
    personRef: refOf(state, event.personId),
    state: 'reported',
    placeId: event.placeId,
    heldBy: state.partyNames.get(event.partyId) ?? event.partyId,
    reportedAt: event.at,
    updatedAt: event.at,
    icrcNotifiedAt: null,
    version: 1,
  };
  state.heldCases.set(heldCase.id, { state: 'reported', version: 1 });
  batch.writes.push((store) => store.heldCases.insert(heldCase));
  const id = heldCase.id;
  batch.entries.push({
    kind: PERSON_EVENT_KINDS.heldCaseReported,
    id,
    version: 1,
    record: { ...heldCase, deviceId: state.context.actors.device },
  });
  const alert = heldPerson({
    journeyId,
    state: 'detained',
    checkpointId: event.placeId,
    at: new Date(event.at),
  });
  if (alert !== undefined) batch.alerts.push({ candidate: alert, at: event.at });
}

/** A held case moves on (confirmed held, location known, ICRC access, whereabouts unknown). */
export function planHeldCaseUpdate(
  state: EventState,
  batch: EventBatch,
  event: HeldCaseUpdateEvent,
): void {
  const current = state.heldCases.get(event.caseId);
  if (current === undefined) throw new RangeError(`unknown held case ${event.caseId}`);
  assertHeldCaseTransition(current.state, event.state, { subjectId: event.caseId });
  const transition = {
    id: event.caseId,
    from: current.state,
    to: event.state,
    expectedVersion: current.version,
    at: event.at,
    actor: state.context.actors.staff,
    ...(event.state === 'icrc_access' ? { progress: { icrcNotifiedAt: event.at } } : {}),
  };
  batch.writes.push((store) => store.heldCases.transition(transition));
  state.heldCases.set(event.caseId, { state: event.state, version: current.version + 1 });
  batch.entries.push({
    kind: PERSON_EVENT_KINDS.heldCaseTransition,
    id: event.caseId,
    version: current.version + 1,
    record: {
      heldCaseId: event.caseId,
      from: current.state,
      to: event.state,
      version: current.version + 1,
      at: event.at,
      actor: transition.actor,
      ...transition.progress,
    },
  });
}
