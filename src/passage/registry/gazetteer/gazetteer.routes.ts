// The gazetteer over HTTP: published to anyone (GET), changed by coordinators and admins.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC, rolesPolicy } from '../../../http/route-policy.ts';
import { PLACE_KINDS } from '../../database/passage-vocabulary.ts';
import { idSchema } from '../registry-input.ts';
import {
  controlChangeSchema,
  newPlaceSchema,
  placeResponse,
  placeWithControlResponse,
  routeLegResponse,
  routeLegsSchema,
} from './gazetteer.schema.ts';
import type { GazetteerService } from './gazetteer.service.ts';

const EDITORS = rolesPolicy('admin', 'coordinator');
const placeParams = z.strictObject({ id: idSchema });

/** Registers the gazetteer routes (places, control, route legs). */
export function registerGazetteerRoutes(app: FastifyInstance, gazetteer: GazetteerService): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/places',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'The published gazetteer: places (optionally of one kind) and route legs',
        querystring: z.strictObject({ kind: z.enum(PLACE_KINDS).optional() }),
        response: {
          200: z.object({ places: z.array(placeResponse), routeLegs: z.array(routeLegResponse) }),
        },
      },
    },
    async (request) => gazetteer.gazetteer(request.query.kind),
  );
  typed.get(
    '/api/v1/places/:id',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'One place with its control history',
        params: placeParams,
        response: { 200: placeWithControlResponse },
      },
    },
    async (request) => gazetteer.getPlace(request.params.id),
  );
  typed.post(
    '/api/v1/places',
    {
      config: { policy: EDITORS },
      schema: {
        summary: 'Add a place (a public log entry)',
        security: [{ bearer: [] }],
        body: newPlaceSchema,
        response: { 201: placeWithControlResponse },
      },
    },
    async (request, reply) => {
      const place = await gazetteer.addPlace(request.body);
      return reply.code(201).send(place);
    },
  );
  typed.post(
    '/api/v1/places/:id/control',
    {
      config: { policy: EDITORS },
      schema: {
        summary: 'Record who controls a place from when (a public log entry)',
        security: [{ bearer: [] }],
        params: placeParams,
        body: controlChangeSchema,
        response: { 200: placeWithControlResponse },
      },
    },
    async (request) => gazetteer.changeControl(request.params.id, request.body),
  );
  typed.put(
    '/api/v1/route-legs',
    {
      config: { policy: EDITORS },
      schema: {
        summary: 'Insert or replace expected transit times between places (public log entries)',
        security: [{ bearer: [] }],
        body: routeLegsSchema,
        response: { 200: z.object({ routeLegs: z.array(routeLegResponse) }) },
      },
    },
    async (request) => ({ routeLegs: await gazetteer.saveRouteLegs(request.body) }),
  );
}
