import type { PlaceKind, PlaceNames } from './passage-vocabulary.ts';

/** A place of the gazetteer. */
export interface Place {
  id: string;
  kind: PlaceKind;
  names: PlaceNames;
  lat: number;
  lon: number;
  adminCode: string | null;
  createdAt: string;
  version: number;
}

/** Who controlled a place over a period; `until` is null while it still does. */
export interface PlaceControl {
  placeId: string;
  /** A party is data, not code: any name the mission uses. */
  controlledBy: string;
  since: string;
  until: string | null;
}

/** Expected transit time between two places (minutes, median and 95th percentile). */
export interface RouteLeg {
  fromPlaceId: string;
  toPlaceId: string;
  p50Minutes: number;
  p95Minutes: number;
}

/** Port for the gazetteer: places, who controls them, and transit times between them. */
export interface PlaceRepository {
  /** Stores new places (version 1), at most 500 rows per statement. */
  insertMany(places: readonly Place[]): Promise<void>;
  get(id: string): Promise<Place | undefined>;
  /** Every place, or those of one kind, ordered by id. */
  list(kind?: PlaceKind): Promise<Place[]>;
  /**
   * Replaces names, kind, position and admin code while the place is at `expectedVersion`
   * (then version + 1); throws DomainError 'conflict' or 'not_found' otherwise.
   */
  update(place: Place, expectedVersion: number): Promise<void>;
  /**
   * Records that `controlledBy` controls the place from `since`, closing the open period at
   * `since`. Changes are recorded in time order; a duplicate `since` is refused.
   */
  changeControl(control: Omit<PlaceControl, 'until'>): Promise<void>;
  /** Control periods of a place, oldest first. */
  controlHistory(placeId: string): Promise<PlaceControl[]>;
  /** Who controlled the place at instant `at`, if known. */
  controllerAt(placeId: string, at: string): Promise<string | undefined>;
  /** Inserts or replaces route legs (keyed by from and to). */
  saveRouteLegs(legs: readonly RouteLeg[]): Promise<void>;
  /** Every route leg, ordered by from and to. */
  listRouteLegs(): Promise<RouteLeg[]>;
}
