// Convoy manifests over HTTP: coordinators and admins draw them up; the staff who plan, watch and
// analyse a convoy read them, and so do the monitors' registered devices, which must know the
// convoy's vehicles and journeys before they lose signal at the checkpoint. A manifest holds ids
// and states only (no identity, no plate); a lost device is revoked like any credential.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy } from '../../../http/route-policy.ts';
import type { RoutePolicy } from '../../../http/route-policy.ts';
import type { PassageContext } from '../../passage-context.ts';
import { idSchema } from '../registry-input.ts';
import { manifestCreatedResponse, manifestResponse, newManifestSchema } from './manifest.schema.ts';
import { ManifestService } from './manifest.service.ts';

const MANAGERS = rolesPolicy('coordinator', 'admin');
const READERS: RoutePolicy = {
  roles: ['coordinator', 'analyst', 'monitor', 'admin'],
  via: ['session', 'device'],
};
const operationParams = z.strictObject({ id: idSchema });

/** Registers the manifest routes on a service built from `context`. */
export function registerManifestRoutes(app: FastifyInstance, context: PassageContext): void {
  const manifests = new ManifestService(context);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/operations/:id/manifests',
    {
      config: { policy: MANAGERS },
      schema: {
        summary: 'Put a vehicle and listed journeys on a convoy before it leaves',
        security: [{ bearer: [] }],
        params: operationParams,
        body: newManifestSchema,
        response: { 201: manifestCreatedResponse },
      },
    },
    async (request, reply) => {
      const created = await manifests.create(request.params.id, request.body);
      return reply.code(201).send(created);
    },
  );
  typed.get(
    '/api/v1/operations/:id/manifests',
    {
      config: { policy: READERS },
      schema: {
        summary: "An operation's vehicles and their journeys' states (no identity, no plate)",
        security: [{ session: [] }, { bearer: [] }],
        params: operationParams,
        response: { 200: z.array(manifestResponse) },
      },
    },
    async (request) => manifests.list(request.params.id),
  );
}
