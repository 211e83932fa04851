// The incident routes: open from information items, list, read with history, read the
// narrative (audited), revise as a new version. Staff sessions of analysts, coordinators and
// admins read and write; the hotline may read the list.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorIdOf, staffPolicy } from '../../http/route-policy.ts';
import { ACCESS_PURPOSES } from '../../people/access.ts';
import { SUB_EVENT_TYPE_CODES } from '../model/event-taxonomy.ts';
import { INCIDENT_STATES } from '../model/vocabulary.ts';
import { decodeCursor, encodeCursor } from './incident-cursor.ts';
import { ContentInputSchema, shortText } from './incident.schemas.ts';
import type { IncidentService } from './incident.service.ts';
import { IncidentPageSchema, IncidentViewSchema } from './incident.views.schemas.ts';

/** Staff who triage, revise, propose and confirm. */
export const INCIDENT_WRITERS = staffPolicy('analyst', 'coordinator', 'admin');
const LIST_READERS = staffPolicy('analyst', 'coordinator', 'admin', 'hotline');

/** Why a change was made: operational text that never names people (the narrative does). */
export const Reason = shortText(1000);
/** An incident version as read by the writer. */
export const Version = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
/** The :id of an incident. */
export const Params = z.strictObject({ id: z.uuid() });

/** Most incidents one page returns. */
export const MAX_INCIDENTS = 500;

const OpenBody = z.strictObject({
  itemIds: z.array(z.uuid()).min(1).max(100),
  state: z.enum(['received', 'triaged']).default('received'),
  content: ContentInputSchema,
  reason: Reason,
});

const ListQuery = z.strictObject({
  state: z.enum(INCIDENT_STATES).optional(),
  subEventType: z.enum(SUB_EVENT_TYPE_CODES).optional(),
  placeId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_INCIDENTS).default(100),
});

const iso = (time: string | undefined) =>
  time === undefined ? undefined : new Date(time).toISOString();

/** Registers the incident routes of open, list, read and revise. */
export function registerIncidentRoutes(app: FastifyInstance, incidents: IncidentService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  typed.post(
    '/api/v1/incidents',
    {
      config: { policy: INCIDENT_WRITERS },
      schema: {
        summary: 'Open an incident from information items (received or triaged)',
        security,
        body: OpenBody,
        response: { 201: IncidentViewSchema },
      },
    },
    async (request, reply) => {
      const view = await incidents.open(request.body, actorIdOf(request));
      return reply.code(201).send(view);
    },
  );
  typed.get(
    '/api/v1/incidents',
    {
      config: { policy: LIST_READERS },
      schema: {
        summary: 'Incidents, newest occurrence first, filtered; keyset pages (`after`)',
        security,
        querystring: ListQuery,
        response: { 200: IncidentPageSchema },
      },
    },
    async (request) => {
      const { after, from, to, ...rest } = request.query;
      const page = await incidents.list({
        ...rest,
        from: iso(from),
        to: iso(to),
        after: after === undefined ? undefined : decodeCursor(after),
      });
      const last = page.at(-1);
      const next = page.length === rest.limit && last !== undefined ? encodeCursor(last) : null;
      return { incidents: page, next };
    },
  );
  typed.get(
    '/api/v1/incidents/:id',
    {
      config: { policy: INCIDENT_WRITERS },
      schema: {
        summary: 'An incident with its versions, transitions, proposals and links',
        security,
        params: Params,
        response: { 200: IncidentViewSchema },
      },
    },
    (request) => incidents.get(request.params.id),
  );
  typed.get(
    '/api/v1/incidents/:id/narrative',
    {
      config: { policy: INCIDENT_WRITERS },
      schema: {
        summary: 'The internal narrative of a version (an audited read)',
        security,
        params: Params,
        querystring: z.strictObject({
          version: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
          purpose: z.enum(ACCESS_PURPOSES).default('verification'),
        }),
        response: {
          200: z.object({ incidentId: z.string(), version: z.number(), narrative: z.string() }),
        },
      },
    },
    (request) => incidents.readNarrative(request.params.id, request.query, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/incidents/:id/versions',
    {
      config: { policy: INCIDENT_WRITERS },
      schema: {
        summary: 'Revise the content as a new version (figures never change by overwrite)',
        security,
        params: Params,
        body: z.strictObject({ version: Version, reason: Reason, content: ContentInputSchema }),
        response: { 200: IncidentViewSchema },
      },
    },
    (request) => incidents.revise(request.params.id, request.body, actorIdOf(request)),
  );
}
