// Evidence intake and changes: upload (streamed, hashed, encrypted), links to incidents, legal
// hold, deletion. Each use case validates, seals its log entries, then writes its rows and
// seals in one transaction; files are placed before the rows that name them and removed only
// after the rows that release them commit.
import type { Readable } from 'node:stream';
import type { Insertable } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import { newRecordId } from '../../random/record-id.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import { sealCustody, storeCustody } from './custody.ts';
import type { SealedCustody } from './custody.ts';
import type { StagedBlob } from './evidence-blob-store.ts';
import { blobKeyId, itemOrNotFound, liveItem, viewOf } from './evidence-deps.ts';
import type { EvidenceDeps, EvidenceView } from './evidence-deps.ts';
import { EvidenceRepository } from './evidence.kysely.ts';
import type { EvidenceBlobTable } from './evidence.tables.ts';

/** Log entry kind of an evidence item's intake record (sealed). */
export const EVIDENCE_ENTRY_KIND = 'evidence.item';

/** An upload: the body stream and what the uploader said about it. */
export interface EvidenceUpload {
  source: Readable;
  /** The Content-Length header, when the client sent one. */
  declaredLength?: number;
  mediaType: string;
  fileName?: string;
  incidentId?: string;
}

/** Why an item is deleted (no free text: it could name people). */
export const DELETION_REASONS = [
  'duplicate',
  'uploaded_in_error',
  'retention',
  'consent_withdrawn',
  'court_order',
] as const;

/** The evidence use cases that change something. */
export class EvidenceService {
  readonly #deps: EvidenceDeps;

  constructor(deps: EvidenceDeps) {
    this.#deps = deps;
  }

  /**
   * Streams an upload to its encrypted content address and records it. Nothing is kept when
   * it fails (payload_too_large past the limit, not_found for an unknown incident).
   */
  async upload(upload: EvidenceUpload, actor: string): Promise<EvidenceView> {
    const { db, blobs, uploadLimit } = this.#deps;
    const repository = new EvidenceRepository(db);
    if (upload.incidentId !== undefined && !(await repository.hasIncident(upload.incidentId))) {
      throw new DomainError('not_found', 'no such incident');
    }
    if ((upload.declaredLength ?? 0) > uploadLimit) {
      throw new DomainError('payload_too_large', 'evidence larger than the upload limit');
    }
    const staged = await blobs.stage(upload.source, uploadLimit);
    if (staged.size === 0) {
      await blobs.discard(staged);
      throw new DomainError('invalid_request', 'the evidence file is empty');
    }
    let id: string;
    try {
      id = await this.#record(upload, staged, actor);
    } catch (error) {
      await blobs.discard(staged);
      throw error;
    }
    return viewOf(db, await itemOrNotFound(db, id));
  }

  async #record(upload: EvidenceUpload, staged: StagedBlob, actor: string): Promise<string> {
    const { db, sealer, keyring, blobs } = this.#deps;
    const id = newRecordId();
    const incidentId = upload.incidentId ?? null;
    const record = {
      sha256: staged.sha256,
      size: staged.size,
      media_type: upload.mediaType,
      incident_id: incidentId,
      uploaded_by: actor,
    };
    const itemSeal = await sealer.seal({ kind: EVIDENCE_ENTRY_KIND, id, version: 1, record });
    const events = [
      await sealCustody(sealer, { evidenceId: id, action: 'intake', actor, result: staged.sha256 }),
    ];
    if (incidentId !== null) {
      events.push(
        await sealCustody(sealer, { evidenceId: id, action: 'link', actor, detail: incidentId }),
      );
    }
    await blobs.place(staged);
    const blob = {
      sha256: staged.sha256,
      key_id: staged.keyId,
      wrapped_key: keyring.wrapDataKey(blobKeyId(staged.sha256, staged.keyId), staged.dataKey),
      size: staged.size,
      stored_at: itemSeal.at,
      shredded_at: null,
    };
    const isFileKept = await db.transaction().execute(async (trx) => {
      const repository = new EvidenceRepository(trx);
      const isKept = await storeBlob(repository, blob);
      await repository.insertItem({
        id,
        blob_sha256: staged.sha256,
        size: staged.size,
        media_type: upload.mediaType,
        name_sealed:
          upload.fileName === undefined ? null : keyring.createSecretBox().seal(upload.fileName),
        uploaded_by: actor,
        uploaded_at: itemSeal.at,
        legal_hold: 0,
        deleted_at: null,
        version: 1,
      });
      if (incidentId !== null) {
        const link = { evidence_id: id, incident_id: incidentId, linked_at: itemSeal.at, actor };
        await repository.insertLink(link);
      }
      await insertSeals(trx, [itemSeal]);
      await storeCustody(trx, events);
      return isKept;
    });
    // The same bytes were stored before: one file, one more item (docs/evidence.md).
    if (!isFileKept) await blobs.discard(staged);
    return id;
  }

  /** Links item `id` to incident `incidentId`. */
  async link(id: string, incidentId: string, actor: string): Promise<EvidenceView> {
    const { db, sealer } = this.#deps;
    const item = await liveItem(db, id);
    const repository = new EvidenceRepository(db);
    if (!(await repository.hasIncident(incidentId))) {
      throw new DomainError('not_found', 'no such incident');
    }
    if ((await repository.incidentsOf(id)).includes(incidentId)) {
      throw new DomainError('already_exists', 'the item is already linked to this incident');
    }
    const event = await sealCustody(sealer, {
      evidenceId: id,
      action: 'link',
      actor,
      detail: incidentId,
    });
    await db.transaction().execute(async (trx) => {
      await new EvidenceRepository(trx).insertLink({
        evidence_id: id,
        incident_id: incidentId,
        linked_at: event.seal.at,
        actor,
      });
      await storeCustody(trx, [event]);
    });
    return viewOf(db, { ...item });
  }

  /** Sets (`hold` true) or releases a legal hold on item `id` at `version`. */
  async setHold(
    id: string,
    change: { hold: boolean; version: number },
    actor: string,
  ): Promise<EvidenceView> {
    const { db, sealer } = this.#deps;
    const item = await liveItem(db, id);
    if ((item.legal_hold === 1) === change.hold) {
      throw new DomainError('invalid_transition', 'the legal hold is already in that state');
    }
    checkVersion(item.version, change.version);
    const action = change.hold ? 'hold_set' : 'hold_released';
    const event = await sealCustody(sealer, { evidenceId: id, action, actor });
    await db.transaction().execute(async (trx) => {
      await new EvidenceRepository(trx).updateItem(id, change.version, {
        legal_hold: change.hold ? 1 : 0,
      });
      await storeCustody(trx, [event]);
    });
    return viewOf(db, await itemOrNotFound(db, id));
  }

  /**
   * Deletes item `id` at `version`: refused with legal_hold while held. The item row stays,
   * marked deleted, its sealed file name erased; the file is crypto-shredded (key destroyed,
   * file removed) once no other live item holds the same content.
   */
  async delete(
    id: string,
    request: { version: number; reason: (typeof DELETION_REASONS)[number] },
    actor: string,
  ): Promise<EvidenceView> {
    const { db, sealer, blobs, now } = this.#deps;
    const item = await liveItem(db, id);
    if (item.legal_hold === 1) throw new DomainError('legal_hold', 'the item is under legal hold');
    checkVersion(item.version, request.version);
    const event: SealedCustody = await sealCustody(sealer, {
      evidenceId: id,
      action: 'deletion',
      actor,
      detail: request.reason,
    });
    let shreddedKeyId: string | undefined;
    await db.transaction().execute(async (trx) => {
      const repository = new EvidenceRepository(trx);
      await repository.lockBlob(item.blob_sha256);
      await repository.updateItem(id, request.version, {
        deleted_at: event.seal.at,
        name_sealed: null,
      });
      if ((await repository.otherLiveItems(item.blob_sha256, id)) === 0) {
        shreddedKeyId = (await repository.findBlob(item.blob_sha256))?.key_id;
        await repository.shredBlob(item.blob_sha256, now().toISOString());
      }
      await storeCustody(trx, [event]);
    });
    if (shreddedKeyId !== undefined) await blobs.remove(item.blob_sha256, shreddedKeyId);
    return viewOf(db, await itemOrNotFound(db, id));
  }
}

// Stores the blob row unless the content is already stored; true when the new file is the
// one that holds it (a new content, or one that had been shredded and is stored again).
async function storeBlob(
  repository: EvidenceRepository,
  blob: Insertable<EvidenceBlobTable>,
): Promise<boolean> {
  await repository.lockBlob(blob.sha256);
  const existing = await repository.findBlob(blob.sha256);
  if (existing === undefined) return (await repository.insertBlob(blob)) === blob.key_id;
  if (existing.shredded_at === null) return false;
  await repository.reviveBlob(blob);
  return true;
}

function checkVersion(stored: number, expected: number): void {
  if (stored !== expected) {
    throw new DomainError('conflict', 'the evidence item changed meanwhile', {
      details: { version: stored },
    });
  }
}
