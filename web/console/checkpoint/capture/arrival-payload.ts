// The captures of a household's arrival at a reception point (DOMAIN.md §4 "At arrival":
// headcount, registration by the host authority; §5: passed → arrived → registered_at_arrival).
// The server takes an arrival per person, not per household: a 'journey_event' to `arrived`, or
// an 'arrival_registration', which steps a journey still on the road through `arrived` first
// (src/passage/field/captures/journey-event.handler.ts). So one tap makes one capture per member
// who is there, each signed and synced like a passage. Pure, so a test checks the payloads
// against the server's schemas.
import type { MemberFate } from './passage-payload.ts';

/** The capture type of one person's journey event. */
export const JOURNEY_EVENT = 'journey_event';
/** The capture type of one person's registration on arrival. */
export const ARRIVAL_REGISTRATION = 'arrival_registration';

/**
 * Kinds of place where people arrive and are registered: the server's destinations
 * (DESTINATION_KINDS in src/passage/field/places/place-directory.ts).
 */
export const ARRIVAL_PLACE_KINDS: readonly string[] = ['reception_point', 'humanitarian_centre'];

/** Seen arriving, or seen arriving and registered by the host authority. */
export const ARRIVAL_OUTCOMES = ['arrived', 'registered'] as const;
/** One of ARRIVAL_OUTCOMES. */
export type ArrivalOutcome = (typeof ARRIVAL_OUTCOMES)[number];

/** What a listed member can be at arrival: with the household, or not there. */
export const ARRIVAL_FATES = ['with_passage', 'absent'] as const satisfies readonly MemberFate[];

/** What the monitor recorded at the arrival place. */
export interface ArrivalDraft {
  readonly placeId: string;
  readonly members: readonly { readonly journeyId: string; readonly fate: MemberFate }[];
  readonly outcome: ArrivalOutcome;
}

/** One capture to sign: its type and payload. */
export interface CaptureDraft {
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

/**
 * The captures of `draft`: one per member who arrived (a member marked absent, pulled aside or
 * turned back did not arrive here, so nothing is recorded for them).
 *
 * @example arrivalCaptures({ placeId, members, outcome: 'registered' })
 * // [{ type: 'arrival_registration', payload: { journeyId, placeId } }, …]
 */
export function arrivalCaptures(draft: ArrivalDraft): CaptureDraft[] {
  return draft.members
    .filter((member) => member.fate === 'with_passage')
    .map(({ journeyId }) =>
      draft.outcome === 'registered'
        ? { type: ARRIVAL_REGISTRATION, payload: { journeyId, placeId: draft.placeId } }
        : { type: JOURNEY_EVENT, payload: { journeyId, to: 'arrived', placeId: draft.placeId } },
    );
}

/** The arrival a capture records (the outbox names it so), or undefined for another capture. */
export function arrivalOutcomeOf(
  type: string,
  payload: Readonly<Record<string, unknown>>,
): ArrivalOutcome | undefined {
  if (type === ARRIVAL_REGISTRATION) return 'registered';
  if (type === JOURNEY_EVENT && payload['to'] === 'arrived') return 'arrived';
  return undefined;
}
