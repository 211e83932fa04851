import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { roundCount } from './rounding.ts';

describe('roundCount', () => {
  it('rounds halves up to the base', () => {
    assert.deepEqual(
      [0, 5, 14, 15, 24, 25, 1234].map((value) => roundCount(value, 10)),
      [0, 10, 10, 20, 20, 30, 1230],
    );
    assert.equal(roundCount(7, 1), 7);
  });

  it('never rounds a count at or above the threshold to 0 when the base is at most twice it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 50 }), fc.nat(1000), (threshold, extra) => {
        const base = 2 * threshold;
        const rounded = roundCount(threshold + extra, base);
        assert.ok(rounded > 0 && rounded % base === 0);
        assert.ok(Math.abs(rounded - (threshold + extra)) <= base / 2);
      }),
    );
  });
});
