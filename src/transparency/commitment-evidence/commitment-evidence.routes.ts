// A commitment's published evidence over HTTP: public, like the register itself. The handler
// validates, declares its policy and calls one service method.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../http/route-policy.ts';
import { LINK_BEARINGS } from '../../monitoring/model/commitment-vocabulary.ts';
import { idSchema } from '../../passage/registry/registry-input.ts';
import type { CommitmentEvidenceService } from './commitment-evidence.service.ts';

/** A commitment's published evidence. */
export const commitmentEvidenceResponse = z.object({
  commitmentId: z.string(),
  incidentsRelease: z.number().nullable(),
  evidence: z.array(
    z.object({
      relation: z.enum(LINK_BEARINGS),
      linkedOn: z.string(),
      publicId: z.string(),
      releaseVersion: z.number(),
    }),
  ),
});

/** Registers GET /api/v1/commitments/:id/evidence. */
export function registerCommitmentEvidenceRoutes(
  app: FastifyInstance,
  service: CommitmentEvidenceService,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/commitments/:id/evidence',
    {
      config: { policy: PUBLIC },
      schema: {
        summary:
          "A commitment's evidence that is public: standing links to incidents of the latest incidents release, by public id",
        params: z.strictObject({ id: idSchema }),
        response: { 200: commitmentEvidenceResponse },
      },
    },
    (request) => service.evidence(request.params.id),
  );
}
