import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import { binomialTestTwoSided } from './binomial-test.ts';

function close(actual: number, expected: number, relative = 1e-9): void {
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.abs(expected),
    `${actual} ≠ ${expected}`,
  );
}

// Exact P(X = k) by products, as an oracle for small n.
function probability(k: number, n: number, p: number): number {
  let choose = 1;
  for (let i = 1; i <= k; i++) choose = (choose * (n - k + i)) / i;
  return choose * p ** k * (1 - p) ** (n - k);
}

describe('binomialTestTwoSided', () => {
  it('matches R binom.test on known cases', () => {
    // binom.test(7, 10, 0.5)$p.value = 0.34375; binom.test(682, 925, 0.75) = 0.3824916
    close(binomialTestTwoSided(7, 10, 0.5), 0.34375);
    close(binomialTestTwoSided(682, 925, 0.75), 0.3824915595, 1e-7);
  });

  it('finds nine of ten held being men 18-45 extremely unlikely when they are 15% of passers', () => {
    // Outcomes at least as unlikely as 9 of 10: 9 or 10 (the lower tail is far likelier).
    close(binomialTestTwoSided(9, 10, 0.15), probability(9, 10, 0.15) + probability(10, 10, 0.15));
    assert.ok(binomialTestTwoSided(9, 10, 0.15) < 0.001);
  });

  it('sums exactly the outcomes no likelier than the observed one, for small n', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 30 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        ([n, k], p) => {
          const observed = probability(k, n, p);
          let expected = 0;
          for (let i = 0; i <= n; i++) {
            const q = probability(i, n, p);
            if (q <= observed * (1 + 1e-7)) expected += q;
          }
          const actual = binomialTestTwoSided(k, n, p);
          assert.ok(Math.abs(actual - Math.min(1, expected)) < 1e-9, `${actual} vs ${expected}`);
        },
      ),
    );
  });

  it('handles probabilities of zero and one', () => {
    assert.equal(binomialTestTwoSided(0, 10, 0), 1);
    assert.equal(binomialTestTwoSided(1, 10, 0), 0);
    assert.equal(binomialTestTwoSided(10, 10, 1), 1);
    assert.equal(binomialTestTwoSided(9, 10, 1), 0);
  });

  it('refuses impossible counts and probabilities', () => {
    for (const [k, n, p] of [
      [-1, 10, 0.5],
      [11, 10, 0.5],
      [1.5, 10, 0.5],
      [1, 10.5, 0.5],
      [1, 10, 1.5],
      [1, 10, Number.NaN],
    ] as const) {
      assert.throws(
        () => binomialTestTwoSided(k, n, p),
        (e) => e instanceof DomainError && e.code === 'invalid_request',
      );
    }
  });
});
