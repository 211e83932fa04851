// The identity vault's storage port. The service encrypts, indexes and seals; the repository
// only stores and finds rows, in portable SQL (identity-vault.kysely.ts), and writes each
// change together with its seals in one transaction.
import type { Seal } from '../seal/sealer.ts';
import type { BlindIndexField } from './keyring.ts';
import type { PersonKind } from './person-record.ts';

/** A person's rows as first stored. */
export interface NewPerson {
  personRef: string;
  householdRef: string;
  kind: PersonKind;
  keyId: string;
  wrappedKey: string;
  /** JSON text of the encrypted fields. */
  fields: string;
  retentionCategory: string;
  retainUntil: string | null;
  createdAt: string;
  blindIndexes: readonly { field: BlindIndexField; valueHmac: string }[];
}

/** Some people and the seals of their 'person.identity' entries. */
export interface PeopleBatch {
  people: readonly NewPerson[];
  seals: readonly Seal[];
}

/** A stored person record with its data key row. */
export interface StoredPerson {
  personRef: string;
  householdRef: string;
  /** One of PERSON_KINDS (text as stored). */
  kind: string;
  keyId: string;
  /** '' once destroyed. */
  wrappedKey: string;
  fields: string;
  version: number;
  retentionCategory: string;
  retainUntil: string | null;
  destroyedAt: string | null;
}

/** A record to destroy: its key is overwritten, its index rows deleted. */
export interface Destruction {
  personRef: string;
  keyId: string;
  /** The version of the destruction's seal (the stored version + 1). */
  version: number;
  reason: string;
}

/** A live record whose retention has passed. */
export interface ExpiredPerson {
  personRef: string;
  keyId: string;
  version: number;
}

/** A new retention for a record, at the version of its seal. */
export interface RetentionChange {
  personRef: string;
  /** The version the record has now; the change applies only if it still has it. */
  fromVersion: number;
  retentionCategory: string;
  retainUntil: string | null;
}

/** One audit event row. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  subjectRef: string;
  purpose: string;
}

/** Storage of the identity vault. */
export interface IdentityRepository {
  /** Stores every batch in ONE transaction: all people are stored, or none. */
  insertPeople(batches: AsyncIterable<PeopleBatch>): Promise<void>;
  /** The record of `personRef`, destroyed or not. */
  findPerson(personRef: string): Promise<StoredPerson | undefined>;
  /** The live (not destroyed) records among `personRefs`, in no particular order. */
  findLivePeople(personRefs: readonly string[]): Promise<StoredPerson[]>;
  /** Distinct person refs with any of `hmacs` in `field`'s index, at most `limit`. */
  findByBlindIndex(
    field: BlindIndexField,
    hmacs: readonly string[],
    limit: number,
  ): Promise<string[]>;
  /**
   * Destroys those of `destructions` still live, in one transaction with their seals (the
   * seal whose id is the person ref; seals of records destroyed meanwhile are not stored).
   * Returns the refs actually destroyed.
   */
  destroy(
    destructions: readonly Destruction[],
    seals: readonly Seal[],
    at: string,
  ): Promise<string[]>;
  /** Live records with retain_until before `before`, at most `limit`. */
  findExpired(before: string, limit: number): Promise<ExpiredPerson[]>;
  /** Applies `change` with its seal; false when the record changed meanwhile or is destroyed. */
  changeRetention(change: RetentionChange, seal: Seal): Promise<boolean>;
  /** Stores audit events with their seals. */
  insertAuditEvents(events: readonly AuditEvent[], seals: readonly Seal[]): Promise<void>;
  /** The stored master key fingerprint, storing `keyCheck` first if there is none. */
  keyCheckOrStore(keyCheck: string, at: string): Promise<string>;
}
