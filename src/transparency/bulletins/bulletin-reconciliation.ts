// The reconciliation table of a daily report: where the people who departed in the reporting
// day stood at its cut-off (bulletin-reconciliation.kysely.ts), as a one-column table whose
// rows partition its total, departed (DOMAIN.md §4). Disclosed as one table with that total
// (DOMAIN.md §6): held people under the detention threshold (10), deaths on the road under the
// same, the rest under 5; complements ("x") so that departed minus the published rows never
// gives a hidden row away; a movement table, rounded to 10 like the passages it counts. Only
// the daily report has it: a week's people stood elsewhere at the week's end than at each
// day's cut-off, so a weekly table would not be the sum of the published days, and the audit
// across releases (bulletin-history.ts) assumes that it is.
import type { CountTable } from '../disclosure/count-table.ts';
import { itemAt } from '../disclosure/count-table.ts';
import { discloseTable } from '../disclosure/disclose-table.ts';
import { STANDARD_POLICY } from '../disclosure/disclosure-policy.ts';
import type { FigureSection } from './bulletin-figures.ts';
import type { ReconciliationCounts } from './bulletin-reconciliation.kysely.ts';

/** The section's key in a bulletin's figures. */
export const RECONCILIATION_SECTION = 'reconciliation';

/** The row of the total: everyone who departed in the day. Always the last row. */
export const DEPARTED_ROW = 'reconciliation.departed';

/** The rows that add up to the departed, in order, with their disclosure categories. */
const ROWS: readonly { key: string; of: keyof ReconciliationCounts; category?: string }[] = [
  { key: 'reconciliation.arrived', of: 'arrived' },
  { key: 'reconciliation.held', of: 'held', category: 'detention' },
  { key: 'reconciliation.turnedBack', of: 'turnedBack' },
  { key: 'reconciliation.died', of: 'died', category: 'died_en_route' },
  { key: 'reconciliation.enRoute', of: 'enRoute' },
  { key: 'reconciliation.unaccounted', of: 'unaccounted' },
];

/** The table the disclosure module sees: one column, one row per outcome, kind movement. */
export function reconciliationTable(counts: ReconciliationCounts): CountTable {
  return {
    counts: ROWS.map((row) => [counts[row.of]]),
    rowCategories: ROWS.map((row) => row.category),
    kind: 'movement',
  };
}

/**
 * The published section of `counts`: a row per outcome, then the departed (the table's grand
 * total). Only the disclosed cells; the raw counts stay here.
 *
 * @example reconciliationSection(counts).rows.at(-1)?.key // 'reconciliation.departed'
 */
export function reconciliationSection(counts: ReconciliationCounts): FigureSection {
  const disclosed = discloseTable(reconciliationTable(counts), STANDARD_POLICY);
  return {
    key: RECONCILIATION_SECTION,
    columns: ['count'],
    rows: [
      ...ROWS.map((row, index) => ({
        key: row.key,
        cells: [itemAt(itemAt(disclosed.cells, index), 0)],
      })),
      { key: DEPARTED_ROW, cells: [disclosed.grandTotal] },
    ],
  };
}
