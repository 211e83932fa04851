// An in-memory PublishedItemSource for unit tests of the feeds slice (the end-to-end test reads
// real bulletin rows through published-item.kysely.ts).
import type {
  PublishedItem,
  PublishedItemSource,
  PublishedListOptions,
} from './published-item.port.ts';

/** Items held in memory; `add` publishes one more. */
export class InMemoryPublishedItems implements PublishedItemSource {
  readonly #items: PublishedItem[] = [];

  /** Adds `item` as published. */
  add(item: PublishedItem): void {
    this.#items.push(item);
  }

  /** The matching items, newest first. */
  listPublished(options: PublishedListOptions): Promise<PublishedItem[]> {
    const matching = this.#items
      .filter((item) => item.language === options.language)
      .filter((item) => options.product === undefined || item.product === options.product)
      .filter((item) => options.since === undefined || item.publishedAt > options.since)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .slice(0, options.limit);
    return Promise.resolve(matching);
  }
}
