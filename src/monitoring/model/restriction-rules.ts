// What makes a record of a restriction on the mission's access complete (DOMAIN.md §1, the OSCE
// SMM's practice): a delay says how long it lasted, and only a delay has a duration (a denial
// lasts until access is granted, which is a new record); an "other impediment" always says what
// it was (mines, jamming, an imposed escort, a private interview refused …). Pure.
import { DomainError } from '../../errors/domain-error.ts';
import type { RestrictionKind, RestrictionSubKind } from './operations-vocabulary.ts';

/** The fields whose combination the rules check. */
export interface RestrictionShape {
  kind: RestrictionKind;
  subKind: RestrictionSubKind | null;
  durationMinutes: number | null;
}

/** One broken rule: the field and why, never the value. */
export interface RestrictionIssue {
  path: 'durationMinutes' | 'subKind';
  code: 'required_for_delay' | 'only_for_delay' | 'required_for_other_impediment';
}

/**
 * The rules `restriction` breaks (empty when none).
 *
 * @example restrictionIssues({ kind: 'delay', subKind: null, durationMinutes: null })
 * // [{ path: 'durationMinutes', code: 'required_for_delay' }]
 */
export function restrictionIssues(restriction: RestrictionShape): RestrictionIssue[] {
  const issues: RestrictionIssue[] = [];
  const isDelay = restriction.kind === 'delay';
  if (isDelay && restriction.durationMinutes === null) {
    issues.push({ path: 'durationMinutes', code: 'required_for_delay' });
  }
  if (!isDelay && restriction.durationMinutes !== null) {
    issues.push({ path: 'durationMinutes', code: 'only_for_delay' });
  }
  if (restriction.kind === 'other_impediment' && restriction.subKind === null) {
    issues.push({ path: 'subKind', code: 'required_for_other_impediment' });
  }
  return issues;
}

/** Throws 'invalid_request' (details: the broken rules) unless `restriction` is complete. */
export function assertRestrictionShape(restriction: RestrictionShape): void {
  const details = restrictionIssues(restriction);
  if (details.length > 0) {
    throw new DomainError('invalid_request', 'the restriction is incomplete for its kind', {
      details,
    });
  }
}
