// What the evidence use cases need, and the item view they answer with.
import type { Kysely } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import type { Keyring } from '../../people/keyring.ts';
import type { Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import type { BlobLocation, EvidenceBlobStore } from './evidence-blob-store.ts';
import { EvidenceRepository } from './evidence.kysely.ts';
import type { EvidenceRow } from './evidence.kysely.ts';

/** Default upload limit: 200 MB. */
export const DEFAULT_EVIDENCE_UPLOAD_LIMIT = 200 * 1000 * 1000;

/** The collaborators of the evidence services. */
export interface EvidenceDeps {
  db: Kysely<Database>;
  sealer: Sealer;
  keyring: Keyring;
  now: () => Date;
  blobs: EvidenceBlobStore;
  /** Largest upload accepted, in bytes. */
  uploadLimit: number;
}

/** An evidence item as the API shows it (the file name stays sealed). */
export interface EvidenceView {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  hasFileName: boolean;
  uploadedBy: string;
  uploadedAt: string;
  legalHold: boolean;
  deletedAt: string | null;
  incidents: string[];
  version: number;
}

/** The view of `row`. */
export async function viewOf(db: Kysely<Database>, row: EvidenceRow): Promise<EvidenceView> {
  return {
    id: row.id,
    sha256: row.blob_sha256,
    size: row.size,
    mediaType: row.media_type,
    hasFileName: row.name_sealed !== null,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    legalHold: row.legal_hold === 1,
    deletedAt: row.deleted_at,
    incidents: await new EvidenceRepository(db).incidentsOf(row.id),
    version: row.version,
  };
}

/** The key id a blob's data key is wrapped under (binds the key to its content and file). */
export function blobKeyId(sha256: string, keyId: string): string {
  return `evidence/${sha256}/${keyId}`;
}

/** Item `id`, or not_found. */
export async function itemOrNotFound(db: Kysely<Database>, id: string): Promise<EvidenceRow> {
  const item = await new EvidenceRepository(db).findItem(id);
  if (item === undefined) throw new DomainError('not_found', 'no such evidence item');
  return item;
}

/** Item `id` if it was not deleted; not_found or gone otherwise. */
export async function liveItem(db: Kysely<Database>, id: string): Promise<EvidenceRow> {
  const item = await itemOrNotFound(db, id);
  if (item.deleted_at !== null) throw new DomainError('gone', 'the evidence item was deleted');
  return item;
}

/** Where a live item's content is and the key that opens it; gone if shredded. */
export async function locate(
  deps: Pick<EvidenceDeps, 'db' | 'keyring'>,
  item: EvidenceRow,
): Promise<BlobLocation> {
  const blob = await new EvidenceRepository(deps.db).findBlob(item.blob_sha256);
  if (blob?.wrapped_key == null) throw new DomainError('gone', 'the evidence file was destroyed');
  const keyId = blobKeyId(blob.sha256, blob.key_id);
  return {
    sha256: blob.sha256,
    keyId: blob.key_id,
    key: deps.keyring.unwrapDataKey(keyId, blob.wrapped_key),
  };
}
