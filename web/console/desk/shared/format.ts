// Dates, numbers and record ids as the desk shows them, in the reader's language (Intl).

/**
 * An instant as a date and time in `language`.
 *
 * @example formatInstant('2023-09-26T20:03:04Z', 'en') // '26 Sept 2023, 20:03' (by time zone)
 */
export function formatInstant(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/**
 * A calendar date (YYYY-MM-DD, no time zone) in `language`.
 *
 * @example formatDay('2023-09-23', 'en') // 'Sep 23, 2023'
 */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * A share 0–1 as a whole percentage.
 *
 * @example formatShare(0.8521, 'en') // '85%'
 */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/**
 * A number with at most `fractionDigits` decimals.
 *
 * @example formatNumber(12.68, 'en', 1) // '12.7'
 */
export function formatNumber(value: number, language: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits }).format(value);
}

/**
 * The short form of a record id staff can read aloud: its last eight characters (the first ones
 * of time-ordered ids are alike).
 *
 * @example shortId('01a2214e-62e5-7912-b834-3383bdac216c') // 'bdac216c'
 */
export function shortId(id: string): string {
  return id.slice(-8);
}
