// One person's journey — DOMAIN.md §5: listed → boarded | no_show ; boarded → passed(checkpoint k)…
// → arrived → registered_at_arrival ; → held_secondary → released | turned_back | detained |
// unknown ; → died_en_route | medevac. Overdue when no arrival within the expected transit time.
//
// Decisions beyond the diagram (DOMAIN.md §4 is the guide: every person pulled aside must have an
// outcome, and departed = arrived + held + turned back + died + unaccounted must stay computable):
// - "En route" means boarded, passed or released. From any of them a person may pass the next
//   checkpoint, be pulled aside (held_secondary), be turned back, die (the queue explosion of
//   DOMAIN.md §7 happened before the checkpoint), be evacuated for care, or arrive (a route with
//   no logged checkpoint still ends in an arrival). passed → passed is the next checkpoint.
// - released returns the person to the road: the same exits as passed.
// - detained and unknown are not the end of a journey: a detainee may be released (and continue,
//   or be turned back), and a person whose whereabouts were unknown may be found detained or
//   released. What happens in custody is the held case's machine (held-case.machine.ts).
// - medevac counts as an arrival elsewhere (reconciliation.ts); the host may still register them.
// - no_show → boarded: a roll call marks someone absent who then boards before departure.
// - Entry states: a manifest entry starts listed; a person first seen at a checkpoint without a
//   manifest starts at that checkpoint's outcome (passed, held_secondary or turned_back); a person
//   first seen at the reception point starts arrived. All of them count as departed.
import { JOURNEY_STATES } from './states.ts';
import type { JourneyState } from './states.ts';
import { defineMachine } from './state-machine.ts';
import type { TransitionContext } from './state-machine.ts';

/** Where a person on the road may go next. */
const ON_THE_ROAD: readonly JourneyState[] = [
  'passed',
  'held_secondary',
  'turned_back',
  'died_en_route',
  'medevac',
  'arrived',
];

/** The journey machine (DOMAIN.md §5). */
export const journeyMachine = defineMachine<JourneyState>({
  name: 'journey',
  states: JOURNEY_STATES,
  initial: ['listed', 'passed', 'held_secondary', 'turned_back', 'arrived'],
  transitions: {
    listed: ['boarded', 'no_show'],
    no_show: ['boarded'],
    boarded: ON_THE_ROAD,
    passed: ON_THE_ROAD,
    held_secondary: ['released', 'turned_back', 'detained', 'unknown'],
    released: ON_THE_ROAD,
    turned_back: [],
    detained: ['released', 'turned_back', 'unknown'],
    unknown: ['detained', 'released', 'turned_back'],
    died_en_route: [],
    medevac: ['registered_at_arrival'],
    arrived: ['registered_at_arrival'],
    registered_at_arrival: [],
  },
});

/** Journey states with no way out: turned_back, died_en_route, registered_at_arrival. */
export const JOURNEY_TERMINAL_STATES: readonly JourneyState[] = journeyMachine.terminalStates;

/** States a journey may be created in: listed, passed, held_secondary, turned_back, arrived. */
export const JOURNEY_INITIAL_STATES: readonly JourneyState[] = journeyMachine.initialStates;

/**
 * True when a journey may move from `from` to `to`.
 *
 * @example canTransition('passed', 'passed') // true: the next checkpoint
 */
export function canTransition(from: JourneyState, to: JourneyState): boolean {
  return journeyMachine.canTransition(from, to);
}

/**
 * Throws `invalid_transition` unless `from → to` is allowed.
 *
 * @example assertTransition('listed', 'arrived', { subjectId: id }) // throws
 */
export function assertTransition(
  from: JourneyState,
  to: JourneyState,
  context?: TransitionContext,
): void {
  journeyMachine.assertTransition(from, to, context);
}

/**
 * The states a journey in `from` may move to.
 *
 * @example nextStates('arrived') // ['registered_at_arrival']
 */
export function nextStates(from: JourneyState): readonly JourneyState[] {
  return journeyMachine.nextStates(from);
}

/**
 * True when a journey may be created in `state` (a manifest entry, or a person first seen at a
 * checkpoint or at the reception point).
 *
 * @example canStartAt('passed') // true
 */
export function canStartAt(state: JourneyState): boolean {
  return journeyMachine.canStartAt(state);
}
