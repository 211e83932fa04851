// What the event handlers remember while the scenario's events are loaded in time order: the
// journeys (second replay), the vault refs, which vehicles were seen, each trip's headcount at
// departure, and the state and version of every operation, held case and tracing request.
import type { HeldCaseState, OperationState, TracingState } from '../../passage/model/states.ts';
import type { Operation, Scenario, Vehicle } from '../scenario.types.ts';
import { JourneyBook } from './journey-book.ts';
import type { RouteFacts } from './journey-moves.ts';
import type { LoadPlan } from './load-plan.ts';
import type { PassageSignatures } from './passage-signatures.ts';
import type { LoadContext } from './sealed-write.ts';

/** A record's current state and version. */
export interface Versioned<S extends string> {
  state: S;
  version: number;
}

/** The handlers' shared state. */
export interface EventState {
  context: LoadContext;
  route: RouteFacts;
  book: JourneyBook;
  /** Scenario person id → the vault's person ref. */
  refs: ReadonlyMap<string, string>;
  vehicles: ReadonlyMap<string, Vehicle>;
  operationsById: ReadonlyMap<string, Operation>;
  partyNames: ReadonlyMap<string, string>;
  /** The device's signature of each checkpoint passage. */
  signatures: PassageSignatures;
  seenVehicles: Set<string>;
  /** Trip (scenario journey) id → people aboard at departure. */
  tripHeadcount: Map<string, number>;
  /** `${trip id} ${place id}` where someone aboard was taken aside. */
  secondary: Set<string>;
  operations: Map<string, Versioned<OperationState>>;
  heldCases: Map<string, Versioned<HeldCaseState>>;
  tracing: Map<string, Versioned<TracingState>>;
}

/**
 * Fresh handler state for loading `scenario` after its households: the journeys start again
 * from their listed rows.
 *
 * @example const state = eventState({ context, scenario, plan, refs, signatures });
 */
export function eventState(input: {
  context: LoadContext;
  scenario: Scenario;
  plan: LoadPlan;
  refs: ReadonlyMap<string, string>;
  signatures: PassageSignatures;
}): EventState {
  const { scenario, plan } = input;
  return {
    context: input.context,
    route: plan.route,
    book: new JourneyBook(plan.listed),
    refs: input.refs,
    vehicles: new Map(scenario.vehicles.map((vehicle) => [vehicle.id, vehicle])),
    operationsById: new Map(scenario.operations.map((operation) => [operation.id, operation])),
    partyNames: new Map(scenario.parties.map((party) => [party.id, party.name])),
    signatures: input.signatures,
    seenVehicles: new Set(),
    tripHeadcount: new Map(),
    secondary: new Set(),
    operations: new Map(),
    heldCases: new Map(),
    tracing: new Map(),
  };
}

/** The vault ref of a scenario person; every person is registered before any event. */
export function refOf(state: EventState, personId: string): string {
  const ref = state.refs.get(personId);
  if (ref === undefined) throw new RangeError(`person ${personId} was never registered`);
  return ref;
}
