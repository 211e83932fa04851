// Every release gets fresh public ids (DOMAIN.md §6), so rows of two releases cannot be joined
// to follow one person or household across time, and an id cannot be traced back to the
// record without the release's secret. The id is a keyed hash (HMAC-SHA-256) of the internal
// id under a per-release salt that the mission keeps (pseudonyms are keyed HMACs, the key never
// leaves the mission). @noble/hashes runs in the browser too, where node:crypto does not.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { refuseInput } from './invalid-input.ts';

/** Domain tag, so these hashes can never collide with another use of the same key. */
const TAG = 'vigil/public-id/v1\u0000';

/** Shortest accepted release salt: 32 bytes, the HMAC-SHA-256 block-strength key. */
export const RELEASE_SALT_BYTES = 32;

/**
 * The opaque public id of `internalId` in the release whose secret salt is `releaseSalt`:
 * 32 hex characters (128 bits). The same record gets unrelated ids in different releases.
 * Throws `bad_salt` for a salt shorter than 32 bytes.
 *
 * @example publicIdFor('incident-42', salt) // 'c0ffee…' (32 hex characters)
 */
export function publicIdFor(internalId: string, releaseSalt: Uint8Array): string {
  if (releaseSalt.length < RELEASE_SALT_BYTES) {
    throw refuseInput('bad_salt', `a release salt needs ${RELEASE_SALT_BYTES} bytes`);
  }
  const mac = hmac(sha256, releaseSalt, utf8ToBytes(TAG + internalId));
  return bytesToHex(mac.subarray(0, 16));
}
