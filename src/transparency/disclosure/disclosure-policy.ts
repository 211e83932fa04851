// The disclosure rules as data (DOMAIN.md §6): counts below 5 are published as "<5"; below 10
// for detentions, sexual violence and unaccompanied children (and deaths on the road); movement
// counts rounded to 10.
// Categories are names the caller attaches to rows or columns; nothing here names a party or place.
import { refuseInput } from './invalid-input.ts';

/** How one category is protected. */
export interface CategoryRule {
  /** Counts 1 … threshold−1 are suppressed. At least 3, so "<t" always hides two values. */
  readonly threshold: number;
  /**
   * Also suppress a true zero. Off by default: a zero discloses nobody, and hiding it would make
   * a quiet place look as if something happened there. Turn it on where absence is itself telling.
   */
  readonly suppressZero?: boolean;
}

/** The whole policy an output applies. */
export interface DisclosurePolicy {
  /** The rule for a cell whose row and column carry no category. */
  readonly defaultRule: CategoryRule;
  /** Stricter rules by category name; a cell takes the strictest of its row's and column's. */
  readonly categories: Readonly<Record<string, CategoryRule>>;
  /** Base that movement counts (passages) are rounded to; at most twice every threshold. */
  readonly movementRoundingBase: number;
}

/**
 * DOMAIN.md §6, with one addition; category names follow the monitoring and passage
 * vocabularies. `died_en_route` (deaths on the road in a daily report's reconciliation) is not
 * in §6's list: a death among one day's travellers points at one family, as a detention does,
 * so it takes the same threshold. Casualties of verified incidents keep the default rule.
 */
export const STANDARD_POLICY: DisclosurePolicy = {
  defaultRule: { threshold: 5 },
  categories: {
    detention: { threshold: 10 },
    sexual_violence: { threshold: 10 },
    unaccompanied_child: { threshold: 10 },
    died_en_route: { threshold: 10 },
  },
  movementRoundingBase: 10,
};

function checkRule(rule: CategoryRule, base: number, name: string): void {
  // A threshold of 2 would publish "<2", which is the exact value 1.
  if (!Number.isSafeInteger(rule.threshold) || rule.threshold < 3) {
    throw refuseInput('bad_policy', `threshold ${rule.threshold} of ${name} is below 3`);
  }
  // Published counts are at least the threshold; a base above twice it could round them to 0.
  if (base > 2 * rule.threshold) {
    throw refuseInput('bad_policy', `rounding base ${base} could round ${name} counts to 0`);
  }
}

/**
 * Throws `bad_policy` unless every threshold is an integer of at least 3 and the rounding base
 * is a positive integer no larger than twice any threshold.
 */
export function validatePolicy(policy: DisclosurePolicy): void {
  const base = policy.movementRoundingBase;
  if (!Number.isSafeInteger(base) || base < 1) {
    throw refuseInput('bad_policy', `rounding base ${base} is not a positive integer`);
  }
  checkRule(policy.defaultRule, base, 'the default rule');
  for (const [name, rule] of Object.entries(policy.categories)) checkRule(rule, base, name);
}

/**
 * The rule of a cell: the strictest of the rules of the categories it belongs to (highest
 * threshold; zero suppressed if any asks). Unknown or absent categories use the default rule.
 *
 * @example ruleFor(STANDARD_POLICY, ['detention', undefined]).threshold // 10
 */
export function ruleFor(
  policy: DisclosurePolicy,
  categories: readonly (string | undefined)[],
): Required<CategoryRule> {
  let threshold = policy.defaultRule.threshold;
  let suppressZero = policy.defaultRule.suppressZero ?? false;
  for (const name of categories) {
    // Own keys only: a category named "constructor" must not find Object.prototype's.
    const rule =
      name !== undefined && Object.hasOwn(policy.categories, name)
        ? policy.categories[name]
        : undefined;
    if (rule === undefined) continue;
    threshold = Math.max(threshold, rule.threshold);
    suppressZero ||= rule.suppressZero ?? false;
  }
  return { threshold, suppressZero };
}
