// The monitoring domain's intake and incident tables (see src/store/schema.ts; built by
// migrations/0008-monitoring-intake.ts and 0009-incidents.ts). As in the passage domain, no column
// holds a person's identity: a source's contact is a vault person reference, victims are counts
// (and vault references where known), and free text that may name people — the verbatim account,
// the internal narrative — is stored sealed under the keyring's secret box (`*_sealed`), opened
// only by an audited read. Timestamps are ISO-8601 UTC text; JSON columns are text.
import type {
  Channel,
  IncidentState,
  ItemStatus,
  Proximity,
  Reliability,
  SourceKind,
} from './model/vocabulary.ts';

/** source: who gave information, graded for reliability; identity only in the vault. */
export interface SourceTable {
  id: string;
  kind: SourceKind;
  /** A code name staff use (never the person's name), unique. */
  label: string;
  /** The current grading (the last row of source_grading). */
  reliability: Reliability;
  /** 1 when naming, meeting or re-contacting the source could put them at risk. */
  at_risk: number;
  /** The vault person holding the contact details, when the source is a person. */
  contact_person_ref: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** source_grading: every reliability grading of a source, with its reason. */
export interface SourceGradingTable {
  source_id: string;
  version: number;
  reliability: Reliability;
  reason: string;
  at: string;
  actor: string;
}

/** info_item: one piece of information as received, from any channel. */
export interface InfoItemTable {
  id: string;
  channel: Channel;
  source_id: string | null;
  proximity: Proximity | null;
  /** 1–6, set by an analyst; 6 (cannot be judged) until then. */
  credibility: number;
  /** BCP 47 language of the account. */
  language: string;
  /** The verbatim account, sealed under the secret box. */
  account_sealed: string;
  received_at: string;
  /** When the reported event happened, as far as the account says. */
  occurred_at: string | null;
  place_id: string | null;
  /** The local taxonomy sub-type the account suggests, if any. */
  event_type: string | null;
  /** Staff user id, device id, partner token name, or 'anonymous'. */
  collected_by: string;
  /** JSON AccessConditions: {privateInterview, escorted, placeDenied} (each boolean or null). */
  access: string;
  /** SHA-256 (hex) of an anonymous reporter's receipt code; null otherwise. */
  receipt_sha256: string | null;
  status: ItemStatus;
  /** Why the item was set aside (staff's short reason); null otherwise. */
  status_reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** info_item_grading: every credibility grading of an item, with its reason. */
export interface InfoItemGradingTable {
  item_id: string;
  version: number;
  credibility: number;
  reason: string;
  at: string;
  actor: string;
}

/** incident: the current version of one event (ACLED-compatible superset, DOMAIN.md §3). */
export interface IncidentTable {
  id: string;
  state: IncidentState;
  /** Local taxonomy sub-type code; the event type and the ACLED crosswalk follow from it. */
  sub_event_type: string;
  occurred_start: string;
  occurred_end: string | null;
  time_precision: number;
  place_id: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: number;
  /** JSON IncidentActor[]: {name, actorType 1–8, role actor1|assoc1|actor2|assoc2}. */
  actors: string;
  /** JSON VictimCount[]: {sex, ageBand, count}, plus personRefs where known. */
  victims: string;
  /** JSON Tolls: {killed, injured, detained, missing}, each {low, best, high}. */
  tolls: string;
  civilian_targeting: number;
  /** The internal narrative, sealed under the secret box. */
  narrative_sealed: string;
  /** The reviewed public summary (null until written). */
  public_summary: string | null;
  /** The incident this one was merged into (state merged). */
  merged_into: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** incident_version: every version of an incident's content; figures change only here. */
export interface IncidentVersionTable {
  incident_id: string;
  version: number;
  /** JSON of the incident's content at that version (narrative still sealed). */
  content: string;
  reason: string;
  at: string;
  actor: string;
}

/** incident_transition: every state change, with who, when and why. */
export interface IncidentTransitionTable {
  incident_id: string;
  version: number;
  from_state: IncidentState;
  to_state: IncidentState;
  reason: string;
  at: string;
  /** Who applied the step (for a two-person step: the second person, who confirmed). */
  actor: string;
  /** For a two-person step, the first person, who proposed it; null otherwise. */
  proposed_by: string | null;
}

/** incident_approval: the first person's half of a two-person step, waiting for a second. */
export interface IncidentApprovalTable {
  incident_id: string;
  to_state: IncidentState;
  /** The incident version the proposal was made at; a newer version voids it. */
  version: number;
  proposed_by: string;
  proposed_at: string;
  reason: string;
}

/** incident_item: which information items an incident rests on. */
export interface IncidentItemTable {
  incident_id: string;
  item_id: string;
  linked_at: string;
  actor: string;
}

/** incident_case: held-person cases and tracing requests linked to an incident. */
export interface IncidentCaseTable {
  incident_id: string;
  case_kind: 'held_case' | 'tracing_request';
  case_id: string;
  linked_at: string;
  actor: string;
}

/** The monitoring tables of intake and incidents. */
export interface MonitoringTables {
  source: SourceTable;
  source_grading: SourceGradingTable;
  info_item: InfoItemTable;
  info_item_grading: InfoItemGradingTable;
  incident: IncidentTable;
  incident_version: IncidentVersionTable;
  incident_transition: IncidentTransitionTable;
  incident_approval: IncidentApprovalTable;
  incident_item: IncidentItemTable;
  incident_case: IncidentCaseTable;
}
