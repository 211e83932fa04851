// The second factor of the family status look-up: a keyed HMAC of (household id, a member's
// birth year), one row per distinct birth year of the household. It is the keyring's pseudonym
// in its own namespace 'household-check' (HMAC-SHA256 under the pseudonym subkey of the master
// key, over "household-check\0<household id>\0<birth year>"), so it is linkable to no other
// pseudonym and cannot be computed, or the birth years recovered from it, without the master
// key. The household id in the input keeps equal birth years of two households apart.
import type { Keyring } from '../../../people/keyring.ts';

/** The pseudonym namespace of household checks. */
export const HOUSEHOLD_CHECK_KIND = 'household-check';

/**
 * The check HMAC of a household and one birth year (base64url).
 *
 * @example householdCheckHmac(keyring, householdId, 1984)
 */
export function householdCheckHmac(
  keyring: Pick<Keyring, 'pseudonym'>,
  householdId: string,
  birthYear: number,
): string {
  return keyring.pseudonym(HOUSEHOLD_CHECK_KIND, `${householdId}\u0000${String(birthYear)}`);
}
