// The witness's HTTP interface: POST /add-checkpoint (C2SP tlog-witness@v1.0.0 §"HTTP
// Interface"), on its own small Fastify app with the same hardening as the main one (security
// headers, a body limit, no 5xx for any input). Bodies are read as raw bytes whatever their
// content type: the spec names none, and the parser trusts nothing in them.
import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { WitnessErrorCode } from './witness-error.ts';
import { isWitnessError } from './witness-error.ts';
import type { Witness } from './witness.service.ts';

/**
 * Largest request body accepted (413 above): an old size line, 63 proof lines (45 bytes each)
 * and a checkpoint note with a handful of signatures fit in a few KiB.
 */
export const WITNESS_BODY_LIMIT = 64 * 1024;

/** The 409 body's content type (C2SP tlog-witness §add-checkpoint). */
export const TLOG_SIZE_TYPE = 'text/x.tlog.size';

const TEXT = 'text/plain; charset=utf-8';

const STATUS: Record<WitnessErrorCode, number> = {
  malformed_request: 400,
  bad_signature: 403,
  unknown_log: 404,
  conflict: 409,
  inconsistent: 422,
};

/** Options of {@link buildWitnessApp}. */
export interface WitnessAppOptions {
  witness: Witness;
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | { level: string };
}

/**
 * A ready-to-listen witness app.
 *
 * @example const app = await buildWitnessApp({ witness }); await app.listen({ port: 7380 });
 */
export async function buildWitnessApp(options: WitnessAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: WITNESS_BODY_LIMIT,
    trustProxy: false,
    forceCloseConnections: true,
    frameworkErrors: (_error, _request, reply) => {
      void sendText(reply, 400, 'bad request\n');
    },
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
  await app.register(fastifyHelmet, { global: true });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Fastify's own client errors (body too large, bad content length) keep their 4xx.
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendText(reply, status, 'refused\n');
    request.log.error({ err: error }, 'unhandled error');
    return sendText(reply, 500, 'internal error\n');
  });
  app.setNotFoundHandler((_request, reply) => sendText(reply, 404, 'not found\n'));
  const witness = options.witness;
  app.post('/add-checkpoint', (request, reply) => {
    const body = request.body instanceof Uint8Array ? request.body : new Uint8Array(0);
    try {
      return sendText(reply, 200, witness.addCheckpoint(body));
    } catch (error) {
      if (!isWitnessError(error)) throw error;
      return sendRefusal(reply, error.code, error);
    }
  });
  await app.ready();
  return app;
}

function sendRefusal(
  reply: FastifyReply,
  code: WitnessErrorCode,
  error: { message: string; knownSize: number | undefined },
): FastifyReply {
  if (code === 'conflict' && error.knownSize !== undefined) {
    return reply.code(409).type(TLOG_SIZE_TYPE).send(`${error.knownSize}\n`);
  }
  return sendText(reply, STATUS[code], `${code}: ${error.message}\n`);
}

function sendText(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type(TEXT).send(body);
}
