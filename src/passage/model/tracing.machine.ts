// A family's request to find a person — DOMAIN.md §5: opened → active_search → located_alive →
// contact_restored → reunification_requested → reunified → closed ; → located_deceased → closed ;
// → closed_unresolved | transferred_to_icrc.
//
// Decisions beyond the diagram:
// - A request may be answered at once (the sought person is already registered at arrival: most
//   separations resolve within days, DOMAIN.md §7), so opened may skip active_search.
// - located_alive → closed and contact_restored → closed: a located adult may decline contact or
//   reunification; their choice ends the request (Restoring Family Links practice).
// - reunification_requested → closed: the family withdraws the request.
// - located_alive → located_deceased: a first identification turns out wrong.
// - closed_unresolved may reopen (new information) back to active_search; a request handed to the
//   ICRC, which holds the mandate (DOMAIN.md §1), leaves the mission for good.
import { TRACING_STATES } from './states.ts';
import type { TracingState } from './states.ts';
import { defineMachine } from './state-machine.ts';
import type { TransitionContext } from './state-machine.ts';

/** Where a search may end before anyone is found alive. */
const SEARCH_ENDS: readonly TracingState[] = [
  'located_alive',
  'located_deceased',
  'closed_unresolved',
  'transferred_to_icrc',
];

/** The tracing machine (DOMAIN.md §5). Terminal: closed, transferred_to_icrc. */
export const tracingMachine = defineMachine<TracingState>({
  name: 'tracing',
  states: TRACING_STATES,
  initial: ['opened'],
  transitions: {
    opened: ['active_search', ...SEARCH_ENDS],
    active_search: SEARCH_ENDS,
    located_alive: ['contact_restored', 'located_deceased', 'closed'],
    contact_restored: ['reunification_requested', 'closed'],
    reunification_requested: ['reunified', 'transferred_to_icrc', 'closed'],
    reunified: ['closed'],
    located_deceased: ['closed'],
    closed_unresolved: ['active_search'],
    transferred_to_icrc: [],
    closed: [],
  },
});

/** Tracing states with no way out: transferred_to_icrc, closed. */
export const TRACING_TERMINAL_STATES: readonly TracingState[] = tracingMachine.terminalStates;

/**
 * True when a tracing request may move from `from` to `to`.
 *
 * @example canTransition('located_deceased', 'closed') // true
 */
export function canTransition(from: TracingState, to: TracingState): boolean {
  return tracingMachine.canTransition(from, to);
}

/**
 * Throws `invalid_transition` unless `from → to` is allowed.
 *
 * @example assertTransition('closed', 'active_search') // throws
 */
export function assertTransition(
  from: TracingState,
  to: TracingState,
  context?: TransitionContext,
): void {
  tracingMachine.assertTransition(from, to, context);
}

/**
 * The states a tracing request in `from` may move to.
 *
 * @example nextStates('reunified') // ['closed']
 */
export function nextStates(from: TracingState): readonly TracingState[] {
  return tracingMachine.nextStates(from);
}
