// A weekly report is a sum of its days, and the daily reports of those days are public: a reader
// can subtract them from the week. So each weekly table is disclosed with the published daily
// reports of its days as release history (docs/disclosure.md "Across releases"). This file
// describes one day's release as the disclosure module needs it: the day's true counts,
// recomputed from the data now on the week's row layout, and the pattern of what its bulletin
// actually published. Where the data changed since the bulletin was published, the entry is
// described by what the current value allows ("<t" when small, else "x"): the reader then is
// assumed to know at least as much as they do, never less (docs/bulletins.md).
import type { CountTable } from '../disclosure/count-table.ts';
import { entryAt, extendTable, gridRules, isSmallCount } from '../disclosure/count-table.ts';
import type { CategoryRule } from '../disclosure/disclosure-policy.ts';
import { STANDARD_POLICY } from '../disclosure/disclosure-policy.ts';
import type { PublishedCell } from '../disclosure/published-cell.ts';
import type { EarlierRelease, ReleaseHistory } from '../disclosure/release-history.ts';
import { roundCount } from '../disclosure/rounding.ts';
import type { SuppressionPattern, SuppressionReason } from '../disclosure/table-audit.ts';

/**
 * What a daily bulletin published for each entry of the week's extended grid (rows, then the
 * totals row; columns, then the row total). `undefined`: the bulletin had no such row, which a
 * reader reads as zero (its rows are the checkpoints that had passages that day).
 */
export type PublishedGrid = readonly (readonly (PublishedCell | undefined)[])[];

/** One day of the period: its true counts on the week's layout and what its bulletin published. */
export interface DayTable {
  readonly table: CountTable;
  /** null when the day's daily bulletin was never published. */
  readonly published: PublishedGrid | null;
}

/** What a reader may know of an entry whose value is `value` now, published or not. */
function reasonNow(value: number, rule: CategoryRule): SuppressionReason | null {
  if (isSmallCount(value, rule)) return 'primary';
  // A true zero that is not small: the reader is assumed to know it.
  return value === 0 ? null : 'secondary';
}

function entryPattern(
  published: PublishedCell | undefined,
  value: number,
  rule: CategoryRule,
  roundingBase: number,
): SuppressionReason | null {
  const now = reasonNow(value, rule);
  // A missing row was published as nothing: a reader takes it for zero.
  if (published === undefined) return value === 0 ? null : now;
  if (published.kind === 'count')
    return roundCount(value, roundingBase) === published.value ? null : now;
  if (published.reason === 'primary') return isSmallCount(value, rule) ? 'primary' : now;
  if (published.reason === 'secondary' && value >= rule.threshold) return 'secondary';
  // Withheld, or no longer what the bulletin said: what the current value allows.
  return now;
}

/** The suppression pattern of a published day, over its table's extended grid. */
export function patternOfDay(table: CountTable, published: PublishedGrid): SuppressionPattern {
  const rules = gridRules(table, STANDARD_POLICY);
  const base = table.kind === 'movement' ? STANDARD_POLICY.movementRoundingBase : 1;
  return extendTable(table).values.map((row, r) =>
    row.map((value, column) =>
      entryPattern(published[r]?.[column], value, entryAt(rules, { row: r, column }), base),
    ),
  );
}

/**
 * The release history of a weekly table: its published days as parts; they cover the period
 * only when every day's bulletin was published (an unpublished day is not history, so the
 * week is more than the parts by an amount the reader does not know).
 */
export function historyOfDays(days: readonly DayTable[]): ReleaseHistory {
  const parts: EarlierRelease[] = [];
  for (const day of days) {
    if (day.published === null) continue;
    parts.push({
      table: day.table,
      disclosed: { pattern: patternOfDay(day.table, day.published) },
    });
  }
  return { parts, coversPeriod: parts.length === days.length };
}

/**
 * The published grid of a one-column table from its row cells and its total: in such a table
 * a row total is its cell and the column total is the grand total, and a reader knows it.
 */
export function oneColumnGrid(cells: readonly (PublishedCell | undefined)[], total: PublishedCell) {
  return [...cells.map((cell) => [cell, cell]), [total, total]];
}
