// The two-person rule of DOMAIN.md §5: the steps to `verified` and to `cleared_for_publication`
// need two different users. The first proposes; a second, different user confirms, which applies
// the step. A proposal belongs to the incident version it was made at: once the incident changes
// (a revision, another transition) the proposal is void, because the second person would be
// confirming something the first never saw.
import { DomainError } from '../../errors/domain-error.ts';
import type { IncidentState } from './vocabulary.ts';

/** The states only two different users together may move an incident to. */
export const TWO_PERSON_STATES: readonly IncidentState[] = ['verified', 'cleared_for_publication'];

/** A first person's pending proposal for one target state. */
export interface PendingProposal {
  proposedBy: string;
  /** The incident version the proposal was made at. */
  version: number;
}

/** One request to move an incident, as the rule sees it. */
export interface TwoPersonRequest {
  to: IncidentState;
  actor: string;
  /** The incident's current version. */
  currentVersion: number;
  /** The stored proposal for `to`, if any (void or not). */
  pending?: PendingProposal | undefined;
}

/** What to do with the request. */
export type TwoPersonDecision =
  { kind: 'apply'; proposedBy: string | null } | { kind: 'propose'; replacesVoid: boolean };

/**
 * True when moving to `to` needs two people.
 *
 * @example needsTwoPeople('verified') // true
 */
export function needsTwoPeople(to: IncidentState): boolean {
  return TWO_PERSON_STATES.includes(to);
}

/**
 * Decides a request under the two-person rule: apply it (a one-person step, or a second
 * person confirming a live proposal), record it as a proposal (none is live), or refuse it with
 * `two_person_rule` when the actor would confirm their own proposal.
 *
 * @example
 * decideTwoPerson({ to: 'verified', actor: 'b', currentVersion: 4,
 *   pending: { proposedBy: 'a', version: 4 } }) // { kind: 'apply', proposedBy: 'a' }
 */
export function decideTwoPerson(request: TwoPersonRequest): TwoPersonDecision {
  if (!needsTwoPeople(request.to)) return { kind: 'apply', proposedBy: null };
  const pending = request.pending;
  if (pending === undefined) return { kind: 'propose', replacesVoid: false };
  if (pending.version !== request.currentVersion) return { kind: 'propose', replacesVoid: true };
  if (pending.proposedBy === request.actor) {
    throw new DomainError('two_person_rule', 'the proposer may not confirm their own proposal', {
      details: { to: request.to, version: pending.version },
    });
  }
  return { kind: 'apply', proposedBy: pending.proposedBy };
}
