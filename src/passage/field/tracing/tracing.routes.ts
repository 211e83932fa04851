import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../errors/domain-error.ts';
import { staffPolicy } from '../../../http/route-policy.ts';
import { TRACING_STATES } from '../../model/states.ts';
import { actorOf } from '../field-context.ts';
import type { TracingService } from './tracing.service.ts';

const nullableText = z.string().nullable();

const TracingRequestSchema = z.object({
  id: z.string(),
  soughtPersonRef: nullableText,
  requesterRef: z.string(),
  householdId: nullableText,
  state: z.enum(TRACING_STATES),
  openedAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const TracingViewSchema = z.object({
  request: TracingRequestSchema,
  history: z.array(
    z.object({
      version: z.number(),
      from: z.enum(TRACING_STATES),
      to: z.enum(TRACING_STATES),
      at: z.string(),
      actor: z.string(),
    }),
  ),
});

/** A person reference (UUID) or a keyring pseudonym (43 base64url characters). */
const RequesterRef = z.union([z.uuid(), z.string().regex(/^[A-Za-z0-9_-]{43}$/)]);

/** A contact as the hotline takes it: a phone number or a messaging handle, short text. */
const RequesterContact = z
  .string()
  .trim()
  .min(3)
  .max(100)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u);

const OpenBody = z
  .strictObject({
    householdId: z.uuid().optional(),
    soughtPersonRef: z.uuid().optional(),
    requesterRef: RequesterRef.optional(),
    requesterContact: RequesterContact.optional(),
  })
  .refine((body) => (body.requesterRef === undefined) !== (body.requesterContact === undefined), {
    error: 'give exactly one of requesterRef and requesterContact',
    path: ['requesterRef'],
  });

const Params = z.strictObject({ id: z.uuid() });

/** Most requests one list returns. */
export const MAX_TRACING_REQUESTS = 500;

const TAKERS = staffPolicy('hotline', 'coordinator');
const READERS = staffPolicy('hotline', 'coordinator', 'analyst');

/** Registers the tracing-request routes (hotline and coordinators; analysts read). */
export function registerTracingRoutes(app: FastifyInstance, tracing: TracingService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const actor = (principal: Parameters<typeof actorOf>[0] | undefined): string => {
    if (principal === undefined) throw new DomainError('unauthenticated', 'no principal');
    return actorOf(principal);
  };
  typed.post(
    '/api/v1/tracing-requests',
    {
      config: { policy: TAKERS },
      schema: {
        summary: 'Open a tracing request (requester and sought person by pseudonym only)',
        security: [{ session: [] }],
        body: OpenBody,
        response: { 201: TracingViewSchema },
      },
    },
    async (request, reply) => {
      const view = await tracing.open(request.body, actor(request.principal));
      return reply.code(201).send(view);
    },
  );
  typed.get(
    '/api/v1/tracing-requests',
    {
      config: { policy: READERS },
      schema: {
        summary: 'Tracing requests, oldest first, optionally in one state',
        security: [{ session: [] }],
        querystring: z.strictObject({
          state: z.enum(TRACING_STATES).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_TRACING_REQUESTS).default(100),
        }),
        response: { 200: z.object({ requests: z.array(TracingRequestSchema) }) },
      },
    },
    async (request) => ({ requests: await tracing.list(request.query) }),
  );
  typed.get(
    '/api/v1/tracing-requests/:id',
    {
      config: { policy: READERS },
      schema: {
        summary: 'A tracing request with its history',
        security: [{ session: [] }],
        params: Params,
        response: { 200: TracingViewSchema },
      },
    },
    (request) => tracing.get(request.params.id),
  );
  typed.post(
    '/api/v1/tracing-requests/:id/transitions',
    {
      config: { policy: TAKERS },
      schema: {
        summary: 'Move a tracing request through its machine (at the version read)',
        security: [{ session: [] }],
        params: Params,
        body: z.strictObject({
          to: z.enum(TRACING_STATES),
          version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
          soughtPersonRef: z.uuid().optional(),
        }),
        response: { 200: TracingViewSchema },
      },
    },
    (request) => tracing.transition(request.params.id, request.body, actor(request.principal)),
  );
}
