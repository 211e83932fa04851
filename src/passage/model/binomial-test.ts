// The exact binomial test: is `successes` out of `trials` consistent with a probability? Used for
// the share of men 18–45 among people held back against their share among people passing
// (DOMAIN.md §4 and §7: Srebrenica 1995 was "visible only as a sex ratio that departs from
// expectation"). Exact, so it stays valid for the ten or so people held at one checkpoint, where
// the chi-square approximation does not.
import { DomainError } from '../../errors/domain-error.ts';
import { lnGamma } from './gamma.ts';

/** Probabilities within this relative margin of the observed one count as equally likely. */
const RELATIVE_TIE = 1 + 1e-7;

/** ln P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
function lnProbability(k: number, n: number, p: number): number {
  const lnChoose = lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
  return lnChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/**
 * Two-sided p-value of the exact binomial test: the total probability, under Binomial(trials,
 * probability), of every outcome no more likely than the one observed (the method of R's
 * `binom.test`). Throws `invalid_request` unless 0 ≤ successes ≤ trials are integers and
 * 0 ≤ probability ≤ 1.
 *
 * @example binomialTestTwoSided(9, 10, 0.15) // about 1.1e-6: nine of ten held are men 18–45
 */
export function binomialTestTwoSided(
  successes: number,
  trials: number,
  probability: number,
): number {
  if (
    !Number.isSafeInteger(successes) ||
    !Number.isSafeInteger(trials) ||
    successes < 0 ||
    successes > trials ||
    !(probability >= 0 && probability <= 1)
  ) {
    throw new DomainError('invalid_request', `binomial ${successes}/${trials} at ${probability}`);
  }
  // Degenerate hypotheses: every trial fails, or every trial succeeds.
  if (probability === 0) return successes === 0 ? 1 : 0;
  if (probability === 1) return successes === trials ? 1 : 0;
  const observed = lnProbability(successes, trials, probability) + Math.log(RELATIVE_TIE);
  let pValue = 0;
  for (let k = 0; k <= trials; k++) {
    const ln = lnProbability(k, trials, probability);
    if (ln <= observed) pValue += Math.exp(ln);
  }
  return Math.min(1, pValue);
}
