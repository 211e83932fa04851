// Does the sex and age pattern of people held back depart from that of people passing? DOMAIN.md
// §4 asks the neutral party to watch exactly this: at Srebrenica in 1995 the separation of men and
// boys was "visible only as a sex ratio that departs from expectation". Two tests, both reported:
// - the exact binomial test on the share of men 18–45 (the screened band, DOMAIN.md §7): exact,
//   so valid for the ten people held at one checkpoint, and aimed at the known failure;
// - Pearson's chi-square on the whole sex × age table (sparse cells pooled): catches any other
//   departure — women, children or old people held out of proportion.
import { DomainError } from '../../errors/domain-error.ts';
import { AGE_BANDS, SCREENING_AGE_BAND, SEXES } from './age-band.ts';
import type { AgeBand, Sex } from './age-band.ts';
import { binomialTestTwoSided } from './binomial-test.ts';
import { chiSquareGoodnessOfFit } from './chi-square.ts';
import type { GoodnessOfFit } from './chi-square.ts';

/** Counts of people by sex and age band; a missing cell is zero. */
export type SexAgeCounts = Readonly<
  Partial<Record<Sex, Readonly<Partial<Record<AgeBand, number>>>>>
>;

/** One cell of the table: observed among the held against what the passing would predict. */
export interface HeldPatternCell {
  readonly sex: Sex;
  readonly ageBand: AgeBand;
  readonly held: number;
  readonly passing: number;
  /** Share of the held in this cell. */
  readonly heldShare: number;
  /** Share of the passing in this cell: the share expected among the held. */
  readonly expectedShare: number;
}

/** The comparison of the held with the passing. */
export interface HeldPatternAnalysis {
  readonly held: number;
  readonly passing: number;
  /** Every cell with someone held or passing, in SEXES × AGE_BANDS order. */
  readonly cells: readonly HeldPatternCell[];
  /** Men 18–45: shares among the held and the passing, and the exact binomial p-value. */
  readonly screeningBand: {
    readonly heldShare: number;
    readonly expectedShare: number;
    readonly pValue: number;
  };
  /** The chi-square test of the whole table, or undefined when too sparse to test. */
  readonly chiSquare: GoodnessOfFit | undefined;
}

function countOf(counts: SexAgeCounts, sex: Sex, band: AgeBand): number {
  const value = counts[sex]?.[band] ?? 0;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError('invalid_request', `count ${value} for ${sex} ${band} is not a count`);
  }
  return value;
}

/** Every cell of the sex × age table, in SEXES × AGE_BANDS order. */
function tabulate(held: SexAgeCounts, passing: SexAgeCounts) {
  return SEXES.flatMap((sex) =>
    AGE_BANDS.map((ageBand) => ({
      sex,
      ageBand,
      held: countOf(held, sex, ageBand),
      passing: countOf(passing, sex, ageBand),
    })),
  );
}

/**
 * Compares the sex and age pattern of the `held` with that of the `passing`. Answers undefined
 * when nobody was held or nobody passed (there is nothing to compare). Throws `invalid_request`
 * for a count that is not a non-negative integer.
 *
 * @example analyseHeldPattern(heldToday, passingToday)?.screeningBand.pValue
 */
export function analyseHeldPattern(
  held: SexAgeCounts,
  passing: SexAgeCounts,
): HeldPatternAnalysis | undefined {
  const table = tabulate(held, passing);
  let heldTotal = 0;
  let passingTotal = 0;
  for (const cell of table) {
    heldTotal += cell.held;
    passingTotal += cell.passing;
  }
  if (heldTotal === 0 || passingTotal === 0) return undefined;
  const cells = table.filter((c) => c.held > 0 || c.passing > 0);
  const heldScreened = countOf(held, 'male', SCREENING_AGE_BAND);
  const expectedShare = countOf(passing, 'male', SCREENING_AGE_BAND) / passingTotal;
  return {
    held: heldTotal,
    passing: passingTotal,
    cells: cells.map((c) => ({
      ...c,
      heldShare: c.held / heldTotal,
      expectedShare: c.passing / passingTotal,
    })),
    screeningBand: {
      heldShare: heldScreened / heldTotal,
      expectedShare,
      pValue: binomialTestTwoSided(heldScreened, heldTotal, expectedShare),
    },
    chiSquare: chiSquareGoodnessOfFit(cells.map((c) => ({ observed: c.held, share: c.passing }))),
  };
}
