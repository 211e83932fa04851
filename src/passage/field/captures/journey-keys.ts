// The journeys a capture names, read from its raw payload before validation, for the sync
// service's ordering within a batch (CaptureHandler.touches): captures naming the same journey
// are applied one after another. Lenient on purpose: a malformed payload names what can be read,
// and prepare() rejects it.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function journeyKey(value: unknown): string[] {
  return typeof value === 'string' ? [`journey:${value}`] : [];
}

/** The key of `payload.journeyId` (journey events, arrivals, held reports), if any. */
export function namedJourneyKeys(payload: unknown): string[] {
  return isRecord(payload) ? journeyKey(payload['journeyId']) : [];
}

/** The keys of the journeys listed aboard a passage (`payload.people[].journeyId`). */
export function journeysAboardKeys(payload: unknown): string[] {
  if (!isRecord(payload)) return [];
  const people = payload['people'];
  if (!Array.isArray(people)) return [];
  return people.flatMap((person: unknown) =>
    isRecord(person) ? journeyKey(person['journeyId']) : [],
  );
}
