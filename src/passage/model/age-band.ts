// Sex and age bands for counting who passes and who is held back (DOMAIN.md §4: "by sex and age
// band where safe", and "the sex and age pattern of who is held back"). The 18–45 band is the one
// the controlling party screened in 2023 (face capture of men about 18–45, DOMAIN.md §7), so it is
// kept whole: a pattern inside it must show as one share, not be split across bands.
import { DomainError } from '../../errors/domain-error.ts';

/** The age bands, youngest first. */
export const AGE_BANDS = ['0-4', '5-17', '18-45', '46-64', '65+'] as const;
/** One of AGE_BANDS. */
export type AgeBand = (typeof AGE_BANDS)[number];

/** The band screened at the exit checkpoint (DOMAIN.md §7). */
export const SCREENING_AGE_BAND: AgeBand = '18-45';

/** Sex as recorded: `other` when the person says so, `unknown` when not recorded. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** One of SEXES. */
export type Sex = (typeof SEXES)[number];

/** The lowest age of each band after the first, in the order of AGE_BANDS. */
const BAND_FLOORS: readonly (readonly [number, AgeBand])[] = [
  [65, '65+'],
  [46, '46-64'],
  [18, '18-45'],
  [5, '5-17'],
];

/**
 * The age band of a person born in `birthYear`, counted as the age they reach during `atYear`.
 * Only the birth year is asked of people (a birth date is identifying and often unknown), so a
 * person can be a year younger than counted; screening practice is approximate too.
 * Throws `invalid_request` when either year is not an integer or the birth is after `atYear`.
 *
 * @example ageBandOf(1990, 2023) // '18-45'
 */
export function ageBandOf(birthYear: number, atYear: number): AgeBand {
  if (!Number.isSafeInteger(birthYear) || !Number.isSafeInteger(atYear) || birthYear > atYear) {
    throw new DomainError('invalid_request', `birth year ${birthYear} is not before ${atYear}`);
  }
  const age = atYear - birthYear;
  for (const [floor, band] of BAND_FLOORS) if (age >= floor) return band;
  return '0-4';
}

/**
 * True when `value` is one of SEXES (for parsing stored or submitted values).
 *
 * @example isSex('male') // true
 */
export function isSex(value: unknown): value is Sex {
  return SEXES.some((sex) => sex === value);
}
