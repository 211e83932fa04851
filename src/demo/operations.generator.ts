// Passage operations and their state changes (DOMAIN.md §5: proposed → agreed → scheduled →
// boarding → in_transit ⇄ halted → arrived → reconciling → closed). The open window for private
// cars runs the seven days and the trickle after; each bus convoy is its own operation.
import type { Convoy } from './convoys.generator.ts';
import type { EventSink } from './event-sink.ts';
import { DAY, HOUR, MINUTE, iso, timelineOf } from './journey-model.ts';
import type { Random } from './random.ts';
import type { Operation } from './scenario.types.ts';

/** What every operation shares. */
export interface OperationContext {
  readonly rng: Random;
  readonly sink: EventSink;
  readonly routePlaceIds: readonly string[];
  readonly agreedByPartyIds: readonly string[];
}

function emitLifecycle(
  context: OperationContext,
  operationId: string,
  times: { readonly proposed: number; readonly departure: number; readonly lastArrival: number },
): void {
  const { sink, rng } = context;
  const at = (t: number, state: Operation['finalState'], reason?: string): void => {
    sink.add(t, {
      type: 'operation_state',
      operationId,
      state,
      ...(reason === undefined ? {} : { reason }),
    });
  };
  const lead = times.departure - times.proposed;
  at(times.proposed, 'proposed');
  at(times.proposed + lead * 0.25, 'agreed');
  at(times.proposed + lead * 0.6, 'scheduled');
  at(times.departure - rng.between(30, 90) * MINUTE, 'boarding');
  at(times.departure, 'in_transit');
  at(times.lastArrival + MINUTE, 'arrived');
  at(times.lastArrival + rng.between(1, 2) * HOUR, 'reconciling');
}

/**
 * The open-window operation for private cars, with its state events; it closes after the
 * trickle and the registration tail (D16).
 */
export function openWindow(
  context: OperationContext,
  plan: {
    readonly id: string;
    readonly d0: number;
    readonly firstDeparture: number;
    readonly lastArrival: number;
  },
): Operation {
  emitLifecycle(context, plan.id, {
    proposed: plan.d0 - 3 * DAY,
    departure: plan.firstDeparture,
    lastArrival: plan.lastArrival,
  });
  const closedAt = Math.max(plan.lastArrival + DAY, plan.d0 + 16 * DAY);
  context.sink.add(closedAt, { type: 'operation_state', operationId: plan.id, state: 'closed' });
  return {
    id: plan.id,
    kind: 'open_window',
    name: 'Open window for private vehicles (D0–D6)',
    routePlaceIds: context.routePlaceIds,
    agreedByPartyIds: context.agreedByPartyIds,
    plannedStart: iso(plan.d0),
    plannedEnd: iso(plan.d0 + 7 * DAY),
    vehicleIds: [],
    finalState: 'closed',
  };
}

/** A convoy's operation, with its state events (one convoy is halted for a while). */
export function convoyOperation(context: OperationContext, convoy: Convoy): Operation {
  const lastArrival = Math.max(...convoy.journeys.map((j) => timelineOf(j).arrival));
  emitLifecycle(context, convoy.operationId, {
    proposed: convoy.planned - 30 * HOUR,
    departure: convoy.departure,
    lastArrival,
  });
  if (convoy.haltMs > 0) {
    const haltAt = convoy.departure + context.rng.between(40, 80) * MINUTE;
    const base = { type: 'operation_state' as const, operationId: convoy.operationId };
    context.sink.add(haltAt, { ...base, state: 'halted', reason: 'road_blocked' });
    context.sink.add(haltAt + convoy.haltMs, { ...base, state: 'in_transit' });
  }
  context.sink.add(lastArrival + context.rng.between(4, 8) * HOUR, {
    type: 'operation_state',
    operationId: convoy.operationId,
    state: 'closed',
  });
  return {
    id: convoy.operationId,
    kind: 'convoy',
    name: `Bus convoy ${convoy.index + 1}`,
    routePlaceIds: context.routePlaceIds,
    agreedByPartyIds: context.agreedByPartyIds,
    plannedStart: iso(convoy.planned),
    plannedEnd: iso(convoy.planned + 10 * HOUR),
    vehicleIds: convoy.journeys.map((j) => j.vehicle.id),
    finalState: 'closed',
  };
}
