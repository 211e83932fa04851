// The closed word lists of the passage store (DOMAIN.md §4): what a place, an operation, a
// vehicle, a checkpoint passage, a count and a welfare contact can be. State names live in
// ../model/states.ts; these are the other enumerations the tables are typed with.

/** What a place in the gazetteer is. */
export const PLACE_KINDS = [
  'settlement',
  'exit_post',
  'checkpoint',
  'reception_point',
  'humanitarian_centre',
] as const;
/** One of PLACE_KINDS. */
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A convoy is manifested; an open window is self-organised traffic counted at checkpoints. */
export const OPERATION_KINDS = ['convoy', 'open_window'] as const;
/** One of OPERATION_KINDS. */
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** What kind of vehicle carried people. */
export const VEHICLE_KINDS = ['car', 'bus', 'other'] as const;
/** One of VEHICLE_KINDS. */
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

/** Which way a passage or count crossed a checkpoint. */
export const DIRECTIONS = ['out', 'in'] as const;
/** One of DIRECTIONS. */
export type Direction = (typeof DIRECTIONS)[number];

/** How a checkpoint passage ended for the vehicle or person. */
export const PASSAGE_OUTCOMES = ['passed', 'secondary', 'turned_back', 'held'] as const;
/** One of PASSAGE_OUTCOMES. */
export type PassageOutcome = (typeof PASSAGE_OUTCOMES)[number];

/** Screening practices a monitor can observe at a checkpoint. */
export const SCREENING_TYPES = [
  'document_check',
  'face_capture',
  'biometrics',
  'search',
  'interrogation',
] as const;
/** One of SCREENING_TYPES. */
export type ScreeningType = (typeof SCREENING_TYPES)[number];

/** How an aggregate count was obtained: counted by us, estimated, or reported by a party. */
export const COUNT_METHODS = ['tally', 'estimate', 'party_report'] as const;
/** One of COUNT_METHODS. */
export type CountMethod = (typeof COUNT_METHODS)[number];

/** A monitor's visit, or the household's own check-in through the portal (the model's list). */
export { WELFARE_MODES as CONTACT_MODES } from '../model/welfare.ts';
export type { WelfareMode as ContactMode } from '../model/welfare.ts';

/** Vulnerabilities noted for a member at registration (DOMAIN.md §4: identified at departure). */
export const MEMBER_FLAGS = ['disability', 'pregnant', 'unaccompanied_child'] as const;
/** One of MEMBER_FLAGS. */
export type MemberFlag = (typeof MEMBER_FLAGS)[number];

/** A place's name in the mission's four languages; English is always present. */
export interface PlaceNames {
  en: string;
  hy?: string;
  az?: string;
  ru?: string;
}

/** How urgent an alert is (the model's list). */
export { ALERT_SEVERITIES } from '../model/alert.ts';
export type { AlertSeverity } from '../model/alert.ts';
