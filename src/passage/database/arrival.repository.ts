import type { TimeRange } from './time-range.ts';

/** A journey registered by the host authority on arrival. */
export interface ArrivalRegistration {
  id: string;
  journeyId: string;
  placeId: string;
  registeredAt: string;
  registeredBy: string;
}

/** Registrations per place and UTC day (YYYY-MM-DD). */
export interface ArrivalDayCount {
  placeId: string;
  day: string;
  registrations: number;
}

/** Port for arrival registrations. */
export interface ArrivalRepository {
  /** Stores the registration unless its id or its journey is already registered; true if new. */
  insert(registration: ArrivalRegistration): Promise<boolean>;
  findForJourney(journeyId: string): Promise<ArrivalRegistration | undefined>;
  /** Registrations within `range`, by place and day. */
  countPerDay(range: TimeRange): Promise<ArrivalDayCount[]>;
}
