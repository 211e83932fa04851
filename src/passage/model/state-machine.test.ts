import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import { defineMachine } from './state-machine.ts';

type Door = 'shut' | 'open' | 'gone';
const DOORS: readonly Door[] = ['shut', 'open', 'gone'];
const TABLE: Record<Door, readonly Door[]> = { shut: ['open'], open: ['shut', 'gone'], gone: [] };
const door = defineMachine<Door>({
  name: 'door',
  states: DOORS,
  initial: ['shut'],
  transitions: TABLE,
});

function isRefusal(error: unknown, details: Record<string, unknown>): boolean {
  return (
    error instanceof DomainError &&
    error.code === 'invalid_transition' &&
    JSON.stringify(error.details) === JSON.stringify(details)
  );
}

describe('defineMachine', () => {
  it('allows exactly the transitions in its table', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOORS), fc.constantFrom(...DOORS), (from, to) => {
        const listed = TABLE[from].includes(to);
        assert.equal(door.canTransition(from, to), listed);
        if (listed) door.assertTransition(from, to);
        else
          assert.throws(() => {
            door.assertTransition(from, to);
          }, DomainError);
      }),
    );
  });

  it('names the machine, both states and the subject in a refused transition', () => {
    assert.throws(
      () => {
        door.assertTransition('shut', 'gone', { subjectId: 'd1' });
      },
      (e) => isRefusal(e, { from: 'shut', to: 'gone', machine: 'door', subjectId: 'd1' }),
    );
    assert.throws(
      () => {
        door.assertTransition('gone', 'open');
      },
      (e) => e instanceof DomainError && e.message === 'door: cannot go from gone to open',
    );
  });

  it('derives the terminal states from the table', () => {
    assert.deepEqual(door.terminalStates, ['gone']);
    assert.equal(door.isTerminal('gone'), true);
    assert.equal(door.isTerminal('open'), false);
  });

  it('lists the next states and nothing for a terminal state', () => {
    assert.deepEqual(door.nextStates('open'), ['shut', 'gone']);
    assert.deepEqual(door.nextStates('gone'), []);
  });

  it('refuses states it does not know, including inherited property names', () => {
    // A state read from an old or hostile row is a plain string at run time.
    const unknown = ['__proto__', 'toString', 'ajar'] as unknown as Door[];
    for (const state of unknown) {
      assert.equal(door.canTransition(state, 'open'), false);
      assert.equal(door.canTransition('shut', state), false);
      assert.deepEqual(door.nextStates(state), []);
      assert.equal(door.isTerminal(state), false);
      assert.equal(door.canStartAt(state), false);
    }
  });

  it('starts only in an initial state and says so when refusing', () => {
    assert.equal(door.canStartAt('shut'), true);
    door.assertStartAt('shut');
    assert.throws(
      () => {
        door.assertStartAt('open', { subjectId: 'd2' });
      },
      (e) =>
        isRefusal(e, { from: null, to: 'open', machine: 'door', subjectId: 'd2' }) &&
        e instanceof Error &&
        e.message === 'door: cannot start in open',
    );
  });

  it('cannot be changed through the lists it hands out', () => {
    assert.throws(() => {
      (door.nextStates('open') as Door[]).push('open');
    }, TypeError);
    assert.deepEqual(door.nextStates('open'), ['shut', 'gone']);
  });
});
