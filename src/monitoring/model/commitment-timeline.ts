// A commitment's record over time (issue 4 "Commitments"): how many linked incidents and
// observations showed a breach and how many showed compliance, per calendar month (UTC) of the
// evidence itself. Withdrawn links no longer count. Months with nothing in between are listed
// with zeros, so a chart shows the quiet months too. Pure.
import type { LinkBearing } from './commitment-vocabulary.ts';

/** One link as the tally sees it. */
export interface DatedLink {
  bearing: LinkBearing;
  /** When the evidence happened (ISO-8601 UTC). */
  evidenceAt: string;
  isWithdrawn: boolean;
}

/** One month's counts. */
export interface MonthTally {
  /** `YYYY-MM`. */
  month: string;
  breach: number;
  compliance: number;
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return index === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(index + 1).padStart(2, '0')}`;
}

/**
 * Breach and compliance counts per month, oldest first, from the first to the last month with a
 * standing link (empty when there is none).
 *
 * @example monthlyTallies([{ bearing: 'breach', evidenceAt: '2023-09-25T18:00:00Z',
 *   isWithdrawn: false }]) // [{ month: '2023-09', breach: 1, compliance: 0 }]
 */
export function monthlyTallies(links: readonly DatedLink[]): MonthTally[] {
  const standing = links.filter((link) => !link.isWithdrawn);
  const months = standing.map((link) => link.evidenceAt.slice(0, 7)).sort();
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return [];
  const tallies = new Map<string, MonthTally>();
  for (let month = first; month <= last; month = nextMonth(month)) {
    tallies.set(month, { month, breach: 0, compliance: 0 });
  }
  for (const link of standing) {
    const tally = tallies.get(link.evidenceAt.slice(0, 7));
    if (tally !== undefined) tally[link.bearing] += 1;
  }
  return [...tallies.values()];
}
