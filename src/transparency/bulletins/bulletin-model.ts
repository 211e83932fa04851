// The bulletin's words and its state machine (DOMAIN.md §5–§6, issue 6): draft → in review
// (an analyst edits) → approved (a coordinator other than the last editor: two-person rule) →
// published, which is final. A published bulletin is never changed: a correction or a retraction
// is a new bulletin that names it. Pure: no I/O.
import { DomainError } from '../../errors/domain-error.ts';

/** The public products (DOMAIN.md §6). */
export const BULLETIN_PRODUCTS = ['daily', 'spot', 'weekly'] as const;
/** One of BULLETIN_PRODUCTS. */
export type BulletinProduct = (typeof BULLETIN_PRODUCTS)[number];

/** The states of a bulletin. */
export const BULLETIN_STATES = ['draft', 'in_review', 'approved', 'published'] as const;
/** One of BULLETIN_STATES. */
export type BulletinState = (typeof BULLETIN_STATES)[number];

/** How a bulletin relates to the published one it names. */
export const CORRECTION_KINDS = ['correction', 'retraction'] as const;
/** One of CORRECTION_KINDS. */
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** What may be done to a bulletin. */
export type BulletinAction = 'edit' | 'approve' | 'publish';

const ALLOWED: Readonly<Record<BulletinAction, readonly BulletinState[]>> = {
  // Editing an approved bulletin voids the approval (the coordinator approved other words).
  edit: ['draft', 'in_review', 'approved'],
  approve: ['in_review'],
  publish: ['approved'],
};

/** The state after `action`. */
const NEXT: Readonly<Record<BulletinAction, BulletinState>> = {
  edit: 'in_review',
  approve: 'approved',
  publish: 'published',
};

/**
 * The state `action` leads to from `state`; 'invalid_transition' when the state does not allow
 * it (a published bulletin allows nothing).
 *
 * @example nextState('in_review', 'approve') // 'approved'
 */
export function nextState(state: BulletinState, action: BulletinAction): BulletinState {
  if (!ALLOWED[action].includes(state)) {
    throw new DomainError('invalid_transition', `bulletin: cannot ${action} when ${state}`, {
      details: { from: state, action, machine: 'bulletin' },
    });
  }
  return NEXT[action];
}

/**
 * Throws 'two_person_rule' when the approver is the last person who edited the text: the words
 * published must have been read by someone who did not write them last.
 *
 * @example checkApprover({ lastEditor: 'a', approver: 'b' }) // passes
 */
export function checkApprover(request: { lastEditor: string | null; approver: string }): void {
  if (request.lastEditor === request.approver) {
    throw new DomainError('two_person_rule', 'the last editor may not approve the bulletin', {
      details: { action: 'approve' },
    });
  }
}

/** True for a state name stored in a row. */
export function isBulletinState(value: string): value is BulletinState {
  return (BULLETIN_STATES as readonly string[]).includes(value);
}

/** True for a product name stored in a row. */
export function isBulletinProduct(value: string): value is BulletinProduct {
  return (BULLETIN_PRODUCTS as readonly string[]).includes(value);
}
