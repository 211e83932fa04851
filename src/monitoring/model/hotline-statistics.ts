// The hotline's figures for a period (DOMAIN.md §1, §6 "hotline summary", dataset
// `hotline_stats`): contacts per UTC day, and how fast the mission answered. Percentiles use the
// nearest-rank method, so every figure is a response time that actually happened (with an even
// count, the median is the lower of the two middle values). Pure.

/** One contact as the statistics see it. */
export interface HotlineContactTiming {
  /** ISO-8601 UTC instant the contact came in. */
  receivedAt: string;
  /** Seconds from receipt to response; null while unanswered. */
  responseSeconds: number | null;
}

/** A period of whole UTC days, both ends included (`YYYY-MM-DD`). */
export interface DayPeriod {
  from: string;
  to: string;
}

/** Response times of a set of contacts, in seconds. */
export interface ResponseTimes {
  responded: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** One day's figures. */
export interface HotlineDay extends ResponseTimes {
  date: string;
  contacts: number;
}

/** The figures of a period. */
export interface HotlineStatistics extends ResponseTimes {
  from: string;
  to: string;
  contacts: number;
  days: HotlineDay[];
}

const DAY_MS = 86_400_000;

/**
 * The `p`th percentile of ascending `sorted` by nearest rank; null when empty or when `p` lies
 * outside 0–100.
 *
 * @example nearestRank([10, 20, 30, 40], 50) // 20
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/**
 * Whole seconds from `receivedAt` to `respondedAt` (ISO instants); negative when the response
 * is dated before the contact.
 */
export function responseSecondsBetween(receivedAt: string, respondedAt: string): number {
  return Math.round((Date.parse(respondedAt) - Date.parse(receivedAt)) / 1000);
}

/** Every date of `period`, in order. */
export function datesOf(period: DayPeriod): string[] {
  const dates: string[] = [];
  const end = Date.parse(`${period.to}T00:00:00.000Z`);
  for (let at = Date.parse(`${period.from}T00:00:00.000Z`); at <= end; at += DAY_MS) {
    dates.push(new Date(at).toISOString().slice(0, 10));
  }
  return dates;
}

function responseTimes(contacts: readonly HotlineContactTiming[]): ResponseTimes {
  const seconds = contacts
    .map((contact) => contact.responseSeconds)
    .filter((value) => value !== null)
    .sort((a, b) => a - b);
  return {
    responded: seconds.length,
    medianSeconds: nearestRank(seconds, 50),
    p90Seconds: nearestRank(seconds, 90),
  };
}

/**
 * The statistics of `contacts` over `period`; contacts outside it are left out, and a day with
 * none is listed with zero contacts.
 *
 * @example hotlineStatistics(contacts, { from: '2023-09-24', to: '2023-09-30' }).days.length // 7
 */
export function hotlineStatistics(
  contacts: readonly HotlineContactTiming[],
  period: DayPeriod,
): HotlineStatistics {
  const byDay = new Map<string, HotlineContactTiming[]>(datesOf(period).map((date) => [date, []]));
  for (const contact of contacts) byDay.get(contact.receivedAt.slice(0, 10))?.push(contact);
  const inPeriod = [...byDay.values()].flat();
  return {
    from: period.from,
    to: period.to,
    contacts: inPeriod.length,
    ...responseTimes(inPeriod),
    days: [...byDay].map(([date, ofDay]) => ({
      date,
      contacts: ofDay.length,
      ...responseTimes(ofDay),
    })),
  };
}
