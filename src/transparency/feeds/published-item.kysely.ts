// PublishedItemSource over the bulletins slice's tables (src/transparency/bulletins/
// bulletins.tables.ts): published bulletins only, one item per bulletin and language version.
// This file is the only place the feeds slice knows the bulletins' columns.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { pagePath } from '../bulletins/bulletin-page.ts';
import { PRODUCT_KEYS } from './atom-feed.ts';
import { feedsText } from './i18n/feeds-translate.ts';
import { FEED_PRODUCTS } from './published-item.port.ts';
import type {
  FeedLanguage,
  FeedProduct,
  PublishedItem,
  PublishedItemSource,
  PublishedListOptions,
} from './published-item.port.ts';

/** Characters of the narrative a feed entry or digest line shows. */
export const SUMMARY_CHARACTERS = 280;

/** The public page of one language version of a bulletin (the bulletins slice's own path). */
export function bulletinPagePath(id: string, language: FeedLanguage): string {
  return pagePath(id, language);
}

// A day's report is named by its day; a week's by its first and last day.
function titleOf(
  row: {
    product: FeedProduct;
    period_from: string;
    period_to: string;
    correction_kind: string | null;
  },
  language: FeedLanguage,
): string {
  const from = row.period_from.slice(0, 10);
  const to = row.period_to.slice(0, 10);
  const title = `${feedsText(language, PRODUCT_KEYS[row.product])} ${from === to || row.product !== 'weekly' ? to : `${from} – ${to}`}`;
  if (row.correction_kind === 'retraction') return feedsText(language, 'retractionOf', { title });
  if (row.correction_kind === null) return title;
  return feedsText(language, 'correctionOf', { title });
}

function textOf(texts: string, language: FeedLanguage): string {
  const parsed: unknown = JSON.parse(texts);
  const text: unknown =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)[language]
      : undefined;
  return typeof text === 'string' ? text : '';
}

function summaryOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SUMMARY_CHARACTERS ? flat : `${flat.slice(0, SUMMARY_CHARACTERS - 1)}…`;
}

/** Published bulletins read from the application database. */
export class KyselyPublishedItems implements PublishedItemSource {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The published bulletins with a version in `options.language`, newest first. */
  async listPublished(options: PublishedListOptions): Promise<PublishedItem[]> {
    let query = this.#db
      .selectFrom('bulletin')
      .select([
        'id',
        'product',
        'period_from',
        'period_to',
        'texts',
        'corrects',
        'correction_kind',
        'published_at',
        'log_index',
      ])
      .where('state', '=', 'published')
      // languages is a JSON array of language codes; a quoted code matches one element only.
      .where('languages', 'like', `%"${options.language}"%`)
      .where('published_at', 'is not', null)
      .where('log_index', 'is not', null);
    if (options.product !== undefined) query = query.where('product', '=', options.product);
    if (options.since !== undefined) query = query.where('published_at', '>', options.since);
    const rows = await query
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute();
    const { language } = options;
    return rows.flatMap((row) => {
      const product = FEED_PRODUCTS.find((known) => known === row.product);
      if (product === undefined || row.published_at === null || row.log_index === null) return [];
      const item: PublishedItem = {
        id: row.id,
        product,
        title: titleOf({ ...row, product }, language),
        summary: summaryOf(textOf(row.texts, language)),
        language,
        publishedAt: row.published_at,
        url: bulletinPagePath(row.id, language),
        logIndex: row.log_index,
      };
      if (row.corrects !== null)
        item.corrects = { id: row.corrects, url: bulletinPagePath(row.corrects, language) };
      return [item];
    });
  }
}
