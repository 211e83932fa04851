// Reading evidence: every read of content (the original, a working copy, a hash check) and of
// the sealed file name leaves a custody event before anything is answered; metadata and the
// custody chain itself are read without one.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { DomainError } from '../../errors/domain-error.ts';
import { recordCustody } from './custody.ts';
import type { BlobLocation } from './evidence-blob-store.ts';
import { itemOrNotFound, liveItem, locate, viewOf } from './evidence-deps.ts';
import type { EvidenceDeps, EvidenceView } from './evidence-deps.ts';
import { EvidenceRepository } from './evidence.kysely.ts';
import { stripMetadata } from './metadata-strip.ts';

/** One custody event as the API shows it. */
export interface CustodyView {
  id: string;
  action: string;
  actor: string;
  at: string;
  result: string | null;
  detail: string | null;
  logIndex: number;
}

/** What a hash check found: match, mismatch, or the file could not be read back at all. */
export interface HashCheck {
  result: 'match' | 'mismatch' | 'unreadable';
  sha256: string;
  computed: string | null;
}

/** The evidence use cases that read. */
export class EvidenceAccessService {
  readonly #deps: EvidenceDeps;

  constructor(deps: EvidenceDeps) {
    this.#deps = deps;
  }

  /** Item `id`'s metadata. */
  async get(id: string): Promise<EvidenceView> {
    return viewOf(this.#deps.db, await itemOrNotFound(this.#deps.db, id));
  }

  /** The live items linked to incident `incidentId`. */
  async listForIncident(incidentId: string): Promise<EvidenceView[]> {
    const { db } = this.#deps;
    const rows = await new EvidenceRepository(db).itemsOfIncident(incidentId);
    return Promise.all(rows.map((row) => viewOf(db, row)));
  }

  /** Item `id`'s custody chain, oldest first. */
  async custody(id: string): Promise<CustodyView[]> {
    await itemOrNotFound(this.#deps.db, id);
    const rows = await new EvidenceRepository(this.#deps.db).custodyOf(id);
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actor: row.actor,
      at: row.at,
      result: row.result,
      detail: row.detail,
      logIndex: row.log_index,
    }));
  }

  /** The original, decrypted as it streams; its access is recorded first. */
  async openOriginal(id: string, actor: string): Promise<{ stream: Readable; view: EvidenceView }> {
    const item = await liveItem(this.#deps.db, id);
    const location = await locate(this.#deps, item);
    await recordCustody(this.#deps, { evidenceId: id, action: 'access', actor });
    return { stream: this.#deps.blobs.open(location), view: await viewOf(this.#deps.db, item) };
  }

  /** The original file name (sealed at rest; an audited read). */
  async fileName(id: string, actor: string): Promise<string | null> {
    const item = await liveItem(this.#deps.db, id);
    if (item.name_sealed === null) return null;
    await recordCustody(this.#deps, {
      evidenceId: id,
      action: 'access',
      actor,
      detail: 'file_name',
    });
    return this.#deps.keyring.createSecretBox().open(item.name_sealed);
  }

  /**
   * A shareable working copy with its metadata stripped (JPEG and PNG; anything else is
   * refused with unsupported_media_type). The original is not touched.
   */
  async workingCopy(id: string, actor: string): Promise<{ bytes: Uint8Array; mediaType: string }> {
    const item = await liveItem(this.#deps.db, id);
    const original = await buffer(this.#deps.blobs.open(await locate(this.#deps, item)));
    const copy = stripMetadata(original);
    if (!copy.ok) {
      throw new DomainError('unsupported_media_type', 'only JPEG and PNG copies can be stripped', {
        details: { reason: copy.reason },
      });
    }
    const removed = copy.removed.length === 0 ? 'nothing' : copy.removed.join(',');
    await recordCustody(this.#deps, {
      evidenceId: id,
      action: 'copy',
      actor,
      result: createHash('sha256').update(copy.bytes).digest('hex'),
      detail: `${copy.format} stripped: ${removed}`,
    });
    return { bytes: copy.bytes, mediaType: copy.format === 'jpeg' ? 'image/jpeg' : 'image/png' };
  }

  /** Re-hashes the stored file and compares it with the hash taken at intake; recorded. */
  async checkHash(id: string, actor: string): Promise<HashCheck> {
    const item = await liveItem(this.#deps.db, id);
    const computed = await this.#rehash(await locate(this.#deps, item));
    const result =
      computed === null ? 'unreadable' : computed === item.blob_sha256 ? 'match' : 'mismatch';
    await recordCustody(this.#deps, { evidenceId: id, action: 'hash_check', actor, result });
    return { result, sha256: item.blob_sha256, computed };
  }

  // The SHA-256 of the decrypted file; null when it no longer decrypts (altered or missing).
  async #rehash(location: BlobLocation): Promise<string | null> {
    const hash = createHash('sha256');
    try {
      for await (const chunk of this.#deps.blobs.open(location)) hash.update(chunk as Buffer);
    } catch {
      return null;
    }
    return hash.digest('hex');
  }
}
