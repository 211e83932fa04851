// Pearson's chi-square goodness-of-fit test: do observed counts follow given shares? Used to ask
// whether the sex and age pattern of people held back departs from that of people passing
// (DOMAIN.md §4). The chi-square approximation needs expected counts of about five or more per
// category (Cochran's rule), so sparse categories are pooled before testing.
import { DomainError } from '../../errors/domain-error.ts';
import { regularizedGammaQ } from './gamma.ts';

/** The result of a goodness-of-fit test. */
export interface GoodnessOfFit {
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
  /** How many categories were tested after pooling the sparse ones. */
  readonly categories: number;
}

/** Cochran's rule: each tested category should expect at least this many observations. */
export const MIN_EXPECTED = 5;

/**
 * P(X ≥ x) for X chi-square distributed with `df` degrees of freedom: Q(df/2, x/2).
 *
 * @example chiSquareSurvival(3.841, 1) // about 0.05
 */
export function chiSquareSurvival(statistic: number, degreesOfFreedom: number): number {
  return regularizedGammaQ(degreesOfFreedom / 2, Math.max(statistic, 0) / 2);
}

interface Category {
  observed: number;
  expected: number;
}

/**
 * Pools the categories expecting fewer than MIN_EXPECTED into one, taking in the next smallest
 * category too if the pool itself still falls short. Categories that neither expect nor observe
 * anything are dropped. A category nobody was expected in but someone was observed in joins the
 * pool: its observations still weigh, without an infinite term.
 */
function pool(categories: readonly Category[]): Category[] {
  const sorted = categories
    .filter((c) => c.expected > 0 || c.observed > 0)
    .sort((a, b) => a.expected - b.expected);
  const kept: Category[] = [];
  const pooled: Category = { observed: 0, expected: 0 };
  let pooling = false;
  for (const category of sorted) {
    if (category.expected < MIN_EXPECTED || (pooling && pooled.expected < MIN_EXPECTED)) {
      pooled.observed += category.observed;
      pooled.expected += category.expected;
      pooling = true;
    } else {
      kept.push(category);
    }
  }
  return pooling ? [pooled, ...kept] : kept;
}

/** One category: how many were observed in it, and its weight under the hypothesis. */
export interface FitCell {
  readonly observed: number;
  /** Any non-negative weight (for instance the count of people passing); normalised here. */
  readonly share: number;
}

/**
 * Tests whether the observed counts follow the cells' shares. Sparse categories are pooled
 * (Cochran's rule). Answers undefined when nothing is observed, nothing is expected, or fewer than
 * two categories remain after pooling (no test is possible). Throws `invalid_request` for a
 * negative or non-finite count or share.
 *
 * @example chiSquareGoodnessOfFit([{ observed: 60, share: 1 }, { observed: 40, share: 1 }])
 * // statistic 4, 1 degree of freedom, p ≈ 0.0455
 */
export function chiSquareGoodnessOfFit(cells: readonly FitCell[]): GoodnessOfFit | undefined {
  let total = 0;
  let weight = 0;
  for (const { observed, share } of cells) {
    if (!(observed >= 0 && share >= 0 && Number.isFinite(observed + share))) {
      throw new DomainError('invalid_request', `count ${observed} or share ${share} is invalid`);
    }
    total += observed;
    weight += share;
  }
  if (total === 0 || weight === 0) return undefined;
  const categories = pool(
    cells.map((c) => ({ observed: c.observed, expected: (total * c.share) / weight })),
  );
  if (categories.length < 2) return undefined;
  let statistic = 0;
  for (const { observed: o, expected: e } of categories) statistic += ((o - e) * (o - e)) / e;
  const degreesOfFreedom = categories.length - 1;
  return {
    statistic,
    degreesOfFreedom,
    pValue: chiSquareSurvival(statistic, degreesOfFreedom),
    categories: categories.length,
  };
}
