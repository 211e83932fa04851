// Checks that a scenario is internally consistent: events in time order, every id resolving to
// something that exists, and every person's and journey's story possible (no arrival before
// departure, nobody passing a checkpoint after being detained, died, evacuated or turned back).
// Used by the generator's tests; a loader can run it on any scenario it is given.
import type {
  ArrivalEvent,
  ArrivalRegistrationEvent,
  CheckpointPassageEvent,
  DepartureEvent,
  DetainedEvent,
  HeldCaseUpdateEvent,
  OperationStateEvent,
  ScenarioEvent,
  TracingOpenedEvent,
  TracingResolvedEvent,
} from './scenario-events.types.ts';
import type { Scenario } from './scenario.types.ts';

// Allowed operation state changes (DOMAIN.md §5), as the scenario uses them.
const NEXT_OPERATION_STATE: Readonly<Record<string, readonly string[]>> = {
  '': ['proposed'],
  proposed: ['agreed'],
  agreed: ['scheduled'],
  scheduled: ['boarding'],
  boarding: ['in_transit'],
  in_transit: ['halted', 'arrived'],
  halted: ['in_transit'],
  arrived: ['reconciling'],
  reconciling: ['closed'],
  closed: [],
};

interface Ids {
  readonly people: ReadonlySet<string>;
  readonly households: ReadonlySet<string>;
  readonly vehicles: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
  readonly operations: ReadonlySet<string>;
  readonly parties: ReadonlySet<string>;
  readonly journeys: ReadonlyMap<string, Scenario['journeys'][number]>;
}

function idsOf(scenario: Scenario): Ids {
  return {
    people: new Set(scenario.households.flatMap((h) => h.members.map((m) => m.id))),
    households: new Set(scenario.households.map((h) => h.id)),
    vehicles: new Set(scenario.vehicles.map((v) => v.id)),
    places: new Set(scenario.places.map((p) => p.id)),
    operations: new Set(scenario.operations.map((o) => o.id)),
    parties: new Set(scenario.parties.map((p) => p.id)),
    journeys: new Map(scenario.journeys.map((j) => [j.id, j])),
  };
}

/** Ids an event refers to, by the collection they must exist in. */
function references(event: ScenarioEvent): [keyof Ids, string][] {
  const refs: [keyof Ids, string][] = [];
  const add = (kind: keyof Ids, ids: readonly (string | undefined)[]): void => {
    for (const id of ids) if (id !== undefined) refs.push([kind, id]);
  };
  const e: Partial<Record<string, unknown>> = { ...event };
  const text = (key: string): string | undefined => {
    const value = e[key];
    return typeof value === 'string' ? value : undefined;
  };
  const list = (key: string): string[] => {
    const value = e[key];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  };
  add('journeys', [text('journeyId')]);
  add('vehicles', [text('vehicleId')]);
  add('operations', [text('operationId')]);
  add('people', [
    text('personId'),
    text('requesterPersonId'),
    text('soughtPersonId'),
    ...list('personIds'),
  ]);
  add('households', [text('householdId'), ...list('householdIds')]);
  add('places', [text('placeId'), text('nearPlaceId'), text('fromPlaceId'), text('toPlaceId')]);
  add('parties', [text('partyId'), text('reportedByPartyId')]);
  return refs;
}

class Checker {
  readonly problems: string[] = [];
  readonly #gone = new Map<string, string>();
  readonly #departed = new Set<string>();
  readonly #arrived = new Map<string, Set<string>>();
  readonly #passed = new Map<string, readonly string[]>();
  readonly #opState = new Map<string, string>();
  readonly #cases = new Set<string>();
  readonly #requests = new Set<string>();

  fail(event: ScenarioEvent, message: string): void {
    if (this.problems.length < 50)
      this.problems.push(`${event.type} ${event.id} at ${event.at}: ${message}`);
  }

  #present(event: ScenarioEvent, personIds: readonly string[]): void {
    for (const id of personIds) {
      if (!this.#departed.has(id)) this.fail(event, `person ${id} has not departed`);
      const gone = this.#gone.get(id);
      if (gone !== undefined) this.fail(event, `person ${id} appears after ${gone}`);
    }
  }

  #subset(event: ScenarioEvent, personIds: readonly string[], of: readonly string[] | undefined) {
    const allowed = new Set(of ?? []);
    if (personIds.some((id) => !allowed.has(id))) this.fail(event, 'someone was not aboard');
  }

  departure(event: DepartureEvent): void {
    if (this.#passed.has(event.journeyId)) this.fail(event, 'journey departs twice');
    for (const id of event.personIds) {
      if (this.#departed.has(id)) this.fail(event, `person ${id} departs twice`);
      this.#departed.add(id);
    }
    this.#passed.set(event.journeyId, event.personIds);
    if (event.headcount !== event.personIds.length) this.fail(event, 'headcount');
  }

  passage(event: CheckpointPassageEvent | ArrivalEvent): void {
    this.#present(event, event.personIds);
    this.#subset(event, event.personIds, this.#passed.get(event.journeyId));
    this.#passed.set(event.journeyId, event.personIds);
    if (event.headcount !== event.personIds.length) this.fail(event, 'headcount');
    if (event.type === 'arrival') this.#arrived.set(event.journeyId, new Set(event.personIds));
    if (event.type === 'checkpoint_passage') {
      const order = [event.queueInAt, event.screeningStartAt, event.screeningEndAt, event.at];
      if (order.some((t, i) => i > 0 && t < (order[i - 1] ?? '')))
        this.fail(event, 'times out of order');
    }
  }

  person(event: ScenarioEvent & { personId: string }, removes: boolean): void {
    this.#present(event, [event.personId]);
    if (removes) this.#gone.set(event.personId, event.type);
  }

  registration(event: ArrivalRegistrationEvent): void {
    this.#subset(event, event.personIds, [...(this.#arrived.get(event.journeyId) ?? [])]);
  }

  operationState(event: OperationStateEvent): void {
    const from = this.#opState.get(event.operationId) ?? '';
    if (!(NEXT_OPERATION_STATE[from] ?? []).includes(event.state)) {
      this.fail(event, `${from} → ${event.state}`);
    }
    this.#opState.set(event.operationId, event.state);
  }

  heldCase(event: DetainedEvent | HeldCaseUpdateEvent): void {
    if (event.type === 'detained') this.#cases.add(event.caseId);
    else if (!this.#cases.has(event.caseId)) this.fail(event, 'unknown case');
  }

  tracing(event: TracingOpenedEvent | TracingResolvedEvent): void {
    if (event.type === 'tracing_opened') this.#requests.add(event.requestId);
    else if (!this.#requests.delete(event.requestId)) this.fail(event, 'request not open');
  }
}

function checkEvent(checker: Checker, event: ScenarioEvent): void {
  switch (event.type) {
    case 'departure':
      checker.departure(event);
      return;
    case 'checkpoint_passage':
    case 'arrival':
      checker.passage(event);
      return;
    case 'held':
    case 'released':
      checker.person(event, false);
      return;
    case 'detained':
      checker.person(event, true);
      checker.heldCase(event);
      return;
    case 'turned_back':
    case 'died_en_route':
    case 'medevac':
      checker.person(event, true);
      return;
    case 'held_case_update':
      checker.heldCase(event);
      return;
    case 'arrival_registration':
      checker.registration(event);
      return;
    case 'operation_state':
      checker.operationState(event);
      return;
    case 'tracing_opened':
    case 'tracing_resolved':
      checker.tracing(event);
      return;
    case 'aggregate_count':
    case 'welfare_contact':
      return;
  }
}

/**
 * Everything wrong with a scenario (at most 50 messages); empty when it is consistent.
 *
 * @example
 * assert.deepEqual(findScenarioViolations(generateScenario({ seed: 1, scale: 0.01 })), []);
 */
export function findScenarioViolations(scenario: Scenario): string[] {
  const ids = idsOf(scenario);
  const checker = new Checker();
  const seen = new Set<string>();
  let previous = '';
  for (const event of scenario.events) {
    if (event.at < previous) checker.fail(event, `before the previous event (${previous})`);
    previous = event.at;
    if (seen.has(event.id)) checker.fail(event, 'duplicate event id');
    seen.add(event.id);
    for (const [kind, id] of references(event)) {
      const known = kind === 'journeys' ? ids.journeys.has(id) : ids[kind].has(id);
      if (!known) checker.fail(event, `unknown ${kind} id ${id}`);
    }
    checkEvent(checker, event);
  }
  return checker.problems;
}
