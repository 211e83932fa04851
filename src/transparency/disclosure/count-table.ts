// A table of counts and its "extended grid": the counts plus a column of row totals, a row of
// column totals and the grand total in the corner, so that cells and totals are treated alike.
// Every line of the extended grid (a row or a column) says "the last entry is the sum of the
// others": that is all a reader can combine, and all the auditor reasons about.
import type { CategoryRule, DisclosurePolicy } from './disclosure-policy.ts';
import { ruleFor } from './disclosure-policy.ts';
import { assertCount, refuseInput } from './invalid-input.ts';

/**
 * What an output wants to publish: true counts by row and column, with optional categories.
 * A one-dimensional table is a table with one column (its row totals repeat its cells).
 */
export interface CountTable {
  /** counts[row][column], nonnegative integers, every row the same length. */
  readonly counts: readonly (readonly number[])[];
  /** Category of each row (e.g. incident category), or undefined for none. */
  readonly rowCategories?: readonly (string | undefined)[];
  /** Category of each column, or undefined for none. */
  readonly columnCategories?: readonly (string | undefined)[];
  /** 'movement' counts (passages) are rounded when published; default 'count'. */
  readonly kind?: 'count' | 'movement';
  /**
   * Totals a reader may know exactly from another output of the same period (a bulletin's
   * figures for the day of an open dataset's table): never relied on to hide anything.
   */
  readonly publishedElsewhere?: PublishedElsewhere;
}

/** Which totals of a table another output publishes (by row, by column, the grand total). */
export interface PublishedElsewhere {
  readonly rowTotals?: readonly boolean[];
  readonly columnTotals?: readonly boolean[];
  readonly grandTotal?: boolean;
}

/** A position in the extended grid: row `rows` is the totals row, column `columns` the totals. */
export interface GridCell {
  readonly row: number;
  readonly column: number;
}

/** Counts with totals: (rows+1) × (columns+1). */
export interface ExtendedGrid {
  readonly rows: number;
  readonly columns: number;
  readonly values: readonly (readonly number[])[];
}

/** Throws `bad_shape` or `not_a_count` unless `table` is a nonempty rectangle of counts. */
export function validateTable(table: CountTable): void {
  const width = table.counts[0]?.length ?? 0;
  if (width === 0 || table.counts.some((row) => row.length !== width)) {
    throw refuseInput('bad_shape', 'a table needs at least one row and equal, nonempty rows');
  }
  const categoryShapes = [
    [table.rowCategories, table.counts.length],
    [table.columnCategories, width],
  ] as const;
  for (const [categories, length] of categoryShapes) {
    if (categories !== undefined && categories.length !== length) {
      throw refuseInput('bad_shape', 'categories must name every row or every column');
    }
  }
  const elsewhere = table.publishedElsewhere;
  const totalsShapes = [
    [elsewhere?.rowTotals, table.counts.length],
    [elsewhere?.columnTotals, width],
  ] as const;
  for (const [flags, length] of totalsShapes) {
    if (flags !== undefined && flags.length !== length) {
      throw refuseInput('bad_shape', 'totals published elsewhere must name every row or column');
    }
  }
  table.counts.forEach((row, r) => {
    row.forEach((value, c) => {
      assertCount(value, `cell ${r},${c}`);
    });
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** True for the entries of `grid` that `table` says another output publishes. */
export function isPublishedElsewhere(table: CountTable, grid: ExtendedGrid) {
  const known = table.publishedElsewhere;
  return (cell: GridCell): boolean => {
    if (cell.row === grid.rows) {
      return cell.column === grid.columns
        ? known?.grandTotal === true
        : known?.columnTotals?.[cell.column] === true;
    }
    return cell.column === grid.columns && known?.rowTotals?.[cell.row] === true;
  };
}

/** The extended grid of a validated table. */
export function extendTable(table: CountTable): ExtendedGrid {
  const rows = table.counts.length;
  const columns = itemAt(table.counts, 0).length;
  const withRowTotals = table.counts.map((row) => [...row, sum(row)]);
  const totalsRow = Array.from({ length: columns + 1 }, (_, column) =>
    sum(withRowTotals.map((_row, row) => entryAt(withRowTotals, { row, column }))),
  );
  return { rows, columns, values: [...withRowTotals, totalsRow] };
}

/**
 * The entry of `matrix` at `cell`. Every matrix here is built to the grid's shape, so a miss is a
 * bug, reported as `bad_shape` rather than read as a silent zero.
 */
export function entryAt<T>(matrix: readonly (readonly T[])[], cell: GridCell): T {
  return itemAt(itemAt(matrix, cell.row), cell.column);
}

/** The item of `list` at `index`, or `bad_shape` (see entryAt). */
export function itemAt<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw refuseInput('bad_shape', `no entry at ${index}`);
  return item;
}

/** The value at `cell`. */
export function valueAt(grid: ExtendedGrid, cell: GridCell): number {
  return entryAt(grid.values, cell);
}

/** Every position of the extended grid, row by row, totals last. */
export function gridCells(grid: ExtendedGrid): GridCell[] {
  const cells: GridCell[] = [];
  for (let row = 0; row <= grid.rows; row++) {
    for (let column = 0; column <= grid.columns; column++) cells.push({ row, column });
  }
  return cells;
}

/**
 * The rule of every position: a cell takes the strictest of its row's and column's categories;
 * a total takes the strictest of the cells it sums (a row total of detentions is about
 * detentions).
 */
export function gridRules(table: CountTable, policy: DisclosurePolicy): CategoryRule[][] {
  const rows = table.counts.length;
  const columns = itemAt(table.counts, 0).length;
  const rowNames = (r: number) => (r < rows ? [table.rowCategories?.[r]] : table.rowCategories);
  const columnNames = (c: number) =>
    c < columns ? [table.columnCategories?.[c]] : table.columnCategories;
  return Array.from({ length: rows + 1 }, (_, r) =>
    Array.from({ length: columns + 1 }, (_, c) =>
      ruleFor(policy, [...(rowNames(r) ?? []), ...(columnNames(c) ?? [])]),
    ),
  );
}

/** True when a count must be suppressed by itself (DOMAIN.md §6 threshold rule). */
export function isSmallCount(value: number, rule: CategoryRule): boolean {
  return value < rule.threshold && (value > 0 || rule.suppressZero === true);
}
