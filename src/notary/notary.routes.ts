import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { rolesPolicy } from '../http/route-policy.ts';
import type { NotaryService } from './notary.service.ts';

const NotaryRequest = z.strictObject({
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '64 hexadecimal digits')
    .transform((hex) => hex.toLowerCase()),
});

const NotaryResponse = z.object({
  index: z.number().int().nonnegative(),
  checkpoint: z.string(),
  proof: z.string(),
});

/** Rate limit per token (or per address for refused calls). */
export interface NotaryRateLimit {
  max: number;
  timeWindowMs: number;
}

/** Registers POST /api/v1/notary. */
export function registerNotaryRoutes(
  app: FastifyInstance,
  deps: { notary: NotaryService; rateLimit: NotaryRateLimit },
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/notary',
    {
      config: {
        policy: rolesPolicy('partner', 'admin'),
        rateLimit: {
          max: deps.rateLimit.max,
          timeWindow: deps.rateLimit.timeWindowMs,
          keyGenerator: (request) => request.principal?.tokenId ?? request.ip,
        },
      },
      schema: {
        summary: 'Notarise a SHA-256 and receive a tlog-proof receipt',
        security: [{ bearer: [] }],
        body: NotaryRequest,
        response: { 200: NotaryResponse },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal === undefined) throw new DomainError('unauthenticated', 'no principal');
      return deps.notary.notarise(principal, request.body.sha256);
    },
  );
}
