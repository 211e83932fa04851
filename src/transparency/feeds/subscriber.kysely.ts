// SQL of the subscription service, in portable Kysely (both engines). Rows hold sealed values,
// digests and pseudonyms only (feeds.tables.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { MailOutboxTable, SubscriberTable } from './feeds.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Reads and writes the subscriber, delivery and outbox rows. */
export class SubscriberRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** The subscriber whose address has blind index `emailIndex`. */
  byEmailIndex(emailIndex: string): Promise<SubscriberTable | undefined> {
    return this.#db
      .selectFrom('subscriber')
      .selectAll()
      .where('email_index', '=', emailIndex)
      .executeTakeFirst();
  }

  /** The subscriber whose confirmation token has digest `sha256`. */
  byConfirmDigest(sha256: string): Promise<SubscriberTable | undefined> {
    return this.#db
      .selectFrom('subscriber')
      .selectAll()
      .where('confirm_sha256', '=', sha256)
      .executeTakeFirst();
  }

  /** The subscriber whose unsubscribe token has digest `sha256`. */
  byUnsubscribeDigest(sha256: string): Promise<SubscriberTable | undefined> {
    return this.#db
      .selectFrom('subscriber')
      .selectAll()
      .where('unsubscribe_sha256', '=', sha256)
      .executeTakeFirst();
  }

  /** The subscriber `id`. */
  byId(id: string): Promise<SubscriberTable | undefined> {
    return this.#db.selectFrom('subscriber').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every confirmed subscriber. */
  active(): Promise<SubscriberTable[]> {
    return this.#db
      .selectFrom('subscriber')
      .selectAll()
      .where('state', '=', 'active')
      .orderBy('id')
      .execute();
  }

  async insert(row: SubscriberTable): Promise<void> {
    await this.#db.insertInto('subscriber').values(row).execute();
  }

  async update(id: string, changes: Partial<SubscriberTable>): Promise<void> {
    await this.#db.updateTable('subscriber').set(changes).where('id', '=', id).execute();
  }

  /** Deletes the subscriber and everything kept for it (queued mails, delivery marks). */
  async delete(id: string): Promise<void> {
    await this.#db.deleteFrom('mail_outbox').where('subscriber_id', '=', id).execute();
    await this.#db.deleteFrom('subscription_delivery').where('subscriber_id', '=', id).execute();
    await this.#db.deleteFrom('subscriber').where('id', '=', id).execute();
  }

  /** Ids of never-confirmed subscribers whose last link expired before `now`. */
  async expiredPending(now: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('subscriber')
      .select('id')
      .where('state', '=', 'pending')
      .where('confirm_expires_at', '<', now)
      .execute();
    return rows.map((row) => row.id);
  }

  /** Which of `itemIds` subscriber `id` has already had in a digest. */
  async delivered(id: string, itemIds: readonly string[]): Promise<Set<string>> {
    if (itemIds.length === 0) return new Set();
    const rows = await this.#db
      .selectFrom('subscription_delivery')
      .select('item_id')
      .where('subscriber_id', '=', id)
      .where('item_id', 'in', [...itemIds])
      .execute();
    return new Set(rows.map((row) => row.item_id));
  }

  /** Marks items as delivered; a mark already there fails the transaction (no second digest). */
  async markDelivered(
    id: string,
    itemIds: readonly string[],
    outboxId: string,
    at: string,
  ): Promise<void> {
    const rows = itemIds.map((itemId) => ({
      subscriber_id: id,
      item_id: itemId,
      outbox_id: outboxId,
      at,
    }));
    await this.#db.insertInto('subscription_delivery').values(rows).execute();
  }

  async enqueue(row: MailOutboxTable): Promise<void> {
    await this.#db.insertInto('mail_outbox').values(row).execute();
  }
}
