// The shape of the demo's monitoring data (issue 4): sources, information items from every
// channel, incidents with their versions and verification steps, patrols, the mission's access
// restrictions, hotline contacts and the commitment register. Plain data drawn from the passage
// scenario's seed, timeline and gazetteer; the loader feeds it through the monitoring services.
// Staff are named by demo login ('analyst2'), never by id: ids exist only once loaded.
import type {
  ActorType,
  Channel,
  Credibility,
  GeoPrecision,
  IncidentState,
  ItemStatus,
  Proximity,
  Reliability,
  SourceKind,
  TimePrecision,
  TollKind,
  VictimAgeBand,
  VictimSex,
} from '../../monitoring/model/vocabulary.ts';
import type { IsoTime, Script } from '../scenario.types.ts';
import type {
  CommitmentDraft,
  CommitmentLinkDraft,
  HotlineContactDraft,
  PatrolDraft,
  RestrictionDraft,
} from './operations.types.ts';

/** A demo staff login ('analyst', 'coordinator2', …) as generated in scenario.staff. */
export type StaffLogin = string;

/** A source's reliability at one time, with the analyst's reason. */
export interface SourceGradingDraft {
  readonly reliability: Reliability;
  readonly reason: string;
  readonly at: IsoTime;
  readonly by: StaffLogin;
}

/** A synthetic person to keep in the vault as a source's contact. */
export interface SourceContact {
  readonly given: string;
  readonly family: string;
  readonly phone: string;
  readonly script: Script;
}

/** Who gave information; `gradings` in time order, the first made when the source was added. */
export interface MonitoringSource {
  readonly id: string;
  readonly kind: SourceKind;
  /** A code name ('MON-01', 'SM-017'), never a person's name. */
  readonly label: string;
  readonly atRisk: boolean;
  /** The party a party official speaks for. */
  readonly partyId?: string;
  readonly contact?: SourceContact;
  readonly addedAt: IsoTime;
  readonly addedBy: StaffLogin;
  readonly gradings: readonly SourceGradingDraft[];
}

/** Who put an item into the system. */
export type Collector =
  | { readonly kind: 'staff'; readonly login: StaffLogin }
  | { readonly kind: 'device'; readonly login: StaffLogin }
  | { readonly kind: 'partner'; readonly name: string }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'import'; readonly importId: string; readonly login: StaffLogin };

/** The conditions the information was gathered under (null: not known / not applicable). */
export interface AccessConditions {
  readonly privateInterview: boolean | null;
  readonly escorted: boolean | null;
  readonly placeDenied: boolean | null;
}

/** What the generator knows about an item (ground truth; the system never sees it). */
export type ItemTruth = 'accurate' | 'unverifiable' | 'false' | 'misattributed';

/** One credibility grading of an item (DOMAIN.md §2). */
export interface CredibilityGrading {
  readonly credibility: Credibility;
  readonly reason: string;
  readonly at: IsoTime;
  readonly by: StaffLogin;
}

/** Harm figures an account gives (party-reported ones carry the ±10–20 % noise). */
export type ReportedFigures = Partial<Record<TollKind, number>>;

/** One piece of information as received. */
export interface InfoItemDraft {
  readonly id: string;
  readonly channel: Channel;
  readonly sourceId: string | null;
  readonly proximity: Proximity | null;
  readonly language: Script;
  /** Generated from templates; may mention synthetic people, so it is stored sealed. */
  readonly account: string;
  readonly receivedAt: IsoTime;
  /** When the system has it: receivedAt, or for a bulk-imported row the import's time. */
  readonly availableAt: IsoTime;
  readonly occurredAt: IsoTime | null;
  readonly placeId: string | null;
  readonly eventType: SubEventType | null;
  readonly collectedBy: Collector;
  readonly access: AccessConditions;
  /** Resident reports made without an account (a receipt code comes back). */
  readonly anonymous: boolean;
  readonly figures: ReportedFigures;
  /** Analysts' gradings after intake, in time order (intake itself records 6). */
  readonly gradings: readonly CredibilityGrading[];
  readonly status: ItemStatus;
  readonly truth: ItemTruth;
  /** The happening the item is about, if any (false reports are about nothing real). */
  readonly happeningId: string | null;
  readonly patrolId?: string;
  readonly hotlineContactId?: string;
}

/** The local taxonomy's corridor sub-types (DOMAIN.md §3) the demo uses. */
export const SUB_EVENT_TYPES = [
  'checkpoint_detention',
  'removal_from_convoy',
  'denial_of_passage',
  'confiscation',
  'checkpoint_ill_treatment',
  'filming_or_biometric_capture',
  'firing_near_corridor',
  'mass_casualty_accident',
  'death_in_queue',
  'medical_evacuation',
  'restriction_of_monitors',
  'mines_or_uxo',
  'humanitarian_convoy_blocked',
  'threats_to_those_who_stay',
  'property_destruction',
  'denial_of_services',
] as const;
/** One of SUB_EVENT_TYPES. */
export type SubEventType = (typeof SUB_EVENT_TYPES)[number];

/** A low / best / high figure. */
export interface TollRange {
  readonly low: number;
  readonly best: number;
  readonly high: number;
}

/** An actor of an incident: a party of the scenario (data), or civilians / unknown. */
export interface IncidentActorDraft {
  readonly name: string;
  readonly partyId?: string;
  readonly actorType: ActorType;
  readonly role: 'actor1' | 'assoc1' | 'actor2' | 'assoc2';
}

/** Victims counted by sex and age band. */
export interface VictimCountDraft {
  readonly sex: VictimSex;
  readonly ageBand: VictimAgeBand;
  readonly count: number;
}

/** An incident's content at one version. */
export interface IncidentContent {
  readonly subEventType: SubEventType;
  readonly occurredStart: IsoTime;
  readonly occurredEnd: IsoTime | null;
  readonly timePrecision: TimePrecision;
  readonly placeId: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geoPrecision: GeoPrecision;
  readonly actors: readonly IncidentActorDraft[];
  readonly victims: readonly VictimCountDraft[];
  readonly tolls: Readonly<Record<TollKind, TollRange>>;
  readonly civilianTargeting: boolean;
  readonly narrative: string;
  readonly publicSummary: string | null;
}

/** A version of an incident's content (the first is the one it was opened with). */
export interface IncidentVersionDraft {
  readonly at: IsoTime;
  readonly by: StaffLogin;
  readonly reason: string;
  readonly content: IncidentContent;
}

/** A state change; `proposedBy` is the first person of a two-person step, `by` the second. */
export interface IncidentTransitionDraft {
  readonly from: IncidentState;
  readonly to: IncidentState;
  readonly at: IsoTime;
  readonly by: StaffLogin;
  readonly reason: string;
  readonly proposedBy?: StaffLogin;
  readonly proposedAt?: IsoTime;
  /** For `merged`: the incident this one was merged into. */
  readonly mergedInto?: string;
}

/** A link from an incident to an item or to a passage case, made at `at` by `by`. */
export type IncidentLinkDraft =
  | {
      readonly kind: 'item';
      readonly itemId: string;
      readonly at: IsoTime;
      readonly by: StaffLogin;
    }
  | {
      readonly kind: 'held_case' | 'tracing_request';
      readonly caseId: string;
      readonly at: IsoTime;
      readonly by: StaffLogin;
    };

/** One incident: versions, transitions and links, each in time order. */
export interface IncidentDraft {
  readonly id: string;
  readonly happeningId: string | null;
  readonly openedAt: IsoTime;
  readonly openedBy: StaffLogin;
  readonly versions: readonly IncidentVersionDraft[];
  readonly transitions: readonly IncidentTransitionDraft[];
  readonly links: readonly IncidentLinkDraft[];
  readonly finalState: IncidentState;
}

/** One bulk CSV import: new rows, or rows updating items of an earlier import by id. */
export interface BulkImportDraft {
  readonly id: string;
  readonly at: IsoTime;
  readonly by: StaffLogin;
  readonly fileName: string;
  readonly rows: readonly InfoItemDraft[];
  /** Ids of rows that update an item an earlier import created. */
  readonly updatedIds: readonly string[];
}

/** Everything the demo's monitoring part holds. */
export interface MonitoringScenario {
  readonly sources: readonly MonitoringSource[];
  /** Every item as first received, bulk-imported ones included, sorted by receivedAt. */
  readonly items: readonly InfoItemDraft[];
  readonly bulkImports: readonly BulkImportDraft[];
  readonly incidents: readonly IncidentDraft[];
  readonly patrols: readonly PatrolDraft[];
  readonly restrictions: readonly RestrictionDraft[];
  readonly hotline: readonly HotlineContactDraft[];
  readonly commitments: readonly CommitmentDraft[];
  readonly commitmentLinks: readonly CommitmentLinkDraft[];
}
