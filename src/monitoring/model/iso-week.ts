// ISO 8601 week numbering, for incident counts per week. SQLite and PostgreSQL each have their own
// week function (strftime('%W') is not even ISO weeks), so weeks are computed here: either as the
// ranges of a period that SQL counts one by one (what the statistics do: each is an index range,
// no sort), or by folding counts per calendar day (the first ten characters of an ISO timestamp,
// the same on both engines) into weeks — measured as the alternative in bench/incident-stats.ts. ISO 8601: weeks start on Monday, and week 1 is the one holding the year's
// first Thursday, so 29 Dec 2025 is in 2026-W01 and 1 Jan 2027 in 2026-W53.

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day's count (day as `YYYY-MM-DD`, UTC). */
export interface DayCount {
  day: string;
  count: number;
}

/** A week's count (week as `YYYY-Www`; `unknown` for days that do not parse). */
export interface WeekCount {
  week: string;
  count: number;
}

/** One week's part of a period: [from, to) as ISO-8601 instants. */
export interface WeekRange {
  week: string;
  from: string;
  to: string;
}

/** The label of weeks whose days could not be read. */
export const UNKNOWN_WEEK = 'unknown';

// Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as given.
function utcDay(year: number, monthIndex: number, date: number): Date {
  const at = new Date(0);
  at.setUTCFullYear(year, monthIndex, date);
  return at;
}

/**
 * The ISO week of the UTC calendar day `day` (`YYYY-MM-DD`), as `YYYY-Www`; undefined when `day`
 * is not a real calendar day.
 *
 * @example isoWeekOf('2023-09-24') === '2023-W38'; isoWeekOf('2027-01-01') === '2026-W53'
 */
export function isoWeekOf(day: string): string | undefined {
  const match = DAY_PATTERN.exec(day);
  if (match === null) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = utcDay(year, month - 1, date);
  // Date rolls 2023-02-30 over into March; a real day reads back unchanged.
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== date) return undefined;
  const mondayBased = (at.getUTCDay() + 6) % 7;
  const thursday = at.getTime() + (3 - mondayBased) * DAY_MS;
  const weekYear = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - utcDay(weekYear, 0, 1).getTime()) / (7 * DAY_MS));
  return `${String(weekYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/**
 * Sums day counts into ISO weeks, in week order (`unknown` last).
 *
 * @example foldIntoWeeks([{ day: '2023-09-24', count: 2 }, { day: '2023-09-25', count: 1 }])
 *          // [{ week: '2023-W38', count: 2 }, { week: '2023-W39', count: 1 }]
 */
export function foldIntoWeeks(days: Iterable<DayCount>): WeekCount[] {
  const weeks = new Map<string, number>();
  for (const { day, count } of days) {
    const week = isoWeekOf(day) ?? UNKNOWN_WEEK;
    weeks.set(week, (weeks.get(week) ?? 0) + count);
  }
  // Digits sort before 'u', so 'unknown' lands last.
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, count]) => ({ week, count }));
}

/**
 * The ISO weeks of the period [from, to) as ranges, in order; the first and last may be partial
 * (the period's own ends). Empty when the period is empty or does not parse.
 *
 * @example isoWeekRanges('2023-09-24T12:00:00.000Z', '2023-09-26T00:00:00.000Z')
 *          // [{ week: '2023-W38', from: '2023-09-24T12:00:00.000Z', to: '2023-09-25T00:00:00.000Z' },
 *          //  { week: '2023-W39', from: '2023-09-25T00:00:00.000Z', to: '2023-09-26T00:00:00.000Z' }]
 */
export function isoWeekRanges(from: string, to: string): WeekRange[] {
  const end = Date.parse(to);
  const ranges: WeekRange[] = [];
  for (let cursor = Date.parse(from); cursor < end;) {
    const at = new Date(cursor);
    const midnight =
      cursor -
      (at.getUTCHours() * 3_600_000 + at.getUTCMinutes() * 60_000) -
      (at.getUTCSeconds() * 1000 + at.getUTCMilliseconds());
    const nextMonday = midnight + (7 - ((at.getUTCDay() + 6) % 7)) * DAY_MS;
    const until = Math.min(nextMonday, end);
    const week = isoWeekOf(at.toISOString().slice(0, 10)) ?? UNKNOWN_WEEK;
    ranges.push({ week, from: at.toISOString(), to: new Date(until).toISOString() });
    cursor = until;
  }
  return ranges;
}
