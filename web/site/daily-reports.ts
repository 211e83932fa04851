// Figures of the published daily reports over time: which reports to read, and one series per
// headline (e.g. incidents reported, incidents verified), cell for cell as each report published
// it. A suppressed headline stays its marker ("<5", "x") and is drawn as a gap.
import { formatCell } from '../../src/transparency/disclosure/published-cell.ts';
import type { PublishedCell } from '../../src/transparency/disclosure/published-cell.ts';
import type { ReleasedCell } from './series.ts';

/** A bulletin as the public list gives it. */
export interface ListedBulletin {
  id: string;
  product: string;
  periodTo: string;
  corrects: { id: string; kind: string } | null;
}

/** A published headline figure of a report. */
export interface Headline {
  key: string;
  value: PublishedCell;
}

/** One daily report's day and headlines. */
export interface DailyHeadlines {
  day: string;
  headlines: Headline[];
}

/**
 * The daily reports whose figures stand, oldest first, one per day: originals that were not
 * retracted (a correction publishes the figures of the report it corrects, docs/bulletins.md).
 */
export function standingDailyReports(list: readonly ListedBulletin[]): ListedBulletin[] {
  const retracted = new Set(
    list.flatMap((b) => (b.corrects?.kind === 'retraction' ? [b.corrects.id] : [])),
  );
  const byDay = new Map<string, ListedBulletin>();
  for (const bulletin of list) {
    if (bulletin.product !== 'daily' || bulletin.corrects !== null) continue;
    if (retracted.has(bulletin.id)) continue;
    const day = bulletin.periodTo.slice(0, 10);
    if (!byDay.has(day)) byDay.set(day, bulletin);
  }
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([, bulletin]) => bulletin);
}

/** A published cell as a table cell: its number, or its marker exactly as published. */
export function headlineCell(cell: PublishedCell | undefined): ReleasedCell {
  if (cell === undefined) return undefined;
  return cell.kind === 'count' ? cell.value : formatCell(cell);
}

/** One series per headline `keys`, over the reports' days (undefined where a report lacks it). */
export function headlineSeries(reports: readonly DailyHeadlines[], keys: readonly string[]) {
  return {
    days: reports.map((report) => report.day),
    lines: keys.map((key) => ({
      key,
      cells: reports.map((report) =>
        headlineCell(report.headlines.find((headline) => headline.key === key)?.value),
      ),
    })),
  };
}
