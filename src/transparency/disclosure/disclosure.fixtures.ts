// Shared by the module's tests.
import { DomainError } from '../../errors/domain-error.ts';
import { itemAt } from './count-table.ts';
import type { DisclosedTable } from './published-cell.ts';
import { formatCell } from './published-cell.ts';

/** Matches the module's refusal of bad input with its rule (details.rule). */
export function refusal(rule: string): (error: unknown) => boolean {
  return (error) =>
    error instanceof DomainError &&
    error.code === 'invalid_request' &&
    (error.details as { rule: string }).rule === rule;
}

/** The table as printed: cells with their row total, then the column totals and grand total. */
export function printed(table: DisclosedTable): string[][] {
  const rows = table.cells.map((row, r) => [...row, itemAt(table.rowTotals, r)]);
  return [...rows, [...table.columnTotals, table.grandTotal]].map((row) =>
    row.map((cell) => formatCell(cell)),
  );
}
