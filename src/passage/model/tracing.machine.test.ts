import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import { TRACING_STATES } from './states.ts';
import type { TracingState } from './states.ts';
import {
  assertTransition,
  canTransition,
  nextStates,
  TRACING_TERMINAL_STATES,
  tracingMachine,
} from './tracing.machine.ts';

const state = fc.constantFrom(...TRACING_STATES);

function reachableFrom(start: readonly TracingState[]): Set<TracingState> {
  const seen = new Set(start);
  for (const s of seen) for (const next of nextStates(s)) seen.add(next);
  return seen;
}

function walk(path: readonly TracingState[]): void {
  for (let i = 1; i < path.length; i++) assertTransition(path[i - 1]!, path[i]!);
}

describe('tracing machine', () => {
  it('walks the DOMAIN.md §5 path to reunification', () => {
    walk([
      'opened',
      'active_search',
      'located_alive',
      'contact_restored',
      'reunification_requested',
      'reunified',
      'closed',
    ]);
  });

  it('closes a search that found the person dead', () => {
    walk(['opened', 'active_search', 'located_deceased', 'closed']);
  });

  it('ends a search unresolved or hands it to the ICRC', () => {
    assert.ok(canTransition('active_search', 'closed_unresolved'));
    assert.ok(canTransition('active_search', 'transferred_to_icrc'));
  });

  it('answers at once a request for someone already registered', () => {
    assert.ok(canTransition('opened', 'located_alive'));
  });

  it('respects a located person who declines contact', () => {
    assert.ok(canTransition('located_alive', 'closed'));
  });

  it('reopens an unresolved request but never a closed or transferred one', () => {
    assert.deepEqual(nextStates('closed_unresolved'), ['active_search']);
    assert.deepEqual(TRACING_TERMINAL_STATES, ['transferred_to_icrc', 'closed']);
  });

  it('refuses to reunify before contact is restored', () => {
    assert.equal(canTransition('located_alive', 'reunified'), false);
    assert.equal(canTransition('opened', 'closed'), false);
    assert.equal(tracingMachine.canStartAt('active_search'), false);
  });

  it('reaches every state from opened, and an end from every state', () => {
    assert.deepEqual([...reachableFrom(['opened'])].sort(), [...TRACING_STATES].sort());
    for (const s of TRACING_STATES) {
      assert.ok(
        TRACING_TERMINAL_STATES.some((t) => reachableFrom([s]).has(t)),
        s,
      );
    }
  });

  it('throws invalid_transition exactly when canTransition says no', () => {
    fc.assert(
      fc.property(state, state, (from, to) => {
        if (canTransition(from, to)) {
          assertTransition(from, to);
          return;
        }
        assert.throws(
          () => {
            assertTransition(from, to, { subjectId: 't-1' });
          },
          (e) =>
            e instanceof DomainError &&
            e.code === 'invalid_transition' &&
            JSON.stringify(e.details) ===
              JSON.stringify({ from, to, machine: 'tracing', subjectId: 't-1' }),
        );
      }),
    );
  });
});
