// The workflow routes: transitions (two-person steps answer 202 with what is awaited until a
// second, different user confirms), merging a duplicate, linking information items (which
// reopens an unverified incident) and passage cases.
import { actorIdOf } from '../../http/route-policy.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INCIDENT_STATES } from '../model/vocabulary.ts';
import { CASE_KINDS } from './incident.repository.ts';
import type { IncidentService } from './incident.service.ts';
import { ApprovalSchema, IncidentViewSchema } from './incident.views.schemas.ts';
import type { IncidentWorkflow } from './incident-workflow.service.ts';
import { INCIDENT_WRITERS, Params, Reason, Version } from './incident.routes.ts';

/** The services behind the workflow routes. */
export interface WorkflowRouteDeps {
  incidents: IncidentService;
  workflow: IncidentWorkflow;
}

const ProposedSchema = z.object({
  status: z.literal('proposed'),
  approval: ApprovalSchema,
  awaiting: z.literal('a second, different user to confirm'),
});

/** Registers the workflow routes. */
export function registerWorkflowRoutes(app: FastifyInstance, deps: WorkflowRouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  const config = { policy: INCIDENT_WRITERS };
  typed.post(
    '/api/v1/incidents/:id/transitions',
    {
      config,
      schema: {
        summary: 'Move an incident (two-person steps: 202 until a second user confirms)',
        security,
        params: Params,
        body: z.strictObject({ to: z.enum(INCIDENT_STATES), version: Version, reason: Reason }),
        response: { 200: IncidentViewSchema, 202: ProposedSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const outcome = await deps.workflow.transition(id, request.body, actorIdOf(request));
      if (outcome.status === 'proposed') {
        return reply.code(202).send({
          status: 'proposed',
          approval: outcome.approval,
          awaiting: 'a second, different user to confirm',
        });
      }
      return reply.code(200).send(await deps.incidents.get(id));
    },
  );
  typed.post(
    '/api/v1/incidents/:id/merge',
    {
      config,
      schema: {
        summary: 'Merge a duplicate into another incident',
        security,
        params: Params,
        body: z.strictObject({ into: z.uuid(), version: Version, reason: Reason }),
        response: { 200: IncidentViewSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      await deps.workflow.merge(id, request.body, actorIdOf(request));
      return deps.incidents.get(id);
    },
  );
  typed.post(
    '/api/v1/incidents/:id/items',
    {
      config,
      schema: {
        summary: 'Link new information items (reopens an unverified incident)',
        security,
        params: Params,
        body: z.strictObject({ itemIds: z.array(z.uuid()).min(1).max(100), reason: Reason }),
        response: { 200: IncidentViewSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { itemIds, reason } = request.body;
      await deps.workflow.linkItems(id, itemIds, { reason, actor: actorIdOf(request) });
      return deps.incidents.get(id);
    },
  );
  typed.post(
    '/api/v1/incidents/:id/cases',
    {
      config,
      schema: {
        summary: 'Link a held-person case or tracing request',
        security,
        params: Params,
        body: z.strictObject({ caseKind: z.enum(CASE_KINDS), caseId: z.uuid() }),
        response: { 201: IncidentViewSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await deps.workflow.linkCase(id, request.body, actorIdOf(request));
      return reply.code(201).send(await deps.incidents.get(id));
    },
  );
}
