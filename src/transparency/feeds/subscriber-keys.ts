// A subscriber's address under the keyring's existing encryption (DESIGN.md §4): a data key of
// its own, wrapped by the keyring's data-key wrapping and bound to the subscriber's id, seals
// the address, the unsubscribe token and every queued mail. Deleting the row (unsubscribing)
// leaves no readable trace. Duplicates are found by a keyring pseudonym of the normalised
// address in its own namespace, never by the address itself.
import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { openAead, sealAead } from '../../people/aead.ts';
import type { Keyring } from '../../people/keyring.ts';

const PSEUDONYM_KIND = 'subscriber-email';

/** What seals one subscriber's data. */
export interface SubscriberKey {
  wrapped: string;
  key: KeyObject;
}

/** A fresh data key for subscriber `id`, and its wrapped form to store. */
export function newSubscriberKey(keyring: Keyring, id: string): SubscriberKey {
  const bytes = randomBytes(32);
  const wrapped = keyring.wrapDataKey(`subscriber/${id}`, bytes);
  return { wrapped, key: keyring.unwrapDataKey(`subscriber/${id}`, wrapped) };
}

/** The stored data key of subscriber `id`. */
export function openSubscriberKey(keyring: Keyring, id: string, wrapped: string): KeyObject {
  return keyring.unwrapDataKey(`subscriber/${id}`, wrapped);
}

/** The blind index of an address: case and surrounding blanks do not make a new subscriber. */
export function emailIndex(keyring: Keyring, email: string): string {
  return keyring.pseudonym(PSEUDONYM_KIND, email.trim().toLowerCase());
}

/** Seals `plain` (the address, a token, a mail) for subscriber `id`, in slot `what`. */
export function sealFor(key: KeyObject, id: string, what: string, plain: string): string {
  return sealAead(key, plain, `vigil-subscriber-v1\u0000${id}\u0000${what}`);
}

/** Opens what sealFor sealed; throws AeadError if altered or moved to another slot. */
export function openFor(key: KeyObject, id: string, what: string, sealed: string): string {
  return openAead(key, sealed, `vigil-subscriber-v1\u0000${id}\u0000${what}`).toString('utf8');
}

/** A random link token (256 bits, base64url): never derived from the address. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `text` has the shape of a link token (checked before any look-up). */
export function isLinkToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}
