// POST /api/v1/portal/households: a resident (or their family abroad) registers a household's
// intention from the resident portal, with no account. It is the staff registration's very
// service — same validation, vault, consents (refusing one never blocks), seals and reference
// code — acting as the portal itself, so the sealed record shows the household registered
// itself. Public, hence rate-limited per client address: each registration writes identities
// to the vault and entries to the log, and a script must not fill either.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../../http/route-policy.ts';
import type { Actor } from '../../../people/access.ts';
import type { HouseholdRegistrationService } from './household-registration.service.ts';
import { registrationSchema } from './household.schema.ts';

/** Self-registrations accepted per client address and window (ten minutes). */
export const PORTAL_REGISTRATION_RATE_LIMIT = { max: 10, timeWindow: 10 * 60_000 } as const;

/** Who acts for a self-registration: the portal, never a person (ids are sealed). */
export const PORTAL_ACTOR: Actor = { id: 'portal:self-registration' };

/**
 * What the portal answers: the reference code (shown this once; the page draws its QR code)
 * and how many members were registered. No household id or person ref: the household needs
 * only its code, and the ids are the staff's handles.
 */
const portalRegistrationResponse = z.object({
  referenceCode: z.string(),
  memberCount: z.number(),
});

/** Registers POST /api/v1/portal/households. */
export function registerPortalRegistrationRoute(
  app: FastifyInstance,
  registration: HouseholdRegistrationService,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/portal/households',
    {
      config: { policy: PUBLIC, rateLimit: PORTAL_REGISTRATION_RATE_LIMIT },
      schema: {
        summary: 'A household registers its own intention; answers its reference code, once',
        body: registrationSchema,
        response: { 201: portalRegistrationResponse },
      },
    },
    async (request, reply) => {
      const registered = await registration.register(request.body, PORTAL_ACTOR);
      // The reference code is a secret of the household: no cache may keep this answer.
      return reply.code(201).header('cache-control', 'no-store').send({
        referenceCode: registered.referenceCode,
        memberCount: registered.members.length,
      });
    },
  );
}
