// GET /api/v1/checkpoint-roster: the roster a monitor's device keeps for the checkpoint, where it
// has no signal (see checkpoint-roster.service.ts for what it holds and why it holds no code).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoutePolicy } from '../../../http/route-policy.ts';
import { JOURNEY_STATES } from '../../model/states.ts';
import type { CheckpointRosterService } from './checkpoint-roster.service.ts';

/** The staff who record passages, from the office or from their registered device. */
const ROSTER_READERS: RoutePolicy = {
  roles: ['monitor', 'coordinator', 'admin'],
  via: ['session', 'device'],
};

const rosterResponse = z.object({
  key: z.string(),
  tagBytes: z.number(),
  generatedAt: z.string(),
  households: z.array(
    z.object({
      tag: z.string(),
      journeys: z.array(
        z.object({
          journeyId: z.string(),
          state: z.enum(JOURNEY_STATES),
          sex: z.string().nullable(),
          ageBand: z.string().nullable(),
        }),
      ),
    }),
  ),
});

/** Registers GET /api/v1/checkpoint-roster. */
export function registerCheckpointRosterRoutes(
  app: FastifyInstance,
  roster: CheckpointRosterService,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/checkpoint-roster',
    {
      config: { policy: ROSTER_READERS },
      schema: {
        summary:
          'Households whose journeys a checkpoint passage can move, each under a keyed tag of its reference code (never the code)',
        security: [{ session: [] }, { bearer: [] }],
        response: { 200: rosterResponse },
      },
    },
    async (_request, reply) =>
      // Operational data of a lost device's kind: no cache, shared or private, keeps it.
      reply.header('cache-control', 'no-store').send(await roster.roster()),
  );
}
