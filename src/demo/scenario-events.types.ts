// The scenario's events, a discriminated union on `type`, in the order the world produced them.
// Every id refers to a household, person, vehicle, journey, operation or place of the scenario.
import type { HeldCaseState, OperationState } from '../passage/model/states.ts';
import type { IsoTime } from './scenario.types.ts';

/** Fields every event has. */
interface EventBase {
  /** A reproducible UUID (usable as a client-generated id for exactly-once loading). */
  readonly id: string;
  readonly at: IsoTime;
}

/** An operation moved to a new state (DOMAIN.md §5 passage operation). */
export interface OperationStateEvent extends EventBase {
  readonly type: 'operation_state';
  readonly operationId: string;
  readonly state: OperationState;
  readonly reason?: string;
}

/** A vehicle left its exit post with these people aboard. */
export interface DepartureEvent extends EventBase {
  readonly type: 'departure';
  readonly journeyId: string;
  readonly operationId: string;
  readonly vehicleId: string;
  readonly placeId: string;
  readonly householdIds: readonly string[];
  readonly personIds: readonly string[];
  readonly headcount: number;
}

/** Screening practices recorded at a checkpoint. */
export type ScreeningType =
  'document_check' | 'face_capture' | 'vehicle_search' | 'interview' | 'headcount';

/** A vehicle passed a checkpoint (logged individually). `at` is the end of screening. */
export interface CheckpointPassageEvent extends EventBase {
  readonly type: 'checkpoint_passage';
  readonly journeyId: string;
  readonly vehicleId: string;
  readonly placeId: string;
  readonly direction: 'outbound';
  readonly queueInAt: IsoTime;
  readonly screeningStartAt: IsoTime;
  readonly screeningEndAt: IsoTime;
  readonly screeningTypes: readonly ScreeningType[];
  /** Who passed on with the vehicle (the held-and-not-released are not among them). */
  readonly personIds: readonly string[];
  readonly headcount: number;
}

/** Fields of the events about one person on one journey. */
interface PersonOnJourney extends EventBase {
  readonly journeyId: string;
  readonly vehicleId: string;
  readonly personId: string;
}

/** A person was taken aside for secondary screening. */
export interface HeldEvent extends PersonOnJourney {
  readonly type: 'held';
  readonly placeId: string;
  readonly screeningTypes: readonly ScreeningType[];
}

/** A held person was let go and rejoined the vehicle. */
export interface ReleasedEvent extends PersonOnJourney {
  readonly type: 'released';
  readonly placeId: string;
}

/** A held person was sent back; the vehicle went on without them. */
export interface TurnedBackEvent extends PersonOnJourney {
  readonly type: 'turned_back';
  readonly placeId: string;
}

/** A held person was detained by the party controlling the checkpoint: a held case opens. */
export interface DetainedEvent extends PersonOnJourney {
  readonly type: 'detained';
  readonly placeId: string;
  readonly caseId: string;
  readonly partyId: string;
}

/** A held-person case moved on (DOMAIN.md §5 held person case). */
export interface HeldCaseUpdateEvent extends EventBase {
  readonly type: 'held_case_update';
  readonly caseId: string;
  readonly personId: string;
  readonly state: HeldCaseState;
}

/** A person died on the road or in the queue. */
export interface DiedEnRouteEvent extends PersonOnJourney {
  readonly type: 'died_en_route';
  /** The next place on the route (the death happened before it). */
  readonly nearPlaceId: string;
}

/** A person was taken out of the queue by ambulance. */
export interface MedevacEvent extends PersonOnJourney {
  readonly type: 'medevac';
  readonly fromPlaceId: string;
  readonly toPlaceId: string;
}

/** A vehicle reached the humanitarian centre with these people aboard. */
export interface ArrivalEvent extends EventBase {
  readonly type: 'arrival';
  readonly journeyId: string;
  readonly vehicleId: string;
  readonly placeId: string;
  readonly personIds: readonly string[];
  readonly headcount: number;
}

/** The host authority registered the arrived part of a household. */
export interface ArrivalRegistrationEvent extends EventBase {
  readonly type: 'arrival_registration';
  readonly householdId: string;
  readonly journeyId: string;
  readonly placeId: string;
  readonly personIds: readonly string[];
}

/** A family asked the tracing desk to find a member. */
export interface TracingOpenedEvent extends EventBase {
  readonly type: 'tracing_opened';
  readonly requestId: string;
  readonly householdId: string;
  readonly requesterPersonId: string;
  readonly soughtPersonId: string;
  readonly placeId: string;
}

/** How a tracing request ended (a terminal or resting state of DOMAIN.md §5). */
export type TracingOutcome =
  | 'reunified'
  | 'contact_restored'
  | 'located_deceased'
  | 'transferred_to_icrc'
  | 'closed_unresolved';

/** A tracing request reached its outcome. */
export interface TracingResolvedEvent extends EventBase {
  readonly type: 'tracing_resolved';
  readonly requestId: string;
  readonly outcome: TracingOutcome;
}

/** How an aggregate count was obtained. */
export type CountMethod = 'tally' | 'party_report';

/** A count for a period when individual passages could not be logged. `at` = periodEnd. */
export interface AggregateCountEvent extends EventBase {
  readonly type: 'aggregate_count';
  readonly placeId: string;
  readonly periodStart: IsoTime;
  readonly periodEnd: IsoTime;
  readonly direction: 'outbound';
  readonly vehicles: number;
  readonly people: number;
  readonly method: CountMethod;
  /** Admiralty grade of the source (DOMAIN.md §2), e.g. 'A2' or 'C3'. */
  readonly sourceGrade: string;
  /** The party that reported the count (party_report only). */
  readonly reportedByPartyId?: string;
}

/** A scheduled welfare contact with a household that stays, and whether it happened. */
export interface WelfareContactEvent extends EventBase {
  readonly type: 'welfare_contact';
  readonly householdId: string;
  readonly channel: 'monitor_visit' | 'portal_check_in';
  readonly state: 'done' | 'missed';
}

/** Any scenario event. */
export type ScenarioEvent =
  | OperationStateEvent
  | DepartureEvent
  | CheckpointPassageEvent
  | HeldEvent
  | ReleasedEvent
  | TurnedBackEvent
  | DetainedEvent
  | HeldCaseUpdateEvent
  | DiedEnRouteEvent
  | MedevacEvent
  | ArrivalEvent
  | ArrivalRegistrationEvent
  | TracingOpenedEvent
  | TracingResolvedEvent
  | AggregateCountEvent
  | WelfareContactEvent;

/** The `type` of any scenario event. */
export type ScenarioEventType = ScenarioEvent['type'];

/** An event before its id and time are set (the generator adds both when it sorts). */
export type ScenarioEventDraft = WithoutIdAndTime<ScenarioEvent>;

// Distributes over the union, so each draft keeps its own `type` discriminant.
type WithoutIdAndTime<E> = E extends unknown ? Omit<E, 'id' | 'at'> : never;
