// The monitoring domain's tables for evidence files, their custody chain and legal holds (see src/store/schema.ts; built by
// migrations/0010-evidence.ts). The bytes themselves are files under DATA/evidence/, encrypted;
// these tables say which file holds which content, under which wrapped key, and who did what
// with each item.

/**
 * evidence_blob: one stored content, addressed by its SHA-256. Uploading the same bytes twice
 * keeps one blob (and two evidence items). `wrapped_key` is the blob's AES-256 data key wrapped
 * by the keyring; crypto-shredding nulls it and removes the file, the row stays as the record.
 */
export interface EvidenceBlobTable {
  sha256: string;
  /** Names the stored file beside the hash (DATA/evidence/ab/<sha256>.<key_id>). */
  key_id: string;
  wrapped_key: string | null;
  size: number;
  stored_at: string;
  shredded_at: string | null;
}

/** evidence: one uploaded item (an upload of some blob) with its metadata and legal hold. */
export interface EvidenceTable {
  id: string;
  blob_sha256: string;
  size: number;
  media_type: string;
  /** The original file name under the secret box (it may name people); null if none given. */
  name_sealed: string | null;
  uploaded_by: string;
  uploaded_at: string;
  /** 1 while under legal hold. */
  legal_hold: number;
  deleted_at: string | null;
  version: number;
}

/** evidence_link: an item linked to an incident (at upload or later). */
export interface EvidenceLinkTable {
  evidence_id: string;
  incident_id: string;
  linked_at: string;
  actor: string;
}

/** evidence_custody: the chain of custody, one row per event, each with its sealed log entry. */
export interface EvidenceCustodyTable {
  id: string;
  evidence_id: string;
  /** intake, access, copy, hash_check, link, hold_set, hold_released, deletion, export. */
  action: string;
  actor: string;
  at: string;
  /** e.g. match / mismatch for a hash check; null when the action has no outcome. */
  result: string | null;
  /** Non-identifying detail: an incident id, a stripping summary. */
  detail: string | null;
  /** The sealed record (kind evidence.custody, version 1) behind this event. */
  seal_id: string;
  log_index: number;
}

/** The tables of this slice. */
export interface EvidenceTables {
  evidence_blob: EvidenceBlobTable;
  evidence: EvidenceTable;
  evidence_link: EvidenceLinkTable;
  evidence_custody: EvidenceCustodyTable;
}
