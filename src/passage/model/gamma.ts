// The gamma function pieces that chi-square p-values need, implemented here because the model
// must run in the browser without a statistics library. Algorithms: the Lanczos approximation
// (g = 7, nine coefficients; relative error about 1e-15) for ln Γ, and for the regularized
// incomplete gamma the series and Lentz continued fraction of Numerical Recipes §6.2.
import { DomainError } from '../../errors/domain-error.ts';

const LANCZOS_G = 7;
const LANCZOS_0 = 0.99999999999980993;
const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const EPSILON = 1e-15;
const MAX_ITERATIONS = 10_000;

/**
 * ln Γ(x) for x > 0. Throws `invalid_request` otherwise.
 *
 * @example lnGamma(5) // ln 24
 */
export function lnGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) {
    throw new DomainError('invalid_request', `ln Γ(${x}) is not defined here`);
  }
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x); // reflection
  const z = x - 1;
  let sum = LANCZOS_0;
  for (const [i, coefficient] of LANCZOS.entries()) sum += coefficient / (z + i + 1);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** e^(-x) x^a / Γ(a), computed in logs. */
function prefactor(a: number, x: number): number {
  return Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

/** P(a, x) by its series, good for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS && Math.abs(term) >= Math.abs(sum) * EPSILON; n++) {
    term *= x / (a + n);
    sum += term;
  }
  return sum * prefactor(a, x);
}

/**
 * Q(a, x) by its continued fraction (Lentz), used for x ≥ a + 1. Numerical Recipes guards the
 * denominators against zero for general fractions; here b starts at x + 1 − a ≥ 2 and grows by 2
 * each step, the partial denominators stay well away from zero, and the guards could never fire
 * (gamma.test.ts sweeps the domain and checks every value is a probability).
 */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = Number.MAX_VALUE;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = 1 / (an * d + b);
    c = b + an / c;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return prefactor(a, x) * h;
}

/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0, x ≥ 0.
 * Throws `invalid_request` outside that domain.
 *
 * @example regularizedGammaQ(1, 2) // e^-2
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0) || !Number.isFinite(a) || !Number.isFinite(x)) {
    throw new DomainError('invalid_request', `Q(${a}, ${x}) is not defined here`);
  }
  if (x === 0) return 1;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}
