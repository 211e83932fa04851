// Subscription routes. POST /api/v1/subscriptions is public and rate-limited, and answers 202
// with the same body for every valid request (no one learns whether an address is known). The
// link routes take a random token in the path (RFC 8058 requires the one-click URI to work
// without a session); a GET shows a page, only a POST acts.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';
import { PUBLIC } from '../../http/route-policy.ts';
import { FEED_LANGUAGES, FEED_PRODUCTS } from './published-item.port.ts';
import type { FeedLanguage } from './published-item.port.ts';
import {
  CONFIRM_PAGE,
  CONFIRMED_PAGE,
  renderPage,
  UNSUBSCRIBE_PAGE,
  UNSUBSCRIBED_PAGE,
} from './subscription-pages.ts';
import type { PageContent } from './subscription-pages.ts';
import type { SubscriptionService } from './subscription.service.ts';
import { isLinkToken } from './subscriber-keys.ts';

/** Subscription requests accepted per client address and minute. */
export const SUBSCRIBE_RATE_LIMIT = { max: 5, timeWindow: 60_000 } as const;
/** Link requests (confirm, unsubscribe) per client address and minute. */
export const LINK_RATE_LIMIT = { max: 30, timeWindow: 60_000 } as const;

/** The subscription request body (attacker-controlled: bounded everywhere). */
export const subscriptionSchema = z.strictObject({
  // RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address at most 254 characters.
  email: z.email().max(254),
  language: z.enum(FEED_LANGUAGES),
  products: z.array(z.enum(FEED_PRODUCTS)).min(1).max(FEED_PRODUCTS.length),
});

const tokenParams = z.strictObject({ token: z.string().max(100) });

// RFC 8058 §3.1: the one-click POST is form-encoded (or multipart); its body says only
// "List-Unsubscribe=One-Click", which the token makes redundant, so it is read and ignored.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const FORM_BODY_LIMIT = 4096;

function sendPage(reply: FastifyReply, language: FeedLanguage, page: PageContent, token: string) {
  // The form posts back to the page's own URL: the token, relative (checked, so it is no scheme).
  if (!isLinkToken(token)) throw new DomainError('not_found', 'no such link');
  return reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(renderPage(language, page, token));
}

function registerLinkRoutes(app: FastifyInstance, service: SubscriptionService): void {
  app.addContentTypeParser(
    FORM_TYPES,
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, _body, done) => {
      done(null, {});
    },
  );
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { policy: PUBLIC, rateLimit: LINK_RATE_LIMIT };
  const hidden = { hide: true, params: tokenParams };
  typed.get('/subscriptions/confirm/:token', { config, schema: hidden }, async (request, reply) => {
    const language = await service.pageLanguage('confirm', request.params.token);
    return sendPage(reply, language, CONFIRM_PAGE, request.params.token);
  });
  typed.post(
    '/subscriptions/confirm/:token',
    { config, schema: hidden },
    async (request, reply) => {
      const language = await service.confirm(request.params.token);
      return sendPage(reply, language, CONFIRMED_PAGE, request.params.token);
    },
  );
  typed.get('/unsubscribe/:token', { config, schema: hidden }, async (request, reply) => {
    const language = await service.pageLanguage('unsubscribe', request.params.token);
    return sendPage(reply, language, UNSUBSCRIBE_PAGE, request.params.token);
  });
  typed.post('/unsubscribe/:token', { config, schema: hidden }, async (request, reply) => {
    const language = await service.unsubscribe(request.params.token);
    return sendPage(reply, language, UNSUBSCRIBED_PAGE, request.params.token);
  });
}

/** Registers the subscription API and the pages its mails link to. */
export function registerSubscriptionRoutes(
  app: FastifyInstance,
  service: SubscriptionService,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/subscriptions',
    {
      config: { policy: PUBLIC, rateLimit: SUBSCRIBE_RATE_LIMIT },
      schema: {
        summary: 'Subscribe an address to bulletin digests (double opt-in; always 202)',
        body: subscriptionSchema,
        response: { 202: z.object({ status: z.literal('accepted') }) },
      },
    },
    async (request, reply) => {
      await service.subscribe(request.body);
      return reply
        .code(202)
        .header('cache-control', 'no-store')
        .send({ status: 'accepted' as const });
    },
  );
  // Its own encapsulated context: the form parsers apply to the link routes only, the rest of
  // the API keeps refusing anything but JSON.
  void app.register((child, _options, done) => {
    registerLinkRoutes(child, service);
    done();
  });
}
