// The state names of the passage domain's state machines (DOMAIN.md §5). The transitions live
// beside them in the model (one file per machine); tables store these strings as text.

/** A passage operation: a convoy, or an open window counted only at checkpoints. */
export const OPERATION_STATES = [
  'proposed',
  'agreed',
  'scheduled',
  'boarding',
  'in_transit',
  'halted',
  'arrived',
  'reconciling',
  'closed',
  'suspended',
  'cancelled',
  'aborted',
] as const;
/** One of OPERATION_STATES. */
export type OperationState = (typeof OPERATION_STATES)[number];

/** One person's journey (a manifest entry, or a person first seen at a checkpoint). */
export const JOURNEY_STATES = [
  'listed',
  'no_show',
  'boarded',
  'passed',
  'held_secondary',
  'released',
  'turned_back',
  'detained',
  'unknown',
  'died_en_route',
  'medevac',
  'arrived',
  'registered_at_arrival',
] as const;
/** One of JOURNEY_STATES. */
export type JourneyState = (typeof JOURNEY_STATES)[number];

/** A person held back at or after a checkpoint. */
export const HELD_CASE_STATES = [
  'reported',
  'confirmed_held',
  'location_known',
  'icrc_access',
  'released',
  'transferred',
  'charged',
  'sentenced',
  'died_in_custody',
  'whereabouts_unknown',
] as const;
/** One of HELD_CASE_STATES. */
export type HeldCaseState = (typeof HELD_CASE_STATES)[number];

/** A family's request to find a person. */
export const TRACING_STATES = [
  'opened',
  'active_search',
  'located_alive',
  'contact_restored',
  'reunification_requested',
  'reunified',
  'located_deceased',
  'closed_unresolved',
  'transferred_to_icrc',
  'closed',
] as const;
/** One of TRACING_STATES. */
export type TracingState = (typeof TRACING_STATES)[number];

/** A household's intention at registration. */
export const INTENTIONS = ['leave', 'return', 'stay_under_protection'] as const;
/** One of INTENTIONS. */
export type Intention = (typeof INTENTIONS)[number];

/** A scheduled welfare contact with a household that stays. */
export const WELFARE_CONTACT_STATES = ['scheduled', 'done', 'missed', 'cancelled'] as const;
/** One of WELFARE_CONTACT_STATES. */
export type WelfareContactState = (typeof WELFARE_CONTACT_STATES)[number];
