// Turning a validated person into the rows the vault stores: a fresh data key (wrapped), the
// encrypted fields, the blind indexes, and the request for the sealed 'person.identity' entry,
// which commits to the ciphertexts only.
import { createSecretKey, randomFillSync, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import type { SealRequest } from '../seal/sealer.ts';
import { toPersonRef } from './access.ts';
import type { PersonRef } from './access.ts';
import { issuesOf, identitySchema } from './identity.ts';
import type { Identity } from './identity.ts';
import { encodeFields, encryptIdentity, fieldsDigest } from './identity-fields.ts';
import type { NewPerson } from './identity-vault.repository.ts';
import { KEY_BYTES } from './keyring.ts';
import type { BlindIndexField, PreparationKeyring } from './keyring.ts';
import { fullNameKeys, nameKeys } from './names/name-key.ts';
import { normaliseCode } from './normalise-code.ts';
import { RETENTION_CATEGORIES, retainUntil } from './retention.ts';
import type { RetentionCategory } from './retention.ts';

/** How long a record is kept: its category, and the anchor event's time once it happened. */
export interface RetentionInput {
  category: RetentionCategory;
  /** When the category's anchor happened (reconciliation, case closed…); omit while pending. */
  from?: Date;
}

/**
 * What a vault person is. Household members are found and read through the people routes; a
 * source's contact is never public (DOMAIN.md §6) and is read only through its source, under
 * that source's rules (src/monitoring/intake/sources/), so the vault keeps the two apart.
 */
export const PERSON_KINDS = ['household_member', 'source_contact'] as const;

/** One of PERSON_KINDS. */
export type PersonKind = (typeof PERSON_KINDS)[number];

/** A person to store. */
export interface PersonInput {
  identity: Identity;
  /** The household's reference (an opaque id, never a name); a source's id for its contact. */
  householdRef: string;
  retention: RetentionInput;
  /** 'household_member' when omitted. */
  kind?: PersonKind;
}

const retentionSchema = z.strictObject({
  category: z.enum(RETENTION_CATEGORIES),
  from: z.date().exactOptional(),
});

const personInputSchema = z.strictObject({
  identity: identitySchema,
  householdRef: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  retention: retentionSchema,
  kind: z.enum(PERSON_KINDS).exactOptional(),
});

/** `value` as a RetentionInput; DomainError 'invalid_request' otherwise. */
export function parseRetention(value: unknown): RetentionInput {
  const result = retentionSchema.safeParse(value);
  if (!result.success) {
    throw new DomainError('invalid_request', 'retention does not match the schema', {
      details: issuesOf(result.error),
    });
  }
  return result.data;
}

/** `value` as a PersonInput; DomainError 'invalid_request' naming the failing paths otherwise. */
export function parsePersonInput(value: unknown, index = 0): PersonInput {
  const result = personInputSchema.safeParse(value);
  if (!result.success) {
    throw new DomainError('invalid_request', `person ${String(index)} does not match the schema`, {
      details: { index, issues: issuesOf(result.error) },
    });
  }
  return result.data;
}

/** The blind index value of a document: type and normalised number. */
export function documentIndexValue(type: string, number: string): string {
  return `${type}\u0000${normaliseCode(number)}`;
}

/**
 * Computes blind indexes. Names repeat a lot in a population (a few hundred family names cover
 * most people), so within one bulk store the keys and HMACs of names are memoised; document
 * numbers are unique and are not. Make one per call and let it go: the memo holds derived
 * values of the batch's names.
 */
export class BlindIndexer {
  readonly #keyring: PreparationKeyring;
  readonly #memo = new Map<string, readonly string[]>();

  constructor(keyring: PreparationKeyring) {
    this.#keyring = keyring;
  }

  /** Every blind index of `identity`, without duplicates (the table's key forbids them). */
  indexesOf(identity: Identity): { field: BlindIndexField; valueHmac: string }[] {
    const rows = new Map<string, { field: BlindIndexField; valueHmac: string }>();
    const add = (field: BlindIndexField, hmacs: readonly string[]) => {
      for (const valueHmac of hmacs) rows.set(`${field}\u0000${valueHmac}`, { field, valueHmac });
    };
    for (const document of identity.documents) {
      const value = documentIndexValue(document.type, document.number);
      add('document', [this.#keyring.blindIndex('document', value)]);
    }
    for (const name of identity.names) {
      add(
        'family_name',
        this.#memoised('family_name', name.family, () => nameKeys(name.family)),
      );
      add(
        'full_name',
        this.#memoised('full_name', `${name.given}\u0000${name.family}`, () =>
          fullNameKeys(name.given, name.family),
        ),
      );
    }
    return [...rows.values()];
  }

  #memoised(field: BlindIndexField, name: string, keysOf: () => string[]): readonly string[] {
    const memoKey = `${field}\u0000${name}`;
    let hmacs = this.#memo.get(memoKey);
    if (hmacs === undefined) {
      hmacs = keysOf().map((key) => this.#keyring.blindIndex(field, key));
      this.#memo.set(memoKey, hmacs);
    }
    return hmacs;
  }
}

/** A prepared person: its rows and the request for its sealed entry. */
export interface PreparedPerson {
  person: NewPerson & { personRef: PersonRef };
  seal: SealRequest;
}

// Data keys come from a pooled random buffer (one getrandom call per 256 keys); each key's
// bytes are zeroed in the pool once its KeyObject (which holds its own copy) is made.
const KEY_POOL = Buffer.alloc(KEY_BYTES * 256);
let keyOffset = KEY_POOL.length;

function freshKeyBytes(): Buffer {
  if (keyOffset === KEY_POOL.length) {
    randomFillSync(KEY_POOL);
    keyOffset = 0;
  }
  const bytes = KEY_POOL.subarray(keyOffset, keyOffset + KEY_BYTES);
  keyOffset += KEY_BYTES;
  return bytes;
}

/** Encrypts and indexes one validated person under a fresh data key and person ref. */
export function preparePerson(
  keyring: PreparationKeyring,
  input: PersonInput,
  options: { createdAt: string; indexer: BlindIndexer },
): PreparedPerson {
  const personRef = toPersonRef(randomUUID());
  const keyId = randomUUID();
  const keyBytes = freshKeyBytes();
  const wrappedKey = keyring.wrapDataKey(keyId, keyBytes);
  const fields = encodeFields(
    encryptIdentity(createSecretKey(keyBytes), personRef, input.identity),
  );
  keyBytes.fill(0);
  const kind = input.kind ?? 'household_member';
  return {
    person: {
      personRef,
      householdRef: input.householdRef,
      kind,
      keyId,
      wrappedKey,
      fields,
      retentionCategory: input.retention.category,
      retainUntil: retainUntil(input.retention.category, input.retention.from),
      createdAt: options.createdAt,
      // A source contact is never searched, so it gets no blind index at all: no search can
      // return it, count it against a cap or spend work (decryption) on it.
      blindIndexes: kind === 'source_contact' ? [] : options.indexer.indexesOf(input.identity),
    },
    seal: {
      kind: 'person.identity',
      id: personRef,
      version: 1,
      record: {
        personRef,
        householdRef: input.householdRef,
        kind,
        keyId,
        fieldsDigest: fieldsDigest(fields),
      },
    },
  };
}
