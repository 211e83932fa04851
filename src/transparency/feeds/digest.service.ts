// Digests: for each confirmed subscriber, the bulletins published in their language, of their
// products, since they confirmed, that no earlier digest carried. The delivery marks and the
// queued mail are written in one transaction, and a mark is keyed by (subscriber, bulletin):
// a re-run, a crash or a second server running the job at once never mails a bulletin twice.
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../passage/registry/unique-violation.ts';
import type { Keyring } from '../../people/keyring.ts';
import type { Database } from '../../store/schema.ts';
import type { SubscriberTable } from './feeds.tables.ts';
import type { FeedsConfig } from './feeds-config.ts';
import { digestMail } from './mail-message.ts';
import { queueMail } from './mail-outbox.ts';
import { FEED_LANGUAGES, FEED_PRODUCTS } from './published-item.port.ts';
import type {
  FeedLanguage,
  FeedProduct,
  PublishedItem,
  PublishedItemSource,
} from './published-item.port.ts';
import { SubscriberRepository } from './subscriber.kysely.ts';
import { openFor, openSubscriberKey } from './subscriber-keys.ts';

/** Most bulletins one digest run considers per language (newest first). */
export const DIGEST_WINDOW = 200;

/** What the digest job uses. */
export interface DigestDeps {
  db: Kysely<Database>;
  keyring: Keyring;
  config: FeedsConfig;
  items: PublishedItemSource;
  now: () => Date;
}

function productsOf(row: SubscriberTable): Set<FeedProduct> {
  const parsed: unknown = JSON.parse(row.products ?? '[]');
  const list = Array.isArray(parsed) ? parsed : [];
  return new Set(FEED_PRODUCTS.filter((product) => list.includes(product)));
}

/** Queues digests of new bulletins. */
export class DigestService {
  readonly #deps: DigestDeps;

  constructor(deps: DigestDeps) {
    this.#deps = deps;
  }

  /** One run over every confirmed subscriber; returns how many digests it queued. */
  async run(): Promise<number> {
    const subscribers = await new SubscriberRepository(this.#deps.db).active();
    let queued = 0;
    for (const language of FEED_LANGUAGES) {
      const readers = subscribers.filter((row) => row.language === language);
      if (readers.length === 0) continue;
      const since = readers.map((row) => row.confirmed_at ?? '').sort()[0] ?? '';
      const items = await this.#deps.items.listPublished({ language, since, limit: DIGEST_WINDOW });
      for (const row of readers) {
        if (await this.#digestFor(row, language, items)) queued += 1;
      }
    }
    return queued;
  }

  async #digestFor(
    row: SubscriberTable,
    language: FeedLanguage,
    items: readonly PublishedItem[],
  ): Promise<boolean> {
    const products = productsOf(row);
    const confirmedAt = row.confirmed_at ?? '';
    const candidates = items.filter(
      (item) => products.has(item.product) && item.publishedAt > confirmedAt,
    );
    if (candidates.length === 0) return false;
    const repository = new SubscriberRepository(this.#deps.db);
    const delivered = await repository.delivered(
      row.id,
      candidates.map((item) => item.id),
    );
    // Oldest first in the mail, as they were published.
    const fresh = candidates.filter((item) => !delivered.has(item.id)).reverse();
    if (fresh.length === 0) return false;
    try {
      await this.#deps.db.transaction().execute(async (trx) => {
        const inTransaction = new SubscriberRepository(trx);
        const key = openSubscriberKey(this.#deps.keyring, row.id, row.key_wrapped);
        const unsubscribeToken = openFor(key, row.id, 'unsubscribe', row.unsubscribe_sealed);
        const message = digestMail(this.#deps.config, { language, items: fresh, unsubscribeToken });
        const now = this.#deps.now();
        const outboxId = await queueMail(inTransaction, {
          subscriberId: row.id,
          key,
          kind: 'digest',
          message,
          now,
        });
        await inTransaction.markDelivered(
          row.id,
          fresh.map((item) => item.id),
          outboxId,
          now.toISOString(),
        );
      });
      return true;
    } catch (error) {
      // Another run marked these meanwhile: its digest carries them, this one is dropped whole.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
