// An Atom feed (RFC 4287) of published bulletins: one per product and language, and one of all
// products per language. Pure: it renders what it is given. Ids are `tag:` URIs (RFC 4151)
// that stay the same whatever the feed's URL, so a reader never sees an entry twice.
import type { FeedsConfig } from './feeds-config.ts';
import { absoluteUrl } from './feeds-config.ts';
import { feedsText } from './i18n/feeds-translate.ts';
import type { FeedsMessageKey } from './i18n/en.ts';
import type { FeedLanguage, FeedProduct, PublishedItem } from './published-item.port.ts';
import { escapeXml } from './xml-escape.ts';

/** Which feed: a product, or every product ('all'), in one language. */
export interface FeedSelector {
  product: FeedProduct | 'all';
  language: FeedLanguage;
}

// The date in a tag URI names when the authority minted the scheme, not an entry's date.
const TAG_DATE = '2026';

/** The catalogue key of a product's name. */
export const PRODUCT_KEYS: Readonly<Record<FeedProduct, FeedsMessageKey>> = {
  daily: 'productDaily',
  spot: 'productSpot',
  weekly: 'productWeekly',
};

/** The path of a feed under the public origin. */
export function feedPath(feed: FeedSelector): string {
  return `/feeds/${feed.product}.${feed.language}.atom`;
}

/** The feed's `updated`: its newest entry's time, or the epoch for an empty feed (stable). */
export function feedUpdated(items: readonly PublishedItem[]): string {
  const newest = items.reduce(
    (latest, item) => (item.publishedAt > latest ? item.publishedAt : latest),
    '',
  );
  return newest === '' ? '1970-01-01T00:00:00.000Z' : newest;
}

function feedTitle(feed: FeedSelector): string {
  if (feed.product === 'all') return feedsText(feed.language, 'feedTitleAll');
  const product = feedsText(feed.language, PRODUCT_KEYS[feed.product]);
  return feedsText(feed.language, 'feedTitleProduct', { product });
}

function entryXml(config: FeedsConfig, item: PublishedItem): string {
  const id = `tag:${config.tagAuthority},${TAG_DATE}:bulletin/${item.id}/${item.language}`;
  const lines = [
    '  <entry>',
    `    <id>${escapeXml(id)}</id>`,
    `    <title type="text">${escapeXml(item.title)}</title>`,
    // Published bulletins are never edited: a change is a new bulletin, so updated = published.
    `    <updated>${escapeXml(item.publishedAt)}</updated>`,
    `    <published>${escapeXml(item.publishedAt)}</published>`,
    `    <link rel="alternate" type="text/html" hreflang="${item.language}" href="${escapeXml(absoluteUrl(config, item.url))}"/>`,
    `    <category term="${item.product}" label="${escapeXml(feedsText(item.language, PRODUCT_KEYS[item.product]))}"/>`,
  ];
  if (item.corrects !== undefined) {
    lines.push(
      `    <link rel="related" type="text/html" href="${escapeXml(absoluteUrl(config, item.corrects.url))}"/>`,
    );
  }
  lines.push(`    <summary type="text">${escapeXml(item.summary)}</summary>`, '  </entry>');
  return lines.join('\n');
}

/** The feed document, UTF-8 text. `items` newest first. */
export function renderAtomFeed(
  config: FeedsConfig,
  feed: FeedSelector,
  items: readonly PublishedItem[],
): string {
  const self = config.publicUrl + feedPath(feed);
  const id = `tag:${config.tagAuthority},${TAG_DATE}:feeds/${feed.product}.${feed.language}`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">`,
    `  <id>${escapeXml(id)}</id>`,
    `  <title type="text">${escapeXml(feedTitle(feed))}</title>`,
    `  <updated>${feedUpdated(items)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(config.publicUrl + '/')}"/>`,
    // RFC 4287 §4.1.1: a feed whose entries carry no author must name one itself.
    '  <author><name>Vigil</name></author>',
    ...items.map((item) => entryXml(config, item)),
    '</feed>',
    '',
  ].join('\n');
}
