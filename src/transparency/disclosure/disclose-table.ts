// The one entry point every public output uses for a table (DOMAIN.md §6): small counts become
// "<5" (or "<10"), complements are hidden so that totals and earlier releases cannot give them
// away, and movement counts are rounded. See docs/disclosure.md for the guarantee.
import type { CountTable, ExtendedGrid, GridCell } from './count-table.ts';
import {
  entryAt,
  extendTable,
  gridRules,
  isPublishedElsewhere,
  itemAt,
  validateTable,
} from './count-table.ts';
import type { CategoryRule, DisclosurePolicy } from './disclosure-policy.ts';
import { STANDARD_POLICY, validatePolicy } from './disclosure-policy.ts';
import type { DisclosedTable, PublishedCell } from './published-cell.ts';
import type { ReleaseHistory } from './release-history.ts';
import { historyContext, initialPattern } from './release-history.ts';
import { roundCount } from './rounding.ts';
import { completeSuppression } from './secondary-suppression.ts';
import type { SuppressionPattern } from './table-audit.ts';

const WITHHELD: PublishedCell = { kind: 'suppressed', reason: 'withheld' };

interface Presentation {
  readonly grid: ExtendedGrid;
  readonly rules: readonly (readonly CategoryRule[])[];
  readonly pattern: SuppressionPattern;
  /** 1 for plain counts. */
  readonly roundingBase: number;
}

function publish(presentation: Presentation, cell: GridCell): PublishedCell {
  const reason = entryAt(presentation.pattern, cell);
  if (reason === 'primary') {
    return { kind: 'suppressed', reason, threshold: entryAt(presentation.rules, cell).threshold };
  }
  if (reason === 'secondary') return { kind: 'suppressed', reason };
  // Rounded after the audit: the audit reasons on true values, and a reader who only has
  // rounded ones knows less, so every alternative it found still fits what they see.
  const value = entryAt(presentation.grid.values, cell);
  return { kind: 'count', value: roundCount(value, presentation.roundingBase) };
}

function present(presentation: Presentation): DisclosedTable {
  const { rows, columns } = presentation.grid;
  const at = (row: number, column: number) => publish(presentation, { row, column });
  const line = <T>(length: number, entry: (index: number) => T): T[] =>
    Array.from({ length }, (_, index) => entry(index));
  return {
    cells: line(rows, (row) => line(columns, (column) => at(row, column))),
    rowTotals: line(rows, (row) => at(row, columns)),
    columnTotals: line(columns, (column) => at(rows, column)),
    grandTotal: at(rows, columns),
    withheld: false,
    pattern: presentation.pattern,
  };
}

function withheld(grid: ExtendedGrid): DisclosedTable {
  const line = (length: number) => Array.from({ length }, () => WITHHELD);
  return {
    cells: line(grid.rows).map(() => line(grid.columns)),
    rowTotals: line(grid.rows),
    columnTotals: line(grid.columns),
    grandTotal: WITHHELD,
    withheld: true,
    pattern: 'withheld',
  };
}

/**
 * Applies the disclosure policy to `table` with its row, column and grand totals. `history`
 * lists earlier releases that are parts of this table's period; keep each result's `pattern`
 * with its true counts to pass as history later. Throws `invalid_request` on bad input
 * (details.rule: not_a_count, bad_shape, bad_policy, inconsistent_history).
 *
 * @example
 * discloseTable({ counts: [[12, 3], [40, 25]] }).cells[0]
 * // [{ kind: 'suppressed', reason: 'secondary' }, { kind: 'suppressed', reason: 'primary', threshold: 5 }]
 */
export function discloseTable(
  table: CountTable,
  policy: DisclosurePolicy = STANDARD_POLICY,
  history?: ReleaseHistory,
): DisclosedTable {
  validatePolicy(policy);
  validateTable(table);
  const grid = extendTable(table);
  const rules = gridRules(table, policy);
  const context = historyContext(grid, history, policy);
  const { parts, remainder } = context;
  // An entry the reader knows anyway — given away by the parts, or published by another output
  // — can hide nothing: no alternative table may move it.
  const elsewhere = isPublishedElsewhere(table, grid);
  const isKnown = (cell: GridCell) => context.isKnown(cell) || elsewhere(cell);
  const problem = { grid, rules, parts, remainder, isKnown };
  const pattern = completeSuppression(problem, initialPattern(grid, rules, context));
  if (pattern === 'withheld') return withheld(grid);
  const roundingBase = table.kind === 'movement' ? policy.movementRoundingBase : 1;
  return present({ grid, rules, pattern, roundingBase });
}

/**
 * One figure published on its own (a headline, a feed item): "<t" when small, else the count,
 * rounded for movements. Only for a figure that no published total or table contains.
 *
 * @example discloseFigure(3) // { kind: 'suppressed', reason: 'primary', threshold: 5 }
 */
export function discloseFigure(
  value: number,
  policy: DisclosurePolicy = STANDARD_POLICY,
  options: { category?: string; kind?: 'count' | 'movement' } = {},
): PublishedCell {
  const table: CountTable = {
    counts: [[value]],
    rowCategories: [options.category],
    ...(options.kind === undefined ? {} : { kind: options.kind }),
  };
  return itemAt(itemAt(discloseTable(table, policy).cells, 0), 0);
}
