// The port of the commitment register: commitments and their versions, and the links that make
// incidents and information items evidence of breach or compliance.
import type { LinkBearing, LinkTarget } from '../model/commitment-vocabulary.ts';

/** What a commitment says; every version carries all of it. */
export interface CommitmentContent {
  party: string;
  language: string;
  text: string;
  /** BCP 47 language → translated text. */
  translations: Record<string, string>;
  /** YYYY-MM-DD. */
  madeOn: string;
  sourceRef: string;
  scope: string;
}

/** The current version of a commitment. */
export interface Commitment extends CommitmentContent {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One version of a commitment, with why, when and by whom it was made. */
export interface CommitmentVersion extends CommitmentContent {
  commitmentId: string;
  version: number;
  reason: string;
  at: string;
  actor: string;
}

/** A link's withdrawal: a record of its own. */
export interface LinkWithdrawal {
  reason: string;
  at: string;
  actor: string;
}

/** An incident or information item linked to a commitment as evidence. */
export interface CommitmentLink {
  id: string;
  commitmentId: string;
  targetKind: LinkTarget;
  targetId: string;
  bearing: LinkBearing;
  reasoning: string;
  linkedAt: string;
  linkedBy: string;
  withdrawal: LinkWithdrawal | null;
}

/** A link with the time of its evidence (an incident's start, an item's event or receipt). */
export interface DatedCommitmentLink extends CommitmentLink {
  evidenceAt: string;
}

/** Port for the commitment register. */
export interface CommitmentRepository {
  /** Stores a new commitment and its first version. */
  insert(commitment: Commitment, first: CommitmentVersion): Promise<void>;
  /**
   * Makes `next` the current version; throws DomainError 'conflict' unless the commitment is at
   * `next.version - 1`, 'not_found' if absent.
   */
  addVersion(next: CommitmentVersion): Promise<void>;
  get(id: string): Promise<Commitment | undefined>;
  /** Commitments by the date made, newest first, at most `limit`. */
  list(limit: number): Promise<Commitment[]>;
  /** Every version, oldest first. */
  versions(id: string): Promise<CommitmentVersion[]>;
  insertLink(link: Omit<CommitmentLink, 'withdrawal'>): Promise<void>;
  getLink(id: string): Promise<CommitmentLink | undefined>;
  /** Records a withdrawal; throws DomainError 'conflict' if the link was already withdrawn. */
  withdrawLink(linkId: string, withdrawal: LinkWithdrawal): Promise<void>;
  /** The commitment's links in the order of their evidence, then of linking. */
  links(commitmentId: string): Promise<DatedCommitmentLink[]>;
  /** When the evidence happened, or undefined when there is no such incident or item. */
  evidenceTime(kind: LinkTarget, id: string): Promise<string | undefined>;
}
