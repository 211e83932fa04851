// The passages table of a bulletin: people through each checkpoint by direction, a movement
// table (rounded to 10). A daily report's rows are the checkpoints that had passages that day;
// a weekly report's those of the week, in the same order (by id). A weekly table is disclosed
// with the published days as history, each day laid out on the week's rows: a checkpoint a
// daily report did not list was published as nothing, which a reader takes for zero.
import { DIRECTIONS } from '../../passage/database/passage-vocabulary.ts';
import type { CountTable } from '../disclosure/count-table.ts';
import { discloseTable } from '../disclosure/disclose-table.ts';
import { STANDARD_POLICY } from '../disclosure/disclosure-policy.ts';
import type { PublishedCell } from '../disclosure/published-cell.ts';
import type { RawCounts } from './bulletin-counts.kysely.ts';
import type { BulletinFigures, FigureRow, FigureSection } from './bulletin-figures.ts';
import type { PublishedGrid } from './bulletin-history.ts';
import { historyOfDays } from './bulletin-history.ts';

/** Checkpoint names from the gazetteer, by id. */
export type Names = ReadonlyMap<string, Record<string, string>>;

/** One day of a weekly report: its counts now, and its daily bulletin's figures if published. */
export interface PublishedDay {
  counts: RawCounts;
  figures: BulletinFigures | null;
}

const WITHHELD: PublishedCell = { kind: 'suppressed', reason: 'withheld' };

function checkpointsOf(counts: RawCounts): string[] {
  return [...new Set(counts.passages.map((p) => p.checkpointId))].sort();
}

function tableOf(counts: RawCounts, layout: readonly string[]): CountTable {
  const countOf = (id: string, direction: string) =>
    counts.passages
      .filter((p) => p.checkpointId === id && p.direction === direction)
      .reduce((sum, p) => sum + p.people, 0);
  return {
    counts: layout.map((id) => DIRECTIONS.map((direction) => countOf(id, direction))),
    kind: 'movement',
  };
}

const sameNames = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) =>
  JSON.stringify(a ?? { en: '?' }) === JSON.stringify(b ?? { en: '?' });

/**
 * What a day's bulletin published, on the week's rows; undefined when its rows no longer match
 * the day's checkpoints (passages added or removed since, a renamed checkpoint): the published
 * figures cannot then be placed, and the week's table is withheld rather than guessed.
 */
function publishedOnLayout(
  day: PublishedDay & { figures: BulletinFigures },
  layout: readonly string[],
  names: Names,
): PublishedGrid | undefined {
  const section = day.figures.sections.find((s) => s.key === 'passages');
  const total = section?.rows.at(-1);
  if (section === undefined || total === undefined) return undefined;
  const rows = section.rows.slice(0, -1);
  const ids = checkpointsOf(day.counts);
  const isSame =
    rows.length === ids.length && ids.every((id, i) => sameNames(names.get(id), rows[i]?.names));
  if (!isSame) return undefined;
  const byId = new Map(ids.map((id, i) => [id, rows[i]?.cells ?? []]));
  return [...layout.map((id) => byId.get(id) ?? []), total.cells];
}

function section(rows: FigureRow[], totals: PublishedCell[]): FigureSection {
  return {
    key: 'passages',
    columns: [...DIRECTIONS.map((direction) => `direction.${direction}`), 'total'],
    rows: [...rows, { key: 'total', cells: totals }],
  };
}

function disclosed(
  sources: { current: RawCounts; days: readonly PublishedDay[] },
  layout: string[],
  names: Names,
) {
  const table = tableOf(sources.current, layout);
  if (sources.days.length === 0) return discloseTable(table, STANDARD_POLICY);
  const days = sources.days.map((day) => ({
    table: tableOf(day.counts, layout),
    published:
      day.figures === null
        ? null
        : publishedOnLayout({ ...day, figures: day.figures }, layout, names),
  }));
  if (days.some((day) => day.published === undefined)) return undefined;
  return discloseTable(
    table,
    STANDARD_POLICY,
    historyOfDays(days.map((day) => ({ table: day.table, published: day.published ?? null }))),
  );
}

/** The passages section and its total, for a daily report (no days) or a weekly one. */
export function passageSection(
  sources: { current: RawCounts; days: readonly PublishedDay[] },
  names: Names,
): { section: FigureSection; total: PublishedCell } {
  const layout = checkpointsOf(sources.current);
  if (layout.length === 0) {
    const zero: PublishedCell = { kind: 'count', value: 0 };
    return { section: section([], [zero, zero, zero]), total: zero };
  }
  const table = disclosed(sources, layout, names);
  const cellAt = (row: number, column: number) =>
    table === undefined
      ? WITHHELD
      : column < DIRECTIONS.length
        ? (table.cells[row]?.[column] ?? WITHHELD)
        : (table.rowTotals[row] ?? WITHHELD);
  const rows: FigureRow[] = layout.map((id, row) => ({
    key: 'checkpoint',
    names: names.get(id) ?? { en: '?' },
    cells: [...DIRECTIONS, 'total'].map((_, column) => cellAt(row, column)),
  }));
  const grand = table?.grandTotal ?? WITHHELD;
  const totals = table === undefined ? DIRECTIONS.map(() => WITHHELD) : [...table.columnTotals];
  return { section: section(rows, [...totals, grand]), total: grand };
}
