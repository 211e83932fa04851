// Identity access over HTTP: POST only, so names, numbers and purposes stay out of URLs and
// access logs, and answers are never cached. Only the hotline and coordinators, and only
// through a signed-in staff session (password and TOTP): an API token cannot read identity.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffPolicy } from '../../../http/route-policy.ts';
import { actorOf } from '../registry-actor.ts';
import { idSchema } from '../registry-input.ts';
import type { PeopleAccessService } from './people-access.service.ts';
import {
  candidateResponse,
  identityReadSchema,
  identityResponse,
  peopleSearchSchema,
} from './people.schema.ts';

const IDENTITY_READERS = staffPolicy('hotline', 'coordinator');

/** Registers POST /api/v1/people/search and POST /api/v1/people/:personRef/identity. */
export function registerPeopleRoutes(app: FastifyInstance, people: PeopleAccessService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/people/search',
    {
      config: { policy: IDENTITY_READERS },
      schema: {
        summary: 'Search people by name (any script) or document; audited',
        security: [{ session: [] }],
        body: peopleSearchSchema,
        response: { 200: z.object({ candidates: z.array(candidateResponse) }) },
      },
    },
    async (request, reply) => {
      const candidates = await people.search(request.body, actorOf(request.principal));
      return reply.header('cache-control', 'no-store').send({ candidates });
    },
  );
  typed.post(
    '/api/v1/people/:personRef/identity',
    {
      config: { policy: IDENTITY_READERS },
      schema: {
        summary: "Read one person's identity for a stated purpose; audited",
        security: [{ session: [] }],
        params: z.strictObject({ personRef: idSchema }),
        body: identityReadSchema,
        response: { 200: identityResponse },
      },
    },
    async (request, reply) => {
      const { personRef } = request.params;
      const identity = await people.readIdentity(
        personRef,
        request.body,
        actorOf(request.principal),
      );
      return reply.header('cache-control', 'no-store').send({ personRef, identity });
    },
  );
}
