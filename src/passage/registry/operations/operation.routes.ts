// Passage operations over HTTP: staff read them (their details are embargoed), coordinators
// and admins create and move them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy, staffPolicy } from '../../../http/route-policy.ts';
import { OPERATION_STATES } from '../../model/states.ts';
import { actorOf } from '../registry-actor.ts';
import { idSchema } from '../registry-input.ts';
import {
  newOperationSchema,
  operationResponse,
  operationTransitionSchema,
  operationWithHistoryResponse,
} from './operation.schema.ts';
import type { OperationService } from './operation.service.ts';

const MANAGERS = rolesPolicy('coordinator', 'admin');
const operationParams = z.strictObject({ id: idSchema });

/** Registers the operation routes. */
export function registerOperationRoutes(app: FastifyInstance, operations: OperationService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/operations',
    {
      config: { policy: MANAGERS },
      schema: {
        summary: 'Create a passage operation (convoy or open window), proposed',
        security: [{ bearer: [] }],
        body: newOperationSchema,
        response: { 201: operationWithHistoryResponse },
      },
    },
    async (request, reply) => {
      const operation = await operations.create(request.body, actorOf(request.principal));
      return reply.code(201).send(operation);
    },
  );
  typed.get(
    '/api/v1/operations',
    {
      config: { policy: staffPolicy() },
      schema: {
        summary: 'Passage operations, optionally in one state',
        security: [{ session: [] }],
        querystring: z.strictObject({ state: z.enum(OPERATION_STATES).optional() }),
        response: { 200: z.object({ operations: z.array(operationResponse) }) },
      },
    },
    async (request) => ({ operations: await operations.list(request.query.state) }),
  );
  typed.get(
    '/api/v1/operations/:id',
    {
      config: { policy: staffPolicy() },
      schema: {
        summary: 'One passage operation with its state history',
        security: [{ session: [] }],
        params: operationParams,
        response: { 200: operationWithHistoryResponse },
      },
    },
    async (request) => operations.get(request.params.id),
  );
  typed.post(
    '/api/v1/operations/:id/transitions',
    {
      config: { policy: MANAGERS },
      schema: {
        summary: 'Move a passage operation to another state (halting needs a reason)',
        security: [{ bearer: [] }],
        params: operationParams,
        body: operationTransitionSchema,
        response: { 200: operationWithHistoryResponse },
      },
    },
    async (request) =>
      operations.transition(request.params.id, request.body, actorOf(request.principal)),
  );
}
