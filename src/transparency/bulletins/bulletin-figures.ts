// A bulletin's figures as they may be published: every count passes the disclosure rules
// (src/transparency/disclosure: "<5", "<10" for detentions, secondary suppression, movement
// counts rounded to 10) before it is stored. The only file of this slice, with
// bulletin-history.ts, bulletin-passages.ts and bulletin-reconciliation.ts, that calls the
// disclosure code, so a change of its API is adapted here.
// A weekly report's tables are disclosed with the published daily reports of its days as
// history, so that subtracting the days from the week recovers nothing they hid (nor the other
// way round). The previous period's figures are the ones its bulletin published, never a new
// release of that period: the change is the difference of two published counts.
import { RESTRICTION_KINDS } from '../../monitoring/model/operations-vocabulary.ts';
import type { CountTable } from '../disclosure/count-table.ts';
import { discloseTable } from '../disclosure/disclose-table.ts';
import { STANDARD_POLICY } from '../disclosure/disclosure-policy.ts';
import type { PublishedCell } from '../disclosure/published-cell.ts';
import type { RawCounts } from './bulletin-counts.kysely.ts';
import type { DayTable } from './bulletin-history.ts';
import { historyOfDays, oneColumnGrid } from './bulletin-history.ts';
import type { PublishedDay } from './bulletin-passages.ts';
import type { ReconciliationCounts } from './bulletin-reconciliation.kysely.ts';
import { reconciliationSection } from './bulletin-reconciliation.ts';
import { passageSection } from './bulletin-passages.ts';
import type { Names } from './bulletin-passages.ts';

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

const WITHHELD: PublishedCell = { kind: 'suppressed', reason: 'withheld' };

/** What the figures of one period are made from. */
export interface FigureSources {
  current: RawCounts;
  /** A weekly report's seven days (their counts now, their bulletins); none for a daily one. */
  days: readonly PublishedDay[];
  /** The figures the previous period's bulletin of the same product published, if it was. */
  previous: BulletinFigures | null;
  /** A daily report's reconciliation (bulletin-reconciliation.ts); none for a weekly one. */
  reconciliation?: ReconciliationCounts | undefined;
}

interface PartitionSpec {
  key: string;
  rows: readonly { key: string; category?: string }[];
  values: (counts: RawCounts) => number[];
}

/** What a day's bulletin published of a one-column table (a partition or a single figure). */
function publishedColumn(figures: BulletinFigures, spec: PartitionSpec) {
  const section = figures.sections.find((s) => s.key === spec.key);
  // A bulletin without the section published none of it: assume the reader knows the worst.
  const cellOf = (key: string) =>
    section === undefined ? WITHHELD : section.rows.find((row) => row.key === key)?.cells[0];
  return oneColumnGrid(
    spec.rows.map((row) => cellOf(row.key)),
    cellOf('total') ?? WITHHELD,
  );
}

/** A one-column table whose rows partition a total: published with that total. */
function partition(spec: PartitionSpec, sources: FigureSources) {
  const tableOf = (counts: RawCounts): CountTable => ({
    counts: spec.values(counts).map((count) => [count]),
    rowCategories: spec.rows.map((row) => row.category),
  });
  const days: DayTable[] = sources.days.map((day) => ({
    table: tableOf(day.counts),
    published: day.figures === null ? null : publishedColumn(day.figures, spec),
  }));
  const history = days.length === 0 ? undefined : historyOfDays(days);
  const table = discloseTable(tableOf(sources.current), STANDARD_POLICY, history);
  const section: FigureSection = {
    key: spec.key,
    columns: ['count'],
    rows: [
      ...spec.rows.map((row, index) => ({
        key: row.key,
        cells: [table.cells[index]?.[0] ?? table.grandTotal],
      })),
      { key: 'total', cells: [table.grandTotal] },
    ],
  };
  return { section, total: table.grandTotal };
}

/** A figure published on its own, as a one-cell table with the days' figures as history. */
function single(key: string, value: (counts: RawCounts) => number, sources: FigureSources) {
  const headlineOf = (figures: BulletinFigures) =>
    figures.headlines.find((h) => h.key === key)?.value ?? WITHHELD;
  const days: DayTable[] = sources.days.map((day) => ({
    table: { counts: [[value(day.counts)]] },
    published:
      day.figures === null
        ? null
        : oneColumnGrid([headlineOf(day.figures)], headlineOf(day.figures)),
  }));
  const history = days.length === 0 ? undefined : historyOfDays(days);
  return discloseTable({ counts: [[value(sources.current)]] }, STANDARD_POLICY, history).grandTotal;
}

const INCIDENTS: PartitionSpec = {
  key: 'incidents',
  rows: [{ key: 'incidents.detention', category: 'detention' }, { key: 'incidents.other' }],
  values: (c) => [c.detentionsReported, c.incidentsReported - c.detentionsReported],
};

const RESTRICTIONS: PartitionSpec = {
  key: 'restrictions',
  rows: RESTRICTION_KINDS.map((kind) => ({ key: `restriction.${kind}` })),
  values: (c) => RESTRICTION_KINDS.map((kind) => c.restrictions[kind]),
};

const HOTLINE: PartitionSpec = {
  key: 'hotline',
  rows: [{ key: 'hotline.responded' }, { key: 'hotline.unanswered' }],
  values: (c) => [c.hotlineResponded, c.hotlineUnanswered],
};

function changeOf(value: PublishedCell, previous: PublishedCell): number | null {
  return value.kind === 'count' && previous.kind === 'count' ? value.value - previous.value : null;
}

/**
 * The publishable figures of a period from its raw counts (and, for a weekly report, its days),
 * with checkpoint names from the gazetteer and the previous bulletin's published headlines.
 */
export function bulletinFigures(sources: FigureSources, names: Names): BulletinFigures {
  const passages = passageSection(sources, names);
  const incidents = partition(INCIDENTS, sources);
  const restrictions = partition(RESTRICTIONS, sources);
  const hotline = partition(HOTLINE, sources);
  const totals: Record<string, PublishedCell> = {
    'headline.passages': passages.total,
    'headline.incidentsReported': incidents.total,
    'headline.incidentsVerified': single(
      'headline.incidentsVerified',
      (c) => c.incidentsVerified,
      sources,
    ),
    'headline.killed': single('headline.killed', (c) => c.killed, sources),
    'headline.injured': single('headline.injured', (c) => c.injured, sources),
    'headline.restrictions': restrictions.total,
    'headline.hotline': hotline.total,
  };
  const headlines = Object.entries(totals).map(([key, value]) => {
    const before = sources.previous?.headlines.find((h) => h.key === key)?.value ?? WITHHELD;
    return { key, value, previous: before, change: changeOf(value, before) };
  });
  const reconciliation =
    sources.reconciliation === undefined ? [] : [reconciliationSection(sources.reconciliation)];
  return {
    sections: [
      passages.section,
      ...reconciliation,
      incidents.section,
      restrictions.section,
      hotline.section,
    ],
    headlines,
  };
}
