// The open data tables behind one repository: releases are written pending, their rows in
// batches, then marked published with their hashes and log index; exports read the rows back
// as an ordered range scan of the primary key, one page at a time (keyset on seq), the same
// way on SQLite and PostgreSQL.
import type { Kysely, Selectable } from 'kysely';
import type { Seal } from '../../seal/sealer.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import { insertRows } from '../../store/insert-rows.ts';
import type { Database } from '../../store/schema.ts';
import type { Cell } from './dataset-definition.ts';
import type { OpenDataCorrectionTable, OpenDataReleaseTable } from './open-data.tables.ts';

/** A release as stored. */
export type ReleaseRecord = Selectable<OpenDataReleaseTable>;
/** A correction as stored. */
export type CorrectionRecord = Selectable<OpenDataCorrectionTable>;

/** Rows per INSERT batch and per export page: a page is a few hundred kilobytes at most. */
export const ROW_PAGE = 1000;

// Cells are written by this slice as a JSON array; read back defensively all the same (a row
// written by an older version must fail loudly, not print "undefined").
function parseCells(json: string): Cell[] {
  const cells: unknown = JSON.parse(json);
  if (!Array.isArray(cells)) throw new Error('open_data_row.cells is not an array');
  return cells as Cell[];
}

/** The open data repository. */
export class OpenDataRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The next version number of `dataset` (pending releases count: a number is never reused). */
  async nextVersion(dataset: string): Promise<number> {
    const row = await this.#db
      .selectFrom('open_data_release')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('dataset', '=', dataset)
      .executeTakeFirst();
    return (row?.version ?? 0) + 1;
  }

  /** Stores a pending release. A duplicate (dataset, version) fails on the unique index. */
  async insertPending(release: ReleaseRecord): Promise<void> {
    await this.#db.insertInto('open_data_release').values(release).execute();
  }

  /** Stores `rows` as the rows of release `releaseId`, in batches; answers how many. */
  async insertRows(
    releaseId: string,
    rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>,
  ): Promise<number> {
    let seq = 0;
    let batch: { release_id: string; seq: number; cells: string }[] = [];
    for await (const cells of rows) {
      batch.push({ release_id: releaseId, seq: seq++, cells: JSON.stringify(cells) });
      if (batch.length === ROW_PAGE) {
        await insertRows(this.#db, 'open_data_row', batch);
        batch = [];
      }
    }
    await insertRows(this.#db, 'open_data_row', batch);
    return seq;
  }

  /** The rows of release `releaseId`, page by page in seq order. */
  async *pages(releaseId: string): AsyncGenerator<Cell[][]> {
    let from = 0;
    for (;;) {
      const rows = await this.#db
        .selectFrom('open_data_row')
        .select(['seq', 'cells'])
        .where('release_id', '=', releaseId)
        .where('seq', '>=', from)
        .orderBy('seq')
        .limit(ROW_PAGE)
        .execute();
      if (rows.length > 0) yield rows.map((row) => parseCells(row.cells));
      const last = rows.at(-1);
      if (last === undefined || rows.length < ROW_PAGE) return;
      from = last.seq + 1;
    }
  }

  /** Marks a pending release published, with its hashes, row count and log entry. */
  async markPublished(
    id: string,
    published: { sha256: string; rowCount: number; seal: Seal },
  ): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('open_data_release')
        .set({
          status: 'published',
          sha256: published.sha256,
          row_count: published.rowCount,
          log_index: published.seal.logIndex,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
      await insertSeals(trx, [published.seal]);
    });
  }

  /** Removes a release that failed before publication (best effort; it was never served). */
  async discardPending(id: string): Promise<void> {
    await this.#db.deleteFrom('open_data_row').where('release_id', '=', id).execute();
    await this.#db
      .deleteFrom('open_data_release')
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
  }

  /** Published release `version` of `dataset`, if any. */
  findPublished(dataset: string, version: number): Promise<ReleaseRecord | undefined> {
    return this.#db
      .selectFrom('open_data_release')
      .selectAll()
      .where('dataset', '=', dataset)
      .where('version', '=', version)
      .where('status', '=', 'published')
      .executeTakeFirst();
  }

  /** The newest published release of `dataset`, if any. */
  latestPublished(dataset: string): Promise<ReleaseRecord | undefined> {
    return this.#db
      .selectFrom('open_data_release')
      .selectAll()
      .where('dataset', '=', dataset)
      .where('status', '=', 'published')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Every published release, newest version first per dataset. */
  listPublished(): Promise<ReleaseRecord[]> {
    return this.#db
      .selectFrom('open_data_release')
      .selectAll()
      .where('status', '=', 'published')
      .orderBy('dataset')
      .orderBy('version', 'desc')
      .execute();
  }

  /** Stores a correction with its log entry. */
  async insertCorrection(correction: CorrectionRecord, seal: Seal): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.insertInto('open_data_correction').values(correction).execute();
      await insertSeals(trx, [seal]);
    });
  }

  /** The corrections of `dataset`, oldest first. */
  corrections(dataset: string): Promise<CorrectionRecord[]> {
    return this.#db
      .selectFrom('open_data_correction')
      .selectAll()
      .where('dataset', '=', dataset)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }
}
