// The auditor: which hidden entries could a reader pin down exactly from everything published?
// A reader knows each published entry exactly, that a "<t" entry lies in 1…t−1 (0…t−1 where
// zeros are suppressed too), that any other hidden entry lies at or above its threshold (it was
// not small, or it would say "<t"), and how tables of earlier releases add up to this one. An
// entry is safe when an alternative set of tables, consistent with all of that, differs there;
// residual-cycle.ts finds one by pushing one unit around a cycle. The auditor assumes the reader
// knows the policy and the reason of each hidden entry, but not how the complements were chosen.
import type { CategoryRule } from './disclosure-policy.ts';
import type { ExtendedGrid, GridCell } from './count-table.ts';
import { entryAt, gridCells, itemAt, valueAt } from './count-table.ts';
import type { RoomCheck } from './residual-cycle.ts';
import { canMove } from './residual-cycle.ts';

/** Why an entry is hidden. */
export type SuppressionReason = 'primary' | 'secondary';

/** Hidden entries of an extended grid; null where the value is published. */
export type SuppressionPattern = (SuppressionReason | null)[][];

/** What a reader knows of one entry: lo ≤ value ≤ hi (hi may be Infinity). */
export interface Bounds {
  readonly lo: number;
  readonly hi: number;
}

/** One table as the auditor sees it: true values and what a reader knows of each. */
export interface AuditedTable {
  readonly grid: ExtendedGrid;
  readonly known: readonly (readonly Bounds[])[];
}

/**
 * Tables a reader can combine: the one being released and earlier releases that are disjoint
 * parts of its period. `remainder` (current minus the parts) is unknown to the reader but never
 * negative; it is null when the parts cover the whole period, so the current table is their sum.
 */
export interface JointTables {
  readonly current: AuditedTable;
  readonly parts: readonly AuditedTable[];
  readonly remainder: ExtendedGrid | null;
}

/** A hidden entry of the current table (index 0) or of part `table − 1`. */
export interface ExposedEntry {
  readonly table: number;
  readonly cell: GridCell;
}

/** What a reader knows of each entry, given the hidden pattern (`withheld`: nothing at all). */
export function knowledgeOf(
  grid: ExtendedGrid,
  rules: readonly (readonly CategoryRule[])[],
  pattern: SuppressionPattern | 'withheld',
): Bounds[][] {
  return grid.values.map((row, r) =>
    row.map((value, column) => {
      if (pattern === 'withheld') return { lo: 0, hi: Infinity };
      const cell = { row: r, column };
      const reason = entryAt(pattern, cell);
      const rule = entryAt(rules, cell);
      if (reason === null) return { lo: value, hi: value };
      if (reason === 'secondary') return { lo: rule.threshold, hi: Infinity };
      return { lo: rule.suppressZero === true ? 0 : 1, hi: rule.threshold - 1 };
    }),
  );
}

function roomIn(table: AuditedTable): RoomCheck {
  return (cell, step) => {
    const next = valueAt(table.grid, cell) + step;
    const bounds = entryAt(table.known, cell);
    return next >= bounds.lo && next <= bounds.hi;
  };
}

function roomInRemainder(remainder: ExtendedGrid): RoomCheck {
  return (cell, step) => valueAt(remainder, cell) + step >= 0;
}

/** Room in `a` to move by step while `b` moves by `sign` × step. */
function together(a: RoomCheck, b: RoomCheck, sign: 1 | -1): RoomCheck {
  return (cell, step) => a(cell, step) && b(cell, step === sign ? 1 : -1);
}

/**
 * The ways one table can change while every other stays consistent: the remainder absorbs the
 * change, or another table moves with it (the current table and a part move alike; two parts
 * move oppositely). A table with no history moves alone.
 */
function compensations(joint: JointTables, table: number): RoomCheck[] {
  const tables = [joint.current, ...joint.parts];
  const own = roomIn(itemAt(tables, table));
  if (joint.parts.length === 0) return [own];
  const ways: RoomCheck[] = [];
  if (joint.remainder !== null) {
    ways.push(together(own, roomInRemainder(joint.remainder), table === 0 ? 1 : -1));
  }
  tables.forEach((other, index) => {
    if (index === table) return;
    const sign = table === 0 || index === 0 ? 1 : -1;
    ways.push(together(own, roomIn(other), sign));
  });
  return ways;
}

/** True when the entry at `cell` of table `table` cannot be recovered exactly. */
export function isProtected(joint: JointTables, table: number, cell: GridCell): boolean {
  const shape = joint.current.grid;
  return compensations(joint, table).some(
    (room) => canMove(shape, cell, 1, room) || canMove(shape, cell, -1, room),
  );
}

/** The first hidden entry, current table first, that a reader could recover; null if none. */
export function firstExposed(joint: JointTables): ExposedEntry | null {
  const tables = [joint.current, ...joint.parts];
  for (const [table, audited] of tables.entries()) {
    for (const cell of gridCells(audited.grid)) {
      const bounds = entryAt(audited.known, cell);
      if (bounds.lo === bounds.hi) continue;
      if (!isProtected(joint, table, cell)) return { table, cell };
    }
  }
  return null;
}
