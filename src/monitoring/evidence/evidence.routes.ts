// The evidence routes other than the upload (evidence-upload.route.ts): metadata, the custody
// chain, the original (an audited download), a stripped working copy, hash checks, links to
// incidents, legal hold and deletion. Originals and copies are sent as attachments, never
// rendered by the browser under Vigil's origin (an uploaded file is attacker-controlled).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorIdOf, staffPolicy } from '../../http/route-policy.ts';
import type { EvidenceAccessService } from './evidence-access.service.ts';
import { CustodyViewSchema, EvidenceViewSchema } from './evidence-schemas.ts';
import { DELETION_REASONS } from './evidence.service.ts';
import type { EvidenceService } from './evidence.service.ts';

const READERS = staffPolicy('admin', 'coordinator', 'analyst');
const LINKERS = staffPolicy('coordinator', 'analyst');
const KEEPERS = staffPolicy('admin', 'coordinator');
const Params = z.strictObject({ id: z.uuid() });
const security = [{ session: [] }];

function attachment(name: string): string {
  return `attachment; filename="${name}"`;
}

/** Registers the evidence routes (reads and changes). */
export function registerEvidenceRoutes(
  app: FastifyInstance,
  services: { evidence: EvidenceService; access: EvidenceAccessService },
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { evidence, access } = services;
  typed.get(
    '/api/v1/evidence',
    {
      config: { policy: READERS },
      schema: {
        summary: 'The live evidence items of an incident',
        security,
        querystring: z.strictObject({ incidentId: z.uuid() }),
        response: { 200: z.object({ items: z.array(EvidenceViewSchema) }) },
      },
    },
    async (request) => ({ items: await access.listForIncident(request.query.incidentId) }),
  );
  typed.get(
    '/api/v1/evidence/:id',
    {
      config: { policy: READERS },
      schema: {
        summary: 'An evidence item',
        security,
        params: Params,
        response: { 200: EvidenceViewSchema },
      },
    },
    (request) => access.get(request.params.id),
  );
  typed.get(
    '/api/v1/evidence/:id/custody',
    {
      config: { policy: READERS },
      schema: {
        summary: "An evidence item's chain of custody, oldest first",
        security,
        params: Params,
        response: { 200: z.object({ events: z.array(CustodyViewSchema) }) },
      },
    },
    async (request) => ({ events: await access.custody(request.params.id) }),
  );
  typed.get(
    '/api/v1/evidence/:id/original',
    {
      config: { policy: READERS },
      schema: {
        summary: 'Download the original (recorded in the custody chain)',
        security,
        params: Params,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      // A HEAD reads no content, so it leaves no custody event.
      if (request.method === 'HEAD') {
        const view = await access.get(id);
        return reply
          .type('application/octet-stream')
          .header('x-evidence-sha256', view.sha256)
          .send();
      }
      const { stream, view } = await access.openOriginal(id, actorIdOf(request));
      return reply
        .type('application/octet-stream')
        .header('content-disposition', attachment(`${id}.bin`))
        .header('x-evidence-sha256', view.sha256)
        .send(stream);
    },
  );
  typed.get(
    '/api/v1/evidence/:id/file-name',
    {
      config: { policy: READERS },
      schema: {
        summary: 'The original file name (sealed at rest; recorded in the custody chain)',
        security,
        params: Params,
        response: { 200: z.object({ fileName: z.string().nullable() }) },
      },
    },
    async (request) => {
      if (request.method === 'HEAD') {
        await access.get(request.params.id);
        return { fileName: null };
      }
      return { fileName: await access.fileName(request.params.id, actorIdOf(request)) };
    },
  );
  registerChanges(app, evidence, access);
}

function registerChanges(
  app: FastifyInstance,
  evidence: EvidenceService,
  access: EvidenceAccessService,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/evidence/:id/working-copy',
    {
      config: { policy: READERS },
      schema: {
        summary: 'A shareable copy with EXIF/GPS metadata stripped (JPEG, PNG)',
        security,
        params: Params,
      },
    },
    async (request, reply) => {
      const copy = await access.workingCopy(request.params.id, actorIdOf(request));
      const extension = copy.mediaType === 'image/jpeg' ? 'jpg' : 'png';
      return reply
        .type(copy.mediaType)
        .header('content-disposition', attachment(`${request.params.id}-copy.${extension}`))
        .send(Buffer.from(copy.bytes));
    },
  );
  typed.post(
    '/api/v1/evidence/:id/hash-check',
    {
      config: { policy: READERS },
      schema: {
        summary: 'Re-hash the stored file and compare with the hash taken at intake',
        security,
        params: Params,
        response: {
          200: z.object({
            result: z.enum(['match', 'mismatch', 'unreadable']),
            sha256: z.string(),
            computed: z.string().nullable(),
          }),
        },
      },
    },
    (request) => access.checkHash(request.params.id, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/evidence/:id/links',
    {
      config: { policy: LINKERS },
      schema: {
        summary: 'Link the item to an incident',
        security,
        params: Params,
        body: z.strictObject({ incidentId: z.uuid() }),
        response: { 200: EvidenceViewSchema },
      },
    },
    (request) => evidence.link(request.params.id, request.body.incidentId, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/evidence/:id/legal-hold',
    {
      config: { policy: KEEPERS },
      schema: {
        summary: 'Set (hold: true) or release a legal hold',
        security,
        params: Params,
        body: z.strictObject({ hold: z.boolean(), version: z.number().int().min(1) }),
        response: { 200: EvidenceViewSchema },
      },
    },
    (request) => evidence.setHold(request.params.id, request.body, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/evidence/:id/deletion',
    {
      config: { policy: KEEPERS },
      schema: {
        summary:
          'Delete the item (refused with legal_hold while held); the file is crypto-shredded',
        security,
        params: Params,
        body: z.strictObject({
          version: z.number().int().min(1),
          reason: z.enum(DELETION_REASONS),
        }),
        response: { 200: EvidenceViewSchema },
      },
    },
    (request) => evidence.delete(request.params.id, request.body, actorIdOf(request)),
  );
}
