// The passage domain's tables (see src/store/schema.ts; built by migrations/0005-passage.ts).
// Operational tables hold pseudonyms only: a person is an opaque `person_ref` whose identity
// lives in the vault, a plate only its keyed HMAC, and no column holds a name or free text about
// a person. Timestamps are ISO-8601 UTC text (`Date.toISOString()`), so text order is time order.
// JSON columns are text, parsed and checked on read by the adapters in ./database.
import type {
  AlertSeverity,
  CountMethod,
  ContactMode,
  Direction,
  OperationKind,
  PassageOutcome,
  PlaceKind,
  VehicleKind,
} from './database/passage-vocabulary.ts';
import type {
  HeldCaseState,
  Intention,
  JourneyState,
  OperationState,
  TracingState,
  WelfareContactState,
} from './model/states.ts';

/** place: the gazetteer (settlements, exit posts, checkpoints, reception points, centres). */
export interface PlaceTable {
  id: string;
  kind: PlaceKind;
  /** JSON PlaceNames: {en, hy?, az?, ru?}. */
  names: string;
  lat: number;
  lon: number;
  admin_code: string | null;
  created_at: string;
  version: number;
}

/** place_control: who controls a place, from `since` until `until` (null: still). */
export interface PlaceControlTable {
  place_id: string;
  controlled_by: string;
  since: string;
  until: string | null;
}

/** route_leg: expected transit time between two places, median and 95th percentile. */
export interface RouteLegTable {
  from_place_id: string;
  to_place_id: string;
  p50_minutes: number;
  p95_minutes: number;
}

/** operation: a passage operation (convoy or open window). */
export interface OperationTable {
  id: string;
  kind: OperationKind;
  name: string;
  state: OperationState;
  state_reason: string | null;
  origin_place_id: string | null;
  destination_place_id: string | null;
  window_start: string | null;
  window_end: string | null;
  version: number;
  updated_at: string;
}

/** operation_event: one row per transition; `version` is the operation's version after it. */
export interface OperationEventTable {
  operation_id: string;
  version: number;
  from_state: OperationState;
  to_state: OperationState;
  reason: string | null;
  at: string;
  actor: string;
}

/** household: a registered household; `reference_code` is stored normalised. */
export interface HouseholdTable {
  id: string;
  reference_code: string;
  intention: Intention;
  registered_at: string;
  origin_place_id: string | null;
  member_count: number;
  version: number;
}

/** household_check: keyed HMAC of (household id, a member's birth year), for the portal. */
export interface HouseholdCheckTable {
  household_id: string;
  check_hmac: string;
}

/** member: a household member by pseudonym; `flags` is a JSON array of MemberFlag. */
export interface MemberTable {
  person_ref: string;
  household_id: string;
  sex: string;
  age_band: string;
  flags: string;
  family_group_id: string | null;
}

/** vehicle: the plate only as a keyed HMAC. */
export interface VehicleTable {
  id: string;
  kind: VehicleKind;
  plate_hmac: string | null;
  seats: number | null;
  operation_id: string | null;
}

/** journey: one person's passage, or an unknown individual first seen at a checkpoint. */
export interface JourneyTable {
  id: string;
  person_ref: string | null;
  household_id: string | null;
  vehicle_id: string | null;
  operation_id: string | null;
  state: JourneyState;
  version: number;
  sex: string | null;
  age_band: string | null;
  departed_at: string | null;
  first_checkpoint_id: string | null;
  last_place_id: string | null;
  last_seen_at: string | null;
  expected_by: string | null;
  arrived_at: string | null;
  registered_at: string | null;
}

/** journey_event: one row per transition; `version` is the journey's version after it. */
export interface JourneyEventTable {
  journey_id: string;
  version: number;
  from_state: JourneyState;
  to_state: JourneyState;
  at: string;
  place_id: string | null;
  actor: string;
  source_item_id: string | null;
}

/** checkpoint_passage: one signed capture of a vehicle or person crossing a checkpoint. */
export interface CheckpointPassageTable {
  /** Client-generated UUID: a replayed capture is stored once. */
  id: string;
  device_id: string;
  /** base64 Ed25519 signature made on the device. */
  signature: string;
  checkpoint_id: string;
  direction: Direction;
  vehicle_id: string | null;
  /** JSON array of journey ids. */
  journey_ids: string;
  occupants: number;
  queue_in_at: string | null;
  screening_start_at: string | null;
  screening_end_at: string | null;
  /** JSON array of ScreeningType. */
  screening_types: string;
  outcome: PassageOutcome;
  recorded_at: string;
  recorded_by: string;
}

/** aggregate_count: people and vehicles counted over an interval when individuals cannot be. */
export interface AggregateCountTable {
  id: string;
  checkpoint_id: string;
  interval_start: string;
  interval_end: string;
  direction: Direction;
  people: number;
  vehicles: number;
  /** JSON counts by sex, then age band, e.g. {"female": {"18-45": 12}}; or null. */
  by_sex_age: string | null;
  method: CountMethod;
  /** Admiralty grade: source reliability A–F and information credibility 1–6, e.g. 'B2'. */
  source_grade: string;
  recorded_by: string;
  recorded_at: string;
}

/** held_case: a person held back at or after a checkpoint. */
export interface HeldCaseTable {
  id: string;
  journey_id: string | null;
  person_ref: string | null;
  state: HeldCaseState;
  place_id: string | null;
  held_by: string | null;
  reported_at: string;
  updated_at: string;
  icrc_notified_at: string | null;
  version: number;
}

/** held_case_event: one row per transition; `version` is the case's version after it. */
export interface HeldCaseEventTable {
  held_case_id: string;
  version: number;
  from_state: HeldCaseState;
  to_state: HeldCaseState;
  at: string;
  actor: string;
}

/** tracing_request: a family's request to find a person. */
export interface TracingRequestTable {
  id: string;
  sought_person_ref: string | null;
  requester_ref: string;
  household_id: string | null;
  state: TracingState;
  opened_at: string;
  updated_at: string;
  version: number;
}

/** tracing_event: one row per transition; `version` is the request's version after it. */
export interface TracingEventTable {
  tracing_request_id: string;
  version: number;
  from_state: TracingState;
  to_state: TracingState;
  at: string;
  actor: string;
}

/** arrival_registration: a journey registered by the host authority on arrival (once). */
export interface ArrivalRegistrationTable {
  id: string;
  journey_id: string;
  place_id: string;
  registered_at: string;
  registered_by: string;
}

/** welfare_contact: a scheduled contact with a household that stays; a state, no notes. */
export interface WelfareContactTable {
  id: string;
  household_id: string;
  due_at: string;
  mode: ContactMode;
  state: WelfareContactState;
  done_at: string | null;
  done_by: string | null;
}

/** alert: raised once per `dedupe_key`; `details` is a JSON object with no person data. */
export interface AlertTable {
  id: string;
  type: string;
  severity: AlertSeverity;
  subject_type: string;
  subject_id: string;
  dedupe_key: string;
  raised_at: string;
  details: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

/** The passage domain's tables. */
export interface PassageTables {
  place: PlaceTable;
  place_control: PlaceControlTable;
  route_leg: RouteLegTable;
  operation: OperationTable;
  operation_event: OperationEventTable;
  household: HouseholdTable;
  household_check: HouseholdCheckTable;
  member: MemberTable;
  vehicle: VehicleTable;
  journey: JourneyTable;
  journey_event: JourneyEventTable;
  checkpoint_passage: CheckpointPassageTable;
  aggregate_count: AggregateCountTable;
  held_case: HeldCaseTable;
  held_case_event: HeldCaseEventTable;
  tracing_request: TracingRequestTable;
  tracing_event: TracingEventTable;
  arrival_registration: ArrivalRegistrationTable;
  welfare_contact: WelfareContactTable;
  alert: AlertTable;
}
