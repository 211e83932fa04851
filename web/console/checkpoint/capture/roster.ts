// The checkpoint roster as the device keeps it (GET /api/v1/checkpoint-roster, see
// src/passage/registry/roster/checkpoint-roster.service.ts): households under a keyed tag of
// their reference code, never the code. A scanned or typed code is normalised as the server
// stores it, then tagged the same way — HMAC-SHA-256 under the roster's key, first `tagBytes`
// bytes in hex — and looked up. Several households may share a tag (rarely): all are answered.
import { normaliseReferenceCode } from '../../../../src/passage/model/reference-code.ts';
import { fromBase64 } from '../device/base64.ts';

/** One journey of a household on the roster. */
export interface RosterJourney {
  readonly journeyId: string;
  readonly state: string;
  readonly sex: string | null;
  readonly ageBand: string | null;
}

/** A household on the roster. */
export interface RosterHousehold {
  readonly tag: string;
  readonly journeys: readonly RosterJourney[];
}

/** The roster as the server answers it. */
export interface Roster {
  readonly key: string;
  readonly tagBytes: number;
  readonly generatedAt: string;
  readonly households: readonly RosterHousehold[];
}

/** What a code leads to: not a code at all, no household on the roster, or the households. */
export type RosterMatch =
  | { readonly kind: 'invalid_code' }
  | { readonly kind: 'not_on_roster' }
  | { readonly kind: 'found'; readonly households: readonly RosterHousehold[] };

/** The roster's tag of normalised code `code`. */
export async function rosterTagOf(roster: Pick<Roster, 'key' | 'tagBytes'>, code: string) {
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(roster.key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(code)));
  return [...mac.subarray(0, roster.tagBytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The households of `roster` that reference code `input` (as typed or scanned) leads to.
 *
 * @example await findOnRoster(roster, 'k3f9 0qzt 7m2a w')
 */
export async function findOnRoster(roster: Roster, input: string): Promise<RosterMatch> {
  const code = normaliseReferenceCode(input);
  if (code === undefined) return { kind: 'invalid_code' };
  const tag = await rosterTagOf(roster, code);
  const households = roster.households.filter((household) => household.tag === tag);
  return households.length === 0 ? { kind: 'not_on_roster' } : { kind: 'found', households };
}
