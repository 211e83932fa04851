import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import {
  assertTransition,
  canStartAt,
  canTransition,
  JOURNEY_INITIAL_STATES,
  JOURNEY_TERMINAL_STATES,
  nextStates,
} from './journey.machine.ts';
import { JOURNEY_STATES } from './states.ts';
import type { JourneyState } from './states.ts';

const state = fc.constantFrom(...JOURNEY_STATES);

function reachableFrom(start: readonly JourneyState[]): Set<JourneyState> {
  const seen = new Set(start);
  for (const s of seen) for (const next of nextStates(s)) seen.add(next);
  return seen;
}

function walk(path: readonly JourneyState[]): void {
  for (let i = 1; i < path.length; i++) assertTransition(path[i - 1]!, path[i]!);
}

describe('journey machine', () => {
  it('walks a bus passenger through two checkpoints to registration', () => {
    walk(['listed', 'boarded', 'passed', 'passed', 'arrived', 'registered_at_arrival']);
  });

  it('walks a person pulled aside, released, and arriving', () => {
    walk(['listed', 'boarded', 'passed', 'held_secondary', 'released', 'passed', 'arrived']);
    walk(['boarded', 'held_secondary', 'released', 'arrived']);
  });

  it('ends a held person released, turned back, detained or of unknown whereabouts', () => {
    assert.deepEqual(nextStates('held_secondary'), [
      'released',
      'turned_back',
      'detained',
      'unknown',
    ]);
  });

  it('lets a detainee be released later and a lost person be found', () => {
    walk(['held_secondary', 'detained', 'released', 'arrived']);
    walk(['held_secondary', 'unknown', 'detained', 'turned_back']);
  });

  it('lets death and medical evacuation happen anywhere on the road, even in the queue', () => {
    for (const from of ['boarded', 'passed', 'released'] as const) {
      assert.ok(canTransition(from, 'died_en_route'));
      assert.ok(canTransition(from, 'medevac'));
    }
    assert.ok(canTransition('medevac', 'registered_at_arrival'));
  });

  it('refuses moves that skip the road or come back from the end', () => {
    assert.equal(canTransition('listed', 'passed'), false);
    assert.equal(canTransition('listed', 'arrived'), false);
    assert.equal(canTransition('no_show', 'passed'), false);
    assert.equal(canTransition('arrived', 'passed'), false);
    assert.equal(canTransition('held_secondary', 'passed'), false);
    assert.equal(canTransition('detained', 'arrived'), false);
    assert.equal(canTransition('boarded', 'boarded'), false);
  });

  it('lets a person marked absent at roll call still board', () => {
    walk(['listed', 'no_show', 'boarded']);
  });

  it('starts from a manifest, a checkpoint outcome or the reception point', () => {
    assert.deepEqual(JOURNEY_INITIAL_STATES, [
      'listed',
      'passed',
      'held_secondary',
      'turned_back',
      'arrived',
    ]);
    assert.equal(canStartAt('passed'), true);
    assert.equal(canStartAt('boarded'), false);
    assert.equal(canStartAt('detained'), false);
  });

  it('ends only in turned_back, died_en_route or registered_at_arrival', () => {
    assert.deepEqual(JOURNEY_TERMINAL_STATES, [
      'turned_back',
      'died_en_route',
      'registered_at_arrival',
    ]);
  });

  it('reaches every state from an entry state, and an end from every state', () => {
    assert.deepEqual([...reachableFrom(JOURNEY_INITIAL_STATES)].sort(), [...JOURNEY_STATES].sort());
    for (const s of JOURNEY_STATES) {
      assert.ok(
        JOURNEY_TERMINAL_STATES.some((t) => reachableFrom([s]).has(t)),
        s,
      );
    }
  });

  it('throws invalid_transition exactly when canTransition says no', () => {
    fc.assert(
      fc.property(state, state, (from, to) => {
        if (canTransition(from, to)) {
          assertTransition(from, to, { subjectId: 'j-1' });
          return;
        }
        assert.throws(
          () => {
            assertTransition(from, to, { subjectId: 'j-1' });
          },
          (e) =>
            e instanceof DomainError &&
            e.code === 'invalid_transition' &&
            JSON.stringify(e.details) ===
              JSON.stringify({ from, to, machine: 'journey', subjectId: 'j-1' }),
        );
      }),
    );
  });
});
