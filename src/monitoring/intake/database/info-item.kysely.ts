import type { Kysely, UpdateObject } from 'kysely';
import { requireVersionedUpdate } from '../../../passage/database/versioned-update.kysely.ts';
import { insertRows } from '../../../store/insert-rows.ts';
import type { Database } from '../../../store/schema.ts';
import { ITEM_STATUSES } from '../../model/vocabulary.ts';
import type { Channel, ItemStatus } from '../../model/vocabulary.ts';
import type {
  InfoItem,
  InfoItemRepository,
  ItemChange,
  ItemContent,
  ItemGrading,
  QueuePage,
} from './info-item.repository.ts';
import { contentColumns, toInfoItem, toItemGrading, toItemRow } from './info-item-rows.ts';
import { storedWord } from './stored-word.ts';

/** Ids per IN (…) list: far below both engines' parameter limits. */
const IDS_PER_QUERY = 500;

/** Information items in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyInfoItemRepository implements InfoItemRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertMany(items: readonly InfoItem[]): Promise<void> {
    await insertRows(this.#db, 'info_item', items.map(toItemRow));
  }

  async get(id: string): Promise<InfoItem | undefined> {
    const row = await this.#db
      .selectFrom('info_item')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toInfoItem(row);
  }

  async getMany(ids: readonly string[]): Promise<Map<string, InfoItem>> {
    const found = new Map<string, InfoItem>();
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      const rows = await this.#db
        .selectFrom('info_item')
        .selectAll()
        .where('id', 'in', ids.slice(start, start + IDS_PER_QUERY))
        .execute();
      for (const row of rows) found.set(row.id, toInfoItem(row));
    }
    return found;
  }

  async listQueue(page: QueuePage): Promise<InfoItem[]> {
    let query = this.#db.selectFrom('info_item').selectAll().where('status', '=', page.status);
    const after = page.after;
    if (after !== undefined) {
      // Keyset pagination on (received_at, id): stable while new items arrive, no OFFSET scan.
      query = query.where((eb) =>
        eb.or([
          eb('received_at', '>', after.receivedAt),
          eb.and([eb('received_at', '=', after.receivedAt), eb('id', '>', after.id)]),
        ]),
      );
    }
    const rows = await query.orderBy('received_at').orderBy('id').limit(page.limit).execute();
    return rows.map(toInfoItem);
  }

  async gradings(id: string): Promise<ItemGrading[]> {
    const rows = await this.#db
      .selectFrom('info_item_grading')
      .selectAll()
      .where('item_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map(toItemGrading);
  }

  async replaceContent(change: ItemChange, content: ItemContent): Promise<void> {
    await this.#bump(change, contentColumns(content));
  }

  async grade(change: ItemChange, grading: Omit<ItemGrading, 'version' | 'at'>): Promise<void> {
    await this.#bump(change, { credibility: grading.credibility });
    await this.#db
      .insertInto('info_item_grading')
      .values({
        item_id: change.id,
        version: change.expectedVersion + 1,
        credibility: grading.credibility,
        reason: grading.reason,
        at: change.at,
        actor: grading.actor,
      })
      .execute();
  }

  async setAside(change: ItemChange, reason: string): Promise<void> {
    await this.#bump(change, { status: 'set_aside', status_reason: reason }, 'new');
  }

  async findByReceipt(
    receiptSha256: string,
  ): Promise<{ status: ItemStatus; version: number } | undefined> {
    const row = await this.#db
      .selectFrom('info_item')
      .selectAll()
      .where('receipt_sha256', '=', receiptSha256)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const item = toInfoItem(row);
    return { status: item.status, version: item.version };
  }

  async listByCollector(
    collectedBy: string,
    channel: Channel,
    limit: number,
  ): Promise<{ status: ItemStatus; version: number; receivedAt: string }[]> {
    const rows = await this.#db
      .selectFrom('info_item')
      .select(['status', 'version', 'received_at'])
      .where('collected_by', '=', collectedBy)
      .where('channel', '=', channel)
      .orderBy('received_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      status: storedWord(ITEM_STATUSES, row.status, 'info_item.status'),
      version: row.version,
      receivedAt: row.received_at,
    }));
  }

  async markLinked(ids: readonly string[], at: string): Promise<void> {
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      await this.#db
        .updateTable('info_item')
        .set({ status: 'linked', status_reason: null, updated_at: at })
        .where('id', 'in', ids.slice(start, start + IDS_PER_QUERY))
        .execute();
    }
  }

  async #bump(
    change: ItemChange,
    columns: UpdateObject<Database, 'info_item'>,
    expectedState?: ItemStatus,
  ): Promise<void> {
    let query = this.#db
      .updateTable('info_item')
      .set({ ...columns, updated_at: change.at, version: change.expectedVersion + 1 })
      .where('id', '=', change.id)
      .where('version', '=', change.expectedVersion);
    if (expectedState !== undefined) query = query.where('status', '=', expectedState);
    const result = await query.executeTakeFirst();
    await requireVersionedUpdate(
      result,
      {
        kind: 'info_item',
        id: change.id,
        expectedVersion: change.expectedVersion,
        ...(expectedState === undefined ? {} : { expectedState }),
      },
      async () => {
        const item = await this.get(change.id);
        return item === undefined ? undefined : { version: item.version, state: item.status };
      },
    );
  }
}
