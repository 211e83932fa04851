import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import { lnGamma, regularizedGammaQ } from './gamma.ts';

function close(actual: number, expected: number, relative = 1e-12): void {
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected)),
    `${actual} is not ${expected}`,
  );
}
const isInvalidRequest = (e: unknown): boolean =>
  e instanceof DomainError && e.code === 'invalid_request';

describe('lnGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    close(lnGamma(1), 0);
    close(lnGamma(5), Math.log(24));
    close(lnGamma(21), Math.log(2432902008176640000));
    close(lnGamma(0.5), 0.5 * Math.log(Math.PI));
    close(lnGamma(0.1), Math.log(9.513507698668732));
    close(lnGamma(1001), 5912.128178488163, 1e-14); // ln 1000!
  });

  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), (x) => {
        close(lnGamma(x + 1), lnGamma(x) + Math.log(x), 1e-11);
      }),
    );
  });

  it('refuses zero, negative and infinite arguments', () => {
    for (const x of [0, -1, Number.POSITIVE_INFINITY, Number.NaN]) {
      assert.throws(() => lnGamma(x), isInvalidRequest);
    }
  });
});

describe('regularizedGammaQ', () => {
  it('matches closed forms: Q(1, x) = e^-x and Q(2, x) = (1 + x) e^-x', () => {
    for (const x of [0.1, 1, 2.5, 10, 40]) {
      close(regularizedGammaQ(1, x), Math.exp(-x));
      close(regularizedGammaQ(2, x), (1 + x) * Math.exp(-x));
    }
  });

  it('gives the chi-square critical values of the tables', () => {
    // Q(df/2, x/2) at the tabled 5% and 0.1% critical values.
    close(regularizedGammaQ(0.5, 3.841458820694124 / 2), 0.05, 1e-9);
    close(regularizedGammaQ(1, 13.815510557964274 / 2), 0.001, 1e-9);
    close(regularizedGammaQ(5, 29.58829844507442 / 2), 0.001, 1e-9);
    close(regularizedGammaQ(9.5, 30.14352720564616 / 2), 0.05, 1e-9);
  });

  it('is one at zero', () => {
    assert.equal(regularizedGammaQ(3, 0), 1);
  });

  it('is a probability that falls as x grows, across both methods', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (a, x, step) => {
          const q = regularizedGammaQ(a, x);
          assert.ok(q >= -1e-12 && q <= 1 + 1e-12, `Q(${a}, ${x}) = ${q}`);
          assert.ok(regularizedGammaQ(a, x + step) <= q + 1e-12);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses arguments outside its domain', () => {
    for (const [a, x] of [
      [0, 1],
      [1, -1],
      [Number.POSITIVE_INFINITY, 1],
      [1, Number.POSITIVE_INFINITY],
      [1, Number.NaN],
    ] as const) {
      assert.throws(() => regularizedGammaQ(a, x), isInvalidRequest);
    }
  });
});
