// Secondary (complementary) suppression: hide more entries until the auditor finds no hidden
// entry a reader could recover (table-audit.ts). Greedy, one exposed entry at a time: first the
// cheapest rectangle through it (three more corners, possibly totals), since a rectangle of
// hidden entries is the smallest pattern that lets values trade against each other; failing
// that, the smallest entry on its row or column. Cheapest means the smallest sum of hidden
// values, so small entries go first and large figures stay published. Each round hides at least
// one more entry, so the loop ends; if everything that may be hidden is hidden and an entry is
// still exposed, the table is withheld.
import type { CategoryRule } from './disclosure-policy.ts';
import type { ExtendedGrid, GridCell } from './count-table.ts';
import { entryAt, gridCells, itemAt, valueAt } from './count-table.ts';
import type { AuditedTable, ExposedEntry, SuppressionPattern } from './table-audit.ts';
import { firstExposed, isProtected, knowledgeOf } from './table-audit.ts';

/** The current table and what the auditor combines it with. */
export interface SuppressionProblem {
  readonly grid: ExtendedGrid;
  readonly rules: readonly (readonly CategoryRule[])[];
  readonly parts: readonly AuditedTable[];
  readonly remainder: ExtendedGrid | null;
  /**
   * Entries the reader knows exactly — earlier releases give them away, or another output
   * publishes them: never complements, and fixed in every alternative the auditor tries.
   */
  readonly isKnown: (cell: GridCell) => boolean;
}

function jointOf(problem: SuppressionProblem, pattern: SuppressionPattern) {
  // A known entry is exact to the reader, hidden here or not: no alternative may move it.
  const known = knowledgeOf(problem.grid, problem.rules, pattern).map((row, r) =>
    row.map((bounds, column) => {
      const value = valueAt(problem.grid, { row: r, column });
      return problem.isKnown({ row: r, column }) ? { lo: value, hi: value } : bounds;
    }),
  );
  return {
    current: { grid: problem.grid, known },
    parts: problem.parts,
    remainder: problem.remainder,
  };
}

/** A published, nonzero entry: it is at or above its threshold, so it may be a complement. */
function isHideable(
  problem: SuppressionProblem,
  pattern: SuppressionPattern,
  cell: GridCell,
): boolean {
  return (
    entryAt(pattern, cell) === null && valueAt(problem.grid, cell) > 0 && !problem.isKnown(cell)
  );
}

/**
 * Entries that repeat `cell`: in a one-column table a row total is its only cell, in a one-row
 * table a column total is; hiding one and publishing the other would hide nothing.
 */
function twinsOf(grid: ExtendedGrid, cell: GridCell): GridCell[] {
  const twins: GridCell[] = [];
  if (grid.columns === 1) twins.push({ row: cell.row, column: 1 - cell.column });
  if (grid.rows === 1) twins.push({ row: 1 - cell.row, column: cell.column });
  return twins;
}

function hide(
  problem: SuppressionProblem,
  pattern: SuppressionPattern,
  cells: readonly GridCell[],
): void {
  const queue = [...cells];
  for (let cell = queue.shift(); cell !== undefined; cell = queue.shift()) {
    if (!isHideable(problem, pattern, cell)) continue;
    itemAt(pattern, cell.row)[cell.column] = 'secondary';
    queue.push(...twinsOf(problem.grid, cell));
  }
}

function copyOf(pattern: SuppressionPattern): SuppressionPattern {
  return pattern.map((row) => [...row]);
}

/** The cheapest rectangle of new complements that protects `exposed`; null if none does. */
function cheapestRectangle(
  problem: SuppressionProblem,
  pattern: SuppressionPattern,
  exposed: ExposedEntry,
): GridCell[] | null {
  const { row, column } = exposed.cell;
  let best: { cells: GridCell[]; cost: number } | null = null;
  for (const far of gridCells(problem.grid)) {
    if (far.row === row || far.column === column) continue;
    const corners = [{ row, column: far.column }, { row: far.row, column }, far];
    const added = corners.filter((cell) => entryAt(pattern, cell) === null);
    if (added.length === 0 || !added.every((cell) => isHideable(problem, pattern, cell))) {
      continue;
    }
    const cost = added.reduce((total, cell) => total + valueAt(problem.grid, cell), 0);
    if (best !== null && cost >= best.cost) continue;
    const trial = copyOf(pattern);
    hide(problem, trial, added);
    if (isProtected(jointOf(problem, trial), exposed.table, exposed.cell)) {
      best = { cells: added, cost };
    }
  }
  return best?.cells ?? null;
}

/** The smallest hideable entry on the lines of `cell`, else anywhere; null if none is left. */
function smallestComplement(
  problem: SuppressionProblem,
  pattern: SuppressionPattern,
  cell: GridCell,
): GridCell[] | null {
  const candidates = gridCells(problem.grid).filter((other) => isHideable(problem, pattern, other));
  const onLines = candidates.filter((c) => c.row === cell.row || c.column === cell.column);
  const pool = onLines.length > 0 ? onLines : candidates;
  const byValue = (a: GridCell, b: GridCell) => valueAt(problem.grid, a) - valueAt(problem.grid, b);
  const smallest = pool.sort(byValue)[0];
  return smallest === undefined ? null : [smallest];
}

/**
 * Completes `initial` (primary and inherited suppressions) into a pattern that the auditor
 * finds safe, or 'withheld' when none exists short of publishing nothing.
 *
 * @example completeSuppression(problem, initial) // pattern with some entries now 'secondary'
 */
export function completeSuppression(
  problem: SuppressionProblem,
  initial: SuppressionPattern,
): SuppressionPattern | 'withheld' {
  const pattern = copyOf(initial);
  for (;;) {
    const exposed = firstExposed(jointOf(problem, pattern));
    if (exposed === null) return pattern;
    const complements =
      cheapestRectangle(problem, pattern, exposed) ??
      smallestComplement(problem, pattern, exposed.cell);
    if (complements === null) return 'withheld';
    hide(problem, pattern, complements);
  }
}
