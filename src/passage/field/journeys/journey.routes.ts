import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../errors/domain-error.ts';
import type { RoutePolicy } from '../../../http/route-policy.ts';
import { JOURNEY_STATES } from '../../model/states.ts';
import { actorOf } from '../field-context.ts';
import { JourneyViewSchema } from './journey.schema.ts';
import type { JourneyService } from './journey.service.ts';

/** Staff who follow journeys, in the office (session) or in the field (their device). */
export const JOURNEY_READERS: RoutePolicy = {
  roles: ['coordinator', 'analyst', 'monitor', 'hotline', 'admin'],
  via: ['session', 'device'],
};

/** Staff who may change a journey by hand. */
export const JOURNEY_EDITORS: RoutePolicy = {
  roles: ['coordinator', 'monitor', 'admin'],
  via: ['session', 'device'],
};

const Params = z.strictObject({ id: z.uuid() });

/** Registers GET /api/v1/journeys/:id and POST /api/v1/journeys/:id/transitions. */
export function registerJourneyRoutes(app: FastifyInstance, journeys: JourneyService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/journeys/:id',
    {
      config: { policy: JOURNEY_READERS },
      schema: {
        summary: 'A journey with its history (pseudonyms and ids only)',
        security: [{ session: [] }, { bearer: [] }],
        params: Params,
        response: { 200: JourneyViewSchema },
      },
    },
    (request) => journeys.get(request.params.id),
  );
  typed.post(
    '/api/v1/journeys/:id/transitions',
    {
      config: { policy: JOURNEY_EDITORS },
      schema: {
        summary: 'Move a journey through the journey machine (at the version read)',
        security: [{ session: [] }, { bearer: [] }],
        params: Params,
        body: z.strictObject({
          to: z.enum(JOURNEY_STATES),
          placeId: z.uuid().optional(),
          version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
        }),
        response: { 200: JourneyViewSchema },
      },
    },
    (request) => {
      const principal = request.principal;
      if (principal === undefined) throw new DomainError('unauthenticated', 'no principal');
      return journeys.transition(request.params.id, request.body, actorOf(principal));
    },
  );
}
