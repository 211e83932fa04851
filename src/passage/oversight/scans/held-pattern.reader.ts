// What the held-pattern scan reads: the people held back (few: read one by one, grouped in
// memory) and the sex and age counts of the people passing in one scope (many: counted in SQL).
// The journey repository counts per operation or day but not per checkpoint and day, the scope
// DOMAIN.md §4's test is most telling at, hence this small port of the oversight slice.
import type { JourneyState } from '../../model/states.ts';

/**
 * Held back, for the pattern test: pulled aside and not let through — in secondary screening,
 * detained, whereabouts unknown, or turned back (refused passage is a selection by the party
 * controlling the checkpoint just as much as a detention; at Srebrenica the men were the ones
 * kept back). Released people have passed and count as passing.
 */
export const PATTERN_HELD_STATES: readonly JourneyState[] = [
  'held_secondary',
  'detained',
  'unknown',
  'turned_back',
];

/**
 * Passing, for the pattern test: let through the checkpoint (passed, released from screening,
 * arrived, registered). Boarded people have not reached a checkpoint yet; medical evacuations and
 * deaths are selected by other causes and would blur the comparison.
 */
export const PATTERN_PASSING_STATES: readonly JourneyState[] = [
  'passed',
  'released',
  'arrived',
  'registered_at_arrival',
];

/** One person held back: where and when they set out, their sex and age band as recorded. */
export interface HeldPerson {
  operationId: string | null;
  checkpointId: string | null;
  departedAt: string | null;
  sex: string | null;
  ageBand: string | null;
}

/** A scope of the test: one checkpoint on one UTC departure day, or one operation. */
export type PatternScope =
  | { readonly type: 'checkpoint'; readonly id: string; readonly day: string }
  | { readonly type: 'operation'; readonly id: string };

/** People of one sex and age band (as stored, so possibly null or unknown). */
export interface SexAgeRow {
  sex: string | null;
  ageBand: string | null;
  people: number;
}

/** Port for the held-pattern scan's reads. */
export interface HeldPatternReader {
  /** Journeys in PATTERN_HELD_STATES, at most `limit`. */
  listHeld(limit: number): Promise<HeldPerson[]>;
  /** Journeys in PATTERN_PASSING_STATES in `scope`, counted by sex and age band. */
  countPassing(scope: PatternScope): Promise<SexAgeRow[]>;
}
