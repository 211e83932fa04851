// The attacker of src/transparency/disclosure's property tests, written apart from the module
// it attacks. For every suppressed entry it looks for another table (or set of tables)
// consistent with everything published — published entries and totals exactly, "<t" entries in
// 1…t−1, other hidden entries at or above their threshold, releases adding up — that differs
// there. If none exists, the entry's min equals its max: it is recovered.
//
// The search is exhaustive over perturbations of −1, 0 or +1 per hidden cell. For one table that
// is exact: the table with its totals is a network flow, so if an entry can change at all it can
// change by one unit along a single cycle, touching every other entry by at most one. For two
// releases the same search is a sound lower bound on what the attacker can vary (it can only
// find alternatives that exist), so a pass still proves that no suppressed entry is recovered.
import type {
  DisclosedTable,
  PublishedCell,
} from '../../src/transparency/disclosure/published-cell.ts';

export interface Flagged {
  counts: number[][];
  sensitiveRows: boolean[];
  sensitiveColumns: boolean[];
}

/** What the attacker knows of one entry of a release, read off the published output. */
export interface Seen {
  lo: number;
  hi: number;
}

/** The attacker's reading of a release: bounds for each entry of the grid with totals. */
export function readRelease(input: Flagged, published: DisclosedTable): Seen[][] {
  const rows = input.counts.length;
  const columns = input.counts[0]!.length;
  const cellAt = (r: number, c: number): PublishedCell => {
    if (r < rows && c < columns) return published.cells[r]![c]!;
    if (r < rows) return published.rowTotals[r]!;
    if (c < columns) return published.columnTotals[c]!;
    return published.grandTotal;
  };
  return Array.from({ length: rows + 1 }, (_, r) =>
    Array.from({ length: columns + 1 }, (_, c) => {
      const cell = cellAt(r, c);
      if (cell.kind === 'count') return { lo: cell.value, hi: cell.value };
      if (cell.reason === 'primary') return { lo: 1, hi: cell.threshold - 1 };
      if (cell.reason === 'secondary') return { lo: thresholdFor(input, r, c), hi: Infinity };
      return { lo: 0, hi: Infinity };
    }),
  );
}

/** The grid with totals of a count table. */
export function withTotals(counts: number[][]): number[][] {
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = rows[0]!.map((_, c) => rows.reduce((sum, row) => sum + row[c]!, 0));
  return [...rows, totals];
}

export interface Release {
  counts: number[][];
  seen: Seen[][];
}

/** How releases relate: one alone; the last at least, or exactly, the sum of the others. */
export type Link = 'alone' | 'remainder' | 'sum';

/** Search state: one delta grid per release, over the interior cells. */
class Perturbation {
  readonly rows: number;
  readonly columns: number;
  readonly grids: number[][][];
  readonly deltas: number[][][];
  readonly variables: [number, number, number][] = [];
  readonly releases: Release[];
  readonly link: Link;

  constructor(releases: Release[], link: Link) {
    this.releases = releases;
    this.link = link;
    this.rows = releases[0]!.counts.length;
    this.columns = releases[0]!.counts[0]!.length;
    this.grids = releases.map((release) => withTotals(release.counts));
    this.deltas = releases.map(() =>
      Array.from({ length: this.rows }, () => Array<number>(this.columns).fill(0)),
    );
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.columns; c++) {
        releases.forEach((_, k) => {
          if (this.isHidden(k, r, c)) this.variables.push([k, r, c]);
        });
      }
    }
  }

  isHidden(k: number, r: number, c: number): boolean {
    const seen = this.releases[k]!.seen[r]![c]!;
    return seen.lo !== seen.hi;
  }

  /** Change of entry r,c (totals included) of release k under the current deltas. */
  change(k: number, r: number, c: number): number {
    const d = this.deltas[k]!;
    const rows = r < this.rows ? [d[r]!] : d;
    return rows.reduce(
      (sum, row) => sum + (c < this.columns ? row[c]! : row.reduce((a, b) => a + b, 0)),
      0,
    );
  }

  /** Whether entry r,c of release k may change by `change` (an interval of changes allowed). */
  allows(entry: [k: number, r: number, c: number], low: number, high: number): boolean {
    const [k, r, c] = entry;
    const seen = this.releases[k]!.seen[r]![c]!;
    const value = this.grids[k]![r]![c]!;
    return value + high >= seen.lo && value + low <= seen.hi;
  }

  /** Row r complete: its totals fit, and the link between releases holds on it. */
  rowHolds(r: number): boolean {
    const totals = this.releases.every((_, k) => {
      const change = this.change(k, r, this.columns);
      return this.allows([k, r, this.columns], change, change);
    });
    if (!totals || this.link === 'alone') return totals;
    // The last release is the sum of the others ('sum') or at least that ('remainder').
    const last = this.releases.length - 1;
    return this.deltas[0]![r]!.every((_, c) => {
      const next = this.releases.reduce((left, release, k) => {
        const value = release.counts[r]![c]! + this.deltas[k]![r]![c]!;
        return k === last ? left + value : left - value;
      }, 0);
      return this.link === 'sum' ? next === 0 : next >= 0;
    });
  }

  /** Column totals can still fit, given how many variables below row r remain in them. */
  columnsCanHold(r: number): boolean {
    return this.releases.every((_, k) => {
      let grandLeft = 0;
      const columnsFit = this.deltas[k]![0]!.every((_, c) => {
        let left = 0;
        for (let below = r + 1; below < this.rows; below++) {
          if (this.isHidden(k, below, c)) left++;
        }
        grandLeft += left;
        const change = this.change(k, this.rows, c);
        return this.allows([k, this.rows, c], change - left, change + left);
      });
      const grand = this.change(k, this.rows, this.columns);
      return (
        columnsFit &&
        this.allows([k, this.rows, this.columns], grand - grandLeft, grand + grandLeft)
      );
    });
  }
}

/**
 * Hidden entries ("k:r,c") that no consistent perturbation moves: the attacker recovers them.
 */
export function recoveredEntries(releases: Release[], link: Link): string[] {
  const state = new Perturbation(releases, link);
  const { rows, columns, variables } = state;
  const recovered: string[] = [];
  const search = (index: number, goal: [number, number, number]): boolean => {
    const variable = variables[index];
    const row = variable?.[1] ?? rows;
    const previous = index === 0 ? -1 : variables[index - 1]![1];
    for (let r = Math.max(previous, 0); r < row; r++) {
      if (!state.rowHolds(r) || !state.columnsCanHold(r)) return false;
    }
    if (variable === undefined) {
      const [k, r, c] = goal;
      return state.change(k, r, c) !== 0;
    }
    const [k, r, c] = variable;
    const isGoal = k === goal[0] && r === goal[1] && c === goal[2];
    for (const step of isGoal ? [1, -1] : [0, 1, -1]) {
      if (!state.allows([k, r, c], step, step)) continue;
      state.deltas[k]![r]![c] = step;
      const found = search(index + 1, goal);
      state.deltas[k]![r]![c] = 0;
      if (found) return true;
    }
    return false;
  };
  releases.forEach((_, k) => {
    for (let r = 0; r <= rows; r++) {
      for (let c = 0; c <= columns; c++) {
        if (state.isHidden(k, r, c) && !search(0, [k, r, c])) recovered.push(`${k}:${r},${c}`);
      }
    }
  });
  return recovered;
}

/** The threshold of an entry, as the methodology page states it (5, or 10 if flagged). */
export function thresholdFor(input: Flagged, r: number, c: number): number {
  const rows = input.counts.length;
  const columns = input.counts[0]!.length;
  const rowFlags = r < rows ? [input.sensitiveRows[r]!] : input.sensitiveRows;
  const columnFlags = c < columns ? [input.sensitiveColumns[c]!] : input.sensitiveColumns;
  return [...rowFlags, ...columnFlags].some(Boolean) ? 10 : 5;
}
