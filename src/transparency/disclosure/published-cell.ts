// What an output prints for one entry of a disclosed table, and how.
import type { SuppressionPattern } from './table-audit.ts';

/** One published entry: a count (rounded for movement tables) or a suppressed marker. */
export type PublishedCell =
  | { readonly kind: 'count'; readonly value: number }
  /** Below its threshold: printed "<threshold". */
  | { readonly kind: 'suppressed'; readonly reason: 'primary'; readonly threshold: number }
  /** Hidden so that a primary entry cannot be worked out from totals or earlier releases. */
  | { readonly kind: 'suppressed'; readonly reason: 'secondary' }
  /** The whole table is withheld: no safe pattern was found. */
  | { readonly kind: 'suppressed'; readonly reason: 'withheld' };

/** A table as it may be published, with its totals. */
export interface DisclosedTable {
  readonly cells: readonly (readonly PublishedCell[])[];
  readonly rowTotals: readonly PublishedCell[];
  readonly columnTotals: readonly PublishedCell[];
  readonly grandTotal: PublishedCell;
  /** True when nothing of the table may be published. */
  readonly withheld: boolean;
  /** The hidden entries of the extended grid: keep it in the release history. */
  readonly pattern: SuppressionPattern | 'withheld';
}

/** Markers an output prints; "x" is the common statistical sign for "confidential". */
export interface CellMarkers {
  readonly secondary: string;
  readonly withheld: string;
}

const DEFAULT_MARKERS: CellMarkers = { secondary: 'x', withheld: 'x' };

/**
 * The text of one entry: the count through `Intl.NumberFormat` for `locale`, "<5" (or "<10")
 * for a primary suppression, and a marker otherwise. A legend explains the markers; they are
 * symbols, not words, so they need no translation.
 *
 * @example formatCell({ kind: 'suppressed', reason: 'primary', threshold: 5 }) // '<5'
 * @example formatCell({ kind: 'count', value: 12500 }, 'en') // '12,500'
 */
export function formatCell(
  cell: PublishedCell,
  locale = 'en',
  markers: CellMarkers = DEFAULT_MARKERS,
): string {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  if (cell.kind === 'count') return numbers.format(cell.value);
  switch (cell.reason) {
    case 'primary':
      return `<${numbers.format(cell.threshold)}`;
    case 'secondary':
      return markers.secondary;
    case 'withheld':
      return markers.withheld;
  }
}
