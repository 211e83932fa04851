/** Percentile (0..100) of `values` by nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Milliseconds since an arbitrary origin, sub-millisecond precision. */
export function now(): number {
  return performance.now();
}

/** Formats a rate with thousands separators. */
export function rate(count: number, ms: number): string {
  return Math.round((count * 1000) / ms).toLocaleString('en-US');
}

/** Formats milliseconds with 2–3 significant decimals. */
export function ms(value: number): string {
  return value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}
