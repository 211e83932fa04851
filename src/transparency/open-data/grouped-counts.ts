// Counts grouped by day and one more key, disclosed one day at a time: each day's rows form one
// table, so secondary suppression protects a small cell against that day's totals (the figures a
// daily bulletin publishes) without one busy day's table growing with the whole history.
import type { Cell } from './dataset-definition.ts';
import type { CountGrid } from './open-data.disclosure.ts';
import { discloseGrid } from './open-data.disclosure.ts';

/** Counts by "day|key", in the order first seen. */
export class GroupedCounts {
  readonly #width: number;
  readonly #groups = new Map<string, number[]>();

  constructor(width: number) {
    this.#width = width;
  }

  /** Adds `values` to the counts of `day` and `key`. */
  add(day: string, key: string, values: readonly number[]): void {
    const id = `${day}|${key}`;
    const counts = this.#groups.get(id) ?? Array.from({ length: this.#width }, () => 0);
    values.forEach((value, index) => {
      counts[index] = (counts[index] ?? 0) + value;
    });
    this.#groups.set(id, counts);
  }

  /**
   * Every group, by day then key, with its disclosed cells. `grid` adds what the table needs
   * besides its counts (kind, categories of the keys or columns).
   */
  disclosed(
    grid: (keys: readonly string[]) => Omit<CountGrid, 'counts'>,
  ): { day: string; key: string; cells: Cell[] }[] {
    const byDay = new Map<string, { key: string; counts: number[] }[]>();
    for (const [id, counts] of [...this.#groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const [day = '', key = ''] = id.split('|');
      byDay.set(day, [...(byDay.get(day) ?? []), { key, counts }]);
    }
    const out: { day: string; key: string; cells: Cell[] }[] = [];
    for (const [day, rows] of byDay) {
      const keys = rows.map((row) => row.key);
      const cells = discloseGrid({ ...grid(keys), counts: rows.map((row) => row.counts) });
      rows.forEach((row, index) => {
        out.push({ day, key: row.key, cells: cells[index] ?? [] });
      });
    }
    return out;
  }
}
