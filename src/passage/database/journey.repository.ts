import type { JourneyState } from '../model/states.ts';
import type { Transition, TransitionEvent } from './transition.repository.ts';

/** One person's passage, or an unknown individual first seen at a checkpoint. */
export interface Journey {
  id: string;
  /** Pseudonym of a registered person; null for an unknown individual. */
  personRef: string | null;
  householdId: string | null;
  vehicleId: string | null;
  operationId: string | null;
  state: JourneyState;
  version: number;
  sex: string | null;
  ageBand: string | null;
  departedAt: string | null;
  firstCheckpointId: string | null;
  lastPlaceId: string | null;
  lastSeenAt: string | null;
  /** When the journey is overdue if it has not arrived (from the route's p95 transit time). */
  expectedBy: string | null;
  arrivedAt: string | null;
  registeredAt: string | null;
}

/** Columns a transition may set besides state and version; an absent key keeps its value. */
export type JourneyProgress = Partial<
  Pick<
    Journey,
    | 'vehicleId'
    | 'departedAt'
    | 'firstCheckpointId'
    | 'lastPlaceId'
    | 'lastSeenAt'
    | 'expectedBy'
    | 'arrivedAt'
    | 'registeredAt'
  >
>;

/** A journey's state change; passing a second checkpoint is `passed` → `passed`. */
export interface JourneyTransition extends Transition<JourneyState> {
  placeId: string | null;
  /** The sync item that carried it, if it came from a device. */
  sourceItemId: string | null;
  progress?: JourneyProgress;
}

/** One row of a journey's history. */
export interface JourneyEvent extends TransitionEvent<JourneyState> {
  placeId: string | null;
  sourceItemId: string | null;
}

/** Which journeys to reconcile: one operation, those departed on one UTC day, or all. */
export type ReconciliationScope =
  { readonly operationId: string } | { readonly day: string } | { readonly all: true };

/**
 * What the pure reconciliation reads per journey (model/reconciliation.ts's JourneySnapshot):
 * ids, state, grouping keys and the two times it compares, as Dates; no person data.
 */
export interface ReconciliationRow {
  id: string;
  state: JourneyState;
  vehicleId: string | null;
  operationId: string | null;
  firstCheckpointId: string | null;
  departedAt: Date | null;
  expectedBy: Date | null;
}

/** How many journeys in one state have one sex and age band (null: not recorded). */
export interface SexAgeStateCount {
  sex: string | null;
  ageBand: string | null;
  state: JourneyState;
  journeys: number;
}

/** A journey past its expected arrival. */
/** Where a page of overdue journeys ended: the last journey's expectedBy and id. */
export interface OverdueCursor {
  expectedBy: string;
  id: string;
}

export interface OverdueJourney {
  id: string;
  state: JourneyState;
  operationId: string | null;
  vehicleId: string | null;
  lastPlaceId: string | null;
  lastSeenAt: string | null;
  expectedBy: string;
}

/** What a household (or its family) may see of one journey: no person data, no ids. */
export interface JourneyStatus {
  state: JourneyState;
  lastPlaceId: string | null;
  lastSeenAt: string | null;
  arrivedAt: string | null;
}

/** States in which a journey is on the road, so a passed `expected_by` makes it overdue. */
export const EN_ROUTE_STATES: readonly JourneyState[] = ['boarded', 'passed', 'released'];

/** Listed journeys put on one vehicle of one operation (a convoy manifest). */
export interface VehicleAssignment {
  journeyIds: readonly string[];
  vehicleId: string;
  operationId: string;
}

/** Port for journeys and their history. */
export interface JourneyRepository {
  /** Stores journeys as given, at most 500 rows per statement; no history rows. */
  insertMany(journeys: readonly Journey[]): Promise<void>;
  get(id: string): Promise<Journey | undefined>;
  /** The journeys with these ids that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<Journey[]>;
  /** The journeys in a vehicle, ordered by id. */
  listForVehicle(vehicleId: string): Promise<Journey[]>;
  /**
   * Applies the transition and writes its history row; throws DomainError 'conflict' when the
   * journey is no longer at `expectedVersion` in `from`, 'not_found' if absent.
   */
  transition(transition: JourneyTransition): Promise<void>;
  /** transition() for each, history rows in multi-row statements; stops at the first failure. */
  transitionMany(transitions: readonly JourneyTransition[]): Promise<void>;
  /**
   * Sets vehicle and operation on journeys that are `listed` and on no vehicle, without a state
   * change, version bump or history row (boarding is the later transition). Throws DomainError
   * 'conflict' when any of them is not (anymore): run it in a transaction to change none then.
   */
  assignToVehicle(assignment: VehicleAssignment): Promise<void>;
  /** The journey's transitions, oldest first. */
  history(id: string): Promise<JourneyEvent[]>;
  /** The minimal rows the pure reconciliation reads, in no particular order. */
  listForReconciliation(scope: ReconciliationScope): Promise<ReconciliationRow[]>;
  /** Journeys counted by sex, age band and state (for the held-pattern test), in SQL. */
  countBySexAgeState(scope: ReconciliationScope): Promise<SexAgeStateCount[]>;
  /**
   * En-route journeys whose `expectedBy` is before `now`, most overdue first (then by id); with
   * `after`, only those that come after that journey in this order (the next page).
   */
  listOverdue(now: string, limit: number, after?: OverdueCursor): Promise<OverdueJourney[]>;
  /** Per journey of the household: state and last sighting, ordered by departure then id. */
  statusForHousehold(householdId: string): Promise<JourneyStatus[]>;
}
