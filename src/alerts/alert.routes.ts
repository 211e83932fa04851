import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { rolesPolicy } from '../http/route-policy.ts';
import { parseAlertCursor } from './alert-cursor.ts';
import type { AlertService } from './alert.service.ts';
import { ALERT_READERS } from './alert-stream.routes.ts';

const AlertSchema = z.object({
  id: z.string(),
  type: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  subjectType: z.string(),
  subjectId: z.string(),
  dedupeKey: z.string(),
  raisedAt: z.string(),
  details: z.record(z.string(), z.unknown()),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

/** Registers GET /api/v1/alerts and POST /api/v1/alerts/:id/acknowledge. */
export function registerAlertRoutes(app: FastifyInstance, alerts: AlertService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/alerts',
    {
      config: { policy: rolesPolicy(...ALERT_READERS) },
      schema: {
        summary: 'Unacknowledged alerts, or those after a cursor (an SSE event id)',
        security: [{ bearer: [] }],
        querystring: z.strictObject({ after: z.string().max(80).optional() }),
        response: { 200: z.object({ alerts: z.array(AlertSchema) }) },
      },
    },
    async (request) => {
      const after = request.query.after;
      const cursor = after === undefined ? undefined : parseAlertCursor(after);
      if (after !== undefined && cursor === undefined) {
        throw new DomainError('invalid_request', 'after must be an alert event id');
      }
      return { alerts: await alerts.alertsAfter(cursor) };
    },
  );
  typed.post(
    '/api/v1/alerts/:id/acknowledge',
    {
      config: { policy: rolesPolicy('coordinator', 'admin') },
      schema: {
        summary: 'Acknowledge an alert',
        security: [{ bearer: [] }],
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: AlertSchema },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal === undefined) throw new DomainError('unauthenticated', 'no principal');
      return alerts.acknowledge(request.params.id, principal);
    },
  );
}
