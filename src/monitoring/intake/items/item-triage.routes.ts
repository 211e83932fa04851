// The triage queue over HTTP (analysts and coordinators, staff sessions). The account is read
// through a POST with a purpose, never a GET: the read is audited and its answer never cached.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorIdOf, staffPolicy } from '../../../http/route-policy.ts';
import { ACCESS_PURPOSES } from '../../../people/access.ts';
import { CHANNELS, CREDIBILITIES, ITEM_STATUSES, PROXIMITIES } from '../../model/vocabulary.ts';
import type { QueueCursor } from '../database/info-item.repository.ts';
import { idSchema, reasonSchema } from './item-input.ts';
import type { ItemTriageService } from './item-triage.service.ts';

/** Most items one page of the queue answers. */
export const MAX_QUEUE_PAGE = 500;

const TRIAGE = staffPolicy('analyst', 'coordinator');
const versionSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
const params = z.strictObject({ id: idSchema });

const nullableBoolean = z.boolean().nullable();
const itemResponse = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  sourceId: z.string().nullable(),
  proximity: z.enum(PROXIMITIES).nullable(),
  credibility: z.number(),
  language: z.string(),
  receivedAt: z.string(),
  occurredAt: z.string().nullable(),
  placeId: z.string().nullable(),
  eventType: z.string().nullable(),
  collectedBy: z.string(),
  access: z.object({
    privateInterview: nullableBoolean,
    escorted: nullableBoolean,
    placeDenied: nullableBoolean,
  }),
  status: z.enum(ITEM_STATUSES),
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const itemView = z.object({
  item: itemResponse,
  gradings: z.array(
    z.object({
      version: z.number(),
      credibility: z.number(),
      reason: z.string(),
      at: z.string(),
      actor: z.string(),
    }),
  ),
});

/** The queue cursor as an opaque base64url token (what `next` answered). */
const cursorSchema = z
  .string()
  .max(200)
  .transform((text, context): QueueCursor => {
    const parsed = z
      .tuple([z.iso.datetime(), z.uuid()])
      .safeParse(safeJson(Buffer.from(text, 'base64url').toString('utf8')));
    if (!parsed.success) {
      context.addIssue({ code: 'custom', message: 'not a cursor this API issued' });
      return z.NEVER;
    }
    return { receivedAt: parsed.data[0], id: parsed.data[1] };
  });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function cursorText(cursor: QueueCursor | null): string | null {
  if (cursor === null) return null;
  return Buffer.from(JSON.stringify([cursor.receivedAt, cursor.id])).toString('base64url');
}

/** Registers the triage routes. */
export function registerItemTriageRoutes(app: FastifyInstance, triage: ItemTriageService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/info-items',
    {
      config: { policy: TRIAGE },
      schema: {
        summary: 'The triage queue: items in one status, oldest first, by pages',
        security: [{ session: [] }],
        querystring: z.strictObject({
          status: z.enum(ITEM_STATUSES).default('new'),
          after: cursorSchema.optional(),
          limit: z.coerce.number().int().min(1).max(MAX_QUEUE_PAGE).default(100),
        }),
        response: { 200: z.object({ items: z.array(itemResponse), next: z.string().nullable() }) },
      },
    },
    async (request) => {
      const { status, after, limit } = request.query;
      const page = await triage.queue(status, { after, limit });
      return { items: page.items, next: cursorText(page.next) };
    },
  );
  typed.get(
    '/api/v1/info-items/:id',
    {
      config: { policy: TRIAGE },
      schema: {
        summary: 'An information item with its credibility gradings (not its account)',
        security: [{ session: [] }],
        params,
        response: { 200: itemView },
      },
    },
    (request) => triage.get(request.params.id),
  );
  typed.post(
    '/api/v1/info-items/:id/account',
    {
      config: { policy: TRIAGE },
      schema: {
        summary: "Read an item's verbatim account for a stated purpose; audited",
        security: [{ session: [] }],
        params,
        body: z.strictObject({ purpose: z.enum(ACCESS_PURPOSES).default('verification') }),
        response: {
          200: z.object({ id: z.string(), language: z.string(), account: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const answer = await triage.readAccount(
        request.params.id,
        actorIdOf(request),
        request.body.purpose,
      );
      return reply.header('cache-control', 'no-store').send(answer);
    },
  );
  typed.post(
    '/api/v1/info-items/:id/grading',
    {
      config: { policy: TRIAGE },
      schema: {
        summary: "Grade an item's credibility 1–6 with a reason (at the version read)",
        security: [{ session: [] }],
        params,
        body: z.strictObject({
          credibility: z.union(CREDIBILITIES.map((value) => z.literal(value))),
          reason: reasonSchema,
          version: versionSchema,
        }),
        response: { 200: itemView },
      },
    },
    (request) => triage.grade(request.params.id, request.body, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/info-items/:id/set-aside',
    {
      config: { policy: TRIAGE },
      schema: {
        summary: 'Set a new item aside with a reason (at the version read)',
        security: [{ session: [] }],
        params,
        body: z.strictObject({ reason: reasonSchema, version: versionSchema }),
        response: { 200: itemView },
      },
    },
    (request) => triage.setAside(request.params.id, request.body, actorIdOf(request)),
  );
}
