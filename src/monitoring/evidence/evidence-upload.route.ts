// POST /api/v1/evidence: the one route whose body is not JSON. In its own encapsulated scope an
// application/octet-stream body reaches the handler as the raw request stream (Fastify's
// buffering parsers and 64 KiB body limit do not apply), so a 200 MB file is streamed to disk,
// never held in memory. Any other body (JSON, text) is refused with unsupported_media_type.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';
import { actorIdOf, staffPolicy } from '../../http/route-policy.ts';
import { EvidenceViewSchema } from './evidence-schemas.ts';
import type { EvidenceService } from './evidence.service.ts';

const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;

/** The header that carries the original file name, percent-encoded UTF-8. */
export const FILE_NAME_HEADER = 'x-evidence-file-name';

const UploadQuery = z.strictObject({
  mediaType: z.string().max(127).regex(MEDIA_TYPE).default('application/octet-stream'),
  incidentId: z.uuid().optional(),
});

const UPLOADERS = staffPolicy('admin', 'coordinator', 'analyst', 'monitor');

function fileNameOf(request: FastifyRequest): string | undefined {
  const header = request.headers[FILE_NAME_HEADER];
  if (header === undefined) return undefined;
  let name: string | undefined;
  try {
    name = typeof header === 'string' ? decodeURIComponent(header) : undefined;
  } catch {
    name = undefined;
  }
  if (name === undefined || name.length === 0 || name.length > 255 || /[\p{Cc}]/u.test(name)) {
    throw new DomainError('invalid_request', 'the file name header is malformed');
  }
  return name;
}

function declaredLength(request: FastifyRequest): number | undefined {
  const length = Number(request.headers['content-length']);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/** Registers the streaming upload route in its own scope. */
export function registerUploadRoute(app: FastifyInstance, evidence: EvidenceService): void {
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser('application/octet-stream', (_request, payload, parsed) => {
      parsed(null, payload);
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/evidence',
      {
        config: { policy: UPLOADERS },
        schema: {
          summary: 'Upload an evidence file (application/octet-stream body, streamed)',
          security: [{ session: [] }],
          querystring: UploadQuery,
          response: { 201: EvidenceViewSchema },
        },
      },
      async (request, reply) => {
        const source = request.body;
        if (!(source instanceof Readable)) {
          throw new DomainError(
            'unsupported_media_type',
            'send the file as application/octet-stream',
          );
        }
        const actor = actorIdOf(request);
        try {
          const fileName = fileNameOf(request);
          const length = declaredLength(request);
          const view = await evidence.upload(
            {
              source,
              mediaType: request.query.mediaType,
              ...(length === undefined ? {} : { declaredLength: length }),
              ...(fileName === undefined ? {} : { fileName }),
              ...(request.query.incidentId === undefined
                ? {}
                : { incidentId: request.query.incidentId }),
            },
            actor,
          );
          return await reply.code(201).send(view);
        } catch (error) {
          // The rest of a refused body is not read: answer, then close the connection.
          if (!source.readableEnded) {
            void reply.header('connection', 'close');
            source.resume();
          }
          throw error;
        }
      },
    );
    done();
  });
}
