// Places in public outputs are no more precise than the output allows (DOMAIN.md §6: incidents
// about individuals at settlement level at most; exact shelters never). The gazetteer is data
// passed in: place id → its level and parent. Nothing here names a place.
import { refuseInput } from './invalid-input.ts';

/** Precision levels, finest first. A "site" is anything finer than a settlement. */
export const PLACE_LEVELS = ['site', 'settlement', 'district'] as const;

/** One precision level. */
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** One gazetteer entry. */
export interface GazetteerPlace {
  readonly level: PlaceLevel;
  /** The enclosing place (a site's settlement, a settlement's district); none at the top. */
  readonly parentId?: string;
}

/** The gazetteer as the disclosure module reads it. */
export type Gazetteer = ReadonlyMap<string, GazetteerPlace>;

function placeOf(gazetteer: Gazetteer, id: string): GazetteerPlace {
  const place = gazetteer.get(id);
  if (place === undefined)
    throw refuseInput('unknown_place', `place ${id} is not in the gazetteer`);
  return place;
}

/**
 * The id of the finest place, among `placeId` and its ancestors, that is no finer than
 * `finest`: a shelter becomes its settlement for a settlement-level output, or its district for
 * a district-level one. Throws `unknown_place` for an id not in the gazetteer, and
 * `bad_gazetteer` when the chain loops or ends before reaching a coarse enough level.
 *
 * @example coarsenPlace('shelter-12', gazetteer, 'settlement') // 'settlement-3'
 */
export function coarsenPlace(placeId: string, gazetteer: Gazetteer, finest: PlaceLevel): string {
  const allowed = PLACE_LEVELS.indexOf(finest);
  const seen = new Set<string>();
  let id = placeId;
  for (let place = placeOf(gazetteer, id); PLACE_LEVELS.indexOf(place.level) < allowed;) {
    seen.add(id);
    if (place.parentId === undefined || seen.has(place.parentId)) {
      throw refuseInput('bad_gazetteer', `place ${placeId} has no ${finest} above it`);
    }
    id = place.parentId;
    place = placeOf(gazetteer, id);
  }
  return id;
}

/**
 * Coarsens the place of every item (e.g. incident rows of an open dataset) with `coarsenPlace`.
 *
 * @example coarsenPlaces(rows, (row) => row.placeId, gazetteer, 'district')
 */
export function coarsenPlaces<T>(
  items: readonly T[],
  placeOfItem: (item: T) => string,
  gazetteer: Gazetteer,
  finest: PlaceLevel,
): { readonly item: T; readonly placeId: string }[] {
  return items.map((item) => ({
    item,
    placeId: coarsenPlace(placeOfItem(item), gazetteer, finest),
  }));
}
