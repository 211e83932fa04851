// The evidence slice's SQL, in portable Kysely (both engines). `db` may be the pool or a
// transaction; writes are called inside the service's one transaction per use case.
import type { Insertable, Kysely, Selectable } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import type { Database } from '../../store/schema.ts';
import type { EvidenceBlobTable, EvidenceCustodyTable, EvidenceTable } from './evidence.tables.ts';

/** An evidence row. */
export type EvidenceRow = Selectable<EvidenceTable>;
/** A blob row. */
export type BlobRow = Selectable<EvidenceBlobTable>;
/** A custody event row. */
export type CustodyRow = Selectable<EvidenceCustodyTable>;

/** Evidence reads and writes. */
export class EvidenceRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The item `id`, if any. */
  findItem(id: string): Promise<EvidenceRow | undefined> {
    return this.#db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The blob of `sha256`, if any (shredded ones too). */
  findBlob(sha256: string): Promise<BlobRow | undefined> {
    return this.#db
      .selectFrom('evidence_blob')
      .selectAll()
      .where('sha256', '=', sha256)
      .executeTakeFirst();
  }

  /** Whether incident `id` exists (the incidents slice owns the table; read only). */
  async hasIncident(id: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('incident')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The incidents item `id` is linked to, in link order. */
  async incidentsOf(id: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('evidence_link')
      .select('incident_id')
      .where('evidence_id', '=', id)
      .orderBy('linked_at')
      .orderBy('incident_id')
      .execute();
    return rows.map((row) => row.incident_id);
  }

  /** The live (not deleted) items linked to incident `id`, oldest first. */
  itemsOfIncident(incidentId: string): Promise<EvidenceRow[]> {
    return this.#db
      .selectFrom('evidence')
      .innerJoin('evidence_link', 'evidence_link.evidence_id', 'evidence.id')
      .selectAll('evidence')
      .where('evidence_link.incident_id', '=', incidentId)
      .where('evidence.deleted_at', 'is', null)
      .orderBy('evidence.uploaded_at')
      .orderBy('evidence.id')
      .execute();
  }

  /** The custody chain of item `id`, in log order (the order the events were sealed). */
  custodyOf(id: string): Promise<CustodyRow[]> {
    return this.#db
      .selectFrom('evidence_custody')
      .selectAll()
      .where('evidence_id', '=', id)
      .orderBy('log_index')
      .execute();
  }

  /** Adds a blob unless one of that hash exists (a racing upload won); returns the stored key id. */
  async insertBlob(blob: Insertable<EvidenceBlobTable>): Promise<string> {
    await this.#db
      .insertInto('evidence_blob')
      .values(blob)
      .onConflict((conflict) => conflict.column('sha256').doNothing())
      .execute();
    const stored = await this.findBlob(blob.sha256);
    if (stored === undefined) throw new Error('evidence blob vanished');
    return stored.key_id;
  }

  /** Stores a fresh key and file for a blob that had been shredded. */
  async reviveBlob(blob: Insertable<EvidenceBlobTable>): Promise<void> {
    await this.#db
      .updateTable('evidence_blob')
      .set({ key_id: blob.key_id, wrapped_key: blob.wrapped_key, shredded_at: null })
      .where('sha256', '=', blob.sha256)
      .where('shredded_at', 'is not', null)
      .execute();
  }

  /** Adds an item. */
  async insertItem(row: Insertable<EvidenceTable>): Promise<void> {
    await this.#db.insertInto('evidence').values(row).execute();
  }

  /** Links item `evidenceId` to an incident. */
  async insertLink(link: Database['evidence_link']): Promise<void> {
    await this.#db.insertInto('evidence_link').values(link).execute();
  }

  /** Appends custody events. */
  async insertCustody(rows: readonly Insertable<EvidenceCustodyTable>[]): Promise<void> {
    if (rows.length > 0)
      await this.#db
        .insertInto('evidence_custody')
        .values([...rows])
        .execute();
  }

  /** Changes item `id` from `version` to version + 1; answers conflict if it moved meanwhile. */
  async updateItem(
    id: string,
    version: number,
    changes: Partial<Pick<EvidenceRow, 'legal_hold' | 'deleted_at' | 'name_sealed'>>,
  ): Promise<void> {
    const result = await this.#db
      .updateTable('evidence')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) {
      throw new DomainError('conflict', 'the evidence item changed meanwhile', {
        details: { id },
      });
    }
  }

  /** How many live items other than `exceptId` hold blob `sha256`. */
  async otherLiveItems(sha256: string, exceptId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('evidence')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('blob_sha256', '=', sha256)
      .where('id', '!=', exceptId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Locks the blob row of `sha256` until the transaction ends (a no-op update: PostgreSQL takes
   * the row lock; SQLite's single writer is already exclusive). An upload that reuses a content
   * and a deletion that may shred it both take it first, so the deletion's count of other live
   * items sees a concurrent upload's item, or the upload sees the shredding and stores anew.
   */
  async lockBlob(sha256: string): Promise<void> {
    await this.#db
      .updateTable('evidence_blob')
      .set((eb) => ({ size: eb.ref('size') }))
      .where('sha256', '=', sha256)
      .execute();
  }

  /** Destroys a blob's wrapped key (crypto-shredding); the row stays as the record. */
  async shredBlob(sha256: string, at: string): Promise<void> {
    await this.#db
      .updateTable('evidence_blob')
      .set({ wrapped_key: null, shredded_at: at })
      .where('sha256', '=', sha256)
      .execute();
  }
}
