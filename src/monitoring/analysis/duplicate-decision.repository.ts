import type { DuplicateDecisionKind, DuplicatePair } from '../model/duplicate-pair.ts';

/** The current decision on one pair. */
export interface DuplicateDecision {
  id: string;
  pair: DuplicatePair;
  decision: DuplicateDecisionKind;
  /** The pair's score when decided. */
  score: number;
  decidedAt: string;
  /** The staff user who decided (an id, never a name). */
  actor: string;
  version: number;
}

/** One decision ever taken on a pair, with its reason. */
export interface DuplicateDecisionVersion {
  version: number;
  decision: DuplicateDecisionKind;
  reason: string;
  score: number;
  at: string;
  actor: string;
}

/** Port for analysts' decisions on suggested pairs. */
export interface DuplicateDecisionRepository {
  /** Decision `id`, if any. */
  get(id: string): Promise<DuplicateDecision | undefined>;
  /** The decision on `pair` (canonical order), if any. */
  forPair(pair: DuplicatePair): Promise<DuplicateDecision | undefined>;
  /** Every decision on a pair with a side among `ids`. */
  forSubjects(ids: readonly string[]): Promise<DuplicateDecision[]>;
  /**
   * Stores `decision` (its version is the new one) and its version row; the decision before it
   * must be at `decision.version - 1` (none for version 1), else DomainError 'conflict'.
   */
  record(decision: DuplicateDecision, reason: string): Promise<void>;
  /** Every version of decision `id`, oldest first. */
  history(id: string): Promise<DuplicateDecisionVersion[]>;
}
