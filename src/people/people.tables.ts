// The people domain's tables (see src/store/schema.ts). Identity lives only in person_identity,
// as ciphertext; every other table holds references, keyed HMACs, states and times.

/** data_key: one random data key per person record, wrapped under the master key's wrap key. */
export interface DataKeyTable {
  id: string;
  /** 'v1.' + base64url AES-256-GCM of the key; '' once destroyed (crypto-shredding). */
  wrapped: string;
  created_at: string;
  destroyed_at: string | null;
  destroyed_reason: string | null;
}

/** person_identity: one person's identity, each field encrypted under its data key. */
export interface PersonIdentityTable {
  /** Random UUID: the pseudonym operational tables use. */
  person_ref: string;
  household_ref: string;
  /**
   * What the person is (PERSON_KINDS in src/people/person-record.ts): 'household_member', or
   * 'source_contact', which the people search and identity reads never return.
   */
  kind: string;
  key_id: string;
  /** JSON text of {field: ciphertext}; kept after shredding, unreadable without the key. */
  fields: string;
  /**
   * JSON text of this person's blind index entries, [[field, value_hmac], …] (HMACs only), so
   * that shredding deletes them by primary key; '[]' once destroyed.
   */
  blind_indexes: string;
  /** Version of the record's latest seal (1 when stored; +1 per change or destruction). */
  version: number;
  retention_category: string;
  /** ISO-8601 UTC; null while the retention anchor has not happened, or under legal hold. */
  retain_until: string | null;
  created_at: string;
  destroyed_at: string | null;
}

/** blind_index: keyed HMACs of normalised values, for look-ups without decryption. */
export interface BlindIndexTable {
  field: string;
  value_hmac: string;
  person_ref: string;
}

/** audit_event: every read of identity data (who, about whom, why, when). */
export interface AuditEventTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject_ref: string;
  purpose: string;
}

/** consent: consent decisions per subject and purpose, append-only (history kept). */
export interface ConsentTable {
  id: string;
  subject_ref: string;
  purpose: string;
  /** granted | refused | withdrawn */
  decision: string;
  /** 1, 2, … per (subject_ref, purpose): the latest version is the current decision. */
  version: number;
  at: string;
  actor: string;
}

/** vault_key_check: the fingerprint of the master key the vault's data was written under. */
export interface VaultKeyCheckTable {
  id: string;
  key_check: string;
  created_at: string;
}

/** The people domain's tables. */
export interface PeopleTables {
  data_key: DataKeyTable;
  person_identity: PersonIdentityTable;
  blind_index: BlindIndexTable;
  audit_event: AuditEventTable;
  consent: ConsentTable;
  vault_key_check: VaultKeyCheckTable;
}
