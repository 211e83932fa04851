// A person held back at or after a checkpoint — DOMAIN.md §5: reported → confirmed_held →
// location_known → icrc_access → released | transferred | charged | sentenced | died_in_custody ;
// reported → whereabouts_unknown (flag as a possible enforced disappearance after N days).
//
// Decisions beyond the diagram: custody does not follow a straight line, so
// - an outcome (released, transferred, charged, died in custody) may come before the location is
//   known or the ICRC has access; a person reported held may turn out released the same day;
// - charged and sentenced are not the end: a person charged may be sentenced, released or
//   transferred; a sentenced person may be visited by the ICRC, transferred or released;
// - transferred means moved to another place or authority: the case goes on from there;
// - whereabouts can be lost at any point before an outcome, and found again;
// - only released and died_in_custody end a case.
import { DomainError } from '../../errors/domain-error.ts';
import { HELD_CASE_STATES } from './states.ts';
import type { HeldCaseState } from './states.ts';
import { defineMachine } from './state-machine.ts';
import type { TransitionContext } from './state-machine.ts';

/**
 * Days after the first report past which a case still `reported` or `whereabouts_unknown` is
 * flagged. One week: the Geneva Conventions give a captured or interned person at most one week
 * to send a capture or internment card to the family and the Central Tracing Agency (GC III
 * art. 70, GC IV art. 106); past that, silence about their fate is itself the warning sign.
 */
export const DEFAULT_DISAPPEARANCE_DAYS = 7;

const DAY_MS = 86_400_000;

/** The held-case machine (DOMAIN.md §5). Terminal: released, died_in_custody. */
export const heldCaseMachine = defineMachine<HeldCaseState>({
  name: 'held_case',
  states: HELD_CASE_STATES,
  initial: ['reported'],
  transitions: {
    reported: ['confirmed_held', 'whereabouts_unknown', 'released'],
    confirmed_held: [
      'location_known',
      'whereabouts_unknown',
      'released',
      'transferred',
      'charged',
      'died_in_custody',
    ],
    location_known: [
      'icrc_access',
      'whereabouts_unknown',
      'released',
      'transferred',
      'charged',
      'died_in_custody',
    ],
    icrc_access: ['released', 'transferred', 'charged', 'sentenced', 'died_in_custody'],
    charged: ['sentenced', 'icrc_access', 'released', 'transferred', 'died_in_custody'],
    sentenced: ['icrc_access', 'released', 'transferred', 'died_in_custody'],
    transferred: [
      'location_known',
      'icrc_access',
      'whereabouts_unknown',
      'released',
      'charged',
      'sentenced',
      'died_in_custody',
    ],
    whereabouts_unknown: ['confirmed_held', 'location_known', 'released', 'died_in_custody'],
    released: [],
    died_in_custody: [],
  },
});

/** Held-case states with no way out: released, died_in_custody. */
export const HELD_CASE_TERMINAL_STATES: readonly HeldCaseState[] = heldCaseMachine.terminalStates;

/** What the enforced-disappearance flag reads from a case. */
export interface HeldCaseClock {
  readonly state: HeldCaseState;
  /** When the person was first reported held. */
  readonly reportedAt: Date;
}

/**
 * True when a case is still `reported` or `whereabouts_unknown` at least `days` after the first
 * report: a possible enforced disappearance (DOMAIN.md §5). The clock runs from the first report,
 * not from the last change of state, so losing track of a person whose place was once known flags
 * at once an old case: concealment after acknowledgement is the same concern.
 *
 * Throws `invalid_request` when `days` is negative or not a number.
 *
 * @example isPossibleEnforcedDisappearance({ state: 'reported', reportedAt }, now) // after 7 days
 */
export function isPossibleEnforcedDisappearance(
  heldCase: HeldCaseClock,
  now: Date,
  days: number = DEFAULT_DISAPPEARANCE_DAYS,
): boolean {
  if (!Number.isFinite(days) || days < 0) {
    throw new DomainError('invalid_request', `disappearance threshold ${days} is not a day count`);
  }
  if (heldCase.state !== 'reported' && heldCase.state !== 'whereabouts_unknown') return false;
  return now.getTime() - heldCase.reportedAt.getTime() >= days * DAY_MS;
}

/**
 * True when a held case may move from `from` to `to`.
 *
 * @example canTransition('reported', 'whereabouts_unknown') // true
 */
export function canTransition(from: HeldCaseState, to: HeldCaseState): boolean {
  return heldCaseMachine.canTransition(from, to);
}

/**
 * Throws `invalid_transition` unless `from → to` is allowed.
 *
 * @example assertTransition('released', 'charged') // throws
 */
export function assertTransition(
  from: HeldCaseState,
  to: HeldCaseState,
  context?: TransitionContext,
): void {
  heldCaseMachine.assertTransition(from, to, context);
}

/**
 * The states a held case in `from` may move to.
 *
 * @example nextStates('reported') // ['confirmed_held', 'whereabouts_unknown', 'released']
 */
export function nextStates(from: HeldCaseState): readonly HeldCaseState[] {
  return heldCaseMachine.nextStates(from);
}
