// Field-level encryption of an identity (DESIGN.md §4). Each field is its own AES-256-GCM
// ciphertext under the record's data key, with the person ref and the field name as additional
// authenticated data: a ciphertext moved to another record or another field fails to decrypt,
// so whoever can write the database still cannot splice one person's name onto another.
import { createHash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AeadError, openAead, sealAead } from './aead.ts';
import { identitySchema } from './identity.ts';
import type { Identity } from './identity.ts';

/** The encrypted fields of an identity. */
export const IDENTITY_FIELDS = [
  'names',
  'birthDate',
  'birthYear',
  'sex',
  'documents',
  'phone',
] as const;

/** One of IDENTITY_FIELDS. */
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** Field name → ciphertext ('v1.' + base64url); absent optional fields have no entry. */
export type EncryptedFields = Partial<Record<IdentityField, string>>;

function aadOf(personRef: string, field: IdentityField): string {
  return `vigil-identity-v1\u0000${personRef}\u0000${field}`;
}

/** Encrypts each present field of `identity` under `dataKey`, bound to `personRef`. */
export function encryptIdentity(
  dataKey: KeyObject,
  personRef: string,
  identity: Identity,
): EncryptedFields {
  const fields: EncryptedFields = {};
  for (const field of IDENTITY_FIELDS) {
    const value = identity[field];
    if (value === undefined) continue;
    fields[field] = sealAead(dataKey, JSON.stringify(value), aadOf(personRef, field));
  }
  return fields;
}

/**
 * Decrypts `only` the listed fields (all by default) of a record. Throws AeadError when a
 * ciphertext was altered, swapped or sealed under another key, or decrypts to something that
 * is not that field.
 */
export function decryptFields(
  dataKey: KeyObject,
  personRef: string,
  fields: EncryptedFields,
  only: readonly IdentityField[] = IDENTITY_FIELDS,
): Partial<Record<IdentityField, unknown>> {
  const plain: Partial<Record<IdentityField, unknown>> = {};
  for (const field of only) {
    const sealed = fields[field];
    if (sealed === undefined) continue;
    const text = openAead(dataKey, sealed, aadOf(personRef, field)).toString('utf8');
    try {
      plain[field] = JSON.parse(text);
    } catch (cause) {
      throw new AeadError(`field ${field} does not hold JSON`, { cause });
    }
  }
  return plain;
}

/** Decrypts and parses a whole identity; throws AeadError as decryptFields does. */
export function decryptIdentity(
  dataKey: KeyObject,
  personRef: string,
  fields: EncryptedFields,
): Identity {
  const result = identitySchema.safeParse(decryptFields(dataKey, personRef, fields));
  if (!result.success) throw new AeadError('decrypted fields do not form an identity');
  return result.data;
}

const storedFieldsSchema = z.partialRecord(z.enum(IDENTITY_FIELDS), z.string());

/** The stored JSON text of the fields (one text column). */
export function encodeFields(fields: EncryptedFields): string {
  return JSON.stringify(fields);
}

/** Parses the stored fields column; throws AeadError when it is not what encodeFields wrote. */
export function decodeFields(text: string): EncryptedFields {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new AeadError('stored fields are not JSON', { cause });
  }
  const result = storedFieldsSchema.safeParse(value);
  if (!result.success) throw new AeadError('stored fields are not a map of ciphertexts');
  return result.data;
}

/**
 * SHA-256 (hex) of the stored fields text (the JSON of the ciphertexts exactly as stored): what
 * the log commits to for a stored identity. It binds the exact ciphertexts without revealing
 * anything, and an auditor can recompute it from the row after the data key is destroyed.
 */
export function fieldsDigest(encodedFields: string): string {
  return createHash('sha256').update(encodedFields, 'utf8').digest('hex');
}
