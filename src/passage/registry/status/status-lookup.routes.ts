// POST /api/v1/status-lookup: public, the secret (the reference code) in the body, never in a
// URL, and rate-limited per address so that codes cannot be walked (the service also locks a
// code for a day after five wrong birth years, whatever the addresses).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../../http/route-policy.ts';
import { MAX_BIRTH_YEAR, MIN_BIRTH_YEAR } from '../../../people/identity.ts';
import { JOURNEY_STATES } from '../../model/states.ts';
import type { StatusLookupService } from './status-lookup.service.ts';

/** Look-ups allowed per client address and minute. */
export const STATUS_LOOKUP_RATE_LIMIT = { max: 10, timeWindow: 60_000 } as const;

const lookupRequest = z.strictObject({
  // Attacker-controlled text; normaliseReferenceCode reads at most 64 characters of it.
  referenceCode: z.string().min(1).max(64),
  birthYear: z.int().min(MIN_BIRTH_YEAR).max(MAX_BIRTH_YEAR),
});

const lookupResponse = z.object({
  journeys: z.array(
    z.object({
      state: z.enum(JOURNEY_STATES),
      lastPlace: z
        .object({
          names: z.object({
            en: z.string(),
            hy: z.string().optional(),
            az: z.string().optional(),
            ru: z.string().optional(),
          }),
        })
        .nullable(),
      lastSeenAt: z.string().nullable(),
      arrivedAt: z.string().nullable(),
    }),
  ),
});

/** Registers the family status look-up. */
export function registerStatusLookupRoutes(
  app: FastifyInstance,
  lookup: StatusLookupService,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/status-lookup',
    {
      config: { policy: PUBLIC, rateLimit: STATUS_LOOKUP_RATE_LIMIT },
      schema: {
        summary: "A household's journey status, by reference code and a member's birth year",
        body: lookupRequest,
        response: { 200: lookupResponse },
      },
    },
    async (request, reply) => {
      const journeys = await lookup.lookup(request.body);
      return reply.header('cache-control', 'no-store').send({ journeys });
    },
  );
}
