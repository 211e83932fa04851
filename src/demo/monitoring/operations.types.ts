// The demo's operations and commitment register as plain data (see monitoring.types.ts): patrols,
// restrictions on the mission, hotline contacts, commitments and their links. Staff are named by
// demo login, never by id.
import type { IsoTime, Script } from '../scenario.types.ts';
import type { StaffLogin } from './monitoring.types.ts';

/** A patrol's states (DOMAIN.md §5). */
export type PatrolState =
  'planned' | 'notified' | 'deployed' | 'on_task' | 'restricted' | 'returned' | 'aborted';

/** A mission patrol, day or night, with its state history. */
export interface PatrolDraft {
  readonly id: string;
  readonly code: string;
  readonly placeIds: readonly string[];
  readonly team: readonly StaffLogin[];
  readonly night: boolean;
  readonly states: readonly { readonly state: PatrolState; readonly at: IsoTime }[];
  readonly finalState: PatrolState;
}

/** The kinds of restriction on the mission's movement (DOMAIN.md §1). */
export type RestrictionKind = 'denial' | 'conditional_access' | 'delay' | 'other_impediment';
/** What an "other impediment" was. */
export type Impediment = 'mines' | 'jamming' | 'escort_imposed' | 'private_interview_refused';

/** A restriction on the mission's own movement; published in full (it concerns the mission). */
export interface RestrictionDraft {
  readonly id: string;
  readonly kind: RestrictionKind;
  readonly impediment?: Impediment;
  readonly placeId: string;
  readonly imposedByPartyId: string;
  readonly patrolId: string | null;
  readonly startedAt: IsoTime;
  readonly endedAt: IsoTime;
  readonly delayMinutes?: number;
  readonly description: string;
  readonly recordedAt: IsoTime;
  readonly recordedBy: StaffLogin;
}

/** Who called the hotline. */
export type CallerKind = 'resident' | 'relative_abroad' | 'party_liaison' | 'partner' | 'media';
/** What a call was about. */
export type HotlineTopic =
  | 'passage_information'
  | 'missing_relative'
  | 'incident_report'
  | 'detention'
  | 'medical'
  | 'other';
/** How a call ended. */
export type HotlineOutcome =
  'information_given' | 'report_opened' | 'referred_to_tracing' | 'referred';

/** One hotline contact; `answeredAt − receivedAt` is the response time. */
export interface HotlineContactDraft {
  readonly id: string;
  readonly receivedAt: IsoTime;
  readonly answeredAt: IsoTime;
  readonly closedAt: IsoTime;
  readonly takenBy: StaffLogin;
  readonly callerKind: CallerKind;
  readonly topic: HotlineTopic;
  readonly language: Script;
  readonly outcome: HotlineOutcome;
  readonly placeId: string | null;
  /** The item the call opened (outcome report_opened). */
  readonly itemId: string | null;
  readonly summary: string;
}

/** A text with the language it is in. */
export interface LanguageText {
  readonly language: Script;
  readonly text: string;
}

/** A public commitment by a party. */
export interface CommitmentDraft {
  readonly id: string;
  readonly partyId: string;
  readonly original: LanguageText;
  readonly translations: readonly LanguageText[];
  readonly madeOn: IsoTime;
  readonly sourceReference: string;
  readonly scope: string;
  readonly placeIds: readonly string[];
  readonly recordedAt: IsoTime;
  readonly recordedBy: StaffLogin;
}

/** An incident or observation linked to a commitment as evidence of breach or compliance. */
export interface CommitmentLinkDraft {
  readonly id: string;
  readonly commitmentId: string;
  readonly target: { readonly kind: 'incident' | 'item'; readonly id: string };
  readonly relation: 'breach' | 'compliance';
  readonly reasoning: string;
  readonly at: IsoTime;
  readonly by: StaffLogin;
}
