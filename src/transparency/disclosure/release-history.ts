// Tables published again: the week after its days, or the cumulative figures after those of the
// day before. A reader can subtract one release from another, so the current release is audited
// together with the earlier ones it contains (table-audit.ts). Two rules start it off:
// - an entry hidden in an earlier part stays hidden now (publishing it would pin the sum of
//   what the parts hid);
// - where the parts and the current table would all publish an entry, their difference (what
//   happened in the rest of the period) is a count too: if it is small, the entry is hidden now.
import type { CountTable, ExtendedGrid, GridCell } from './count-table.ts';
import {
  entryAt,
  extendTable,
  gridRules,
  isSmallCount,
  validateTable,
  valueAt,
} from './count-table.ts';
import type { CategoryRule, DisclosurePolicy } from './disclosure-policy.ts';
import { refuseInput } from './invalid-input.ts';
import type { DisclosedTable } from './published-cell.ts';
import type { AuditedTable, SuppressionPattern } from './table-audit.ts';
import { knowledgeOf } from './table-audit.ts';

/** An earlier release: its true counts (kept by the mission) and what it published. */
export interface EarlierRelease {
  readonly table: CountTable;
  readonly disclosed: Pick<DisclosedTable, 'pattern'>;
}

/**
 * Earlier releases that are disjoint parts of the current table's period, e.g. the seven days
 * of a week, or the previous cumulative release when one more day is added.
 */
export interface ReleaseHistory {
  readonly parts: readonly EarlierRelease[];
  /** True when the parts cover the whole period, so the current table is exactly their sum. */
  readonly coversPeriod: boolean;
}

/** The parts as the auditor sees them, and the unpublished remainder (null when none). */
export interface HistoryContext {
  readonly parts: readonly AuditedTable[];
  readonly patterns: readonly (SuppressionPattern | 'withheld')[];
  readonly remainder: ExtendedGrid | null;
  /** True for entries the parts already give away (they cover the period and all publish it). */
  readonly isKnown: (cell: GridCell) => boolean;
}

function auditPart(part: EarlierRelease, shape: ExtendedGrid, policy: DisclosurePolicy) {
  validateTable(part.table);
  const grid = extendTable(part.table);
  const pattern = part.disclosed.pattern;
  const fits = (rows: readonly unknown[][]) =>
    rows.length === shape.rows + 1 && rows.every((row) => row.length === shape.columns + 1);
  if (grid.rows !== shape.rows || grid.columns !== shape.columns) {
    throw refuseInput('bad_shape', 'an earlier release has another shape');
  }
  if (pattern !== 'withheld' && !fits(pattern)) {
    throw refuseInput('bad_shape', 'an earlier release has a pattern of another shape');
  }
  return { grid, known: knowledgeOf(grid, gridRules(part.table, policy), pattern) };
}

function remainderOf(current: ExtendedGrid, parts: readonly AuditedTable[], covers: boolean) {
  const values = current.values.map((row, r) =>
    row.map((value, column) =>
      parts.reduce((left, part) => left - entryAt(part.grid.values, { row: r, column }), value),
    ),
  );
  for (const value of values.flat()) {
    if (value < 0 || (covers && value !== 0)) {
      throw refuseInput('inconsistent_history', 'the earlier releases do not add up to this one');
    }
  }
  return covers ? null : { rows: current.rows, columns: current.columns, values };
}

/** Validates the history against the current grid and prepares it for the auditor. */
export function historyContext(
  current: ExtendedGrid,
  history: ReleaseHistory | undefined,
  policy: DisclosurePolicy,
): HistoryContext {
  if (history === undefined || history.parts.length === 0) {
    return { parts: [], patterns: [], remainder: null, isKnown: () => false };
  }
  const parts = history.parts.map((part) => auditPart(part, current, policy));
  const patterns = history.parts.map((part) => part.disclosed.pattern);
  // Hiding such an entry would protect nothing, and no alternative could ever move it.
  const isKnown = (cell: GridCell) =>
    history.coversPeriod &&
    patterns.every((pattern) => pattern !== 'withheld' && entryAt(pattern, cell) === null);
  return { parts, patterns, remainder: remainderOf(current, parts, history.coversPeriod), isKnown };
}

/**
 * The pattern the current table starts from: its own small counts ("primary"), then entries
 * hidden in a part, then entries whose increment over the parts is small ("secondary"; such an
 * entry is never small itself, or it would be primary).
 */
export function initialPattern(
  grid: ExtendedGrid,
  rules: readonly (readonly CategoryRule[])[],
  context: HistoryContext,
): SuppressionPattern {
  const primary = (cell: GridCell) => isSmallCount(valueAt(grid, cell), entryAt(rules, cell));
  const hiddenBefore = (cell: GridCell) =>
    context.patterns.some((part) => part !== 'withheld' && entryAt(part, cell) !== null);
  const smallIncrement = (cell: GridCell) =>
    context.remainder !== null &&
    isSmallCount(valueAt(context.remainder, cell), entryAt(rules, cell));
  return grid.values.map((row, r) =>
    row.map((value, column) => {
      const cell = { row: r, column };
      if (primary(cell)) return 'primary';
      // A zero that is not small cannot be a complement: readers know complements are not small.
      if (value > 0 && (hiddenBefore(cell) || smallIncrement(cell))) return 'secondary';
      return null;
    }),
  );
}
