// The commitment register over HTTP: published to anyone (GET), written by analysts and
// coordinators; links and the per-commitment view over time are staff-only. What the public sees
// of the links is GET /api/v1/commitments/:id/evidence (src/transparency/commitment-evidence).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorIdOf, PUBLIC, staffPolicy } from '../../http/route-policy.ts';
import { idSchema } from '../../passage/registry/registry-input.ts';
import {
  commitmentResponse,
  commitmentRevisionSchema,
  linkResponse,
  newCommitmentSchema,
  newLinkSchema,
  publicCommitmentResponse,
  timelineResponse,
  withdrawalSchema,
} from './commitment.schema.ts';
import type { CommitmentService } from './commitment.service.ts';

const WRITERS = staffPolicy('analyst', 'coordinator');
const params = z.strictObject({ id: idSchema });

/** Most commitments one list returns. */
export const MAX_COMMITMENTS = 500;

/** Registers the commitment routes. */
export function registerCommitmentRoutes(app: FastifyInstance, service: CommitmentService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/commitments',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'The public register of commitments, newest first',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(MAX_COMMITMENTS).default(100),
        }),
        response: { 200: z.object({ commitments: z.array(commitmentResponse) }) },
      },
    },
    async (request) => ({ commitments: await service.list(request.query.limit) }),
  );
  typed.get(
    '/api/v1/commitments/:id',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'A commitment with every version',
        params,
        response: { 200: publicCommitmentResponse },
      },
    },
    (request) => service.get(request.params.id),
  );
  typed.post(
    '/api/v1/commitments',
    {
      config: { policy: WRITERS },
      schema: {
        summary: 'Register a commitment (a public log entry)',
        security: [{ session: [] }],
        body: newCommitmentSchema,
        response: { 201: publicCommitmentResponse },
      },
    },
    async (request, reply) => {
      const view = await service.register(request.body, actorIdOf(request));
      return reply.code(201).send(view);
    },
  );
  typed.post(
    '/api/v1/commitments/:id/versions',
    {
      config: { policy: WRITERS },
      schema: {
        summary: 'A new version of a commitment, at the version read (a public log entry)',
        security: [{ session: [] }],
        params,
        body: commitmentRevisionSchema,
        response: { 200: publicCommitmentResponse },
      },
    },
    (request) => service.revise(request.params.id, request.body, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/commitments/:id/links',
    {
      config: { policy: WRITERS },
      schema: {
        summary: 'Link an incident or observation as evidence of breach or compliance',
        security: [{ session: [] }],
        params,
        body: newLinkSchema,
        response: { 201: linkResponse },
      },
    },
    async (request, reply) => {
      const link = await service.link(request.params.id, request.body, actorIdOf(request));
      return reply.code(201).send(link);
    },
  );
  typed.post(
    '/api/v1/commitment-links/:id/withdrawal',
    {
      config: { policy: WRITERS },
      schema: {
        summary: 'Withdraw a link (a record of its own; the link is kept)',
        security: [{ session: [] }],
        params,
        body: withdrawalSchema,
        response: { 200: linkResponse },
      },
    },
    (request) => service.withdraw(request.params.id, request.body, actorIdOf(request)),
  );
  typed.get(
    '/api/v1/commitments/:id/timeline',
    {
      config: { policy: staffPolicy() },
      schema: {
        summary: 'A commitment over time: versions, linked evidence, breach/compliance per month',
        security: [{ session: [] }],
        params,
        response: { 200: timelineResponse },
      },
    },
    (request) => service.timeline(request.params.id),
  );
}
