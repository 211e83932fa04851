// Sources over HTTP: analysts and coordinators create, list, read and grade them; the contact
// is read through a POST (so nothing about it reaches a URL or an access log) by the hotline
// or a coordinator, audited by the vault, like POST /api/v1/people/:personRef/identity.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isStaffRole } from '../../../auth/roles.ts';
import { DomainError } from '../../../errors/domain-error.ts';
import { staffPolicy } from '../../../http/route-policy.ts';
import { ACCESS_PURPOSES } from '../../../people/access.ts';
import { identitySchema } from '../../../people/identity.ts';
import { identityResponse } from '../../../passage/registry/people/people.schema.ts';
import { actorOf } from '../../../passage/registry/registry-actor.ts';
import { lineOfText } from '../../../passage/registry/registry-input.ts';
import { RELIABILITIES, SOURCE_KINDS } from '../../model/vocabulary.ts';
import { idSchema, reasonSchema } from '../items/item-input.ts';
import type { SourceService } from './source.service.ts';

/** Most sources one list answers. */
export const MAX_SOURCES = 500;

const GRADERS = staffPolicy('analyst', 'coordinator');
const CONTACT_READERS = staffPolicy('hotline', 'coordinator');

const versionSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
const params = z.strictObject({ id: idSchema });

const sourceResponse = z.object({
  id: z.string(),
  kind: z.enum(SOURCE_KINDS),
  label: z.string(),
  reliability: z.enum(RELIABILITIES),
  atRisk: z.boolean(),
  hasContact: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const sourceView = z.object({
  source: sourceResponse,
  gradings: z.array(
    z.object({
      version: z.number(),
      reliability: z.enum(RELIABILITIES),
      reason: z.string(),
      at: z.string(),
      actor: z.string(),
    }),
  ),
});

/** A code name: letters, digits and a few separators, never a person's name by rule of use. */
const labelSchema = lineOfText(64).pipe(z.string().regex(/^[\p{L}\p{N} ._-]+$/u));

const createBody = z.strictObject({
  kind: z.enum(SOURCE_KINDS),
  label: labelSchema,
  reliability: z.enum(RELIABILITIES).default('F'),
  reason: reasonSchema,
  atRisk: z.boolean().default(false),
  contact: identitySchema.optional(),
});

const listQuery = z.strictObject({
  kind: z.enum(SOURCE_KINDS).optional(),
  atRisk: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SOURCES).default(100),
});

/** Registers the source routes. */
export function registerSourceRoutes(app: FastifyInstance, sources: SourceService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/sources',
    {
      config: { policy: GRADERS },
      schema: {
        summary: 'Create a source (code name, kind, reliability with reason, contact to vault)',
        security: [{ session: [] }],
        body: createBody,
        response: { 201: sourceView },
      },
    },
    async (request, reply) => {
      const view = await sources.create(request.body, actorOf(request.principal));
      return reply.code(201).header('cache-control', 'no-store').send(view);
    },
  );
  typed.get(
    '/api/v1/sources',
    {
      config: { policy: GRADERS },
      schema: {
        summary: 'Sources by code name',
        security: [{ session: [] }],
        querystring: listQuery,
        response: { 200: z.object({ sources: z.array(sourceResponse) }) },
      },
    },
    async (request) => {
      const { kind, atRisk, limit } = request.query;
      const filter = { kind, limit, atRisk: atRisk === undefined ? undefined : atRisk === 'true' };
      return { sources: await sources.list(filter) };
    },
  );
  typed.get(
    '/api/v1/sources/:id',
    {
      config: { policy: GRADERS },
      schema: {
        summary: 'A source with its reliability gradings',
        security: [{ session: [] }],
        params,
        response: { 200: sourceView },
      },
    },
    (request) => sources.get(request.params.id),
  );
  typed.post(
    '/api/v1/sources/:id/grading',
    {
      config: { policy: GRADERS },
      schema: {
        summary: "Re-grade a source's reliability with a reason (at the version read)",
        security: [{ session: [] }],
        params,
        body: z.strictObject({
          reliability: z.enum(RELIABILITIES),
          reason: reasonSchema,
          version: versionSchema,
        }),
        response: { 200: sourceView },
      },
    },
    (request) => sources.regrade(request.params.id, request.body, actorOf(request.principal)),
  );
  typed.post(
    '/api/v1/sources/:id/risk',
    {
      config: { policy: GRADERS },
      schema: {
        summary: 'Set or clear the risk-to-source flag (at the version read)',
        security: [{ session: [] }],
        params,
        body: z.strictObject({ atRisk: z.boolean(), version: versionSchema }),
        response: { 200: sourceView },
      },
    },
    (request) => sources.setAtRisk(request.params.id, request.body, actorOf(request.principal)),
  );
  typed.post(
    '/api/v1/sources/:id/contact',
    {
      config: { policy: CONTACT_READERS },
      schema: {
        summary: "Read a source's contact for a stated purpose; audited",
        security: [{ session: [] }],
        params,
        body: z.strictObject({ purpose: z.enum(ACCESS_PURPOSES) }),
        response: {
          200: z.object({ sourceId: z.string(), identity: identityResponse.shape.identity }),
        },
      },
    },
    async (request, reply) => {
      const role = request.principal?.role;
      if (role === undefined || !isStaffRole(role)) {
        throw new DomainError('forbidden', 'a staff session is needed');
      }
      const actor = actorOf(request.principal);
      const identity = await sources.readContact(
        request.params.id,
        { actor, role },
        request.body.purpose,
      );
      return reply
        .header('cache-control', 'no-store')
        .send({ sourceId: request.params.id, identity });
    },
  );
}
