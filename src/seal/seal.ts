// Sealed log entries (DESIGN.md §3). A sealed entry carries only
// SHA-256(domain tag ‖ 32-byte salt ‖ canonical record): the salt makes a low-entropy record
// (a passage, a birth year) impossible to guess from its commitment, and revealing the salt and
// the record to an auditor later proves the record existed unaltered at that checkpoint.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../ledger/canonical-json.ts';
import { pooledRandomBytes } from '../random/random-pool.ts';

/** Separates Vigil's sealed commitments from every other SHA-256 use. */
export const SEAL_DOMAIN_TAG = 'vigil-seal-v1\u0000';

/** Bytes of random salt per sealed record. */
export const SALT_BYTES = 32;

/** A record's canonical JSON (RFC 8785); the bytes a commitment covers. */
export function canonicalRecord(record: unknown): string {
  return canonicalJson(record);
}

/** The commitment of `record` under `salt`, as 64 lowercase hex digits. */
export function commitmentOf(salt: Uint8Array, record: unknown): string {
  return commitmentOfCanonical(salt, canonicalRecord(record));
}

/** The commitment of a record already in canonical JSON (`canonicalRecord`). */
export function commitmentOfCanonical(salt: Uint8Array, canonical: string): string {
  return createHash('sha256')
    .update(SEAL_DOMAIN_TAG, 'utf8')
    .update(salt)
    .update(canonical, 'utf8')
    .digest('hex');
}

/** A fresh random salt. */
export function newSalt(): Uint8Array {
  return pooledRandomBytes(SALT_BYTES);
}
