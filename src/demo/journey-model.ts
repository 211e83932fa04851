// The generator's working state for journeys: mutable drafts that the steps fill in one after
// the other (departure → crossing → outcomes), before scenario.ts freezes them into the public
// types. Times are milliseconds since the epoch; conversion to ISO happens once, at the end.
import type { ScreeningType } from './scenario-events.types.ts';
import type { Household, Person, Place, Vehicle } from './scenario.types.ts';

/** Milliseconds per minute, hour and day. */
export const MINUTE = 60_000;
/** Milliseconds per hour. */
export const HOUR = 3_600_000;
/** Milliseconds per day. */
export const DAY = 86_400_000;

/** Times of one vehicle's passage through the crossing, all in ms. */
export interface CrossingTimeline {
  /** 0 off-peak … 1 at the worst of the peak, from departures in the preceding 12 h. */
  congestion: number;
  queueIn: number;
  screeningStart: number;
  screeningEnd: number;
  receptionIn: number;
  receptionStart: number;
  receptionEnd: number;
  arrival: number;
}

/** A journey while it is being generated. */
export interface JourneyDraft {
  readonly id: string;
  readonly operationId: string;
  readonly vehicle: Vehicle;
  readonly settlementId: string;
  readonly exitPostId: string;
  departure: number;
  /** Everyone aboard at departure; separations move people between drafts before crossing. */
  personIds: string[];
  householdIds: string[];
  /** Extra road time of a halted convoy. */
  haltMs: number;
  timeline: CrossingTimeline | null;
  screeningTypes: ScreeningType[];
}

/** What the generator knows about one person while generating. */
export interface PersonInfo {
  readonly person: Person;
  readonly household: Household;
  /** Age in full years at D0. */
  readonly age: number;
}

/** A person held for secondary screening and what became of them. */
export interface HoldRecord {
  readonly personId: string;
  readonly journey: JourneyDraft;
  readonly heldAt: number;
  readonly decisionAt: number;
  outcome: 'released' | 'turned_back' | 'detained';
}

/** The places journeys pass through. */
export interface Route {
  readonly checkpoint: Place;
  readonly receptionPoint: Place;
  readonly humanitarianCentre: Place;
}

/** A function giving the age in full years at `start` from a birth year and optional date. */
export function ageAtStart(start: Date): (birthYear: number, birthDate?: string) => number {
  const year = start.getUTCFullYear();
  const monthDay = start.toISOString().slice(5, 10);
  return (birthYear, birthDate) => {
    const years = year - birthYear;
    return birthDate !== undefined && birthDate.slice(5) > monthDay ? years - 1 : years;
  };
}

/** ISO-8601 of a time in ms. */
export function iso(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

/** The timeline of a journey that has crossed; throws if the crossing step was skipped. */
export function timelineOf(journey: JourneyDraft): CrossingTimeline {
  if (journey.timeline === null) throw new Error(`journey ${journey.id} has no timeline`);
  return journey.timeline;
}
