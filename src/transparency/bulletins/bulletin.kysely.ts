// Bulletins in portable Kysely (both engines). JSON columns are parsed here, at the adapter,
// from rows this slice wrote; a row written otherwise fails loudly rather than being trusted.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { BulletinFigures } from './bulletin-figures.ts';
import { isBulletinProduct, isBulletinState } from './bulletin-model.ts';
import type { BulletinState, CorrectionKind } from './bulletin-model.ts';
import type { Bulletin, BulletinVersion } from './bulletin.repository.ts';
import type { BulletinTable, BulletinVersionTable } from './bulletins.tables.ts';

function stateOf(value: string): BulletinState {
  if (!isBulletinState(value)) throw new Error(`bulletin row has an unknown state ${value}`);
  return value;
}

function toBulletin(row: Selectable<BulletinTable>): Bulletin {
  if (!isBulletinProduct(row.product)) throw new Error(`unknown bulletin product ${row.product}`);
  return {
    id: row.id,
    product: row.product,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    languages: JSON.parse(row.languages) as string[],
    state: stateOf(row.state),
    figures: JSON.parse(row.figures) as BulletinFigures,
    texts: JSON.parse(row.texts) as Record<string, string>,
    corrects:
      row.corrects === null
        ? null
        : { id: row.corrects, kind: row.correction_kind as CorrectionKind },
    draftKey: row.draft_key,
    createdBy: row.created_by,
    lastEditor: row.last_editor,
    approvedBy: row.approved_by,
    publishedAt: row.published_at,
    logIndex: row.log_index,
    publishedRecord: row.published_record,
    entryAt: row.entry_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function toRow(bulletin: Bulletin): BulletinTable {
  return {
    id: bulletin.id,
    product: bulletin.product,
    period_from: bulletin.periodFrom,
    period_to: bulletin.periodTo,
    languages: JSON.stringify(bulletin.languages),
    state: bulletin.state,
    figures: JSON.stringify(bulletin.figures),
    texts: JSON.stringify(bulletin.texts),
    corrects: bulletin.corrects?.id ?? null,
    correction_kind: bulletin.corrects?.kind ?? null,
    draft_key: bulletin.draftKey,
    created_by: bulletin.createdBy,
    last_editor: bulletin.lastEditor,
    approved_by: bulletin.approvedBy,
    published_at: bulletin.publishedAt,
    log_index: bulletin.logIndex,
    published_record: bulletin.publishedRecord,
    entry_at: bulletin.entryAt,
    created_at: bulletin.createdAt,
    updated_at: bulletin.updatedAt,
    version: bulletin.version,
  };
}

function versionRow(bulletin: Bulletin, action: string, actor: string): BulletinVersionTable {
  return {
    bulletin_id: bulletin.id,
    version: bulletin.version,
    action,
    state: bulletin.state,
    texts: JSON.stringify(bulletin.texts),
    at: bulletin.updatedAt,
    actor,
  };
}

/** Bulletins and their versions. */
export class KyselyBulletinRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Inserts a new bulletin with its first version. */
  async insert(bulletin: Bulletin, actor: string): Promise<void> {
    const action = bulletin.draftKey === null ? 'created' : 'drafted';
    await this.#db.insertInto('bulletin').values(toRow(bulletin)).execute();
    await this.#db
      .insertInto('bulletin_version')
      .values(versionRow(bulletin, action, actor))
      .execute();
  }

  /** Writes `next` if the stored version is still `next.version − 1`; false otherwise. */
  async update(next: Bulletin, action: string, actor: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('bulletin')
      .set(toRow(next))
      .where('id', '=', next.id)
      .where('version', '=', next.version - 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.#db
      .insertInto('bulletin_version')
      .values(versionRow(next, action, actor))
      .execute();
    return true;
  }

  /** The bulletin `id`, if any. */
  async get(id: string): Promise<Bulletin | undefined> {
    const row = await this.#db
      .selectFrom('bulletin')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toBulletin(row);
  }

  /** True when a bulletin holds `draftKey`. */
  async hasDraftKey(draftKey: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('bulletin')
      .select('id')
      .where('draft_key', '=', draftKey)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The published bulletins drafted under `draftKeys` (corrections have no draft key). */
  async publishedByDraftKeys(draftKeys: readonly string[]): Promise<Bulletin[]> {
    if (draftKeys.length === 0) return [];
    const rows = await this.#db
      .selectFrom('bulletin')
      .selectAll()
      .where('draft_key', 'in', draftKeys)
      .where('state', '=', 'published')
      .execute();
    return rows.map(toBulletin);
  }

  /** Published bulletins, newest first. */
  async listPublished(page: { limit: number; offset: number }): Promise<Bulletin[]> {
    const rows = await this.#db
      .selectFrom('bulletin')
      .selectAll()
      .where('state', '=', 'published')
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toBulletin);
  }

  /** Bulletins not yet published, newest first. */
  async listUnpublished(limit: number): Promise<Bulletin[]> {
    const rows = await this.#db
      .selectFrom('bulletin')
      .selectAll()
      .where('state', '!=', 'published')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toBulletin);
  }

  /** Published bulletins that name `id` as the one they correct or retract. */
  async publishedCorrectionsOf(id: string): Promise<Bulletin[]> {
    const rows = await this.#db
      .selectFrom('bulletin')
      .selectAll()
      .where('corrects', '=', id)
      .where('state', '=', 'published')
      .orderBy('published_at')
      .execute();
    return rows.map(toBulletin);
  }

  /** Every version of `id`, oldest first. */
  async versions(id: string): Promise<BulletinVersion[]> {
    const rows = await this.#db
      .selectFrom('bulletin_version')
      .selectAll()
      .where('bulletin_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({
      version: row.version,
      action: row.action,
      state: stateOf(row.state),
      texts: JSON.parse(row.texts) as Record<string, string>,
      at: row.at,
      actor: row.actor,
    }));
  }
}
