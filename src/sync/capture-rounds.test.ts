import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureRounds } from './capture-rounds.ts';

const keysOf = (item: { keys: string[] }) => item.keys;
const named = (rounds: { name: string }[][]) => rounds.map((round) => round.map((i) => i.name));

describe('captureRounds', () => {
  it('keeps a batch of items touching nothing in common in one round, in order', () => {
    const items = [
      { name: 'a', keys: ['journey:1'] },
      { name: 'b', keys: [] },
      { name: 'c', keys: ['journey:2', 'journey:3'] },
    ];
    assert.deepEqual(named(captureRounds(items, keysOf)), [['a', 'b', 'c']]);
  });

  it('puts an item after every earlier item it shares a record with', () => {
    const items = [
      { name: 'first', keys: ['journey:1'] },
      { name: 'other', keys: ['journey:2'] },
      { name: 'second', keys: ['journey:1'] },
      { name: 'both', keys: ['journey:2', 'journey:1'] },
      { name: 'free', keys: ['journey:3'] },
      { name: 'after-other', keys: ['journey:2'] },
    ];
    assert.deepEqual(named(captureRounds(items, keysOf)), [
      ['first', 'other', 'free'],
      ['second'],
      ['both'],
      ['after-other'],
    ]);
  });

  it('answers no round for no item', () => {
    assert.deepEqual(captureRounds([], keysOf), []);
  });
});
