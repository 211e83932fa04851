// The passage operation (a convoy, or an open window) — DOMAIN.md §5:
//   proposed → agreed → scheduled → boarding → in_transit ⇄ halted(reason) → arrived →
//   reconciling → closed; any non-terminal state → suspended | cancelled | aborted;
//   suspended → agreed | scheduled (resumed, to be re-agreed or re-scheduled).
// Decisions beyond the diagram, each for a reason:
// - scheduled → in_transit directly: an open window (DOMAIN.md §4, "most real traffic is
//   self-organised private cars") has nobody to board; the window opening is the departure.
// - suspended → aborted is allowed because "any non-terminal → aborted" includes suspended.
// - Halting needs a non-empty reason (the diagram's `halted(reason)`); a missing reason is a
//   malformed request (`invalid_request`), not an illegal transition.
import { DomainError } from '../../errors/domain-error.ts';
import { OPERATION_STATES } from './states.ts';
import type { OperationState } from './states.ts';
import { defineMachine } from './state-machine.ts';
import type { TransitionContext } from './state-machine.ts';

/** The exits open from every non-terminal operation state. */
const STOP: readonly OperationState[] = ['suspended', 'cancelled', 'aborted'];

/** The operation machine (DOMAIN.md §5). Terminal: closed, cancelled, aborted. */
export const operationMachine = defineMachine<OperationState>({
  name: 'operation',
  states: OPERATION_STATES,
  initial: ['proposed'],
  transitions: {
    proposed: ['agreed', ...STOP],
    agreed: ['scheduled', ...STOP],
    scheduled: ['boarding', 'in_transit', ...STOP],
    boarding: ['in_transit', ...STOP],
    in_transit: ['halted', 'arrived', ...STOP],
    halted: ['in_transit', ...STOP],
    arrived: ['reconciling', ...STOP],
    reconciling: ['closed', ...STOP],
    closed: [],
    suspended: ['agreed', 'scheduled', 'cancelled', 'aborted'],
    cancelled: [],
    aborted: [],
  },
});

/** Context for an operation transition: halting must say why. */
export interface OperationTransitionContext extends TransitionContext {
  /** Why the operation halts (required when moving to `halted`). */
  readonly reason?: string | undefined;
}

/** Operation states with no way out: closed, cancelled, aborted. */
export const OPERATION_TERMINAL_STATES: readonly OperationState[] = operationMachine.terminalStates;

/**
 * True when an operation may move from `from` to `to`.
 *
 * @example canTransition('in_transit', 'halted') // true
 */
export function canTransition(from: OperationState, to: OperationState): boolean {
  return operationMachine.canTransition(from, to);
}

/**
 * Throws `invalid_transition` unless `from → to` is allowed, and `invalid_request` when halting
 * without a reason.
 *
 * @example assertTransition('in_transit', 'halted', { reason: 'checkpoint closed' })
 */
export function assertTransition(
  from: OperationState,
  to: OperationState,
  context?: OperationTransitionContext,
): void {
  operationMachine.assertTransition(from, to, context);
  if (to === 'halted' && (context?.reason ?? '').trim() === '') {
    throw new DomainError('invalid_request', 'operation: halting needs a reason', {
      details: { from, to, machine: 'operation', subjectId: context?.subjectId },
    });
  }
}

/**
 * The states an operation in `from` may move to.
 *
 * @example nextStates('halted') // ['in_transit', 'suspended', 'cancelled', 'aborted']
 */
export function nextStates(from: OperationState): readonly OperationState[] {
  return operationMachine.nextStates(from);
}
