// Downloading what the checkpoint mode needs offline, while there is signal: the gazetteer's
// checkpoints and arrival places (public) and the checkpoint roster (with the device's token, so it works when the
// office session has expired). Both are kept in IndexedDB by device-store.ts.
import { ARRIVAL_PLACE_KINDS } from '../capture/arrival-payload.ts';
import type { Roster } from '../capture/roster.ts';
import type { Place } from './device-store.ts';

/**
 * Kinds of place where a checkpoint passage is recorded: the server's CHECKPOINT_KINDS
 * (journey-event.plan.ts, a server module; lists.test.ts keeps the two equal).
 */
export const CHECKPOINT_PLACE_KINDS: readonly string[] = ['exit_post', 'checkpoint'];

/** A failed download: the HTTP status (0 when nothing answered). */
export class DownloadError extends Error {
  readonly status: number;

  constructor(status: number) {
    super(`download failed (${String(status)})`);
    this.status = status;
  }
}

async function getJson(path: string, token?: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'omit',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
    });
  } catch {
    throw new DownloadError(0);
  }
  if (!response.ok) throw new DownloadError(response.status);
  return response.json();
}

/** Kinds of place where the checkpoint mode records: checkpoints, then arrival places. */
const STATION_KINDS: readonly string[] = [...CHECKPOINT_PLACE_KINDS, ...ARRIVAL_PLACE_KINDS];

/** The places of the gazetteer where a passage or an arrival is recorded. */
export async function downloadStations(): Promise<Place[]> {
  const body = (await getJson('/api/v1/places')) as { places?: Place[] };
  return (body.places ?? []).filter((place) => STATION_KINDS.includes(place.kind));
}

/** The checkpoint roster, with device token `token`. */
export async function downloadRoster(token: string): Promise<Roster> {
  return (await getJson('/api/v1/checkpoint-roster', token)) as Roster;
}
