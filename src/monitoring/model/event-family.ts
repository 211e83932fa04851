// Which event sub-types count as related for duplicate suggestions: those that cross to the same
// ACLED event and sub-event type (a checkpoint detention and an arrest; mines or UXO and a
// remote explosive). ACLED's catch-all "Other" relates nothing: sharing it says only that
// neither fits elsewhere. The local event type is too broad for this (most corridor events are
// "safe_passage"), and so is the ACLED event type alone.
import { crosswalkOf, isSubEventType } from './event-taxonomy.ts';

const CATCH_ALL = 'Other';

/**
 * The family of local sub-type `code` for relating two reports, or null (unknown code, no type,
 * or ACLED's catch-all).
 *
 * @example eventFamilyOf('checkpoint_detention') === eventFamilyOf('arrests') // true
 */
export function eventFamilyOf(code: string | null): string | null {
  if (code === null || !isSubEventType(code)) return null;
  const { eventType, subEventType } = crosswalkOf(code).acled;
  return subEventType === CATCH_ALL ? null : `${eventType}/${subEventType}`;
}

/**
 * The local event type of sub-type `code` (the taxonomy's grouping, for statistics), or
 * undefined for a code the taxonomy does not know.
 *
 * @example localEventTypeOf('death_in_queue') === 'safe_passage'
 */
export function localEventTypeOf(code: string): string | undefined {
  return isSubEventType(code) ? crosswalkOf(code).eventType : undefined;
}
