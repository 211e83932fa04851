import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import {
  assertTransition,
  canTransition,
  DEFAULT_DISAPPEARANCE_DAYS,
  HELD_CASE_TERMINAL_STATES,
  heldCaseMachine,
  isPossibleEnforcedDisappearance,
  nextStates,
} from './held-case.machine.ts';
import { HELD_CASE_STATES } from './states.ts';
import type { HeldCaseState } from './states.ts';

const state = fc.constantFrom(...HELD_CASE_STATES);
const DAY = 86_400_000;
const reportedAt = new Date('2023-09-28T10:00:00Z');
const daysLater = (days: number): Date => new Date(reportedAt.getTime() + days * DAY);

function reachableFrom(start: readonly HeldCaseState[]): Set<HeldCaseState> {
  const seen = new Set(start);
  for (const s of seen) for (const next of nextStates(s)) seen.add(next);
  return seen;
}

describe('held-case machine', () => {
  it('walks the DOMAIN.md §5 path to every outcome', () => {
    const path: HeldCaseState[] = ['reported', 'confirmed_held', 'location_known', 'icrc_access'];
    for (let i = 1; i < path.length; i++) assertTransition(path[i - 1]!, path[i]!);
    for (const outcome of [
      'released',
      'transferred',
      'charged',
      'sentenced',
      'died_in_custody',
    ] as const) {
      assert.ok(canTransition('icrc_access', outcome), outcome);
    }
    assert.ok(canTransition('reported', 'whereabouts_unknown'));
  });

  it('lets a person reported held turn out released the same day', () => {
    assert.ok(canTransition('reported', 'released'));
  });

  it('lets whereabouts be lost before an outcome and found again', () => {
    for (const from of ['confirmed_held', 'location_known', 'transferred'] as const) {
      assert.ok(canTransition(from, 'whereabouts_unknown'), from);
    }
    assert.ok(canTransition('whereabouts_unknown', 'location_known'));
    assert.equal(canTransition('icrc_access', 'whereabouts_unknown'), false);
  });

  it('refuses to confirm or locate what was never reported', () => {
    assert.equal(heldCaseMachine.canStartAt('reported'), true);
    assert.equal(heldCaseMachine.canStartAt('confirmed_held'), false);
    assert.equal(canTransition('reported', 'icrc_access'), false);
  });

  it('ends only when released or dead in custody', () => {
    assert.deepEqual(HELD_CASE_TERMINAL_STATES, ['released', 'died_in_custody']);
  });

  it('reaches every state from reported, and an end from every state', () => {
    assert.deepEqual([...reachableFrom(['reported'])].sort(), [...HELD_CASE_STATES].sort());
    for (const s of HELD_CASE_STATES) {
      assert.ok(
        HELD_CASE_TERMINAL_STATES.some((t) => reachableFrom([s]).has(t)),
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
            assertTransition(from, to, { subjectId: 'h-1' });
          },
          (e) =>
            e instanceof DomainError &&
            e.code === 'invalid_transition' &&
            JSON.stringify(e.details) ===
              JSON.stringify({ from, to, machine: 'held_case', subjectId: 'h-1' }),
        );
      }),
    );
  });
});

describe('isPossibleEnforcedDisappearance', () => {
  it('flags a case still only reported a week after the report', () => {
    assert.equal(DEFAULT_DISAPPEARANCE_DAYS, 7);
    const heldCase = { state: 'reported', reportedAt } as const;
    assert.equal(isPossibleEnforcedDisappearance(heldCase, daysLater(6.99)), false);
    assert.equal(isPossibleEnforcedDisappearance(heldCase, daysLater(7)), true);
  });

  it('flags whereabouts unknown past the chosen number of days', () => {
    const heldCase = { state: 'whereabouts_unknown', reportedAt } as const;
    assert.equal(isPossibleEnforcedDisappearance(heldCase, daysLater(2), 3), false);
    assert.equal(isPossibleEnforcedDisappearance(heldCase, daysLater(3), 3), true);
  });

  it('never flags a case whose fate is acknowledged, however old', () => {
    fc.assert(
      fc.property(state, fc.integer({ min: 0, max: 3650 }), (s, days) => {
        const flagged = isPossibleEnforcedDisappearance({ state: s, reportedAt }, daysLater(days));
        const open = s === 'reported' || s === 'whereabouts_unknown';
        assert.equal(flagged, open && days >= DEFAULT_DISAPPEARANCE_DAYS);
      }),
    );
  });

  it('refuses a threshold that is not a day count', () => {
    for (const days of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(
        () => isPossibleEnforcedDisappearance({ state: 'reported', reportedAt }, reportedAt, days),
        (e) => e instanceof DomainError && e.code === 'invalid_request',
      );
    }
  });
});
