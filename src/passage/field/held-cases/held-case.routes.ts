import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../errors/domain-error.ts';
import { staffPolicy } from '../../../http/route-policy.ts';
import { HELD_CASE_STATES } from '../../model/states.ts';
import { HeldBySchema } from '../captures/held-by.schema.ts';
import { actorOf } from '../field-context.ts';
import type { HeldCaseService } from './held-case.service.ts';

const nullableText = z.string().nullable();

const HeldCaseSchema = z.object({
  id: z.string(),
  journeyId: nullableText,
  personRef: nullableText,
  state: z.enum(HELD_CASE_STATES),
  placeId: nullableText,
  heldBy: nullableText,
  reportedAt: z.string(),
  updatedAt: z.string(),
  icrcNotifiedAt: nullableText,
  version: z.number(),
});

const HeldCaseViewSchema = z.object({
  heldCase: HeldCaseSchema,
  history: z.array(
    z.object({
      version: z.number(),
      from: z.enum(HELD_CASE_STATES),
      to: z.enum(HELD_CASE_STATES),
      at: z.string(),
      actor: z.string(),
    }),
  ),
});

const Params = z.strictObject({ id: z.uuid() });

/** Most cases one list returns. */
export const MAX_HELD_CASES = 500;

/**
 * Registers GET /api/v1/held-cases, GET /api/v1/held-cases/:id and
 * POST /api/v1/held-cases/:id/transitions (coordinators; analysts read).
 */
export function registerHeldCaseRoutes(app: FastifyInstance, cases: HeldCaseService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/held-cases',
    {
      config: { policy: staffPolicy('coordinator', 'analyst', 'admin') },
      schema: {
        summary: 'Held-person cases, oldest report first, optionally in one state',
        security: [{ session: [] }],
        querystring: z.strictObject({
          state: z.enum(HELD_CASE_STATES).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_HELD_CASES).default(100),
        }),
        response: { 200: z.object({ heldCases: z.array(HeldCaseSchema) }) },
      },
    },
    async (request) => ({ heldCases: await cases.list(request.query) }),
  );
  typed.get(
    '/api/v1/held-cases/:id',
    {
      config: { policy: staffPolicy('coordinator', 'analyst', 'admin') },
      schema: {
        summary: 'A held-person case with its history',
        security: [{ session: [] }],
        params: Params,
        response: { 200: HeldCaseViewSchema },
      },
    },
    (request) => cases.get(request.params.id),
  );
  typed.post(
    '/api/v1/held-cases/:id/transitions',
    {
      config: { policy: staffPolicy('coordinator', 'admin') },
      schema: {
        summary: 'Move a held-person case through its machine (at the version read)',
        security: [{ session: [] }],
        params: Params,
        body: z.strictObject({
          to: z.enum(HELD_CASE_STATES),
          version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
          placeId: z.uuid().optional(),
          heldBy: HeldBySchema.optional(),
          icrcNotified: z.boolean().optional(),
        }),
        response: { 200: HeldCaseViewSchema },
      },
    },
    (request) => {
      const principal = request.principal;
      if (principal === undefined) throw new DomainError('unauthenticated', 'no principal');
      return cases.transition(request.params.id, request.body, actorOf(principal));
    },
  );
}
