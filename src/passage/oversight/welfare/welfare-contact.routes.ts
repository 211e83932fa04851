// Welfare contacts for staff: the list (coordinators plan, monitors visit, the hotline calls)
// and recording a contact made. The household's own check-in is in portal-check-in.routes.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../errors/domain-error.ts';
import { rolesPolicy } from '../../../http/route-policy.ts';
import { CONTACT_MODES } from '../../database/passage-vocabulary.ts';
import { WELFARE_CONTACT_STATES } from '../../model/states.ts';
import type { WelfareContactService } from './welfare-contact.service.ts';

/** Who may list welfare contacts. */
export const WELFARE_READERS = ['coordinator', 'monitor', 'hotline'] as const;
/** Who may record a contact made. */
export const WELFARE_RECORDERS = ['monitor', 'hotline', 'coordinator'] as const;

/** A welfare contact as the API shows it (ids, times, states: no person data). */
export const WelfareContactSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  dueAt: z.string(),
  mode: z.enum(CONTACT_MODES),
  state: z.enum(WELFARE_CONTACT_STATES),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
});

const ListQuery = z.strictObject({
  state: z.enum(WELFARE_CONTACT_STATES).default('scheduled'),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Registers GET /api/v1/welfare-contacts and POST /api/v1/welfare-contacts/:id/done. */
export function registerWelfareContactRoutes(
  app: FastifyInstance,
  service: WelfareContactService,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/welfare-contacts',
    {
      config: { policy: rolesPolicy(...WELFARE_READERS) },
      schema: {
        summary: 'Welfare contacts in one state (default scheduled), earliest due first',
        security: [{ bearer: [] }, { session: [] }],
        querystring: ListQuery,
        response: { 200: z.object({ contacts: z.array(WelfareContactSchema) }) },
      },
    },
    async (request) => ({ contacts: await service.list(request.query) }),
  );
  typed.post(
    '/api/v1/welfare-contacts/:id/done',
    {
      config: { policy: rolesPolicy(...WELFARE_RECORDERS) },
      schema: {
        summary: 'Record a welfare contact made (a visit, or a check-in taken by phone)',
        security: [{ bearer: [] }, { session: [] }],
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({ mode: z.enum(CONTACT_MODES) }),
        response: { 200: WelfareContactSchema },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal === undefined) throw new DomainError('unauthenticated', 'no principal');
      const by = principal.userId ?? principal.tokenId;
      return service.markDone(request.params.id, { mode: request.body.mode, by });
    },
  );
}
