// POST /api/v1/portal/check-in: a household that stays under protection says it is well, with
// its reference code and a member's birth year (in the body: a secret never goes in a URL).
// Public, so rate-limited per client address; every wrong code or year answers the same 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../../http/route-policy.ts';
import { CONTACT_MODES } from '../../database/passage-vocabulary.ts';
import type { WelfareContactService } from './welfare-contact.service.ts';

/** Check-ins allowed per client address per window. */
export interface CheckInRateLimit {
  readonly max: number;
  readonly timeWindowMs: number;
}

/** The default: a family retrying a mistyped code is fine, a guessing script is not. */
export const DEFAULT_CHECK_IN_RATE_LIMIT: CheckInRateLimit = { max: 10, timeWindowMs: 60_000 };

const CheckInBody = z.strictObject({
  // Generous for separators and a different keyboard; normalised by the service.
  referenceCode: z.string().min(1).max(64),
  birthYear: z.number().int().min(1880).max(2200),
});

const CheckInResponse = z.object({
  contact: z.object({ dueAt: z.string(), mode: z.enum(CONTACT_MODES) }).nullable(),
  nextDueAt: z.string().nullable(),
});

/** Registers POST /api/v1/portal/check-in. */
export function registerPortalCheckInRoute(
  app: FastifyInstance,
  deps: { service: WelfareContactService; rateLimit: CheckInRateLimit },
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/portal/check-in',
    {
      config: {
        policy: PUBLIC,
        rateLimit: {
          max: deps.rateLimit.max,
          timeWindow: deps.rateLimit.timeWindowMs,
          keyGenerator: (request) => request.ip,
        },
      },
      schema: {
        summary: "A household's own welfare check-in (reference code and a birth year)",
        body: CheckInBody,
        response: { 200: CheckInResponse },
      },
    },
    async (request) => deps.service.checkIn(request.body),
  );
}
