// A patrol of the mission — DOMAIN.md §5: planned → notified → deployed → on_task →
// (restricted) → returned | aborted.
//
// Decisions beyond the diagram:
// - A patrol may be called off at any point before it is back (aborted), including while still
//   planned or notified: a cancelled patrol is kept and counted, never deleted.
// - A restriction may hit a patrol on its way (deployed → restricted, a denial at a checkpoint)
//   as well as on task; once it is lifted the patrol goes on with its task (restricted →
//   on_task), or turns back (restricted → returned).
// - A patrol cannot skip the notification of the parties: missions that notify do so for every
//   patrol, and a patrol that went out unnotified is a fact worth seeing as a refused transition.
// - returned and aborted are final.
import type { TransitionContext } from '../../passage/model/state-machine.ts';
import { defineMachine } from '../../passage/model/state-machine.ts';
import { PATROL_STATES } from './operations-vocabulary.ts';
import type { PatrolState } from './operations-vocabulary.ts';

/** The patrol machine (DOMAIN.md §5). Terminal: returned, aborted. */
export const patrolMachine = defineMachine<PatrolState>({
  name: 'patrol',
  states: PATROL_STATES,
  initial: ['planned'],
  transitions: {
    planned: ['notified', 'aborted'],
    notified: ['deployed', 'aborted'],
    deployed: ['on_task', 'restricted', 'aborted'],
    on_task: ['restricted', 'returned', 'aborted'],
    restricted: ['on_task', 'returned', 'aborted'],
    returned: [],
    aborted: [],
  },
});

/**
 * Throws `invalid_transition` unless a patrol may move from `from` to `to`.
 *
 * @example assertPatrolTransition('planned', 'deployed') // throws: notify first
 */
export function assertPatrolTransition(
  from: PatrolState,
  to: PatrolState,
  context?: TransitionContext,
): void {
  patrolMachine.assertTransition(from, to, context);
}
