// Chart series drawn from released rows. A chart draws only numbers the release publishes: a
// suppressed or withheld cell ("<5", "<10", "x") becomes a gap (null), never zero and never an
// estimate, and no series adds cells together. Incident series count released records, which are
// public one by one, so their counts are exact.
import type { Row } from './data.ts';

/** A released cell as the table shows it; undefined where the release has no row at all. */
export type ReleasedCell = Row[string] | undefined;

/**
 * The number a chart may draw for `cell`: a published number, else null (a gap).
 *
 * @example plottable(40) // 40
 * @example plottable('<5') // null
 */
export function plottable(cell: ReleasedCell): number | null {
  return typeof cell === 'number' && Number.isFinite(cell) ? cell : null;
}

/** One checkpoint's released cells of one column, per direction, on the release's days. */
export interface CheckpointSeries {
  /** Every reporting day of the release, oldest first. */
  days: string[];
  /** Per direction found for the checkpoint (in `directions` order): its cell per day. */
  lines: { direction: string; cells: ReleasedCell[] }[];
}

const text = (value: ReleasedCell) => (value === null || value === undefined ? '' : String(value));

/** The checkpoints of a checkpoint_daily release: code and released name, in first-seen order. */
export function checkpointsOf(rows: readonly Row[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const code = text(row['checkpoint_code']);
    if (!seen.has(code)) seen.set(code, text(row['checkpoint']));
  }
  return [...seen].map(([code, name]) => ({ code, name }));
}

/**
 * The cells of `column` (people, vehicles) of one checkpoint, per direction and reporting day,
 * exactly as released; a day without a row for a direction holds undefined.
 */
export function checkpointSeries(
  rows: readonly Row[],
  checkpoint: string,
  options: { column: string; directions: readonly string[] },
): CheckpointSeries {
  const days = [...new Set(rows.map((row) => text(row['date'])))].sort();
  const own = rows.filter((row) => text(row['checkpoint_code']) === checkpoint);
  const lines = options.directions
    .filter((direction) => own.some((row) => row['direction'] === direction))
    .map((direction) => {
      const byDay = new Map(
        own.filter((row) => row['direction'] === direction).map((row) => [text(row['date']), row]),
      );
      return { direction, cells: days.map((day) => byDay.get(day)?.[options.column]) };
    });
  return { days, lines };
}

const DAY_MS = 86_400_000;

/** Every date from `first` to `last` (YYYY-MM-DD, both included). */
export function dayRange(first: string, last: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= end; at += DAY_MS) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/** How many released records fall on each day, per value of a column. */
export interface RecordCounts {
  /** Every day from the first to the last one a record has, oldest first. */
  days: string[];
  /** Per value of the column, most records first: the count per day. */
  lines: { key: string; counts: number[] }[];
}

/**
 * Counts released records per `dayColumn` (e.g. reporting_date) and value of `column` (event
 * type, verification status). Records are public one by one, so these counts are exact.
 */
export function recordsPerDay(
  rows: readonly Row[],
  options: { dayColumn: string; column: string },
): RecordCounts {
  const dated = rows.filter((row) => /^\d{4}-\d\d-\d\d$/.test(text(row[options.dayColumn])));
  const sorted = dated.map((row) => text(row[options.dayColumn])).sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return { days: [], lines: [] };
  const days = dayRange(first, last);
  const index = new Map(days.map((day, i) => [day, i]));
  const lines = new Map<string, number[]>();
  for (const row of dated) {
    const key = text(row[options.column]);
    const counts = lines.get(key) ?? days.map(() => 0);
    const at = index.get(text(row[options.dayColumn])) ?? 0;
    counts[at] = (counts[at] ?? 0) + 1;
    lines.set(key, counts);
  }
  const total = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
  return {
    days,
    lines: [...lines]
      .map(([key, counts]) => ({ key, counts }))
      .sort((a, b) => total(b.counts) - total(a.counts) || a.key.localeCompare(b.key)),
  };
}

/** uPlot's data: x (day index) then one array per line, gaps as null. */
export function chartData(days: readonly string[], lines: readonly (readonly ReleasedCell[])[]) {
  return [days.map((_, i) => i), ...lines.map((cells) => cells.map(plottable))];
}
