// GET /api/v1/reconciliation: the headcount equation of DOMAIN.md §4 per group, for the staff who
// follow up the unaccounted (coordinators), analyse (analysts) or run the system (admins).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy } from '../../../http/route-policy.ts';
import type { ReconciliationService } from './reconciliation.service.ts';

/** Who may read reconciliations. */
export const RECONCILIATION_READERS = ['coordinator', 'analyst', 'admin'] as const;

const ReconciliationQuerySchema = z.strictObject({
  by: z.enum(['vehicle', 'operation', 'checkpoint', 'day', 'all']).default('all'),
  operationId: z.uuid().optional(),
  day: z.iso.date().optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  idsLimit: z.coerce.number().int().min(0).max(10_000).default(100),
});

const LineSchema = z.object({
  key: z.string().nullable(),
  departed: z.number().int(),
  arrived: z.number().int(),
  medevac: z.number().int(),
  held: z.number().int(),
  turnedBack: z.number().int(),
  died: z.number().int(),
  enRoute: z.number().int(),
  unaccounted: z.number().int(),
  unaccountedIds: z.array(z.string()),
  unaccountedIdsTruncated: z.boolean(),
});

const ReportSchema = z.object({
  asOf: z.string(),
  by: z.string(),
  operationId: z.string().nullable(),
  day: z.string().nullable(),
  groupCount: z.number().int(),
  offset: z.number().int(),
  groups: z.array(LineSchema),
  total: LineSchema,
});

/** Registers GET /api/v1/reconciliation. */
export function registerReconciliationRoutes(
  app: FastifyInstance,
  service: ReconciliationService,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/reconciliation',
    {
      config: { policy: rolesPolicy(...RECONCILIATION_READERS) },
      schema: {
        summary: 'Departed = arrived + held + turned back + died + en route + unaccounted',
        security: [{ bearer: [] }, { session: [] }],
        querystring: ReconciliationQuerySchema,
        response: { 200: ReportSchema },
      },
    },
    async (request) => service.reconcile(request.query),
  );
}
