// GET /feeds/{product}.{language}.atom: the public Atom feeds. One route with the file name as
// its parameter (the product and language are parsed from it, strictly), cacheable by anyone,
// with a strong ETag so a polling reader mostly gets 304.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';
import { PUBLIC } from '../../http/route-policy.ts';
import { renderAtomFeed } from './atom-feed.ts';
import type { FeedSelector } from './atom-feed.ts';
import type { FeedsConfig } from './feeds-config.ts';
import { FEED_LANGUAGES, FEED_PRODUCTS } from './published-item.port.ts';
import type { FeedLanguage, FeedProduct, PublishedItemSource } from './published-item.port.ts';

/** Entries per feed (the newest). */
export const FEED_ENTRIES = 50;

/** How long shared caches and readers may keep a feed, in seconds. */
export const FEED_MAX_AGE_SECONDS = 300;

const FEED_NAME = /^(all|daily|spot|weekly)\.(en|ru|hy|az)\.atom$/;

/** The feed a file name names, or undefined (attacker-controlled text: matched whole). */
export function parseFeedName(name: string): FeedSelector | undefined {
  const match = FEED_NAME.exec(name);
  const product =
    FEED_PRODUCTS.find((known) => known === match?.[1]) ??
    (match?.[1] === 'all' ? 'all' : undefined);
  const language = FEED_LANGUAGES.find((known) => known === match?.[2]);
  if (product === undefined || language === undefined) return undefined;
  return { product, language };
}

function listOptions(feed: FeedSelector): {
  product?: FeedProduct;
  language: FeedLanguage;
  limit: number;
} {
  return feed.product === 'all'
    ? { language: feed.language, limit: FEED_ENTRIES }
    : { product: feed.product, language: feed.language, limit: FEED_ENTRIES };
}

/** Registers GET /feeds/:feed. */
export function registerFeedRoutes(
  app: FastifyInstance,
  deps: { items: PublishedItemSource; config: FeedsConfig },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/feeds/:feed',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'Atom feed of published bulletins: {all|daily|spot|weekly}.{en|ru|hy|az}.atom',
        params: z.strictObject({ feed: z.string().max(40) }),
      },
    },
    async (request, reply) => {
      const feed = parseFeedName(request.params.feed);
      if (feed === undefined) throw new DomainError('not_found', 'no such feed');
      const items = await deps.items.listPublished(listOptions(feed));
      const xml = renderAtomFeed(deps.config, feed, items);
      const etag = `"${createHash('sha256').update(xml).digest('base64url').slice(0, 27)}"`;
      void reply
        .header('cache-control', `public, max-age=${String(FEED_MAX_AGE_SECONDS)}`)
        .header('etag', etag)
        .header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );
}
