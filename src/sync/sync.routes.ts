import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import type { RoutePolicy } from '../http/route-policy.ts';
import type { SyncService } from './sync.service.ts';

/** Captures come from registered devices only: their signatures are checked with the device key. */
const DEVICES_ONLY: RoutePolicy = { roles: ['monitor', 'coordinator', 'admin'], via: ['device'] };

/** Most captures one batch may carry. */
export const MAX_SYNC_ITEMS = 500;

const SyncItemSchema = z.strictObject({
  // Any UUID is accepted; a UUIDv7 (time-ordered, RFC 9562) keeps the server's indexes compact.
  id: z.uuid(),
  type: z.string().regex(/^[a-z][a-z_.]{0,63}$/),
  capturedAt: z.iso.datetime(),
  payload: z.record(z.string(), z.unknown()),
  signature: z.base64().length(88),
});

const SyncRequest = z.strictObject({ items: z.array(SyncItemSchema).min(1).max(MAX_SYNC_ITEMS) });

const SyncResponse = z.object({
  results: z.array(
    z.union([
      z.object({ id: z.string(), status: z.enum(['applied', 'duplicate']), logIndex: z.number() }),
      z.object({
        id: z.string(),
        status: z.literal('rejected'),
        code: z.string(),
        message: z.string(),
      }),
    ]),
  ),
});

/** Registers POST /api/v1/sync: a device's batch of signed offline captures. */
export function registerSyncRoutes(app: FastifyInstance, sync: SyncService): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/sync',
    {
      // A batch of 500 captures is a few hundred kilobytes.
      bodyLimit: 1024 * 1024,
      config: { policy: DEVICES_ONLY },
      schema: {
        summary: 'Apply a batch of signed captures made offline (exactly once per item id)',
        security: [{ bearer: [] }],
        body: SyncRequest,
        response: { 200: SyncResponse },
      },
    },
    async (request) => {
      const principal = request.principal;
      const deviceId = principal?.deviceId;
      if (principal === undefined || deviceId === undefined) {
        throw new DomainError('forbidden', 'only a registered device submits captures');
      }
      const results = await sync.applyBatch(request.body.items, { principal, deviceId });
      return { results };
    },
  );
}
