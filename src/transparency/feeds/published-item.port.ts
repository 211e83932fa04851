// What the feeds and the digests need from published bulletins, and nothing more: the feeds
// slice reads bulletins only through this port, so the bulletins slice can change its tables
// without touching feeds (the Kysely adapter is published-item.kysely.ts).

/** The bulletin products a feed or a subscription can name. */
export const FEED_PRODUCTS = ['daily', 'spot', 'weekly'] as const;

/** One of FEED_PRODUCTS. */
export type FeedProduct = (typeof FEED_PRODUCTS)[number];

/** The mission's working languages (BCP 47 primary subtags). */
export const FEED_LANGUAGES = ['en', 'ru', 'hy', 'az'] as const;

/** One of FEED_LANGUAGES. */
export type FeedLanguage = (typeof FEED_LANGUAGES)[number];

/** One published bulletin in one language, as a feed entry or a digest line shows it. */
export interface PublishedItem {
  /** The bulletin's id (one id for all its language versions). */
  id: string;
  product: FeedProduct;
  title: string;
  summary: string;
  language: FeedLanguage;
  /** ISO-8601 UTC. */
  publishedAt: string;
  /** The public page of this language version: absolute, or a path under the public URL. */
  url: string;
  /** The bulletin's public log entry. */
  logIndex: number;
  /** The bulletin this one corrects or retracts, with its page in the same language. */
  corrects?: { id: string; url: string };
}

/** What a listing asks for. */
export interface PublishedListOptions {
  /** Only this product; every product when absent. */
  product?: FeedProduct;
  language: FeedLanguage;
  /** Only items published strictly after this ISO-8601 instant. */
  since?: string;
  /** Most items returned. */
  limit: number;
}

/** Published bulletins, newest first. Never returns drafts or unapproved versions. */
export interface PublishedItemSource {
  listPublished(options: PublishedListOptions): Promise<PublishedItem[]>;
}
