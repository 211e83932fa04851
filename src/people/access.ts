// Who reads identity data, about whom, and why: the three things every audit event records.
// Purposes are a closed list, not free text, because the purpose is sealed into the log and
// free text could carry a name.
import { DomainError } from '../errors/domain-error.ts';

declare const personRefBrand: unique symbol;

/** A person's reference: a random UUID, the only handle operational tables hold. */
export type PersonRef = string & { readonly [personRefBrand]: true };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when `value` has the shape of a person reference (a lowercase UUID). */
export function isPersonRef(value: string): value is PersonRef {
  return UUID.test(value);
}

/** `value` as a PersonRef; DomainError 'not_found' when it cannot name a person. */
export function toPersonRef(value: string): PersonRef {
  if (!isPersonRef(value)) throw new DomainError('not_found', 'no such person');
  return value;
}

/** Whoever acts: a staff member, a token, or the system itself (retention runs). */
export interface Actor {
  /** A stable id (staff id, token id, or 'system:<job>'); never a person's name. */
  id: string;
}

const ACTOR_ID = /^[A-Za-z0-9:._-]{1,100}$/;

/** Throws DomainError 'invalid_request' unless `actor` has a well-formed id. */
export function requireActor(actor: Actor): void {
  if (!ACTOR_ID.test(actor.id)) {
    throw new DomainError('invalid_request', 'actor id must be 1–100 of [A-Za-z0-9:._-]');
  }
}

/** Why identity data is read (recorded and sealed with every read). */
export const ACCESS_PURPOSES = [
  'tracing',
  'registration',
  'reconciliation',
  'protection',
  'welfare_contact',
  'verification',
  'subject_access',
  'oversight',
] as const;

/** One of ACCESS_PURPOSES. */
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

/** Throws DomainError 'invalid_request' unless `purpose` is one of ACCESS_PURPOSES. */
export function requirePurpose(purpose: string): asserts purpose is AccessPurpose {
  if (!(ACCESS_PURPOSES as readonly string[]).includes(purpose)) {
    throw new DomainError(
      'invalid_request',
      `purpose must be one of ${ACCESS_PURPOSES.join(', ')}`,
    );
  }
}
