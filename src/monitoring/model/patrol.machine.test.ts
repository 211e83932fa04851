import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../errors/domain-error.ts';
import { PATROL_STATES } from './operations-vocabulary.ts';
import type { PatrolState } from './operations-vocabulary.ts';
import { assertPatrolTransition, patrolMachine } from './patrol.machine.ts';

function walk(path: readonly PatrolState[]): void {
  for (let i = 1; i < path.length; i++) assertPatrolTransition(path[i - 1]!, path[i]!);
}

describe('patrol machine', () => {
  it('walks the DOMAIN.md §5 path, through a restriction and back on task', () => {
    walk(['planned', 'notified', 'deployed', 'on_task', 'restricted', 'on_task', 'returned']);
  });

  it('lets a restriction stop a patrol on its way and turn it back', () => {
    walk(['planned', 'notified', 'deployed', 'restricted', 'returned']);
  });

  it('aborts a patrol from any state that is not final', () => {
    for (const state of PATROL_STATES) {
      assert.equal(
        patrolMachine.canTransition(state, 'aborted'),
        !patrolMachine.isTerminal(state),
        state,
      );
    }
  });

  it('starts planned and ends returned or aborted', () => {
    assert.deepEqual(patrolMachine.initialStates, ['planned']);
    assert.deepEqual(patrolMachine.terminalStates, ['returned', 'aborted']);
  });

  it('refuses to deploy an unnotified patrol, naming the patrol', () => {
    assert.throws(
      () => {
        assertPatrolTransition('planned', 'deployed', { subjectId: 'p-1' });
      },
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'invalid_transition' &&
        JSON.stringify(error.details).includes('p-1'),
    );
  });

  it('never leaves a returned patrol', () => {
    for (const to of PATROL_STATES)
      assert.equal(patrolMachine.canTransition('returned', to), false);
  });
});
