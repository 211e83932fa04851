// What the desk reads from the API, as the routes' zod response schemas describe it
// (src/monitoring/**, src/passage/field/tracing, src/alerts). Only the fields the desk shows.
import type {
  LinkBearing,
  LinkTarget,
} from '../../../../src/monitoring/model/commitment-vocabulary.ts';
import type {
  Channel,
  IncidentState,
  ItemStatus,
  Proximity,
  Reliability,
  SourceKind,
} from '../../../../src/monitoring/model/vocabulary.ts';
import type { TracingState } from '../../../../src/passage/model/states.ts';

/** An information item as the triage queue answers it (never its account). */
export interface InfoItem {
  readonly id: string;
  readonly channel: Channel;
  readonly sourceId: string | null;
  readonly proximity: Proximity | null;
  readonly credibility: number;
  readonly language: string;
  readonly receivedAt: string;
  readonly occurredAt: string | null;
  readonly placeId: string | null;
  readonly eventType: string | null;
  readonly status: ItemStatus;
  readonly statusReason: string | null;
  readonly version: number;
}

/** One grading of an item's credibility or a source's reliability. */
export interface Grading {
  readonly version: number;
  readonly credibility?: number;
  readonly reliability?: Reliability;
  readonly reason: string;
  readonly at: string;
  readonly actor: string;
}

/** GET /api/v1/info-items/:id. */
export interface ItemView {
  readonly item: InfoItem;
  readonly gradings: readonly Grading[];
}

/** GET /api/v1/sources/:id. */
export interface SourceView {
  readonly source: {
    readonly id: string;
    readonly kind: SourceKind;
    readonly label: string;
    readonly reliability: Reliability;
    readonly atRisk: boolean;
    readonly version: number;
  };
  readonly gradings: readonly Grading[];
}

/** A toll as low / best / high. */
export interface TollRange {
  readonly low: number;
  readonly best: number;
  readonly high: number;
}

/** An incident as listed. */
export interface IncidentSummary {
  readonly id: string;
  readonly state: IncidentState;
  readonly subEventType: string;
  readonly occurredStart: string;
  readonly placeId: string | null;
  readonly publicSummary: string | null;
  readonly civilianTargeting: boolean;
  readonly tolls: Readonly<Record<'killed' | 'injured' | 'detained' | 'missing', TollRange>>;
  readonly mergedInto: string | null;
  readonly version: number;
}

/** A two-person proposal; `live` while the incident is still at its version. */
export interface Approval {
  readonly toState: IncidentState;
  readonly version: number;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly reason: string;
  readonly live: boolean;
}

/** One state change. */
export interface Transition {
  readonly version: number;
  readonly from: IncidentState;
  readonly to: IncidentState;
  readonly reason: string;
  readonly at: string;
  readonly actor: string;
  readonly proposedBy: string | null;
}

/** GET /api/v1/incidents/:id. */
export interface IncidentView {
  readonly incident: IncidentSummary;
  readonly transitions: readonly Transition[];
  readonly approvals: readonly Approval[];
  readonly items: readonly { readonly itemId: string; readonly linkedAt: string }[];
}

/** One side of a duplicate pair. */
export interface PairSide {
  readonly kind: 'incident' | 'info_item';
  readonly id: string;
  readonly status?: string;
}

/** How alike two records are. */
export interface Verdict {
  readonly score: number;
  readonly signals: Readonly<Record<'time' | 'place' | 'type' | 'text', number>>;
  readonly reasons: readonly string[];
  readonly hoursApart: number | null;
  readonly kmApart: number | null;
}

/** A suggested pair (GET /api/v1/duplicates), undecided. */
export interface SuggestedPair extends Verdict {
  readonly pair: readonly [PairSide, PairSide];
}

/** A commitment as published. */
export interface Commitment {
  readonly id: string;
  readonly party: string;
  readonly language: string;
  readonly text: string;
  readonly translations: Readonly<Record<string, string>>;
  readonly madeOn: string;
  readonly sourceRef: string;
  readonly scope: string;
  readonly version: number;
}

/** A link of evidence to a commitment. */
export interface CommitmentLink {
  readonly id: string;
  readonly targetKind: LinkTarget;
  readonly targetId: string;
  readonly bearing: LinkBearing;
  readonly reasoning: string;
  readonly linkedAt: string;
  readonly withdrawal: { readonly reason: string; readonly at: string } | null;
}

/** GET /api/v1/commitments/:id/timeline. */
export interface CommitmentTimeline {
  readonly commitment: Commitment;
  readonly links: readonly CommitmentLink[];
  readonly months: readonly { readonly month: string; breach: number; compliance: number }[];
}

/** A tracing request (pseudonyms only). */
export interface TracingRequest {
  readonly id: string;
  readonly state: TracingState;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** GET /api/v1/tracing-requests/:id. */
export interface TracingView {
  readonly request: TracingRequest;
  readonly history: readonly {
    readonly version: number;
    readonly from: TracingState;
    readonly to: TracingState;
    readonly at: string;
  }[];
}

/** A place of the gazetteer, named in each language. */
export interface Place {
  readonly id: string;
  readonly kind: string;
  readonly names: Readonly<Record<string, string>>;
}
