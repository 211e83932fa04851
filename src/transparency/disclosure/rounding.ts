// Movement counts (passages) are published rounded (DOMAIN.md §6: to 10), so that a figure
// cannot be matched to one car or one family.

/**
 * `value` rounded to a multiple of `base`, halves up (15 → 20, 14 → 10). Callers suppress
 * counts below the threshold first; with a base at most twice the threshold (validatePolicy),
 * no published nonzero count rounds to 0.
 *
 * @example roundCount(15, 10) // 20
 */
export function roundCount(value: number, base: number): number {
  return Math.floor((value + base / 2) / base) * base;
}
