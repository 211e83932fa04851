// The incident store's port: the current version of each incident, its earlier versions and
// transitions, pending two-person proposals, and its links to information items and passage
// cases. One counter orders everything that changes an incident: each content revision and each
// transition takes the next `version`, so versions and transitions interleave in one history.
import type { IncidentActor, Tolls, VictimCount } from '../model/incident-content.ts';
import type { SubEventType } from '../model/event-taxonomy.ts';
import type { GeoPrecision, IncidentState, TimePrecision } from '../model/vocabulary.ts';

/** The content of one incident version as stored: the narrative sealed under the secret box. */
export interface StoredContent {
  subEventType: SubEventType;
  occurredStart: string;
  occurredEnd: string | null;
  timePrecision: TimePrecision;
  placeId: string | null;
  lat: number | null;
  lon: number | null;
  geoPrecision: GeoPrecision;
  actors: IncidentActor[];
  victims: VictimCount[];
  tolls: Tolls;
  civilianTargeting: boolean;
  narrativeSealed: string;
  publicSummary: string | null;
}

/** The current version of an incident. */
export interface Incident extends StoredContent {
  id: string;
  state: IncidentState;
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One version of the content, with who wrote it, when and why. */
export interface IncidentVersion {
  version: number;
  content: StoredContent;
  reason: string;
  at: string;
  actor: string;
}

/** One state change, with who, when and why (and who proposed a two-person step). */
export interface IncidentTransition {
  version: number;
  from: IncidentState;
  to: IncidentState;
  reason: string;
  at: string;
  actor: string;
  proposedBy: string | null;
}

/** The first person's half of a two-person step. */
export interface IncidentApproval {
  toState: IncidentState;
  version: number;
  proposedBy: string;
  proposedAt: string;
  reason: string;
}

/** An information item an incident rests on. */
export interface IncidentItemLink {
  itemId: string;
  linkedAt: string;
  actor: string;
}

/** The kinds of passage case an incident may link to. */
export const CASE_KINDS = ['held_case', 'tracing_request'] as const;
/** One of CASE_KINDS. */
export type CaseKind = (typeof CASE_KINDS)[number];

/** A held-person case or tracing request linked to an incident. */
export interface IncidentCaseLink {
  caseKind: CaseKind;
  caseId: string;
  linkedAt: string;
  actor: string;
}

/** Where a page of incidents starts: after this one (exclusive), newest first. */
export interface IncidentCursor {
  occurredStart: string;
  id: string;
}

/** Which incidents to list. Times bound `occurredStart`: from ≤ t < to. */
export interface IncidentFilter {
  state?: IncidentState | undefined;
  subEventType?: SubEventType | undefined;
  placeId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  after?: IncidentCursor | undefined;
  limit: number;
}

/** A new incident: its first version and the items it rests on. */
export interface NewIncident {
  incident: Incident;
  reason: string;
  actor: string;
  items: readonly IncidentItemLink[];
}

/** A state change at `expectedVersion`; the incident takes `expectedVersion + 1`. */
export interface TransitionChange {
  id: string;
  expectedVersion: number;
  transition: IncidentTransition;
  /** For a merge: the incident this one went into. */
  mergedInto?: string | undefined;
}

/** A content revision at `expectedVersion`, possibly with the state change it implies. */
export interface RevisionChange {
  id: string;
  expectedVersion: number;
  version: IncidentVersion;
  state: IncidentState;
  /** Set when the revision changes the state (published → corrected, …). */
  transition?: IncidentTransition | undefined;
}

/** Port for incidents. */
export interface IncidentRepository {
  /** Stores a new incident at version 1 and links its items (marking them 'linked'). */
  insert(incident: NewIncident): Promise<void>;
  get(id: string): Promise<Incident | undefined>;
  /** Incidents matching `filter`, newest occurrence first, after the cursor. */
  list(filter: IncidentFilter): Promise<Incident[]>;
  versions(id: string): Promise<IncidentVersion[]>;
  transitions(id: string): Promise<IncidentTransition[]>;
  approvals(id: string): Promise<IncidentApproval[]>;
  items(id: string): Promise<IncidentItemLink[]>;
  cases(id: string): Promise<IncidentCaseLink[]>;
  /** Applies a revision ('conflict' / 'not_found'). */
  revise(change: RevisionChange): Promise<void>;
  /** Applies a transition ('conflict' / 'not_found'). */
  transition(change: TransitionChange): Promise<void>;
  /** Records (or replaces a void) proposal for `approval.toState`. */
  saveApproval(id: string, approval: IncidentApproval): Promise<void>;
  /** Links more items (marking them 'linked'). */
  linkItems(id: string, items: readonly IncidentItemLink[]): Promise<void>;
  linkCase(id: string, link: IncidentCaseLink): Promise<void>;
}
