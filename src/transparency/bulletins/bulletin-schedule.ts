// The information cut-off (DOMAIN.md §1: the OSCE SMM's 19:30): a daily report covers the 24 h
// that end at the cut-off in the mission's time zone, a weekly one the 7 days that end there.
// Local wall time is turned into an instant with Intl (no time-zone library): the zone's offset
// is read at a first guess and read again at the result, which settles across a DST change.

/** When the daily report is drafted. */
export interface CutoffSettings {
  /** Local wall time, 'HH:MM'. */
  readonly time: string;
  /** IANA time zone of the mission, e.g. 'Asia/Yerevan'. */
  readonly timeZone: string;
}

/** A period a bulletin covers, as UTC instants, and the local date that names it. */
export interface BulletinPeriod {
  readonly from: string;
  readonly to: string;
  /** The local date (YYYY-MM-DD) of the cut-off that ends the period. */
  readonly localDate: string;
}

const DAY_MS = 86_400_000;

function localParts(instant: Date, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const wall = Date.UTC(p['year'] ?? 0, (p['month'] ?? 1) - 1, p['day'], p['hour'], p['minute']);
  return wall + (p['second'] ?? 0) * 1000 - Math.floor(instant / 1000) * 1000;
}

/** The local date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const pad = (value: number | undefined, width: number) => String(value).padStart(width, '0');
  return `${pad(p['year'], 4)}-${pad(p['month'], 2)}-${pad(p['day'], 2)}`;
}

/** The instant of the cut-off on local date `localDate`. */
export function cutoffOn(localDate: string, settings: CutoffSettings): Date {
  const [hours, minutes] = settings.time.split(':').map(Number);
  const wall =
    Date.parse(`${localDate}T00:00:00.000Z`) + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
  const guess = wall - offsetAt(wall, settings.timeZone);
  return new Date(wall - offsetAt(guess, settings.timeZone));
}

/** The local date `days` days after `localDate` (negative: before). */
export function shiftDate(localDate: string, days: number): string {
  return new Date(Date.parse(`${localDate}T00:00:00.000Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/**
 * The period of `days` days that ends at the cut-off on `localDate`.
 *
 * @example periodEndingOn('2023-09-24', 1, { time: '19:30', timeZone: 'Asia/Yerevan' })
 * // { from: '2023-09-23T15:30:00.000Z', to: '2023-09-24T15:30:00.000Z', localDate: '2023-09-24' }
 */
export function periodEndingOn(
  localDate: string,
  days: number,
  settings: CutoffSettings,
): BulletinPeriod {
  return {
    from: cutoffOn(shiftDate(localDate, -days), settings).toISOString(),
    to: cutoffOn(localDate, settings).toISOString(),
    localDate,
  };
}

/** The local date of the latest cut-off at or before `now`. */
export function latestCutoffDate(now: Date, settings: CutoffSettings): string {
  const today = localDateOf(now, settings.timeZone);
  return cutoffOn(today, settings).getTime() <= now.getTime() ? today : shiftDate(today, -1);
}

/** The period of the same length just before `period` (for the change on the previous one). */
export function previousPeriod(period: BulletinPeriod, days: number, settings: CutoffSettings) {
  return periodEndingOn(shiftDate(period.localDate, -days), days, settings);
}
