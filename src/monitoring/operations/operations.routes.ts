// The mission's own operations over HTTP: access restrictions (recorded by monitors and
// coordinators, published to anyone), patrols (monitors and coordinators; analysts read) and the
// hotline (hotline staff and coordinators; analysts read the contacts and the statistics).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorIdOf, PUBLIC, staffPolicy } from '../../http/route-policy.ts';
import { idSchema } from '../../passage/registry/registry-input.ts';
import { PATROL_STATES } from '../model/operations-vocabulary.ts';
import type { HotlineService } from './hotline.service.ts';
import {
  dayPeriodSchema,
  hotlineContactResponse,
  hotlineResponseSchema,
  hotlineStatisticsResponse,
  newHotlineContactSchema,
  newPatrolSchema,
  newRestrictionSchema,
  patrolTransitionSchema,
  patrolViewResponse,
  restrictionCorrectionSchema,
  restrictionHistoryResponse,
  restrictionQuerySchema,
  restrictionResponse,
} from './operations.schema.ts';
import type { PatrolService } from './patrol.service.ts';
import type { RestrictionService } from './restriction.service.ts';

const params = z.strictObject({ id: idSchema });
const FIELD = staffPolicy('monitor', 'coordinator');
const FIELD_READERS = staffPolicy('monitor', 'coordinator', 'analyst');
const HOTLINE = staffPolicy('hotline', 'coordinator');
const HOTLINE_READERS = staffPolicy('hotline', 'coordinator', 'analyst');

/** The services behind these routes. */
export interface OperationsServices {
  restrictions: RestrictionService;
  patrols: PatrolService;
  hotline: HotlineService;
}

function registerRestrictionRoutes(app: FastifyInstance, service: RestrictionService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/access-restrictions',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: "Restrictions on the mission's access, newest first (published in full)",
        querystring: restrictionQuerySchema,
        response: { 200: z.object({ restrictions: z.array(restrictionResponse) }) },
      },
    },
    async (request) => ({ restrictions: await service.list(request.query) }),
  );
  typed.post(
    '/api/v1/access-restrictions',
    {
      config: { policy: FIELD },
      schema: {
        summary: 'Record a restriction on the mission (a public log entry)',
        security: [{ session: [] }],
        body: newRestrictionSchema,
        response: { 201: restrictionResponse },
      },
    },
    async (request, reply) => {
      const restriction = await service.record(request.body, actorIdOf(request));
      return reply.code(201).send(restriction);
    },
  );
  typed.get(
    '/api/v1/access-restrictions/:id',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'A restriction with every version (its corrections)',
        params,
        response: { 200: restrictionHistoryResponse },
      },
    },
    (request) => service.get(request.params.id),
  );
  typed.post(
    '/api/v1/access-restrictions/:id/versions',
    {
      config: { policy: FIELD },
      schema: {
        summary: 'Correct a restriction by a new version, at the version read (public entry)',
        security: [{ session: [] }],
        params,
        body: restrictionCorrectionSchema,
        response: { 200: restrictionHistoryResponse },
      },
    },
    (request) => service.correct(request.params.id, request.body, actorIdOf(request)),
  );
}

function registerPatrolRoutes(app: FastifyInstance, service: PatrolService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/patrols',
    {
      config: { policy: FIELD },
      schema: {
        summary: 'Plan a patrol',
        security: [{ session: [] }],
        body: newPatrolSchema,
        response: { 201: patrolViewResponse },
      },
    },
    async (request, reply) => {
      const view = await service.plan(request.body, actorIdOf(request));
      return reply.code(201).send(view);
    },
  );
  typed.get(
    '/api/v1/patrols',
    {
      config: { policy: FIELD_READERS },
      schema: {
        summary: 'Patrols by planned start, newest first, optionally in one state',
        security: [{ session: [] }],
        querystring: z.strictObject({
          state: z.enum(PATROL_STATES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ patrols: z.array(patrolViewResponse.shape.patrol) }) },
      },
    },
    async (request) => ({ patrols: await service.list(request.query) }),
  );
  typed.get(
    '/api/v1/patrols/:id',
    {
      config: { policy: FIELD_READERS },
      schema: {
        summary: 'A patrol with its transitions and the restrictions that hit it',
        security: [{ session: [] }],
        params,
        response: { 200: patrolViewResponse },
      },
    },
    (request) => service.get(request.params.id),
  );
  typed.post(
    '/api/v1/patrols/:id/transitions',
    {
      config: { policy: FIELD },
      schema: {
        summary: 'Move a patrol through its machine (at the version read, with why)',
        security: [{ session: [] }],
        params,
        body: patrolTransitionSchema,
        response: { 200: patrolViewResponse },
      },
    },
    (request) => service.transition(request.params.id, request.body, actorIdOf(request)),
  );
}

function registerHotlineRoutes(app: FastifyInstance, service: HotlineService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/hotline-contacts',
    {
      config: { policy: HOTLINE },
      schema: {
        summary: 'Record a hotline contact (the caller by pseudonym only)',
        security: [{ session: [] }],
        body: newHotlineContactSchema,
        response: { 201: hotlineContactResponse },
      },
    },
    async (request, reply) => {
      const contact = await service.take(request.body, actorIdOf(request));
      return reply.code(201).send(contact);
    },
  );
  typed.get(
    '/api/v1/hotline-contacts',
    {
      config: { policy: HOTLINE_READERS },
      schema: {
        summary: 'Contacts received over a period of days, newest first',
        security: [{ session: [] }],
        querystring: z.strictObject({
          from: z.iso.date(),
          to: z.iso.date(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ contacts: z.array(hotlineContactResponse) }) },
      },
    },
    async (request) => {
      const { limit, ...period } = request.query;
      return { contacts: await service.list(period, limit) };
    },
  );
  typed.post(
    '/api/v1/hotline-contacts/:id/response',
    {
      config: { policy: HOTLINE },
      schema: {
        summary: 'Record the response to a contact (at the version read)',
        security: [{ session: [] }],
        params,
        body: hotlineResponseSchema,
        response: { 200: hotlineContactResponse },
      },
    },
    (request) => service.respond(request.params.id, request.body, actorIdOf(request)),
  );
  typed.get(
    '/api/v1/hotline-contacts/statistics',
    {
      config: { policy: HOTLINE_READERS },
      schema: {
        summary: 'Contacts per day and response-time median and p90 over a period of days',
        security: [{ session: [] }],
        querystring: dayPeriodSchema,
        response: { 200: hotlineStatisticsResponse },
      },
    },
    (request) => service.statistics(request.query),
  );
}

/** Registers the routes of restrictions, patrols and the hotline. */
export function registerOperationsRoutes(app: FastifyInstance, services: OperationsServices): void {
  registerRestrictionRoutes(app, services.restrictions);
  registerPatrolRoutes(app, services.patrols);
  registerHotlineRoutes(app, services.hotline);
}
