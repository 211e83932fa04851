// Households over HTTP: registration (hotline, monitors, coordinators, admins), the operational
// view, changes of intention and consent decisions. No route answers identity.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy } from '../../../http/route-policy.ts';
import { actorOf } from '../registry-actor.ts';
import { idSchema } from '../registry-input.ts';
import type { HouseholdRegistrationService } from './household-registration.service.ts';
import {
  consentResponse,
  householdConsentSchema,
  householdViewResponse,
  intentionChangeSchema,
  registrationResponse,
  registrationSchema,
} from './household.schema.ts';
import type { HouseholdService } from './household.service.ts';
import { referenceQrSvg } from './reference-qr.ts';

const householdParams = z.strictObject({ id: idSchema });
const CASEWORKERS = rolesPolicy('hotline', 'coordinator');

/** Registers the household routes. */
export function registerHouseholdRoutes(
  app: FastifyInstance,
  services: { registration: HouseholdRegistrationService; households: HouseholdService },
): void {
  const { registration, households } = services;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/households',
    {
      config: { policy: rolesPolicy('hotline', 'monitor', 'coordinator', 'admin') },
      schema: {
        summary: 'Register a household; answers its reference code (shown once) and QR code',
        security: [{ bearer: [] }],
        body: registrationSchema,
        response: { 201: registrationResponse },
      },
    },
    async (request, reply) => {
      const registered = await registration.register(request.body, actorOf(request.principal));
      const qrSvg = await referenceQrSvg(registered.referenceCode);
      // The reference code is a secret of the household: no cache may keep this answer.
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ...registered, qrSvg });
    },
  );
  typed.get(
    '/api/v1/households/:id',
    {
      config: { policy: rolesPolicy('coordinator', 'analyst', 'hotline', 'monitor') },
      schema: {
        summary: 'The operational view of a household (pseudonyms and states, no identity)',
        security: [{ bearer: [] }],
        params: householdParams,
        response: { 200: householdViewResponse },
      },
    },
    async (request) => households.view(request.params.id),
  );
  typed.patch(
    '/api/v1/households/:id/intention',
    {
      config: { policy: CASEWORKERS },
      schema: {
        summary: "Change a household's intention (leave, return, stay under protection)",
        security: [{ bearer: [] }],
        params: householdParams,
        body: intentionChangeSchema,
        response: { 200: householdViewResponse },
      },
    },
    async (request) =>
      households.changeIntention(request.params.id, request.body, actorOf(request.principal)),
  );
  typed.post(
    '/api/v1/households/:id/consents',
    {
      config: { policy: CASEWORKERS },
      schema: {
        summary: 'Record a consent decision about a household or one of its members',
        security: [{ bearer: [] }],
        params: householdParams,
        body: householdConsentSchema,
        response: { 201: consentResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.principal);
      const consent = await households.recordConsent(request.params.id, request.body, actor);
      return reply.code(201).send(consent);
    },
  );
}
