// Intake routes of staff and partners: the hotline takes calls, analysts and coordinators enter
// what reached them otherwise (a channel of their choosing), partners submit reports with their
// bearer token. Each answers only the new item's id and time: a caller who may submit may not
// necessarily read the queue.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../errors/domain-error.ts';
import { callerOf, rolesPolicy, staffPolicy } from '../../../http/route-policy.ts';
import { actorOf } from '../../../passage/field/field-context.ts';
import type { Channel } from '../../model/vocabulary.ts';
import type { InfoItem } from '../database/info-item.repository.ts';
import { instantSchema, publicItemSchema, staffItemSchema } from './item-input.ts';
import type { ItemIntake } from './item-intake.ts';

/** How far in the future a stated receipt time may lie (clock skew), in milliseconds. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Channels staff may enter by hand (captures, residents and imports have their own paths). */
const STAFF_CHANNELS = [
  'hotline_call',
  'monitor_observation',
  'patrol_report',
  'partner_report',
] as const satisfies readonly Channel[];

const staffBody = staffItemSchema.extend({
  channel: z.enum(STAFF_CHANNELS).default('hotline_call'),
  receivedAt: instantSchema.optional(),
});

const accepted = z.object({ id: z.string(), receivedAt: z.string(), version: z.number() });

function acceptedOf(item: InfoItem): z.infer<typeof accepted> {
  return { id: item.id, receivedAt: item.receivedAt, version: item.version };
}

/** Registers POST /api/v1/info-items (staff) and POST /api/v1/partner-reports. */
export function registerItemIntakeRoutes(
  app: FastifyInstance,
  deps: { intake: ItemIntake; now: () => Date },
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/info-items',
    {
      config: { policy: staffPolicy('hotline', 'analyst', 'coordinator') },
      schema: {
        summary: 'Enter an information item (the hotline: its calls; analysts: any channel)',
        security: [{ session: [] }],
        body: staffBody,
        response: { 201: accepted },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request);
      const { channel, receivedAt, ...input } = request.body;
      if (principal.role === 'hotline' && channel !== 'hotline_call') {
        throw new DomainError('forbidden', 'the hotline enters hotline calls only');
      }
      if (
        receivedAt !== undefined &&
        Date.parse(receivedAt) > deps.now().getTime() + CLOCK_SKEW_MS
      ) {
        throw new DomainError('invalid_request', 'receivedAt lies in the future', {
          details: [{ path: 'receivedAt', code: 'in_future' }],
        });
      }
      const item = await deps.intake.submit(input, {
        channel,
        collectedBy: actorOf(principal),
        ...(receivedAt === undefined ? {} : { receivedAt }),
      });
      return reply.code(201).send(acceptedOf(item));
    },
  );
  typed.post(
    '/api/v1/partner-reports',
    {
      config: { policy: rolesPolicy('partner') },
      schema: {
        summary: "Submit a partner organisation's report (verbatim account, sealed)",
        security: [{ bearer: [] }],
        body: publicItemSchema,
        response: { 201: accepted },
      },
    },
    async (request, reply) => {
      const item = await deps.intake.submit(request.body, {
        channel: 'partner_report',
        collectedBy: actorOf(callerOf(request)),
      });
      return reply.code(201).send(acceptedOf(item));
    },
  );
}
