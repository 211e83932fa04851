// The events about records other than journeys: passage operations (created when proposed,
// then moved through their state machine), tracing requests, aggregate counts for the hours a
// checkpoint could not be logged, and welfare contacts with the households that stay.
import type { Operation } from '../../passage/database/operation.repository.ts';
import { assertTransition as assertOperationTransition } from '../../passage/model/operation.machine.ts';
import type { TracingState } from '../../passage/model/states.ts';
import { assertTransition as assertTracingTransition } from '../../passage/model/tracing.machine.ts';
import type {
  AggregateCountEvent,
  OperationStateEvent,
  TracingOpenedEvent,
  TracingOutcome,
  TracingResolvedEvent,
  WelfareContactEvent,
} from '../scenario-events.types.ts';
import { OPERATION_KIND } from '../../passage/registry/operations/operation.service.ts';
import { PORTAL_ACTOR } from '../../passage/oversight/welfare/welfare-contact.service.ts';
import type { EventBatch } from './event-batch.ts';
import { refOf } from './event-state.ts';
import type { EventState } from './event-state.ts';

/** Sealed entry kinds of these records: the registry's, the field's and oversight's. */
export const RECORD_EVENT_KINDS = {
  operation: OPERATION_KIND,
  tracingOpened: 'tracing.opened',
  tracingTransition: 'tracing.transition',
  count: 'passage.count',
  welfareContactDone: 'welfare_contact.done',
} as const;

// The states a request passes through from `opened` to each outcome (tracing.machine.ts).
const TRACING_PATHS: Readonly<Record<TracingOutcome, readonly TracingState[]>> = {
  reunified: ['located_alive', 'contact_restored', 'reunification_requested', 'reunified'],
  contact_restored: ['located_alive', 'contact_restored'],
  located_deceased: ['located_deceased'],
  transferred_to_icrc: ['transferred_to_icrc'],
  closed_unresolved: ['closed_unresolved'],
};

function createOperation(state: EventState, batch: EventBatch, event: OperationStateEvent) {
  const source = state.operationsById.get(event.operationId);
  if (source === undefined) throw new RangeError(`unknown operation ${event.operationId}`);
  const operation: Operation = {
    id: source.id,
    kind: source.kind,
    name: source.name,
    state: 'proposed',
    stateReason: null,
    originPlaceId: source.routePlaceIds[0] ?? null,
    destinationPlaceId: source.routePlaceIds.at(-1) ?? null,
    windowStart: source.plannedStart,
    windowEnd: source.plannedEnd,
    version: 1,
    updatedAt: event.at,
  };
  state.operations.set(operation.id, { state: 'proposed', version: 1 });
  batch.writes.push((store) => store.operations.insert(operation));
  const agreedBy = source.agreedByPartyIds.map((id) => state.partyNames.get(id) ?? id);
  const { id, kind, name, originPlaceId, destinationPlaceId, windowStart, windowEnd } = operation;
  batch.entries.push({
    kind: RECORD_EVENT_KINDS.operation,
    id,
    version: 1,
    record: {
      id,
      kind,
      name,
      state: operation.state,
      originPlaceId,
      destinationPlaceId,
      windowStart,
      windowEnd,
      agreedBy,
      vehicleIds: source.vehicleIds,
      at: event.at,
      actor: state.context.actors.staff,
    },
  });
}

/** An operation is proposed (created) or moves to its next state. */
export function planOperationState(
  state: EventState,
  batch: EventBatch,
  event: OperationStateEvent,
): void {
  const current = state.operations.get(event.operationId);
  if (current === undefined) {
    if (event.state !== 'proposed') throw new RangeError(`operation ${event.operationId} unknown`);
    createOperation(state, batch, event);
    return;
  }
  const reason = event.reason ?? null;
  assertOperationTransition(current.state, event.state, {
    subjectId: event.operationId,
    reason: reason ?? undefined,
  });
  const transition = {
    id: event.operationId,
    from: current.state,
    to: event.state,
    expectedVersion: current.version,
    at: event.at,
    actor: state.context.actors.staff,
    reason,
  };
  batch.writes.push((store) => store.operations.transition(transition));
  state.operations.set(event.operationId, { state: event.state, version: current.version + 1 });
  const { from, to, at, actor } = transition;
  batch.entries.push({
    kind: RECORD_EVENT_KINDS.operation,
    id: event.operationId,
    version: current.version + 1,
    record: { from, to, reason, at, actor },
  });
}

/** A family asks the tracing desk to find a member. */
export function planTracingOpened(
  state: EventState,
  batch: EventBatch,
  event: TracingOpenedEvent,
): void {
  const request = {
    id: event.requestId,
    soughtPersonRef: refOf(state, event.soughtPersonId),
    requesterRef: refOf(state, event.requesterPersonId),
    householdId: event.householdId,
    state: 'opened' as const,
    openedAt: event.at,
    updatedAt: event.at,
    version: 1,
  };
  state.tracing.set(request.id, { state: 'opened', version: 1 });
  batch.writes.push((store) => store.tracing.insert(request));
  const id = request.id;
  batch.entries.push({
    kind: RECORD_EVENT_KINDS.tracingOpened,
    id,
    version: 1,
    record: { ...request, actor: state.context.actors.staff },
  });
}

/** A tracing request reaches its outcome, one sealed version per state on the way. */
export function planTracingResolved(
  state: EventState,
  batch: EventBatch,
  event: TracingResolvedEvent,
): void {
  const current = state.tracing.get(event.requestId);
  if (current === undefined) throw new RangeError(`unknown tracing request ${event.requestId}`);
  let { state: from, version } = current;
  for (const to of TRACING_PATHS[event.outcome]) {
    assertTracingTransition(from, to, { subjectId: event.requestId });
    const transition = {
      id: event.requestId,
      from,
      to,
      expectedVersion: version,
      at: event.at,
      actor: state.context.actors.staff,
    };
    batch.writes.push((store) => store.tracing.transition(transition));
    version += 1;
    batch.entries.push({
      kind: RECORD_EVENT_KINDS.tracingTransition,
      id: event.requestId,
      version,
      record: {
        tracingRequestId: event.requestId,
        from,
        to,
        version,
        at: event.at,
        actor: transition.actor,
      },
    });
    from = to;
  }
  state.tracing.set(event.requestId, { state: from, version });
}

/** People and vehicles counted over an hour no passage could be logged in. */
export function planAggregateCount(
  state: EventState,
  batch: EventBatch,
  event: AggregateCountEvent,
): void {
  const { actors } = state.context;
  const count = {
    id: event.id,
    checkpointId: event.placeId,
    intervalStart: event.periodStart,
    intervalEnd: event.periodEnd,
    direction: 'out' as const,
    people: event.people,
    vehicles: event.vehicles,
    bySexAge: null,
    method: event.method,
    sourceGrade: event.sourceGrade,
    recordedBy: event.method === 'tally' ? actors.device : actors.staff,
    recordedAt: event.at,
  };
  batch.writes.push((store) => store.counts.insert(count));
  const reportedBy =
    event.reportedByPartyId === undefined
      ? null
      : (state.partyNames.get(event.reportedByPartyId) ?? null);
  batch.entries.push({
    kind: RECORD_EVENT_KINDS.count,
    id: count.id,
    version: 1,
    record: { ...count, reportedBy },
  });
}

/**
 * A welfare contact that happened is recorded done. One that was missed is left scheduled:
 * noticing it is the oversight scan's job (it marks it missed and raises the alert).
 */
export function planWelfareContact(
  state: EventState,
  batch: EventBatch,
  event: WelfareContactEvent,
): void {
  if (event.state === 'missed') return;
  const mode = event.channel === 'monitor_visit' ? 'visit' : 'check_in';
  const doneBy = mode === 'visit' ? state.context.actors.device : PORTAL_ACTOR;
  const change = {
    id: event.id,
    from: 'scheduled' as const,
    to: 'done' as const,
    doneAt: event.at,
    doneBy,
  };
  batch.writes.push((store) => store.welfareContacts.changeState(change));
  batch.entries.push({
    kind: RECORD_EVENT_KINDS.welfareContactDone,
    id: event.id,
    version: 2,
    record: { householdId: event.householdId, state: 'done', mode, by: doneBy, at: event.at },
  });
}
