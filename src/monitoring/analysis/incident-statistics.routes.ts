import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffPolicy } from '../../http/route-policy.ts';
import { INCIDENT_STATES } from '../model/vocabulary.ts';
import type { IncidentStatisticsService } from './incident-statistics.service.ts';

/** A calendar day (midnight UTC) or an instant; answered as ISO-8601 UTC. */
const Instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((text, context) => {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
    context.addIssue({ code: 'custom', message: 'not a real instant' });
    return z.NEVER;
  });

const Query = z.strictObject({
  from: Instant,
  to: Instant,
  state: z.enum(INCIDENT_STATES).optional(),
  subEventType: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/)
    .optional(),
  placeId: z.uuid().optional(),
  adminCode: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/)
    .optional(),
});

const Count = z.number();
const StatisticsSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  total: Count,
  byEventType: z.array(z.object({ eventType: z.string(), count: Count })),
  bySubEventType: z.array(z.object({ subEventType: z.string(), count: Count })),
  byState: z.array(z.object({ state: z.string(), count: Count })),
  byWeek: z.array(z.object({ week: z.string(), count: Count })),
  byArea: z.array(
    z.object({
      area: z.string().nullable(),
      kind: z.enum(['admin_area', 'place', 'none']),
      count: Count,
    }),
  ),
});

/** Registers GET /api/v1/incident-statistics (analysts, coordinators, admins). */
export function registerIncidentStatisticsRoutes(
  app: FastifyInstance,
  statistics: IncidentStatisticsService,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/incident-statistics',
    {
      config: { policy: staffPolicy('analyst', 'coordinator', 'admin') },
      schema: {
        summary: 'Incident counts by event type, state, ISO week and area over [from, to)',
        security: [{ session: [] }],
        querystring: Query,
        response: { 200: StatisticsSchema },
      },
    },
    (request) => statistics.count(request.query),
  );
}
