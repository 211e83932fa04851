// What the checkpoint mode records where the monitor stands: passages at a checkpoint, in the
// direction of travel chosen, or arrivals at a reception point (people arrive there, whichever
// way they came, so no direction is asked). Pure, so a test checks the choice without a browser.
import type { Direction } from '../../../../src/passage/database/passage-vocabulary.ts';
import type { Place } from '../device/device-store.ts';
import { ARRIVAL_PLACE_KINDS } from './arrival-payload.ts';

/** The chosen checkpoint and direction. */
export interface Station {
  readonly checkpointId: string;
  readonly direction: Direction;
}

/** What the monitor records where they stand: passages at a checkpoint, or arrivals. */
export type Recording =
  | { readonly kind: 'passage'; readonly station: Station }
  | { readonly kind: 'arrival'; readonly placeId: string };

/** True when `place` is one where people arrive (no direction there). */
export function isArrivalPlace(place: Place | undefined): boolean {
  return place !== undefined && ARRIVAL_PLACE_KINDS.includes(place.kind);
}

/** What `station` records among `places`, or undefined while the choice is incomplete. */
export function recordingAt(
  station: Partial<Station>,
  places: readonly Place[],
): Recording | undefined {
  const { checkpointId, direction } = station;
  const place = places.find((known) => known.id === checkpointId);
  if (checkpointId === undefined || place === undefined) return undefined;
  if (isArrivalPlace(place)) return { kind: 'arrival', placeId: checkpointId };
  return direction === undefined
    ? undefined
    : { kind: 'passage', station: { checkpointId, direction } };
}
