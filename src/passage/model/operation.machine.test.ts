import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import {
  assertTransition,
  canTransition,
  nextStates,
  OPERATION_TERMINAL_STATES,
  operationMachine,
} from './operation.machine.ts';
import { OPERATION_STATES } from './states.ts';
import type { OperationState } from './states.ts';

const state = fc.constantFrom(...OPERATION_STATES);

function reachableFrom(start: readonly OperationState[]): Set<OperationState> {
  const seen = new Set(start);
  for (const s of seen) for (const next of nextStates(s)) seen.add(next);
  return seen;
}

describe('operation machine', () => {
  it('walks the DOMAIN.md §5 path of a convoy, halting and resuming on the way', () => {
    const path: OperationState[] = [
      'proposed',
      'agreed',
      'scheduled',
      'boarding',
      'in_transit',
      'halted',
      'in_transit',
      'arrived',
      'reconciling',
      'closed',
    ];
    for (let i = 1; i < path.length; i++) {
      assertTransition(path[i - 1]!, path[i]!, { reason: 'shelling near the road' });
    }
  });

  it('lets an open window go from scheduled to in_transit without boarding', () => {
    assert.equal(canTransition('scheduled', 'in_transit'), true);
  });

  it('lets every non-terminal state be suspended, cancelled or aborted', () => {
    for (const from of OPERATION_STATES) {
      if (OPERATION_TERMINAL_STATES.includes(from)) continue;
      for (const to of ['cancelled', 'aborted'] as const) assert.ok(canTransition(from, to));
      assert.equal(canTransition(from, 'suspended'), from !== 'suspended');
    }
  });

  it('resumes a suspended operation only to agreed or scheduled', () => {
    assert.deepEqual(nextStates('suspended'), ['agreed', 'scheduled', 'cancelled', 'aborted']);
    assert.equal(canTransition('suspended', 'in_transit'), false);
  });

  it('refuses to skip ahead or to go back', () => {
    assert.equal(canTransition('proposed', 'in_transit'), false);
    assert.equal(canTransition('arrived', 'in_transit'), false);
    assert.equal(canTransition('reconciling', 'arrived'), false);
    assert.equal(canTransition('boarding', 'halted'), false);
  });

  it('ends in closed, cancelled or aborted, from which nothing leaves', () => {
    assert.deepEqual(OPERATION_TERMINAL_STATES, ['closed', 'cancelled', 'aborted']);
    for (const s of OPERATION_TERMINAL_STATES) assert.deepEqual(nextStates(s), []);
  });

  it('reaches every state from proposed, and a terminal state from every state', () => {
    assert.deepEqual([...reachableFrom(['proposed'])].sort(), [...OPERATION_STATES].sort());
    for (const s of OPERATION_STATES) {
      assert.ok(
        OPERATION_TERMINAL_STATES.some((t) => reachableFrom([s]).has(t)),
        s,
      );
    }
  });

  it('throws invalid_transition exactly when canTransition says no', () => {
    fc.assert(
      fc.property(state, state, (from, to) => {
        const context = { subjectId: 'op-1', reason: 'checkpoint closed' };
        if (canTransition(from, to)) {
          assertTransition(from, to, context);
          return;
        }
        assert.throws(
          () => {
            assertTransition(from, to, context);
          },
          (e) =>
            e instanceof DomainError &&
            e.code === 'invalid_transition' &&
            JSON.stringify(e.details) ===
              JSON.stringify({ from, to, machine: 'operation', subjectId: 'op-1' }),
        );
      }),
    );
  });

  it('refuses to halt without a reason, as a malformed request', () => {
    for (const context of [undefined, {}, { reason: '   ' }]) {
      assert.throws(
        () => {
          assertTransition('in_transit', 'halted', context);
        },
        (e) => e instanceof DomainError && e.code === 'invalid_request',
      );
    }
  });

  it('checks the transition before the reason', () => {
    assert.throws(
      () => {
        assertTransition('proposed', 'halted');
      },
      (e) => e instanceof DomainError && e.code === 'invalid_transition',
    );
  });

  it('needs no reason for any other move', () => {
    assertTransition('halted', 'in_transit');
    assert.equal(operationMachine.canStartAt('proposed'), true);
    assert.equal(operationMachine.canStartAt('agreed'), false);
  });
});
