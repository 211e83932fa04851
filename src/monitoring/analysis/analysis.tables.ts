// The monitoring domain's tables for duplicate suggestions and analysts' decisions on them (see
// src/store/schema.ts; built by migrations/0012-duplicates.ts). Suggestions themselves are not
// stored: they are computed on request from the intake and incident tables. What is stored is
// each analyst's decision on a pair — the current one, and every version with who, when and why —
// so that a dismissed pair is never suggested again and a confirmed one awaits its explicit merge.
import type { DuplicateDecisionKind, DuplicateSubjectKind } from '../model/duplicate-pair.ts';

/** duplicate_decision: the current decision on one pair (kinds and ids in canonical order). */
export interface DuplicateDecisionTable {
  id: string;
  left_kind: DuplicateSubjectKind;
  left_id: string;
  right_kind: DuplicateSubjectKind;
  right_id: string;
  decision: DuplicateDecisionKind;
  /** The score the pair had when decided (0–1), for review of the scorer. */
  score: number;
  decided_at: string;
  actor: string;
  version: number;
}

/** duplicate_decision_version: every decision ever taken on a pair, with its reason. */
export interface DuplicateDecisionVersionTable {
  decision_id: string;
  version: number;
  decision: DuplicateDecisionKind;
  /** Staff's short reason: why the two are (or are not) the same event. */
  reason: string;
  score: number;
  at: string;
  actor: string;
}

/** The tables of this slice. */
export interface AnalysisTables {
  duplicate_decision: DuplicateDecisionTable;
  duplicate_decision_version: DuplicateDecisionVersionTable;
}
