// The monitoring domain's tables for the commitment register and its links, the mission's access
// restrictions, patrols and hotline contacts (see src/store/schema.ts; built by
// migrations/0011-commitments.ts). Commitments and restrictions are public content (DOMAIN.md
// §5–§6: a party's published words; restrictions concern the mission, not civilians); links,
// patrols and hotline contacts are staff-only. No column holds a person's identity: staff by id,
// hotline callers by keyring pseudonym. Timestamps are ISO-8601 UTC text; JSON columns are text.
import type { LinkBearing, LinkTarget } from '../model/commitment-vocabulary.ts';
import type {
  HotlineChannel,
  HotlineOutcome,
  HotlineTopic,
  PatrolState,
  RestrictionKind,
  RestrictionSubKind,
} from '../model/operations-vocabulary.ts';

/** The content of a commitment, as each version carries it. */
interface CommitmentContent {
  /** The party that made it, as published (data, never code). */
  party: string;
  /** BCP 47 language of the original text. */
  language: string;
  text: string;
  /** JSON object: BCP 47 language → translated text. */
  translations: string;
  /** YYYY-MM-DD. */
  made_on: string;
  /** A URL or a document reference. */
  source_ref: string;
  /** What, where and whom it covers. */
  scope: string;
}

/** commitment: the current version of a public commitment. */
export interface CommitmentTable extends CommitmentContent {
  id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** commitment_version: every version of a commitment, the first included; never changed. */
export interface CommitmentVersionTable extends CommitmentContent {
  commitment_id: string;
  version: number;
  /** Why this version was made (the first: why the commitment was registered). */
  reason: string;
  at: string;
  /** Staff user id. */
  actor: string;
}

/** commitment_link: an incident or information item as evidence of breach or compliance. */
export interface CommitmentLinkTable {
  id: string;
  commitment_id: string;
  target_kind: LinkTarget;
  target_id: string;
  bearing: LinkBearing;
  /** The analyst's reasoning (about conduct, not people; staff-only). */
  reasoning: string;
  linked_at: string;
  linked_by: string;
}

/** commitment_link_withdrawal: a link withdrawn, as a record of its own (the link stays). */
export interface CommitmentLinkWithdrawalTable {
  link_id: string;
  reason: string;
  at: string;
  actor: string;
}

/** access_restriction: one restriction on the mission's own access (DOMAIN.md §1). */
export interface AccessRestrictionTable {
  id: string;
  kind: RestrictionKind;
  sub_kind: RestrictionSubKind | null;
  occurred_at: string;
  /** Gazetteer place. */
  place_id: string;
  /** Delays only. */
  duration_minutes: number | null;
  /** Who imposed it, as data (a party, a unit); never a person's name. */
  imposed_by: string;
  patrol_id: string | null;
  /** Published in full; staff write it without anyone's identity. */
  description: string;
  /** Staff user id; never published. */
  recorded_by: string;
  created_at: string;
  version: number;
}

/** access_restriction_version: every version of a restriction (the first included), with why. */
export interface AccessRestrictionVersionTable {
  restriction_id: string;
  version: number;
  kind: RestrictionKind;
  sub_kind: RestrictionSubKind | null;
  occurred_at: string;
  place_id: string;
  duration_minutes: number | null;
  imposed_by: string;
  patrol_id: string | null;
  description: string;
  /** Why this version was made (a correction's reason; 'recorded' for the first). */
  reason: string;
  at: string;
  actor: string;
}

/** patrol: the current state of one patrol of the mission. */
export interface PatrolTable {
  id: string;
  /** A call sign such as "P-17", never the monitors' names. */
  label: string;
  /** The task area, a gazetteer place, if any. */
  place_id: string | null;
  planned_start: string;
  state: PatrolState;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** patrol_transition: every state change of a patrol, with who, when and why. */
export interface PatrolTransitionTable {
  patrol_id: string;
  version: number;
  from_state: PatrolState;
  to_state: PatrolState;
  reason: string;
  at: string;
  actor: string;
}

/** hotline_contact: one contact with the 24/7 hotline and the mission's response. */
export interface HotlineContactTable {
  id: string;
  received_at: string;
  channel: HotlineChannel;
  /** The keyring pseudonym of the caller's contact, or a vault person reference. */
  caller_ref: string;
  topic: HotlineTopic;
  responded_at: string | null;
  /** Seconds from receipt to response, kept for the statistics. */
  response_seconds: number | null;
  outcome: HotlineOutcome | null;
  info_item_id: string | null;
  tracing_request_id: string | null;
  recorded_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The tables of this slice. */
export interface CommitmentTables {
  commitment: CommitmentTable;
  commitment_version: CommitmentVersionTable;
  commitment_link: CommitmentLinkTable;
  commitment_link_withdrawal: CommitmentLinkWithdrawalTable;
  access_restriction: AccessRestrictionTable;
  access_restriction_version: AccessRestrictionVersionTable;
  patrol: PatrolTable;
  patrol_transition: PatrolTransitionTable;
  hotline_contact: HotlineContactTable;
}
