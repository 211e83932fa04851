import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import { chiSquareGoodnessOfFit, chiSquareSurvival, MIN_EXPECTED } from './chi-square.ts';

function close(actual: number | undefined, expected: number, relative = 1e-9): void {
  assert.ok(actual !== undefined);
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.max(1e-300, Math.abs(expected)),
    `${actual} ≠ ${expected}`,
  );
}
const cells = (observed: number[], shares: number[]) =>
  observed.map((o, i) => ({ observed: o, share: shares[i]! }));

describe('chiSquareSurvival', () => {
  it('matches tabled critical values and is one at or below zero', () => {
    close(chiSquareSurvival(3.841458820694124, 1), 0.05);
    close(chiSquareSurvival(16.26623619623813, 3), 0.001);
    assert.equal(chiSquareSurvival(0, 4), 1);
    assert.equal(chiSquareSurvival(-2, 4), 1);
  });
});

describe('chiSquareGoodnessOfFit', () => {
  it('computes the statistic, degrees of freedom and p-value of a textbook example', () => {
    // A die rolled 60 times (scipy.stats.chisquare([5, 8, 9, 8, 10, 20])).
    const fit = chiSquareGoodnessOfFit(cells([5, 8, 9, 8, 10, 20], [1, 1, 1, 1, 1, 1]));
    assert.equal(fit?.degreesOfFreedom, 5);
    close(fit.statistic, 13.4);
    close(fit.pValue, 0.019905220334774376, 1e-7);
  });

  it('normalises weights: counts of people passing serve as shares', () => {
    const byShare = chiSquareGoodnessOfFit(cells([30, 70], [0.5, 0.5]));
    const byCount = chiSquareGoodnessOfFit(cells([30, 70], [5000, 5000]));
    assert.deepEqual(byShare, byCount);
    close(byShare?.statistic, 16);
  });

  it('pools categories expecting fewer than five, with the next one if still short', () => {
    // Expected 2, 3, 45, 50: the pool of 2 + 3 reaches five on its own.
    const fit = chiSquareGoodnessOfFit(cells([4, 1, 45, 50], [2, 3, 45, 50]));
    assert.equal(MIN_EXPECTED, 5);
    assert.equal(fit?.categories, 3);
    close(fit.statistic, 0);
    // Expected 1, 1, 8, 90: the pool of 2 takes in the 8.
    const short = chiSquareGoodnessOfFit(cells([1, 1, 8, 90], [1, 1, 8, 90]));
    assert.equal(short?.categories, 2);
  });

  it('pools a category nobody was expected in instead of dividing by zero', () => {
    const fit = chiSquareGoodnessOfFit(cells([10, 50, 50], [0, 1, 1]));
    assert.equal(fit?.categories, 2);
    assert.ok(Number.isFinite(fit.statistic) && fit.statistic > 0);
  });

  it('drops categories that neither expect nor observe anything', () => {
    const fit = chiSquareGoodnessOfFit(cells([0, 50, 50], [0, 1, 1]));
    assert.equal(fit?.categories, 2);
    close(fit.statistic, 0);
  });

  it('declines to test when nothing is observed, nothing expected, or one category is left', () => {
    assert.equal(chiSquareGoodnessOfFit(cells([0, 0], [1, 1])), undefined);
    assert.equal(chiSquareGoodnessOfFit(cells([3, 4], [0, 0])), undefined);
    assert.equal(chiSquareGoodnessOfFit(cells([2, 2], [1, 1])), undefined);
    assert.equal(chiSquareGoodnessOfFit([]), undefined);
  });

  it('refuses negative or non-finite counts and shares', () => {
    for (const bad of [
      cells([-1, 2], [1, 1]),
      cells([1, 2], [1, Number.NaN]),
      cells([Infinity, 1], [1, 1]),
    ]) {
      assert.throws(
        () => chiSquareGoodnessOfFit(bad),
        (e) => e instanceof DomainError && e.code === 'invalid_request',
      );
    }
  });

  it('finds no departure when counts are exactly proportional to the shares', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 20 }),
        fc.integer({ min: 1, max: 9 }),
        (shares, times) => {
          const fit = chiSquareGoodnessOfFit(
            cells(
              shares.map((s) => s * times),
              shares,
            ),
          );
          if (fit === undefined) return;
          assert.ok(Math.abs(fit.statistic) < 1e-9);
          assert.ok(fit.pValue > 0.999999);
        },
      ),
    );
  });
});
