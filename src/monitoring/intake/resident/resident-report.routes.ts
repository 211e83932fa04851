// The portal's resident reports: public (no account), rate-limited per address, and the
// receipt code travels in bodies only — never in a URL, which access logs keep.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorIdOf, PUBLIC, rolesPolicy } from '../../../http/route-policy.ts';
import { publicItemSchema } from '../items/item-input.ts';
import { REPORT_STATUSES } from './resident-report.service.ts';
import type { ResidentReportService } from './resident-report.service.ts';

/** Reports accepted per client address and minute. */
export const RESIDENT_REPORT_RATE_LIMIT = { max: 10, timeWindow: 60_000 } as const;
/** Follow-ups answered per client address and minute. */
export const RESIDENT_STATUS_RATE_LIMIT = { max: 10, timeWindow: 60_000 } as const;

/** Most of a resident's own reports one answer lists. */
export const MAX_OWN_REPORTS = 100;

const receiptSchema = z.object({ receiptCode: z.string(), receivedAt: z.string() });

/**
 * Registers POST /api/v1/resident-reports and POST /api/v1/resident-reports/status (anyone, no
 * account), and POST and GET /api/v1/resident/reports (a resident signed in with a token, who
 * may list their own reports' statuses instead of keeping receipt codes).
 */
export function registerResidentReportRoutes(
  app: FastifyInstance,
  reports: ResidentReportService,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/resident-reports',
    {
      config: { policy: PUBLIC, rateLimit: RESIDENT_REPORT_RATE_LIMIT },
      schema: {
        summary: 'Report anonymously; answers a private receipt code, shown once',
        body: publicItemSchema,
        response: { 201: receiptSchema },
      },
    },
    async (request, reply) => {
      const receipt = await reports.submit(request.body);
      return reply.code(201).header('cache-control', 'no-store').send(receipt);
    },
  );
  typed.post(
    '/api/v1/resident-reports/status',
    {
      config: { policy: PUBLIC, rateLimit: RESIDENT_STATUS_RATE_LIMIT },
      schema: {
        summary: "A report's coarse status, by its receipt code",
        // Attacker-controlled text; normaliseReceiptCode reads at most 64 characters of it.
        body: z.strictObject({ receiptCode: z.string().min(1).max(100) }),
        response: { 200: z.object({ status: z.enum(REPORT_STATUSES) }) },
      },
    },
    async (request, reply) => {
      const status = await reports.status(request.body.receiptCode);
      return reply.header('cache-control', 'no-store').send({ status });
    },
  );
  typed.post(
    '/api/v1/resident/reports',
    {
      config: { policy: rolesPolicy('resident'), rateLimit: RESIDENT_REPORT_RATE_LIMIT },
      schema: {
        summary: 'Report as a signed-in resident; answers a receipt code as anonymous reports do',
        security: [{ bearer: [] }],
        body: publicItemSchema,
        response: { 201: receiptSchema },
      },
    },
    async (request, reply) => {
      const receipt = await reports.submit(request.body, actorIdOf(request));
      return reply.code(201).header('cache-control', 'no-store').send(receipt);
    },
  );
  typed.get(
    '/api/v1/resident/reports',
    {
      config: { policy: rolesPolicy('resident'), rateLimit: RESIDENT_STATUS_RATE_LIMIT },
      schema: {
        summary: "The signed-in resident's own reports: when received and their coarse status",
        security: [{ bearer: [] }],
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(MAX_OWN_REPORTS).default(20),
        }),
        response: {
          200: z.object({
            reports: z.array(z.object({ receivedAt: z.string(), status: z.enum(REPORT_STATUSES) })),
          }),
        },
      },
    },
    async (request, reply) => {
      const own = await reports.listOwn(actorIdOf(request), request.query.limit);
      return reply.header('cache-control', 'no-store').send({ reports: own });
    },
  );
}
