// A bulletin's figures as they may be published: every count passes the disclosure rules
// (src/transparency/disclosure: "<5", "<10" for detentions, secondary suppression, movement
// counts rounded to 10) before it is stored. The only file of this slice that calls the
// disclosure code, so a change of its API is adapted here. The change on the previous period
// is computed from the *published* values of both periods, and only when both are counts: a
// difference of true values could give away a suppressed one.
import { RESTRICTION_KINDS } from '../../monitoring/model/operations-vocabulary.ts';
import { DIRECTIONS } from '../../passage/database/passage-vocabulary.ts';
import { discloseFigure, discloseTable } from '../disclosure/disclose-table.ts';
import type { PublishedCell } from '../disclosure/published-cell.ts';
import type { RawCounts } from './bulletin-counts.kysely.ts';

/** One row of a figures table: a message key, or a checkpoint with its gazetteer names. */
export interface FigureRow {
  key: string;
  names?: Record<string, string>;
  cells: PublishedCell[];
}

/** One table of figures; `columns` are message keys. The last row is the total. */
export interface FigureSection {
  key: string;
  columns: string[];
  rows: FigureRow[];
}

/** A headline figure with the previous period's and the change (null: not publishable). */
export interface Headline {
  key: string;
  value: PublishedCell;
  previous: PublishedCell;
  change: number | null;
}

/** Everything a daily or weekly report publishes as numbers. */
export interface BulletinFigures {
  sections: FigureSection[];
  headlines: Headline[];
}

/** Figures of a spot report: none. */
export const NO_FIGURES: BulletinFigures = { sections: [], headlines: [] };

type Names = ReadonlyMap<string, Record<string, string>>;

function passageSection(counts: RawCounts, names: Names) {
  const checkpoints = [...new Set(counts.passages.map((p) => p.checkpointId))].sort();
  const countOf = (id: string, direction: string) =>
    counts.passages
      .filter((p) => p.checkpointId === id && p.direction === direction)
      .reduce((sum, p) => sum + p.people, 0);
  if (checkpoints.length === 0) {
    const zero: PublishedCell = { kind: 'count', value: 0 };
    return { section: passageRows([], [zero, zero, zero]), total: zero };
  }
  const table = discloseTable({
    counts: checkpoints.map((id) => DIRECTIONS.map((direction) => countOf(id, direction))),
    kind: 'movement',
  });
  const rows: FigureRow[] = checkpoints.map((id, index) => ({
    key: 'checkpoint',
    names: names.get(id) ?? { en: '?' },
    cells: [...(table.cells[index] ?? []), table.rowTotals[index] ?? table.grandTotal],
  }));
  return {
    section: passageRows(rows, [...table.columnTotals, table.grandTotal]),
    total: table.grandTotal,
  };
}

function passageRows(rows: FigureRow[], totals: PublishedCell[]): FigureSection {
  return {
    key: 'passages',
    columns: [...DIRECTIONS.map((direction) => `direction.${direction}`), 'total'],
    rows: [...rows, { key: 'total', cells: totals }],
  };
}

/** A one-column table whose rows partition a total: published with that total. */
function partition(key: string, rows: [string, number, string?][]) {
  const table = discloseTable({
    counts: rows.map(([, count]) => [count]),
    rowCategories: rows.map(([, , category]) => category),
  });
  const section: FigureSection = {
    key,
    columns: ['count'],
    rows: [
      ...rows.map(([rowKey], index) => ({
        key: rowKey,
        cells: [table.cells[index]?.[0] ?? table.grandTotal],
      })),
      { key: 'total', cells: [table.grandTotal] },
    ],
  };
  return { section, total: table.grandTotal };
}

interface Disclosed {
  sections: FigureSection[];
  totals: Record<string, PublishedCell>;
}

function disclose(counts: RawCounts, names: Names): Disclosed {
  const passages = passageSection(counts, names);
  const incidents = partition('incidents', [
    ['incidents.detention', counts.detentionsReported, 'detention'],
    ['incidents.other', counts.incidentsReported - counts.detentionsReported],
  ]);
  const restrictions = partition(
    'restrictions',
    RESTRICTION_KINDS.map((kind) => [`restriction.${kind}`, counts.restrictions[kind]]),
  );
  const hotline = partition('hotline', [
    ['hotline.responded', counts.hotlineResponded],
    ['hotline.unanswered', counts.hotlineUnanswered],
  ]);
  return {
    sections: [passages.section, incidents.section, restrictions.section, hotline.section],
    totals: {
      'headline.passages': passages.total,
      'headline.incidentsReported': incidents.total,
      'headline.incidentsVerified': discloseFigure(counts.incidentsVerified),
      'headline.killed': discloseFigure(counts.killed),
      'headline.injured': discloseFigure(counts.injured),
      'headline.restrictions': restrictions.total,
      'headline.hotline': hotline.total,
    },
  };
}

function changeOf(value: PublishedCell, previous: PublishedCell): number | null {
  return value.kind === 'count' && previous.kind === 'count' ? value.value - previous.value : null;
}

/**
 * The publishable figures of a period from its raw counts and the previous period's, with
 * checkpoint names from the gazetteer.
 */
export function bulletinFigures(
  counts: { current: RawCounts; previous: RawCounts },
  names: Names,
): BulletinFigures {
  const current = disclose(counts.current, names);
  const previous = disclose(counts.previous, names);
  const headlines = Object.entries(current.totals).map(([key, value]) => {
    const before = previous.totals[key] ?? { kind: 'suppressed', reason: 'withheld' };
    return { key, value, previous: before, change: changeOf(value, before) };
  });
  return { sections: current.sections, headlines };
}
