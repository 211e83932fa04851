// A pair of records that may describe one event, and what an analyst decided about it. A pair
// has one canonical order (by kind, then id), so that "A like B" and "B like A" are one pair
// with one decision. Items are compared only against incidents: two untriaged items become one
// incident through triage, not through a merge.

/** What may be compared: an incident, or an information item not yet triaged. */
export const DUPLICATE_SUBJECT_KINDS = ['incident', 'info_item'] as const;
/** One of DUPLICATE_SUBJECT_KINDS. */
export type DuplicateSubjectKind = (typeof DUPLICATE_SUBJECT_KINDS)[number];

/**
 * An analyst's decision: `dismissed` (not the same event: never suggested again) or `confirmed`
 * (the same event; the merge itself is a separate, explicit step of the incident workflow).
 */
export const DUPLICATE_DECISIONS = ['dismissed', 'confirmed'] as const;
/** One of DUPLICATE_DECISIONS. */
export type DuplicateDecisionKind = (typeof DUPLICATE_DECISIONS)[number];

/** One side of a pair. */
export interface DuplicateSubject {
  kind: DuplicateSubjectKind;
  id: string;
}

/** Two subjects in canonical order. */
export type DuplicatePair = readonly [DuplicateSubject, DuplicateSubject];

/** Why two subjects do not form a pair. */
export type PairProblem = 'same_record' | 'two_items';

function isBefore(a: DuplicateSubject, b: DuplicateSubject): boolean {
  return a.kind === b.kind ? a.id < b.id : a.kind < b.kind;
}

/**
 * `a` and `b` in canonical order, or why they cannot be a pair.
 *
 * @example canonicalPair({ kind: 'info_item', id: 'x' }, { kind: 'incident', id: 'y' })
 *          // [{ kind: 'incident', id: 'y' }, { kind: 'info_item', id: 'x' }]
 */
export function canonicalPair(
  a: DuplicateSubject,
  b: DuplicateSubject,
): DuplicatePair | PairProblem {
  if (a.kind === b.kind && a.id === b.id) return 'same_record';
  if (a.kind === 'info_item' && b.kind === 'info_item') return 'two_items';
  return isBefore(a, b) ? [a, b] : [b, a];
}

/**
 * A text key of a canonical pair, for maps and sets.
 *
 * @example pairKey(pair) // 'incident:…|info_item:…'
 */
export function pairKey(pair: DuplicatePair): string {
  return `${pair[0].kind}:${pair[0].id}|${pair[1].kind}:${pair[1].id}`;
}
